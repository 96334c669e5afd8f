// A word-level difference between two texts: runs of equal, inserted and deleted words, the
// words split as the text module splits Vietnamese (syllables separated by spaces and
// punctuation kept with the run they belong to), so "Hội nghị" → "Hội nghị tỉnh" is one
// inserted word. Used for revision history and for showing what someone else changed.
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace toasoan::newsroom {

struct DiffRun {
  enum class Kind { equal, inserted, deleted };
  Kind kind = Kind::equal;
  std::string text;  // the words of the run with the spaces between them as written
};

// Runs in reading order; adjacent runs of one kind are merged. Concatenating the equal and
// deleted runs gives `before`, the equal and inserted runs give `after` (whitespace between
// runs included). Words are compared without their whitespace; where only the spacing after a
// word changed, that spacing is a deleted and an inserted run. Time O((n + m) · d) for d
// differing words, with a bound (1,000 differences) past which everything between the common
// beginning and end is one deletion and one insertion (two 20,000-character blocks rewritten
// entirely stay cheap).
std::vector<DiffRun> word_diff(std::string_view before, std::string_view after);

const char* diff_kind_name(DiffRun::Kind k);  // "equal", "inserted", "deleted"

}  // namespace toasoan::newsroom
