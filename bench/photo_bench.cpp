// One photo made into every variant with the product's own code (media::make_variants), once
// per process, so that the peak resident memory it reports is this photo's alone. Run by
// bench/photos.sh beside `vips thumbnail` making the same widths from the same file.
//
//   photo_bench FILE            make_variants
//   photo_bench FILE inspect    inspect() alone: what validating an upload costs before it
//
// Prints one line: the time the call took (the file already read and libvips started), the
// process's peak resident memory, and each variant's slot, format, size and bytes.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "media/photo.hpp"

int main(int argc, char** argv) {
  const bool inspect_only = argc == 3 && std::string(argv[2]) == "inspect";
  if (argc != 2 && !inspect_only) {
    std::fprintf(stderr, "usage: photo_bench FILE [inspect]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.empty()) {
    std::fprintf(stderr, "photo_bench: cannot read %s\n", argv[1]);
    return 2;
  }
  toasoan::media::start_processing();
  toasoan::media::Limits limits;
  limits.max_bytes = bytes.size();
  const auto t0 = std::chrono::steady_clock::now();
  if (inspect_only) {
    auto inspected = toasoan::media::inspect(bytes, std::nullopt, limits);
    const auto t1 = std::chrono::steady_clock::now();
    if (!inspected) {
      std::fprintf(stderr, "photo_bench: %s\n", inspected.error().message.c_str());
      return 1;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("ms %.1f peak_kb %ld %dx%d\n", std::chrono::duration<double, std::milli>(t1 - t0).count(),
                usage.ru_maxrss, inspected->width, inspected->height);
    return 0;
  }
  auto variants = toasoan::media::make_variants(bytes, limits);
  const auto t1 = std::chrono::steady_clock::now();
  if (!variants) {
    std::fprintf(stderr, "photo_bench: %s\n", variants.error().message.c_str());
    return 1;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("ms %.1f peak_kb %ld", std::chrono::duration<double, std::milli>(t1 - t0).count(), usage.ru_maxrss);
  for (const auto& v : *variants)
    std::printf(" %s/%s/%dx%d/%zu", v.name.c_str(), v.format.c_str(), v.width, v.height, v.bytes.size());
  std::printf("\n");
}
