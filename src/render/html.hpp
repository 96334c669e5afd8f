// Html: a string builder for pages in which every piece of text is escaped unless it is
// markup the program itself wrote; Xml, the same builder for the RSS feeds and sitemaps.
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

// escape(), and what XML 1.0 has no place for left out: U+0000–U+001F but tab and newline
// (carriage return goes too), U+FFFE, U+FFFF, and every byte of an ill-formed UTF-8 sequence.
// One such character makes a whole feed unreadable to a strict parser, so it is dropped, not
// replaced: text is stored without them (text/controls.hpp), and this is the last guard.
void escape_xml(std::string& out, std::string_view text);

class Html {
 public:
  // XML documents are built the same way; only the escaping of text differs.
  enum class Dialect { html, xml };

  Html() { out_.reserve(16 * 1024); }
  explicit Html(Dialect d) : dialect_(d) { out_.reserve(16 * 1024); }

  Html& operator<<(Markup m) {
    out_.append(m.view());
    return *this;
  }
  Html& operator<<(std::string_view text) {
    if (dialect_ == Dialect::xml) escape_xml(out_, text);
    else escape(out_, text);
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
  Dialect dialect_ = Dialect::html;
  std::string out_;
};

// The builder of XML documents (feeds, sitemaps): text goes through escape_xml().
class Xml : public Html {
 public:
  Xml() : Html(Dialect::xml) {}
};

}  // namespace toasoan::render
