// What an uploaded photo is, and what readers get of it: the one place that decodes and
// encodes images, on libvips (docs/decisions.md says why libvips).
//
// A photo is validated by decoding the whole of it, with the loader its bytes say it needs and
// no other: a JPEG, PNG, WebP or HEIC; the generic loaders that could open anything
// (ImageMagick, PDF, SVG…) are blocked at start (start_processing). A decompression bomb is
// refused from its header, before any pixel is decoded. Readers get variants (variants.hpp
// names them): the camera's rotation applied, converted to sRGB, resized (never up), and saved
// with every piece of metadata stripped — EXIF, GPS, XMP, IPTC, the camera's ICC profile — so a
// reporter's position never reaches a reader.
//
// Thread-safety: every function from any thread at once, after start_processing().
//
// Errors (base/result.hpp), each message in Vietnamese for the reporter who sent the file:
// too_large (413) over Limits::max_bytes; unprocessable (422) for an empty file, bytes that are
// none of the four types, a file whose name or type says one type and whose bytes another, too
// many pixels, a file that does not decode whole, a HEIC this libvips cannot read; internal
// when encoding fails (the log says why).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace toasoan::media {

enum class PhotoType { jpeg, png, webp, heic };
std::string_view type_name(PhotoType t);  // "jpeg", "png", "webp", "heic"
std::string_view type_label(PhotoType t);  // "JPEG", "PNG", "WebP", "HEIC": for messages

// The type the bytes are, by their magic numbers alone; nullopt for anything else.
std::optional<PhotoType> sniff(std::string_view bytes);
// The type a file's name (.jpg .jpeg .png .webp .heic .heif, any case) or, without one of those
// extensions, its MIME type claims; nullopt when neither names one of the four.
std::optional<PhotoType> claimed_type(std::string_view filename, std::string_view content_type);

struct Limits {
  std::size_t max_bytes = std::size_t{20} << 20;
  // 60 million pixels: above any camera a newspaper uses (a 50 MP body), while the decoded
  // image (3 bytes a pixel) stays under 200 MB.
  std::uint64_t max_pixels = 60'000'000;
};

// The checks made before any decoding: not empty, within the size limit, one of the four types
// by its bytes, and the type `claimed` (when given). The type, or the refusal inspect() gives.
Result<PhotoType> check_file(std::string_view bytes, std::optional<PhotoType> claimed, const Limits& limits);

struct Inspected {
  PhotoType type = PhotoType::jpeg;
  int width = 0, height = 0;  // as shown: after the EXIF orientation
};

// Validates `bytes` as a photo by decoding all of it. `claimed`: what its name or type said it
// is (nullopt: nothing said).
Result<Inspected> inspect(std::string_view bytes, std::optional<PhotoType> claimed, const Limits& limits);

struct Variant {
  std::string name;    // the slot: "480", "960", "1600", "social"
  std::string format;  // "webp" or "jpeg"
  int width = 0, height = 0;
  std::string bytes;
};

// Every variant of a valid photo, in the order and sizes variants.hpp's slots_for gives.
Result<std::vector<Variant>> make_variants(std::string_view original, const Limits& limits);

struct Processed {
  Inspected photo;
  std::vector<Variant> variants;
};
// inspect() and make_variants() from one decoding, with inspect()'s refusals: what a new
// upload needs (decoding a 24-MP photo is a fifth of its processing).
Result<Processed> process(std::string_view bytes, std::optional<PhotoType> claimed, const Limits& limits);

// Starts libvips once for the process (later calls do nothing): the untrusted loaders blocked,
// no operation cache (each photo is seen once), one thread per operation (the photo queue
// decides how many run at once). Thread-safe.
void start_processing();

}  // namespace toasoan::media
