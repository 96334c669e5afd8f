#include "articles/import_line.hpp"

#include <vector>

#include <nlohmann/json.hpp>

#include "articles/block_json.hpp"
#include "articles/limits.hpp"
#include "base/clock.hpp"
#include "text/controls.hpp"
#include "text/datetime.hpp"
#include "text/utf8.hpp"

namespace toasoan::articles {
namespace {

using nlohmann::json;


// Text as it is stored: without the control characters XML refuses (text/controls.hpp), then
// NFC.
std::string stored_text(std::string_view s) { return text::nfc(text::strip_controls(s)); }

// A text field as given, or nullopt when the line does not carry it (absent or null): an
// update keeps what the article has for it.
Result<std::optional<std::string>> optional_text(const json& o, const char* name) {
  auto it = o.find(name);
  if (it == o.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return invalid(std::string("\"") + name + "\" phải là chuỗi");
  return std::optional<std::string>(stored_text(it->get_ref<const std::string&>()));
}

// Walks the document with a stack of its own, not by recursion: a line may nest arrays a
// million deep (16 MiB of "[["), which nlohmann parses and frees without recursing, and a
// recursive walk would run out of stack on it.
bool contains_nul(const json& doc) {
  std::vector<const json*> pending{&doc};
  while (!pending.empty()) {
    const json& v = *pending.back();
    pending.pop_back();
    if (v.is_string()) {
      if (v.get_ref<const std::string&>().find('\0') != std::string::npos) return true;
    } else if (v.is_object()) {
      for (const auto& [key, item] : v.items()) {
        if (key.find('\0') != std::string::npos) return true;
        pending.push_back(&item);
      }
    } else if (v.is_array()) {
      for (const auto& item : v) pending.push_back(&item);
    }
  }
  return false;
}

std::string trimmed(std::string s) {
  auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

}  // namespace

Result<Incoming> parse_import_line(std::string_view line) { return parse_import_line(line, unix_now()); }

Result<Incoming> parse_import_line(std::string_view line, std::int64_t now) {
  // nlohmann rejects ill-formed UTF-8 inside strings too, but checking first gives the
  // reader of an import report the real reason instead of a parser offset.
  if (!text::valid_utf8(line)) return invalid("dòng không phải UTF-8 hợp lệ");
  json doc = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return invalid("JSON hỏng");
  // JSON can carry U+0000 as \u0000; PostgreSQL cannot store it, so no store takes it.
  if (line.find("\\u0000") != std::string_view::npos && contains_nul(doc)) return invalid("dòng chứa ký tự NUL (\\u0000)");
  if (!doc.is_object()) return invalid("mỗi dòng phải là một đối tượng JSON");

  Incoming a;
  auto id = doc.find("id");
  if (id == doc.end() || id->is_null()) return invalid("thiếu \"id\"");
  if (id->is_string()) a.external_id = trimmed(id->get<std::string>());
  else if (id->is_number_integer() || id->is_number_unsigned()) a.external_id = id->dump();
  else return invalid("\"id\" phải là chuỗi hoặc số");
  // Cleaned first: NFC can lengthen a string, and the limit is on what is stored.
  a.external_id = trimmed(stored_text(a.external_id));
  if (a.external_id.empty()) return invalid("\"id\" trống");
  if (a.external_id.size() > limits::kIdBytes) return invalid(limits::too_long("id", limits::kIdBytes, true));

  auto title = optional_text(doc, "title");
  if (!title) return title.error();
  a.title = trimmed(title->value_or(std::string()));
  if (a.title.empty()) return invalid("thiếu tiêu đề (\"title\")");
  if (!limits::within_chars(a.title, limits::kTitleChars)) return invalid(limits::too_long("title", limits::kTitleChars));

  auto lead = optional_text(doc, "lead");
  if (!lead) return lead.error();
  if (*lead) {
    a.lead = trimmed(std::move(**lead));
    if (!limits::within_chars(*a.lead, limits::kLeadChars)) return invalid(limits::too_long("lead", limits::kLeadChars));
  }

  if (auto blocks = doc.find("blocks"); blocks != doc.end() && !blocks->is_null()) {
    auto parsed = blocks_from_json(*blocks);
    if (!parsed) return parsed.error();
    a.blocks = std::move(*parsed);
  } else {
    auto body = optional_text(doc, "body");
    if (!body) return body.error();
    if (*body) {
      a.blocks = paragraphs_from_text(**body);
      // The stored form would refuse the article later; refuse it now, while it can be reported.
      if (a.blocks->size() > kMaxBlocks) return invalid("quá nhiều khối nội dung");
    }
  }
  if (a.blocks)
    for (std::size_t i = 0; i < a.blocks->size(); ++i)
      if (auto why = limits::block_over_limit((*a.blocks)[i], i)) return invalid(*why);

  if (auto authors = doc.find("authors"); authors != doc.end() && !authors->is_null()) {
    if (!authors->is_array()) return invalid("\"authors\" phải là một mảng");
    if (authors->size() > limits::kAuthors) return invalid("quá " + std::to_string(limits::kAuthors) + " tác giả");
    a.authors.emplace();
    for (const auto& name : *authors) {
      if (!name.is_string()) return invalid("tên tác giả phải là chuỗi");
      auto n = trimmed(stored_text(name.get_ref<const std::string&>()));
      if (!n.empty()) a.authors->push_back(std::move(n));
    }
  } else {
    auto author = optional_text(doc, "author");
    if (!author) return author.error();
    if (*author) {
      a.authors.emplace();
      // A single string may already be a byline: "Huy Thành - Mạnh Hùng". Counted as it is
      // split, so a string of thousands of names is refused as the array form is.
      std::string_view rest = **author;
      while (!rest.empty()) {
        auto sep = rest.find(" - ");
        auto n = trimmed(std::string(rest.substr(0, sep)));
        if (!n.empty()) {
          if (a.authors->size() == limits::kAuthors)
            return invalid("quá " + std::to_string(limits::kAuthors) + " tác giả");
          a.authors->push_back(std::move(n));
        }
        if (sep == std::string_view::npos) break;
        rest.remove_prefix(sep + 3);
      }
    }
  }
  if (a.authors)
    for (const auto& n : *a.authors)
      if (!limits::within_chars(n, limits::kAuthorChars))
        return invalid("tên tác giả dài quá " + std::to_string(limits::kAuthorChars) + " ký tự");

  auto category = optional_text(doc, "category");
  if (!category) return category.error();
  // An empty name is no name: the article keeps its category (a new one gets the default).
  if (*category && !trimmed(**category).empty()) {
    a.category_name = trimmed(std::move(**category));
    // Category names are unique in both stores; PostgreSQL cannot index a key of several
    // kilobytes, and the failure would stop the whole batch instead of this line.
    if (!limits::within_chars(*a.category_name, limits::kCategoryChars))
      return invalid(limits::too_long("category", limits::kCategoryChars));
  }

  if (auto published = doc.find("published"); published != doc.end() && !published->is_null()) {
    if (!published->is_string()) return invalid("\"published\" phải là chuỗi ngày giờ ISO 8601");
    const std::string& given = published->get_ref<const std::string&>();
    auto t = text::parse_iso8601(given);
    if (!t) return invalid("\"published\" không phải ngày giờ ISO 8601: " + given);
    if (*t < limits::kEarliestPublished)
      return invalid("\"published\" trước 1945-01-01, ngoài kho lưu trữ: " + given);
    if (*t > now + limits::kLatestPublishedAhead)
      return invalid("\"published\" xa hơn một năm sau ngày nhập: " + given);
    a.published = *t;
  }

  auto status = optional_text(doc, "status");
  if (!status) return status.error();
  // Only a status the line states changes one: an update without it never publishes again an
  // article that was taken down.
  if (!*status || (*status)->empty()) a.status = std::nullopt;
  else if (**status == "published") a.status = Status::published;
  else if (**status == "unpublished") a.status = Status::unpublished;
  else return invalid("\"status\" phải là \"published\" hoặc \"unpublished\"");

  return a;
}

}  // namespace toasoan::articles
