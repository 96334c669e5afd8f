// Which media paths the site will open, and how a media path is written in a URL: the one
// check between a path from a request (or from an article's figure) and a file under the media
// folder, and the one encoding of a stored path into an address.
//
// A stored media path is the file's name as written on disk, in NFC ("2022/12/ảnh đẹp.jpg");
// its URL is that path percent-encoded ("/media/2022/12/%E1%BA%A3nh%20%C4%91%E1%BA%B9p.jpg"),
// which is what a browser asks for.
//
// Thread-safety: pure functions; safe from any thread.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace toasoan::site {

// The longest media path served, in bytes once decoded; far above any real one
// ("2022/12/hoi-nghi-1200.jpg").
inline constexpr std::size_t kMaxMediaPathBytes = 512;

// True for a stored path such as "2022/12/hoi-nghi.jpg" or "2022/12/ảnh đẹp.jpg":
// '/'-separated segments, none empty and none starting with '.' (so no "..", no hidden files),
// of valid NFC UTF-8 made of ASCII letters, digits, '-', '_', '.', spaces and any non-ASCII
// character but the C1 controls; at most kMaxMediaPathBytes in all. The path is taken as
// written: a '%' refuses it (decoding is media_request_path's job), as do a backslash, a NUL,
// any other control character, a ':' or a leading '/'.
bool is_safe_media_path(std::string_view path);

// The stored path a request's media path (after "/media/", still percent-encoded) names: the
// escapes decoded, the result made NFC and checked with is_safe_media_path. nullopt for a broken
// escape, an encoded '/' or '\' inside a segment ("a%2Fb.jpg"), invalid UTF-8, or an unsafe
// result ("%2e%2e/x").
std::optional<std::string> media_request_path(std::string_view encoded);

// The stored path percent-encoded for a URL: every byte but ASCII letters, digits, '-', '_',
// '.', '~' and the separating '/' becomes %XX.
std::string encode_media_path(std::string_view path);

// media_dir / path when is_safe_media_path(path), else nullopt. Says nothing of whether the
// file exists.
std::optional<std::filesystem::path> media_file_path(const std::filesystem::path& media_dir, std::string_view path);

}  // namespace toasoan::site
