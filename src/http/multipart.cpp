#include "http/multipart.hpp"

#include <algorithm>
#include <string>

namespace toasoan::http {
namespace {

constexpr std::size_t kMaxPartHeaderBytes = 8 * 1024;

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool token_char(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u <= 0x20 || u >= 0x7f) return false;
  return std::string_view("()<>@,;:\\\"/[]?={}").find(c) == std::string_view::npos;
}

// One "; key=value" parameter list: calls `on(key, value)` for each, the value unquoted (its
// quotes dropped, what is between them kept as sent). False for a broken list.
template <typename On>
bool each_parameter(std::string_view rest, On on) {
  for (;;) {
    rest = trim(rest);
    if (rest.empty()) return true;
    if (rest.front() != ';') return false;
    rest = trim(rest.substr(1));
    if (rest.empty()) return true;  // a trailing ';'
    std::size_t eq = rest.find('=');
    if (eq == std::string_view::npos) return false;
    std::string_view key = trim(rest.substr(0, eq));
    rest = trim(rest.substr(eq + 1));
    std::string_view value;
    if (!rest.empty() && rest.front() == '"') {
      std::size_t i = 1;
      while (i < rest.size() && rest[i] != '"') i += rest[i] == '\\' ? 2 : 1;
      if (i >= rest.size()) return false;
      value = rest.substr(1, i - 1);
      rest = rest.substr(i + 1);
    } else {
      std::size_t end = rest.find(';');
      value = trim(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    }
    on(key, value);
  }
}

Error broken(std::string why) { return invalid("Biểu mẫu gửi lên bị hỏng: " + why + "."); }

// The part's headers: Content-Disposition and Content-Type.
Status read_part_head(std::string_view head, FormPart& part) {
  bool disposition = false;
  while (!head.empty()) {
    std::size_t end = head.find('\n');
    std::string_view line = head.substr(0, end);
    head = end == std::string_view::npos ? std::string_view() : head.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return broken("một dòng đầu phần không có dấu hai chấm");
    std::string_view field = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
    if (iequal(field, "content-type")) {
      part.content_type = value;
    } else if (iequal(field, "content-disposition")) {
      std::size_t semi = value.find(';');
      if (!iequal(trim(value.substr(0, semi)), "form-data")) return broken("phần không phải form-data");
      bool named = false;
      bool ok = each_parameter(semi == std::string_view::npos ? std::string_view() : value.substr(semi),
                               [&](std::string_view k, std::string_view v) {
                                 if (iequal(k, "name")) {
                                   part.name = v;
                                   named = true;
                                 } else if (iequal(k, "filename")) {
                                   part.filename = v;
                                   part.has_filename = true;
                                 }
                               });
      if (!ok) return broken("Content-Disposition viết sai");
      if (!named || part.name.empty()) return broken("một phần không có tên trường");
      disposition = true;
    }
  }
  if (!disposition) return broken("một phần thiếu Content-Disposition");
  return ok_status();
}

}  // namespace

std::optional<std::string_view> multipart_boundary(std::string_view content_type) {
  std::size_t semi = content_type.find(';');
  if (!iequal(trim(content_type.substr(0, semi)), "multipart/form-data") || semi == std::string_view::npos)
    return std::nullopt;
  std::optional<std::string_view> boundary;
  bool ok = each_parameter(content_type.substr(semi), [&](std::string_view k, std::string_view v) {
    if (iequal(k, "boundary") && !boundary) boundary = v;
  });
  if (!ok || !boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
  // Inside quotes RFC 2046 allows spaces and a few more; a backslash or a quote never.
  for (char c : *boundary)
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f ||
        (c != ' ' && !token_char(c) && std::string_view("()+,/:=?").find(c) == std::string_view::npos))
      return std::nullopt;
  return boundary;
}

Result<std::vector<FormPart>> parse_multipart(std::string_view body, std::string_view boundary,
                                              std::size_t max_parts) {
  const std::string dash = "--" + std::string(boundary);
  // The first boundary starts the body or a line.
  std::size_t at = body.rfind(dash, 0) == 0 ? 0 : body.find("\n" + dash);
  if (at == std::string_view::npos) return broken("không thấy ranh giới đầu tiên");
  if (at != 0) ++at;
  std::vector<FormPart> parts;
  const std::string next = "\n" + dash;
  for (;;) {
    std::size_t after = at + dash.size();
    std::string_view rest = body.substr(after);
    if (rest.rfind("--", 0) == 0) return parts;  // the closing boundary; an epilogue may follow
    // Transport padding, then the line end.
    std::size_t eol = rest.find('\n');
    if (eol == std::string_view::npos) return broken("dữ liệu bị cắt giữa chừng");
    if (!trim(rest.substr(0, eol)).empty() && trim(rest.substr(0, eol)) != "\r")
      return broken("ranh giới bị nối với chữ khác");
    std::size_t head_start = after + eol + 1;
    std::size_t head_end = body.find("\r\n\r\n", head_start);
    std::size_t data_start = head_end == std::string_view::npos ? head_end : head_end + 4;
    if (std::size_t lf = body.find("\n\n", head_start); lf != std::string_view::npos && lf < head_end) {
      head_end = lf;
      data_start = lf + 2;
    }
    if (head_end == std::string_view::npos) return broken("dữ liệu bị cắt giữa chừng");
    if (head_end - head_start > kMaxPartHeaderBytes) return broken("đầu một phần dài quá");
    if (parts.size() == max_parts) return broken("quá " + std::to_string(max_parts) + " phần");
    FormPart part;
    if (auto h = read_part_head(body.substr(head_start, head_end - head_start), part); !h) return h.error();
    std::size_t end = body.find(next, data_start);
    if (end == std::string_view::npos) return broken("dữ liệu bị cắt giữa chừng");
    std::size_t data_end = end > data_start && body[end - 1] == '\r' ? end - 1 : end;
    part.data = body.substr(data_start, data_end - data_start);
    parts.push_back(part);
    at = end + 1;
  }
}

const FormPart* find_part(const std::vector<FormPart>& parts, std::string_view name) {
  for (const auto& p : parts)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace toasoan::http
