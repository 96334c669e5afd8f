#include "articles/runs.hpp"

#include "articles/limits.hpp"
#include "text/controls.hpp"
#include "text/utf8.hpp"

namespace toasoan::articles {
namespace {

bool starts_with_ascii_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// A character no address needs and that a reader cannot see: C0 and C1 controls, space, DEL,
// no-break space, the Unicode spaces, zero-width and direction marks, line and paragraph
// separators, word joiners and the BOM. REQUIRES: `s` is valid UTF-8; `i` starts a character.
bool hidden_at(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = b(0);
  if (c <= 0x20 || c == 0x7F) return true;
  if (c == 0xC2) return b(1) <= 0xA0;  // U+0080–U+00A0
  if (c == 0xE2 && b(1) == 0x80) return b(2) <= 0x8F || (b(2) >= 0xA8 && b(2) <= 0xAF);  // U+2000–200F, 2028–202F
  if (c == 0xE2 && b(1) == 0x81) return b(2) >= 0x9F && b(2) <= 0xAF;  // U+205F–206F
  if (c == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return true;          // U+3000
  if (c == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return true;          // U+FEFF
  return false;
}

std::size_t char_length(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

}  // namespace

bool allowed_link(std::string_view link) {
  if (link.empty() || link.size() > limits::kLinkBytes || !text::valid_utf8(link)) return false;
  std::size_t scheme = 0;
  for (std::string_view s : {"https://", "http://", "mailto:"})
    if (starts_with_ascii_ci(link, s)) { scheme = s.size(); break; }
  if (scheme == 0 || link.size() == scheme) return false;
  for (std::size_t i = 0; i < link.size(); i += char_length(static_cast<unsigned char>(link[i])))
    if (hidden_at(link, i)) return false;
  return true;
}

std::string runs_text(const std::vector<Run>& runs) {
  std::string out;
  for (const auto& r : runs) out += r.text;
  return out;
}

bool any_marked(const std::vector<Run>& runs) {
  for (const auto& r : runs)
    if (r.marked()) return true;
  return false;
}

bool canonicalise_runs(std::vector<Run>& runs, bool clean) {
  std::vector<Run> out;
  out.reserve(runs.size());
  for (auto& r : runs) {
    // Controls out before NFC, as for every stored text (text/controls.hpp says why).
    if (clean) r.text = text::nfc(text::strip_controls(r.text));
    if (r.text.empty()) continue;
    Run* last = out.empty() ? nullptr : &out.back();
    if (last && last->bold == r.bold && last->italic == r.italic && last->link == r.link) {
      last->text += r.text;
      if (clean) last->text = text::nfc(last->text);
    } else {
      out.push_back(std::move(r));
    }
  }
  runs = std::move(out);
  if (!clean || runs.size() < 2) return true;
  std::string all = runs_text(runs);
  return text::nfc(all) == all;
}

std::string list_text(const std::vector<std::vector<Run>>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += '\n';
    out += runs_text(item);
  }
  return out;
}

}  // namespace toasoan::articles
