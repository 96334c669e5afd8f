// Figures' photos taken into the photo library on import, so that an imported article's photos
// are stored, checked and served as a newsroom upload's are (media/library.hpp): once per photo
// however many lines name it, as variants readers get in WebP and JPEG.
//
// A figure names a photo to take in with `"file": "<path>"` (absolute, or relative to the
// import file's folder), or with an `image` that is a file in the media folder and not yet a
// photo's variant. Its `image` becomes the photo's widest JPEG variant and its width and height
// the photo's own. A URL image, a variant already, and an `image` the media folder does not hold
// are left as they are. A `file` that cannot be read or taken in refuses the line.
//
// Lines that name no photo cost a search for `"file"` in the line and, per figure, a look at
// its image's path: the library and libvips are not touched for them.
//
// Thread-safety: one import at a time.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "articles/article.hpp"
#include "base/result.hpp"
#include "media/library.hpp"

namespace toasoan::importer {

// A figure's `file`: its block's index and the path as the line gives it.
struct FigureFile {
  std::size_t block = 0;
  std::string path;
};

// When `line` gives a figure a `file`: the line with each such figure's `image` set to that
// path (so that the article parser, which knows no `file`, takes the figure as having a photo
// and limits its path as an image's), and the files in `files`. nullopt when the line names no
// file, or is not JSON the parser would read anyway (it then says why).
std::optional<std::string> with_files_as_images(std::string_view line, std::vector<FigureFile>& files);

class FigurePhotos {
 public:
  // `base_dir`: where a relative `file` is looked for (the import file's folder).
  FigurePhotos(media::Library& library, std::filesystem::path base_dir);

  // Takes in the photos `article`'s figures name (`files` from with_files_as_images) and points
  // the figures at them. Refuses (invalid, with the reason in Vietnamese) a file that is
  // missing or not a photo the library takes; other errors are the library's (a database away).
  Status take_in(articles::Incoming& article, const std::vector<FigureFile>& files);

  // Photos taken in, and of those, ones the library had already.
  int added() const { return added_; }
  int known() const { return known_; }

 private:
  Result<std::optional<std::string>> read(const std::filesystem::path& path);

  media::Library& library_;
  std::filesystem::path base_dir_;
  bool started_ = false;
  int added_ = 0, known_ = 0;
};

}  // namespace toasoan::importer
