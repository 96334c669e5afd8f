// The schema's history: numbered SQL files under migrations/<engine>/, compiled into the
// binary. A file "0007_comments.sql" is migration 7; numbers only grow and a shipped file is
// never edited (a fix is a new migration).
#pragma once

#include <algorithm>
#include <span>
#include <string_view>
#include <vector>

#include "base/embedded.hpp"

namespace toasoan::store::migrations {

std::span<const EmbeddedFile> embedded_files();

struct Migration {
  int version = 0;
  std::string_view name;
  std::string_view sql;
};

// The migrations for one engine ("sqlite" or "postgres"), in version order.
inline std::vector<Migration> for_engine(std::string_view engine) {
  std::vector<Migration> out;
  for (const auto& f : embedded_files()) {
    if (f.name.size() <= engine.size() + 1 || f.name.substr(0, engine.size()) != engine ||
        f.name[engine.size()] != '/')
      continue;
    std::string_view file = f.name.substr(engine.size() + 1);
    int v = 0;
    for (char c : file) {
      if (c < '0' || c > '9') break;
      v = v * 10 + (c - '0');
    }
    out.push_back({v, file, f.data});
  }
  std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return out;
}

}  // namespace toasoan::store::migrations
