// Vietnamese alphabetical order, for every list a reader or an editor sees sorted by name
// (categories, tags, authors, the A–Z index): a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u
// ư v x y, with tone marks deciding only between words that are otherwise equal. Byte order
// and fold() order both get this wrong ("Đà Nẵng" must come after every word in d).
// Backed by ICU's collator for locale "vi" (CLDR rules), with normalisation on, so decomposed
// and precomposed spellings of a word are equal.
//
// Thread-safety: a VietnameseCollator is immutable after construction; compare() and
// sort_key() may be called concurrently on one instance. ICU guarantees that its service
// objects are safe for concurrent use through const APIs (ICU User Guide, "ICU Architectural
// Design" → "Thread-safe const APIs"), and this class only ever calls const ICU methods after
// its constructor. Construction clones ICU's cached "vi" collator (under a microsecond after
// the first, which loads the rules); sharing one instance is still the simple choice.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace toasoan::text {

class VietnameseCollator {
 public:
  // Throws std::runtime_error if ICU has no collation data (a broken install).
  VietnameseCollator();
  ~VietnameseCollator();
  VietnameseCollator(VietnameseCollator&&) noexcept;
  VietnameseCollator& operator=(VietnameseCollator&&) noexcept;
  VietnameseCollator(const VietnameseCollator&) = delete;
  VietnameseCollator& operator=(const VietnameseCollator&) = delete;

  // Negative, zero or positive as `a` sorts before, together with or after `b`.
  // Ill-formed UTF-8 compares as U+FFFD.
  int compare(std::string_view a, std::string_view b) const;

  // A byte string whose order under std::string's operator< (bytewise, unsigned, as memcmp and
  // a database BLOB comparison) is the order of compare(): store it to sort in SQL.
  // Keys are valid only between builds of the same ICU version.
  std::string sort_key(std::string_view utf8) const;

 private:
  struct Impl;
  std::unique_ptr<const Impl> impl_;
};

// Sorts `words` into Vietnamese alphabetical order; words that compare equal keep their order.
void sort_vietnamese(std::vector<std::string>& words);

}  // namespace toasoan::text
