// Files compiled into the binary by cmake/Embed.cmake (migrations, static assets, sample
// content). Each embedding library defines `embedded_files()` in its own namespace.
#pragma once

#include <span>
#include <string_view>

namespace toasoan {

struct EmbeddedFile {
  std::string_view name;  // path relative to the embedded folder, with '/' separators
  std::string_view data;
};

}  // namespace toasoan
