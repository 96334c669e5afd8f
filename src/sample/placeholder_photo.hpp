// A stand-in photograph drawn as SVG: a landscape in colours chosen from a seed, so each
// sample photo looks different and none is mistaken for a broken image.
#pragma once

#include <string>

namespace toasoan::sample {

std::string placeholder_photo_svg(int seed, int width, int height);

}  // namespace toasoan::sample
