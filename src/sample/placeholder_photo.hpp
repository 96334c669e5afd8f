// A stand-in photograph: a landscape in colours chosen from a seed, so each sample photo looks
// different and none is mistaken for a broken image. Drawn here pixel by pixel and saved as a
// JPEG, so that it is a photo like any upload and goes through the photo library the same way.
//
// REQUIRES: media::start_processing() was called. Thread-safe.
#pragma once

#include <string>

#include "base/result.hpp"

namespace toasoan::sample {

// A JPEG of `width` × `height`; internal when libvips cannot encode it.
Result<std::string> placeholder_photo_jpeg(int seed, int width, int height);

}  // namespace toasoan::sample
