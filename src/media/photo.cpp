// libvips stays inside this file: its headers (GLib's among them) reach no other.
#include "media/photo.hpp"

#include <vips/vips.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "base/log.hpp"
#include "media/variants.hpp"

namespace toasoan::media {
namespace {

constexpr int kJpegQuality = 82;
constexpr int kWebpQuality = 80;

// A VipsImage reference, dropped on every path.
class Image {
 public:
  Image() = default;
  explicit Image(VipsImage* p) : p_(p) {}
  Image(const Image&) = delete;
  Image& operator=(const Image&) = delete;
  Image(Image&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  Image& operator=(Image&& o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~Image() {
    if (p_) g_object_unref(p_);
  }
  VipsImage* get() const { return p_; }
  VipsImage** out() { return &p_; }  // REQUIRES: empty
  explicit operator bool() const { return p_ != nullptr; }

 private:
  VipsImage* p_ = nullptr;
};

// What libvips said, for the log only: its words are not the reporter's.
std::string vips_said() {
  std::string s = vips_error_buffer();
  vips_error_clear();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

Error unreadable(std::string_view why) {
  log::info("photo refused: " + std::string(why));
  return unprocessable("Không đọc được ảnh: tệp bị hỏng hoặc không trọn vẹn.");
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool heif_readable() {
  static const bool readable = vips_type_find("VipsOperation", "heifload_buffer") != 0;
  return readable;
}

// Loads with the one loader the type needs. Lazy: only the header is read here. Sequential,
// because decode() reads it once, top to bottom, into memory: a loader opened for random access
// first decodes the whole photo into a buffer of its own, and the copy then doubles it (a 24-MP
// JPEG: 188 MB at the peak instead of 117, bench/README.md "Photos").
Result<Image> load(std::string_view bytes, PhotoType type) {
  Image img;
  void* buf = const_cast<char*>(bytes.data());
  const auto n = bytes.size();
  constexpr auto seq = VIPS_ACCESS_SEQUENTIAL;
  int rc = -1;
  switch (type) {
    case PhotoType::jpeg: rc = vips_jpegload_buffer(buf, n, img.out(), "fail_on", VIPS_FAIL_ON_ERROR, "access", seq, nullptr); break;
    case PhotoType::png: rc = vips_pngload_buffer(buf, n, img.out(), "fail_on", VIPS_FAIL_ON_ERROR, "access", seq, nullptr); break;
    case PhotoType::webp: rc = vips_webpload_buffer(buf, n, img.out(), "fail_on", VIPS_FAIL_ON_ERROR, "access", seq, nullptr); break;
    case PhotoType::heic:
      if (!heif_readable()) return unprocessable("Máy chủ này không đọc được ảnh HEIC; bạn vui lòng gửi JPEG.");
      rc = vips_heifload_buffer(buf, n, img.out(), "fail_on", VIPS_FAIL_ON_ERROR, "access", seq, nullptr);
      break;
  }
  if (rc != 0) return unreadable(vips_said());
  return img;
}

// The checks before any pixel is decoded, then the whole photo decoded into memory (a file cut
// short fails here), turned as the camera said.
Result<Image> decode(std::string_view bytes, std::optional<PhotoType> claimed, const Limits& limits,
                     PhotoType* type_out = nullptr) {
  auto type = check_file(bytes, claimed, limits);
  if (!type) return type.error();
  auto img = load(bytes, *type);
  if (!img) return img.error();
  const auto w = static_cast<std::uint64_t>(vips_image_get_width(img->get()));
  const auto h = static_cast<std::uint64_t>(vips_image_get_height(img->get()));
  if (w == 0 || h == 0 || w * h > limits.max_pixels)
    return unprocessable("Ảnh " + std::to_string(w) + "×" + std::to_string(h) + " điểm ảnh là quá lớn (tối đa " +
                         std::to_string(limits.max_pixels / 1'000'000) + " triệu điểm ảnh).");
  Image whole(vips_image_copy_memory(img->get()));
  if (!whole) return unreadable(vips_said());
  Image turned;
  if (vips_autorot(whole.get(), turned.out(), nullptr) != 0) return unreadable(vips_said());
  if (type_out) *type_out = *type;
  return turned;
}

Error cannot_encode(std::string_view what) {
  log::error("photo: " + std::string(what) + ": " + vips_said());
  return Error{ErrorKind::internal, "Không tạo được các cỡ ảnh."};
}

// A copy of `in` without any metadata a reader's file must not carry. The savers' own "strip"
// is not enough in every libvips (8.14's WebP saver writes EXIF despite it), so the fields go
// before saving: EXIF (with GPS), XMP, IPTC, the ICC profile, the orientation, comments.
Result<Image> without_metadata(VipsImage* in) {
  Image copy;
  if (vips_copy(in, copy.out(), nullptr) != 0) return cannot_encode("copying");
  gchar** fields = vips_image_get_fields(copy.get());
  for (gchar** f = fields; f && *f; ++f) {
    std::string_view name(*f);
    if (name.starts_with("exif-") || name.starts_with("xmp-") || name.starts_with("iptc-") || name.starts_with("icc-") ||
        name.starts_with("png-comment") || name == VIPS_META_ORIENTATION || name.starts_with("gif-comment") ||
        name.starts_with("heif-") || name == "jpeg-thumbnail-data")
      vips_image_remove(copy.get(), *f);
  }
  g_strfreev(fields);
  return copy;
}

// A WebP file without its EXIF, XMP and ICC chunks, its VP8X flags saying so. libvips 8.14's
// WebP saver writes an EXIF chunk (its resolution, and whatever EXIF the image still had) even
// when told to strip; the container is simple enough to take the chunks out afterwards.
// Anything that is not a well-formed RIFF WEBP is returned as it is (the caller's check finds it).
std::string webp_without_metadata(std::string bytes) {
  const std::string_view head(bytes);
  if (head.size() < 12 || head.substr(0, 4) != "RIFF" || head.substr(8, 4) != "WEBP") return bytes;
  auto u32 = [&](std::size_t at) {
    return std::uint32_t(std::uint8_t(bytes[at])) | std::uint32_t(std::uint8_t(bytes[at + 1])) << 8 |
           std::uint32_t(std::uint8_t(bytes[at + 2])) << 16 | std::uint32_t(std::uint8_t(bytes[at + 3])) << 24;
  };
  std::string out = bytes.substr(0, 12);
  for (std::size_t at = 12; at + 8 <= bytes.size();) {
    const std::string_view fourcc(bytes.data() + at, 4);
    const std::size_t size = u32(at + 4), whole = 8 + size + (size & 1);
    if (at + 8 + size > bytes.size()) return bytes;
    if (fourcc != "EXIF" && fourcc != "XMP " && fourcc != "ICCP") {
      std::string chunk = bytes.substr(at, std::min(whole, bytes.size() - at));
      // VP8X flags: ICC 0x20, EXIF 0x08, XMP 0x04.
      if (fourcc == "VP8X" && chunk.size() > 8) chunk[8] = static_cast<char>(std::uint8_t(chunk[8]) & ~0x2C);
      out += chunk;
    }
    at += whole;
  }
  const std::uint32_t riff = static_cast<std::uint32_t>(out.size() - 8);
  for (int i = 0; i < 4; ++i) out[4 + i] = static_cast<char>((riff >> (8 * i)) & 0xFF);
  return out;
}

// One variant: resized to exactly `slot`'s size (sRGB, the profile applied), flattened onto
// white for JPEG, saved without metadata.
Result<Variant> encode(VipsImage* photo, const Slot& slot) {
  Image sized;
  if (vips_thumbnail_image(photo, sized.out(), slot.width, "height", slot.height, "size", VIPS_SIZE_FORCE, nullptr) != 0)
    return cannot_encode("resizing");
  Image flat;
  VipsImage* out = sized.get();
  if (slot.format == "jpeg" && vips_image_hasalpha(out)) {
    const int colours = std::max(1, vips_image_get_bands(out) - 1);
    double white[3] = {255, 255, 255};
    VipsArrayDouble* background = vips_array_double_new(white, std::min(colours, 3));
    int rc = vips_flatten(out, flat.out(), "background", background, nullptr);
    vips_area_unref(VIPS_AREA(background));
    if (rc != 0) return cannot_encode("flattening");
    out = flat.get();
  }
  auto bare = without_metadata(out);
  if (!bare) return bare.error();
  out = bare->get();
  void* buf = nullptr;
  size_t len = 0;
  int rc = slot.format == "webp"
               ? vips_webpsave_buffer(out, &buf, &len, "Q", kWebpQuality, "strip", TRUE, nullptr)
               : vips_jpegsave_buffer(out, &buf, &len, "Q", kJpegQuality, "interlace", TRUE, "strip", TRUE,
                                      "optimize_coding", TRUE, nullptr);
  if (rc != 0) return cannot_encode("saving " + slot.format);
  Variant v{slot.name, slot.format, vips_image_get_width(out), vips_image_get_height(out),
            std::string(static_cast<const char*>(buf), len)};
  g_free(buf);
  if (slot.format == "webp") v.bytes = webp_without_metadata(std::move(v.bytes));
  return v;
}

}  // namespace

std::string_view type_name(PhotoType t) {
  switch (t) {
    case PhotoType::jpeg: return "jpeg";
    case PhotoType::png: return "png";
    case PhotoType::webp: return "webp";
    case PhotoType::heic: return "heic";
  }
  return "jpeg";
}

std::string_view type_label(PhotoType t) {
  switch (t) {
    case PhotoType::jpeg: return "JPEG";
    case PhotoType::png: return "PNG";
    case PhotoType::webp: return "WebP";
    case PhotoType::heic: return "HEIC";
  }
  return "JPEG";
}

std::optional<PhotoType> sniff(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") return PhotoType::jpeg;
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8)) return PhotoType::png;
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return PhotoType::webp;
  // ISO base media: a box "ftyp" at offset 4, its major brand after it.
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") {
    std::string_view brand = b.substr(8, 4);
    for (std::string_view heif : {"heic", "heix", "hevc", "hevx", "mif1", "msf1", "heim", "heis"})
      if (brand == heif) return PhotoType::heic;
  }
  return std::nullopt;
}

Result<PhotoType> check_file(std::string_view bytes, std::optional<PhotoType> claimed, const Limits& limits) {
  if (bytes.empty()) return unprocessable("Tệp rỗng: không có ảnh nào.");
  if (bytes.size() > limits.max_bytes)
    return too_large("Ảnh lớn quá: tối đa " + std::to_string(limits.max_bytes >> 20) + " MB.");
  auto type = sniff(bytes);
  if (!type) return unprocessable("Tệp này không phải ảnh JPEG, PNG, WebP hay HEIC.");
  if (claimed && *claimed != *type)
    return unprocessable("Tệp tên là ảnh " + std::string(type_label(*claimed)) + " nhưng nội dung là " +
                         std::string(type_label(*type)) + ".");
  return *type;
}

std::optional<PhotoType> claimed_type(std::string_view filename, std::string_view content_type) {
  const std::string name = lower(filename);
  const auto dot = name.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : name.substr(dot + 1);
  if (ext == "jpg" || ext == "jpeg" || ext == "jpe" || ext == "jfif") return PhotoType::jpeg;
  if (ext == "png") return PhotoType::png;
  if (ext == "webp") return PhotoType::webp;
  if (ext == "heic" || ext == "heif") return PhotoType::heic;
  std::string type = lower(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  if (type == "image/jpeg" || type == "image/jpg" || type == "image/pjpeg") return PhotoType::jpeg;
  if (type == "image/png") return PhotoType::png;
  if (type == "image/webp") return PhotoType::webp;
  if (type == "image/heic" || type == "image/heif") return PhotoType::heic;
  return std::nullopt;
}

Result<Inspected> inspect(std::string_view bytes, std::optional<PhotoType> claimed, const Limits& limits) {
  PhotoType type;
  auto img = decode(bytes, claimed, limits, &type);
  if (!img) return img.error();
  return Inspected{type, vips_image_get_width(img->get()), vips_image_get_height(img->get())};
}

Result<std::vector<Variant>> make_variants(std::string_view original, const Limits& limits) {
  auto img = decode(original, std::nullopt, limits);
  if (!img) return img.error();
  const int width = vips_image_get_width(img->get()), height = vips_image_get_height(img->get());
  const std::vector<Slot> slots = slots_for(width, height);
  // The full photo is resampled once, to the widest variant; the others are made from that,
  // which is a fraction of the pixels (12 MP → 1.9 MP for a phone's photo).
  const Slot* widest = &slots.front();
  for (const auto& s : slots)
    if (s.width > widest->width) widest = &s;
  Image base;
  VipsImage* from = img->get();
  if (widest->width < width) {
    Image sized;
    if (vips_thumbnail_image(from, sized.out(), widest->width, "height", widest->height, "size", VIPS_SIZE_FORCE,
                             nullptr) != 0)
      return cannot_encode("resizing");
    base = Image(vips_image_copy_memory(sized.get()));
    if (!base) return cannot_encode("resizing");
    from = base.get();
  }
  std::vector<Variant> out;
  for (const auto& slot : slots) {
    auto v = encode(from, slot);
    if (!v) return v.error();
    out.push_back(std::move(*v));
  }
  return out;
}

void start_processing() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("toasoan") != 0) log::error("libvips did not start: " + vips_said());
    // libvips prints a warning for each broken file it is given; the refusal is logged once,
    // in our words, by whoever asked.
    g_log_set_handler("VIPS", static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE),
                      [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
    // Only the four loaders this file calls by name may run; the ones that parse PDF, SVG,
    // ImageMagick's hundred formats and the like stay shut whatever a file claims.
    vips_block_untrusted_set(TRUE);
    vips_cache_set_max(0);
    vips_concurrency_set(1);
  });
}

}  // namespace toasoan::media
