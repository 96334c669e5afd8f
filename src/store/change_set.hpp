// What one unit of work will append to the change log: its (topic, key) entries in the order
// first recorded, each once however often it was recorded (an import batch that writes an
// article twice, or ten articles of one category, logs it once). Both engines' units of work
// keep one. Not thread-safe: it belongs to its unit of work.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace toasoan::store {

class ChangeSet {
 public:
  using Entry = std::pair<std::string, std::string>;  // topic, key

  void add(std::string_view topic, std::string_view key) {
    Entry e{std::string(topic), std::string(key)};
    if (seen_.insert(e).second) entries_.push_back(std::move(e));
  }
  const std::vector<Entry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<Entry> entries_;
  std::set<Entry> seen_;
};

}  // namespace toasoan::store
