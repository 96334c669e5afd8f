#include "sample/placeholder_photo.hpp"

#include <vips/vips.h>

#include <array>
#include <cstdint>
#include <vector>

namespace toasoan::sample {
namespace {

using Rgb = std::array<std::uint8_t, 3>;

// Hues around the green-blue of the highlands; one palette per seed.
constexpr Rgb kSkies[] = {{0x9c, 0xc7, 0xe4}, {0xf2, 0xc5, 0x9b}, {0xb7, 0xd3, 0xe8},
                          {0xd9, 0xc6, 0xe6}, {0xa8, 0xd8, 0xd0}, {0xf0, 0xd9, 0xa7}};
constexpr Rgb kHills[] = {{0x4e, 0x7d, 0x4a}, {0x6b, 0x8f, 0x3c}, {0x3f, 0x6e, 0x5e},
                          {0x7a, 0x8c, 0x45}, {0x56, 0x80, 0x5f}, {0x68, 0x8a, 0x4b}};
constexpr Rgb kFronts[] = {{0x2f, 0x51, 0x30}, {0x44, 0x60, 0x2a}, {0x26, 0x4a, 0x3e},
                           {0x51, 0x60, 0x2e}, {0x35, 0x57, 0x3e}, {0x47, 0x5f, 0x31}};
constexpr Rgb kSun = {0xff, 0xf4, 0xc4};

// A ridge through three heights (fractions of the picture's height) at its left edge, middle
// and right edge, bulging towards `mid` in between: two quadratic curves.
double ridge(double x, double left, double mid, double bulge_left, double bulge_right, double right) {
  if (x < 0.5) {
    double t = x / 0.5;
    return (1 - t) * (1 - t) * left + 2 * (1 - t) * t * bulge_left + t * t * mid;
  }
  double t = (x - 0.5) / 0.5;
  return (1 - t) * (1 - t) * mid + 2 * (1 - t) * t * bulge_right + t * t * right;
}

}  // namespace

Result<std::string> placeholder_photo_jpeg(int seed, int width, int height) {
  const auto i = static_cast<unsigned>(seed) % 6;
  const auto j = (static_cast<unsigned>(seed) / 6 + 3) % 6;
  const double sun_x = width * (20 + (seed * 37) % 60) / 100.0, sun_y = height / 4.0, sun_r = height / 10.0;
  std::vector<std::uint8_t> px(static_cast<std::size_t>(width) * height * 3);
  std::vector<double> back(width), front(width);
  for (int x = 0; x < width; ++x) {
    double fx = static_cast<double>(x) / width;
    back[x] = height * ridge(fx, 0.60, 0.60, 0.40, 0.80, 0.55);
    front[x] = height * ridge(fx, 0.80, 0.72, 0.65, 0.80, 0.75);
  }
  for (int y = 0; y < height; ++y) {
    const double t = static_cast<double>(y) / height;  // the sky fades to white downwards
    Rgb sky;
    for (int c = 0; c < 3; ++c) sky[c] = static_cast<std::uint8_t>(kSkies[i][c] + (255 - kSkies[i][c]) * t);
    for (int x = 0; x < width; ++x) {
      const Rgb* colour = &sky;
      const double dx = x - sun_x, dy = y - sun_y;
      if (y >= front[x]) colour = &kFronts[i];
      else if (y >= back[x]) colour = &kHills[j];
      else if (dx * dx + dy * dy <= sun_r * sun_r) colour = &kSun;
      auto* p = &px[(static_cast<std::size_t>(y) * width + x) * 3];
      p[0] = (*colour)[0];
      p[1] = (*colour)[1];
      p[2] = (*colour)[2];
    }
  }
  VipsImage* image = vips_image_new_from_memory(px.data(), px.size(), width, height, 3, VIPS_FORMAT_UCHAR);
  if (!image) return Error{ErrorKind::internal, std::string("ảnh mẫu: ") + vips_error_buffer()};
  void* buf = nullptr;
  std::size_t len = 0;
  const int failed = vips_jpegsave_buffer(image, &buf, &len, "Q", 85, nullptr);
  g_object_unref(image);
  if (failed) {
    std::string why = vips_error_buffer();
    vips_error_clear();
    return Error{ErrorKind::internal, "ảnh mẫu: " + why};
  }
  std::string out(static_cast<const char*>(buf), len);
  g_free(buf);
  return out;
}

}  // namespace toasoan::sample
