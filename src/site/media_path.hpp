// Which media paths the site will open: the one check between a path from a request (or from
// an article's figure) and a file under the media folder.
//
// Thread-safety: pure functions; safe from any thread.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace toasoan::site {

// The longest media path served; far above any real one ("2022/12/hoi-nghi-1200.jpg").
inline constexpr std::size_t kMaxMediaPathBytes = 512;

// True for "2022/12/hoi-nghi.jpg": '/'-separated segments of ASCII letters, digits, '-', '_'
// and '.', none empty and none starting with '.' (so no "..", no hidden files), at most
// kMaxMediaPathBytes in all. The path is taken as written: a percent escape ("%2e%2e") is not
// decoded, and its '%' refuses it, as do a backslash, a NUL or a leading '/'.
bool is_safe_media_path(std::string_view path);

// media_dir / path when is_safe_media_path(path), else nullopt. Says nothing of whether the
// file exists.
std::optional<std::filesystem::path> media_file_path(const std::filesystem::path& media_dir, std::string_view path);

}  // namespace toasoan::site
