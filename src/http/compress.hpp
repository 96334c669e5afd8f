// gzip and brotli for text responses. Pages are compressed once when they are cached, not
// per request, so the strongest sensible levels are affordable. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace toasoan::http {

// level: 1-9; 9 is the smallest output.
std::string gzip(std::string_view data, int level = 9);
// quality: 0-11; 11 is the smallest output and ~100x slower than 5.
std::string brotli(std::string_view data, int quality = 11);

// Whether a body of this type and size is worth compressing at all.
bool compressible(std::string_view content_type, std::size_t size);

}  // namespace toasoan::http
