#include "site/media_path.hpp"

#include "http/message.hpp"
#include "text/utf8.hpp"

namespace toasoan::site {
namespace {

bool allowed_ascii(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == ' ';
}

bool unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~';
}

// A segment's characters: the ASCII ones from the list, and every non-ASCII character but the
// C1 controls (U+0080..U+009F, encoded C2 80..C2 9F), which no file name needs and some
// terminals and logs act on. REQUIRES: `seg` is valid UTF-8.
bool allowed_segment(std::string_view seg) {
  for (std::size_t i = 0; i < seg.size(); ++i) {
    auto c = static_cast<unsigned char>(seg[i]);
    if (c < 0x80) {
      if (!allowed_ascii(seg[i])) return false;
    } else if (c == 0xC2 && i + 1 < seg.size() && static_cast<unsigned char>(seg[i + 1]) < 0xA0) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool is_safe_media_path(std::string_view path) {
  if (path.empty() || path.size() > kMaxMediaPathBytes) return false;
  if (!text::valid_utf8(path)) return false;
  std::size_t start = 0;
  while (true) {
    auto slash = path.find('/', start);
    std::string_view seg = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (seg.empty() || seg.front() == '.') return false;
    if (!allowed_segment(seg)) return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  // One spelling per name: a file is found under its NFC name only, so two addresses of one
  // picture (NFC and NFD) do not both exist.
  return text::nfc(path) == path;
}

std::optional<std::string> media_request_path(std::string_view encoded) {
  if (encoded.size() > 3 * kMaxMediaPathBytes) return std::nullopt;
  // An encoded separator would join two segments the check sees as one.
  for (std::size_t i = 0; i + 2 < encoded.size(); ++i)
    if (encoded[i] == '%' && encoded[i + 1] == '2' && (encoded[i + 2] == 'f' || encoded[i + 2] == 'F'))
      return std::nullopt;
  std::string decoded;
  if (!http::percent_decode(encoded, decoded, false)) return std::nullopt;
  if (!text::valid_utf8(decoded)) return std::nullopt;
  // A browser sends what the page wrote (NFC); a path typed on another system may come
  // decomposed, and names the same file.
  std::string path = text::nfc(decoded);
  if (!is_safe_media_path(path)) return std::nullopt;
  return path;
}

std::string encode_media_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size() * 3);
  for (char c : path) {
    if (unreserved(c) || c == '/') {
      out.push_back(c);
    } else {
      auto b = static_cast<unsigned char>(c);
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0x0F]);
    }
  }
  return out;
}

std::optional<std::filesystem::path> media_file_path(const std::filesystem::path& media_dir, std::string_view path) {
  if (!is_safe_media_path(path)) return std::nullopt;
  return media_dir / std::filesystem::path(std::string(path));
}

}  // namespace toasoan::site
