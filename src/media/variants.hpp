// Where a photo's variants live and what they are called. A photo is known by the SHA-256 of
// its original bytes; each variant's file is named from that hash and the variant's slot, so
// the same photo uploaded twice lands on the same files, a name never changes what it shows
// (readers' browsers may keep it a year), and any node can tell from a requested path alone
// which photo and which variant to make when it lacks the file.
//
//   anh/<first two hex digits>/<hash>-<slot>.<webp|jpg>
//   anh/3f/3fa9…c2-960.webp     the 960-wide WebP
//   anh/3f/3fa9…c2-social.jpg   the 1200-wide JPEG for link previews (og:image, feeds)
//
// Slots: "480", "960" and "1600", each in WebP and JPEG, for srcset; a slot wider than the
// original is dropped (never upscaled), and an original narrower than 480 has only slot "480",
// at its own width. "social" is 1200 wide, or the original's width when narrower, JPEG only.
// The original itself is kept in the database (store/photos.hpp), for the newsroom only, and
// has no path here: nothing a reader can ask for names it.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace toasoan::media {

inline constexpr std::string_view kPhotoFolder = "anh";
inline constexpr int kSocialWidth = 1200;

struct Slot {
  std::string name;    // "480", "960", "1600", "social"
  std::string format;  // "webp" or "jpeg"
  int width = 0, height = 0;
};

// The variants a photo of this size has: each srcset slot in WebP then JPEG, narrowest first,
// then "social". Heights keep the aspect ratio, rounded, at least 1.
std::vector<Slot> slots_for(int width, int height);

// "anh/3f/<hash>-960.webp". REQUIRES: `hash` is 64 lowercase hex digits.
std::string variant_path(std::string_view hash, std::string_view slot, std::string_view format);

// What a figure showing a photo of this hash and size names as its image: its widest JPEG
// variant (the page makes the other variants' names from it and the figure's size).
std::string figure_image(std::string_view hash, int width, int height);

struct VariantName {
  std::string hash, slot, format;
};
// The photo and variant a stored media path names, or nullopt when it names none (any other
// file under the media folder, a wrong folder for its hash, an unknown slot or format).
std::optional<VariantName> parse_variant_path(std::string_view path);

// For a figure's image: when it names a variant of an uploaded photo, that photo's variant in
// `slot` and `format` ("social", "jpeg" for link previews and feeds; "480", "jpeg" for a list's
// thumbnail); any other image (an imported file, a URL) unchanged.
std::string photo_variant_or(std::string_view image, std::string_view slot, std::string_view format);

}  // namespace toasoan::media
