#include "sample/placeholder_photo.hpp"

#include <cstdio>

namespace toasoan::sample {

std::string placeholder_photo_svg(int seed, int width, int height) {
  // Hues around the green-blue of the highlands; one palette per seed.
  static const char* skies[] = {"#9cc7e4", "#f2c59b", "#b7d3e8", "#d9c6e6", "#a8d8d0", "#f0d9a7"};
  static const char* hills[] = {"#4e7d4a", "#6b8f3c", "#3f6e5e", "#7a8c45", "#56805f", "#688a4b"};
  static const char* fronts[] = {"#2f5130", "#44602a", "#264a3e", "#51602e", "#35573e", "#475f31"};
  int i = static_cast<int>(static_cast<unsigned>(seed) % 6);
  int j = static_cast<int>((static_cast<unsigned>(seed) / 6 + 3) % 6);
  int sun_x = width * (20 + (seed * 37) % 60) / 100;
  char buf[1400];
  int n = std::snprintf(
      buf, sizeof buf,
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">"
      "<defs><linearGradient id=\"s\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\"0\" stop-color=\"%s\"/>"
      "<stop offset=\"1\" stop-color=\"#ffffff\"/></linearGradient></defs>"
      "<rect width=\"%d\" height=\"%d\" fill=\"url(#s)\"/>"
      "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"#fff4c4\"/>"
      "<path d=\"M0 %d Q%d %d %d %d T%d %d V%d H0Z\" fill=\"%s\"/>"
      "<path d=\"M0 %d Q%d %d %d %d T%d %d V%d H0Z\" fill=\"%s\"/>"
      "</svg>\n",
      width, height, width, height, skies[i], width, height, sun_x, height / 4, height / 10,
      height * 6 / 10, width / 4, height * 4 / 10, width / 2, height * 6 / 10, width, height * 55 / 100, height,
      hills[j], height * 8 / 10, width / 3, height * 65 / 100, width * 2 / 3, height * 8 / 10, width,
      height * 75 / 100, height, fronts[i]);
  return std::string(buf, static_cast<std::size_t>(n));
}

}  // namespace toasoan::sample
