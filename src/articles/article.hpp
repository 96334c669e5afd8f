// The newspaper's content model: categories, articles and the blocks an article's body is
// made of. Plain values with no behaviour beyond what their fields say; every layer above the
// store speaks in these types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace toasoan::articles {

// A stretch of a paragraph, heading, quote or list item with the same marks: bold, italic, a
// link. `link` is "" or an address link.hpp's allowed_link() accepts.
struct Run {
  std::string text;
  bool bold = false;
  bool italic = false;
  std::string link;

  bool marked() const { return bold || italic || !link.empty(); }
  bool operator==(const Run&) const = default;
};

// One piece of an article's body, in reading order.
//
// Marks live in `runs`; `text` is what search, counts and snippets read, so it is always the
// plain text: for a paragraph, heading or quote with runs, the concatenation of their texts;
// for a list, its items' texts joined by "\n". The parsers keep runs only when one of them
// carries a mark or a link (a plain block is its `text` alone), merge neighbours with the same
// marks and drop empty ones, so each body has one form and survives JSON unchanged.
struct Block {
  enum class Type { paragraph, heading, quote, figure, list };
  Type type = Type::paragraph;
  std::string text;       // paragraph, heading, quote; list: the items' texts joined by "\n"
  std::vector<Run> runs;  // paragraph, heading, quote: `text` with its marks; empty: `text` is plain
  std::string cite;       // quote: who said it (optional)
  std::string image;      // figure: media path relative to the media root, "" when the photo is missing
  std::string caption;    // figure: shown under the image
  std::string credit;     // figure: who took the photo or where it is from ("Đỗ Hùng", "TTXVN")
  std::string alt;        // figure: text alternative; the caption stands in when empty
  int width = 0;          // figure: intrinsic pixel size, 0 when unknown
  int height = 0;
  bool ordered = false;                // list: numbered (<ol>) rather than bulleted (<ul>)
  std::vector<std::vector<Run>> items;  // list: each item's runs, never empty

  bool operator==(const Block&) const = default;
};

enum class Status { published, unpublished };

struct Category {
  std::int64_t id = 0;
  std::string name;  // "Thời sự"
  std::string slug;  // "thoi-su"
  int position = 0;  // order in menus and on the home page
};

// What lists show: enough for a headline link with its date and lead.
struct Summary {
  std::int64_t id = 0;
  std::string title;
  std::string slug;
  std::string lead;
  std::string category_name;
  std::string category_slug;
  std::int64_t published_at = 0;  // Unix seconds
  std::string image;              // first figure's image, "" when none
  int image_width = 0;
  int image_height = 0;
  std::int64_t updated_at = 0;
  std::int64_t comment_count = 0;  // approved readers' comments (store/comments.hpp)
};

// One month of the archive: how many articles were published in it (Vietnam time) and when
// the last of them changed.
struct ArchiveMonth {
  int year = 0;
  int month = 0;
  std::int64_t articles = 0;
  std::int64_t last_modified = 0;  // Unix seconds
};

struct Article {
  std::int64_t id = 0;       // our own number; part of the public URL
  std::string external_id;   // the id it was imported under ("seed-1"); unique
  std::string title;
  std::string slug;
  std::string lead;
  std::vector<Block> blocks;
  std::vector<std::string> authors;
  std::int64_t category_id = 0;
  std::string category_name;
  std::string category_slug;
  Status status = Status::published;
  std::int64_t published_at = 0;
  std::int64_t updated_at = 0;
  // The latest correction (đính chính) the newsroom published, shown on the page with its time;
  // "" and 0 when none.
  std::string correction_note;
  std::int64_t corrected_at = 0;
  std::int64_t comment_count = 0;  // approved readers' comments (store/comments.hpp)
  bool comments_closed = false;    // the newsroom closed comments here
};

// The category of an article that arrives without one.
inline constexpr std::string_view kDefaultCategory = "Tin tức";

// An article as it arrives from outside (an import line, the sample content), before it has
// our id. Text fields are already NFC.
//
// A field left empty (nullopt) was not given: a new article takes its default (no lead, no
// body, no authors, kDefaultCategory, published now), and an existing one keeps what it has,
// so a line that corrects a title cannot erase the body or publish a retracted article. The
// title is always given.
struct Incoming {
  std::string external_id;
  std::string title;
  std::optional<std::string> lead;
  std::optional<std::vector<Block>> blocks;
  std::optional<std::vector<std::string>> authors;
  std::optional<std::string> category_name;  // created when new
  std::optional<std::int64_t> published;     // Unix seconds
  std::optional<Status> status;
};
// "Huy Thành - Mạnh Hùng": how a byline joins several authors on the page.
std::string byline(const std::vector<std::string>& authors);

}  // namespace toasoan::articles
