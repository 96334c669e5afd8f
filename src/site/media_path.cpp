#include "site/media_path.hpp"

#include <string>

namespace toasoan::site {
namespace {

bool allowed(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.';
}

}  // namespace

bool is_safe_media_path(std::string_view path) {
  if (path.empty() || path.size() > kMaxMediaPathBytes) return false;
  std::size_t start = 0;
  while (true) {
    auto slash = path.find('/', start);
    std::string_view seg = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (seg.empty() || seg.front() == '.') return false;
    for (char c : seg)
      if (!allowed(c)) return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

std::optional<std::filesystem::path> media_file_path(const std::filesystem::path& media_dir, std::string_view path) {
  if (!is_safe_media_path(path)) return std::nullopt;
  return media_dir / std::filesystem::path(std::string(path));
}

}  // namespace toasoan::site
