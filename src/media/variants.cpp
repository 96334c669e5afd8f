#include "media/variants.hpp"

#include <algorithm>
#include <cmath>

#include "base/digest.hpp"

namespace toasoan::media {
namespace {

constexpr int kSlotWidths[] = {480, 960, 1600};

int scaled_height(int width, int height, int to) {
  return std::max(1, static_cast<int>(std::lround(static_cast<double>(height) * to / width)));
}

std::string_view extension_of(std::string_view format) { return format == "webp" ? "webp" : "jpg"; }

}  // namespace

std::vector<Slot> slots_for(int width, int height) {
  std::vector<Slot> out;
  if (width <= 0 || height <= 0) return out;
  for (int w : kSlotWidths) {
    if (w > width && w != kSlotWidths[0]) break;
    const int to = std::min(w, width);
    for (const char* format : {"webp", "jpeg"})
      out.push_back({std::to_string(w), format, to, scaled_height(width, height, to)});
  }
  const int social = std::min(kSocialWidth, width);
  out.push_back({"social", "jpeg", social, scaled_height(width, height, social)});
  return out;
}

std::string variant_path(std::string_view hash, std::string_view slot, std::string_view format) {
  std::string p(kPhotoFolder);
  p += '/';
  p += hash.substr(0, 2);
  p += '/';
  p += hash;
  p += '-';
  p += slot;
  p += '.';
  p += extension_of(format);
  return p;
}

std::string figure_image(std::string_view hash, int width, int height) {
  std::string slot;
  for (const auto& s : slots_for(width, height))
    if (s.format == "jpeg" && s.name != "social") slot = s.name;
  return variant_path(hash, slot, "jpeg");
}

std::optional<VariantName> parse_variant_path(std::string_view path) {
  // anh/xx/<64 hex>-<slot>.<ext>
  if (path.substr(0, kPhotoFolder.size() + 1) != std::string(kPhotoFolder) + "/") return std::nullopt;
  path.remove_prefix(kPhotoFolder.size() + 1);
  if (path.size() < 3 || path[2] != '/') return std::nullopt;
  std::string_view folder = path.substr(0, 2), name = path.substr(3);
  std::string_view hash = name.substr(0, 64);
  if (!is_sha256_hex(hash) || folder != hash.substr(0, 2) || name.size() < 66 || name[64] != '-') return std::nullopt;
  name.remove_prefix(65);
  std::size_t dot = name.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view slot = name.substr(0, dot), ext = name.substr(dot + 1);
  const bool srcset_slot = slot == "480" || slot == "960" || slot == "1600";
  if (ext == "webp" && srcset_slot) return VariantName{std::string(hash), std::string(slot), "webp"};
  if (ext == "jpg" && (srcset_slot || slot == "social")) return VariantName{std::string(hash), std::string(slot), "jpeg"};
  return std::nullopt;
}

std::string photo_variant_or(std::string_view image, std::string_view slot, std::string_view format) {
  auto v = parse_variant_path(image);
  return v ? variant_path(v->hash, slot, format) : std::string(image);
}

}  // namespace toasoan::media
