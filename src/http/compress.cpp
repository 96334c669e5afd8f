#include "http/compress.hpp"

#include <brotli/encode.h>
#include <zlib.h>

namespace toasoan::http {

// Below this a compressed body plus its header costs more than it saves.
constexpr std::size_t kMinCompressBytes = 512;

std::string gzip(std::string_view data, int level) {
  z_stream zs{};
  // 15 + 16: zlib's way of asking for a gzip wrapper instead of a raw zlib stream.
  if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

std::string brotli(std::string_view data, int quality) {
  std::size_t size = BrotliEncoderMaxCompressedSize(data.size());
  if (size == 0) return {};
  std::string out(size, '\0');
  // Window 22 is brotli's default.
  if (!BrotliEncoderCompress(quality, 22, BROTLI_MODE_TEXT, data.size(), reinterpret_cast<const uint8_t*>(data.data()),
                             &size, reinterpret_cast<uint8_t*>(out.data())))
    return {};
  out.resize(size);
  return out;
}

bool compressible(std::string_view type, std::size_t size) {
  if (size < kMinCompressBytes) return false;
  return type.starts_with("text/") || type.starts_with("application/json") ||
         type.starts_with("application/javascript") || type.starts_with("application/xml") ||
         type.starts_with("application/rss+xml") || type.starts_with("image/svg+xml");
}

}  // namespace toasoan::http
