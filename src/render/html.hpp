// Html: a string builder for pages in which every piece of text is escaped unless it is
// markup the program itself wrote.
//
// Escaping is the default because it cannot be forgotten: a std::string or string_view — a
// title, a caption, a query — always goes through escape(). Only a `"..."_html` literal,
// which must be a compile-time constant (consteval), or another Html passes through as
// markup. So text from a database or a request cannot become markup by accident, and a
// title holding "<script>" shows as text. Not thread-safe; one builder per page.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace toasoan::render {

// Markup written in the program's source: only a string literal can become one.
class Markup {
 public:
  consteval explicit Markup(std::string_view s) : s_(s) {}
  constexpr std::string_view view() const { return s_; }

 private:
  std::string_view s_;
};

namespace literals {
consteval Markup operator""_html(const char* s, std::size_t n) { return Markup(std::string_view(s, n)); }
}  // namespace literals

// Appends `text` to `out` with & < > " ' replaced by entities: safe in element content and
// in quoted attribute values.
void escape(std::string& out, std::string_view text);

class Html {
 public:
  Html() { out_.reserve(16 * 1024); }

  Html& operator<<(Markup m) {
    out_.append(m.view());
    return *this;
  }
  Html& operator<<(std::string_view text) {
    escape(out_, text);
    return *this;
  }
  Html& operator<<(const std::string& text) { return *this << std::string_view(text); }
  Html& operator<<(const char* text) { return *this << std::string_view(text); }
  Html& operator<<(std::int64_t n) {
    out_.append(std::to_string(n));
    return *this;
  }
  Html& operator<<(int n) { return *this << static_cast<std::int64_t>(n); }
  // Another builder's output was escaped as it was built.
  Html& operator<<(const Html& fragment) {
    out_.append(fragment.out_);
    return *this;
  }

  // Writes JSON as the body of a <script type="application/ld+json"> element: '<', '>' and
  // '&' become \u003c, \u003e and \u0026 (equal in JSON), so no value can close the element.
  // REQUIRES: `json` is JSON produced by a serialiser, not text from outside.
  Html& json_script(std::string_view json);

  bool empty() const { return out_.empty(); }
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace toasoan::render
