#include "comments/rules.hpp"

#include <algorithm>
#include <cctype>

#include "text/controls.hpp"
#include "text/count.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace toasoan::comments {
namespace {

// What JavaScript's String.prototype.trim() takes off (White_Space, line terminators and
// U+FEFF), as UTF-8, so browser and server agree on where a comment starts and ends.
constexpr std::string_view kSpaces[] = {
    " ", "\t", "\n", "\v", "\f", "\r", "\xC2\xA0", "\xC2\x85", "\xE1\x9A\x80", "\xE2\x80\x80", "\xE2\x80\x81",
    "\xE2\x80\x82", "\xE2\x80\x83", "\xE2\x80\x84", "\xE2\x80\x85", "\xE2\x80\x86", "\xE2\x80\x87", "\xE2\x80\x88",
    "\xE2\x80\x89", "\xE2\x80\x8A", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80",
    "\xEF\xBB\xBF"};

std::string trim(std::string_view s) {
  for (bool again = true; again && !s.empty();) {
    again = false;
    for (auto sp : kSpaces) {
      if (s.starts_with(sp)) {
        s.remove_prefix(sp.size());
        again = true;
      }
      if (s.ends_with(sp)) {
        s.remove_suffix(sp.size());
        again = true;
      }
    }
  }
  return std::string(s);
}

// Folded words with everything that is not a letter or digit as one space, padded with spaces,
// so " dm " is found in " hom nay dm qua " and not in " admin ".
std::string word_form(std::string_view utf8) {
  std::string folded = text::fold(utf8);
  std::string out = " ";
  for (unsigned char c : folded) {
    // A dot or apostrophe inside a word ("đ.m") joins rather than splits, so the dotted
    // spelling hits too. Bytes of other scripts (fold leaves Vietnamese ASCII) are letters.
    if (c == '.' || c == '\'') continue;
    if (c >= 0x80 || std::isalnum(c)) out += static_cast<char>(c);
    else if (out.back() != ' ') out += ' ';
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

Error refused(std::string field, std::string_view message) { return invalid_field(std::move(field), std::string(message)); }

bool plausible_email(std::string_view e) {
  if (e.size() > kMaxEmailBytes) return false;
  auto at = e.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= e.size() || e.find('@', at + 1) != std::string_view::npos)
    return false;
  for (char c : e)
    if (static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '>' || c == '"' || c == ',') return false;
  return e.find('.', at) != std::string_view::npos;
}

}  // namespace

DisallowedWords::DisallowedWords(const std::vector<std::string>& words) {
  for (const auto& w : words) {
    std::string f = word_form(w);
    if (f.size() > 2) folded_.push_back(std::move(f));
  }
}

bool DisallowedWords::hits(std::string_view text) const {
  if (folded_.empty()) return false;
  std::string t = word_form(text);
  return std::any_of(folded_.begin(), folded_.end(), [&](const std::string& w) { return t.find(w) != std::string::npos; });
}

std::string clean_text(std::string_view raw) { return trim(text::nfc(text::strip_controls(raw))); }

std::string clean_line(std::string_view raw) {
  std::string s = clean_text(raw);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\n' || c == '\t') c = ' ';
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

int count_links(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  int n = 0;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    std::string_view rest(lower.data() + i, lower.size() - i);
    if (rest.starts_with("http://") || rest.starts_with("https://")) {
      ++n;
      i += 7;
      if (std::string_view(lower.data() + i, lower.size() - i).starts_with("www.")) i += 4;
    } else if (rest.starts_with("www.")) {
      ++n;
      i += 3;
    }
  }
  return n;
}

Result<std::string> check_content(std::string_view raw) {
  std::string content = clean_text(raw);
  const auto n = text::count_chars(content);
  if (n < static_cast<std::size_t>(kMinChars)) return refused("content", kTooShort);
  if (n > static_cast<std::size_t>(kMaxChars)) return refused("content", kTooLong);
  return content;
}

Result<store::NewComment> check(const Draft& draft, const DisallowedWords& words) {
  if (!draft.website.empty()) return refused("website", kHoneypot);
  store::NewComment c;
  c.name = clean_line(draft.name);
  const auto name_chars = text::count_chars(c.name);
  if (name_chars < static_cast<std::size_t>(kMinNameChars) || name_chars > static_cast<std::size_t>(kMaxNameChars))
    return refused("name", kBadName);
  std::string email = clean_line(draft.email);
  std::transform(email.begin(), email.end(), email.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (!email.empty() && !plausible_email(email)) return refused("email", kBadEmail);
  c.email = std::move(email);
  auto content = check_content(draft.content);
  if (!content) return content.error();
  c.content = std::move(*content);
  if (count_links(c.content) > kMaxLinks) c.flags.push_back("links");
  if (words.hits(c.content) || words.hits(c.name)) c.flags.push_back("words");
  return c;
}

}  // namespace toasoan::comments
