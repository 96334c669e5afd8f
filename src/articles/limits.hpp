// The limits on every field an article brings from outside, in one place so that every way in
// (import lines, their blocks, the sample content) refuses the same articles for the same
// reason. Text limits count characters (code points after NFC, text::count_chars), the way a
// reader counts them; ids and media paths are keys and paths, so theirs count bytes.
//
// Thread-safety: constants and a pure function; safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "articles/article.hpp"

namespace toasoan::articles::limits {

// A headline is read at a glance; the longest in the corpus is under 250.
inline constexpr std::size_t kTitleChars = 300;
// A sapo is a paragraph or two; it is also every list's teaser and the page description.
inline constexpr std::size_t kLeadChars = 2000;
// One paragraph, heading or quote: long essays' paragraphs stay far below.
inline constexpr std::size_t kBlockTextChars = 20000;
// A figure's caption or alt text, or a quote's source: a line or two beside the thing itself.
inline constexpr std::size_t kFigureTextChars = 1000;
// A photo's credit (tác giả ảnh / nguồn): a name or an agency, as the photo library keeps it.
inline constexpr std::size_t kCreditChars = 200;
// A byline names a handful of people; more is a list pasted by mistake, whichever form it came in.
inline constexpr std::size_t kAuthors = 20;
// One author's name, with a title or agency ("PV Ban Thời sự - TTXVN") to spare.
inline constexpr std::size_t kAuthorChars = 100;
// A section name fits a menu; unique names are an index key on both engines.
inline constexpr std::size_t kCategoryChars = 100;
// The id at the source: a unique key on both engines, and PostgreSQL cannot index a huge one.
inline constexpr std::size_t kIdBytes = 200;
// A media path or photo URL: far above real paths, below what a file system or a URL allows.
inline constexpr std::size_t kImagePathBytes = 512;
// A link in an article's text: far above any real address, below what browsers and crawlers
// handle without trouble.
inline constexpr std::size_t kLinkBytes = 2000;

// The earliest publication time an article may carry: 1945-01-01 00:00 Vietnam time, the
// start of a national newspaper's archive. Every page, feed and sitemap handles it (times
// before 1970 are negative Unix seconds).
inline constexpr std::int64_t kEarliestPublished = -788943600;
inline constexpr int kEarliestYear = 1945;  // the year of kEarliestPublished, for archive addresses
// How far ahead an article may be scheduled (it stays hidden until its time): a year and a
// day, so a date a year on is accepted in a leap year too. Further is a typo, and such an
// article would sit on top of every list once published.
inline constexpr std::int64_t kLatestPublishedAhead = 366 * 86400;

// The characters of `s` as text::count_chars counts them; a string no longer in bytes than
// `limit` cannot hold more characters, so only longer ones are counted.
bool within_chars(std::string_view s, std::size_t limit);

// Why `field` (named as the import format names it) is over its limit, for an error message:
// "\"title\" dài quá 300 ký tự".
std::string too_long(std::string_view field, std::size_t limit, bool bytes = false);

// A figure's width or height in pixels: far above any real photo, and in the range every layer
// handles.
inline constexpr int kImageSidePixels = 20000;

// The first field of a block over its limit, named as the import format names it ("text",
// "cite", "caption", "credit", "alt", "image"), with that limit and whether it counts bytes.
struct OverLimit {
  std::string_view field;
  std::size_t limit = 0;
  bool bytes = false;
};
std::optional<OverLimit> field_over_limit(const Block& b);

// The first limit one block breaks, as a message naming the field and the block (0-based
// index, reported 1-based), or nullopt.
std::optional<std::string> block_over_limit(const Block& b, std::size_t index);

}  // namespace toasoan::articles::limits
