#include "sample/sample.hpp"

#include <fstream>
#include <sstream>

#include "articles/import_line.hpp"
#include "base/embedded.hpp"
#include "base/log.hpp"
#include "sample/placeholder_photo.hpp"

namespace toasoan::sample {
namespace files {
std::span<const EmbeddedFile> embedded_files();
}

namespace {

// Writes a picture for every figure image the sample names that is not on disk yet.
Status write_photos(std::string_view jsonl, const std::filesystem::path& media_dir) {
  std::istringstream in{std::string(jsonl)};
  std::string line;
  int seed = 0;
  while (std::getline(in, line)) {
    auto a = articles::parse_import_line(line);
    if (!a || !a->blocks) continue;
    for (const auto& b : *a->blocks) {
      ++seed;
      if (b.type != articles::Block::Type::figure || b.image.empty()) continue;
      auto path = media_dir / b.image;
      std::error_code ec;
      if (std::filesystem::exists(path, ec)) continue;
      std::filesystem::create_directories(path.parent_path(), ec);
      if (ec) return unavailable("không tạo được thư mục ảnh " + path.parent_path().string() + ": " + ec.message());
      std::ofstream out(path, std::ios::binary);
      out << placeholder_photo_svg(seed, b.width > 0 ? b.width : 1200, b.height > 0 ? b.height : 800);
      if (!out) return unavailable("không ghi được ảnh " + path.string());
    }
  }
  return ok_status();
}

}  // namespace

Result<importer::Report> load(store::ArticleWriter& writer, const std::filesystem::path& media_dir) {
  std::string_view jsonl;
  for (const auto& f : files::embedded_files())
    if (f.name == "articles.jsonl") jsonl = f.data;
  if (auto s = write_photos(jsonl, media_dir); !s) return s.error();
  std::istringstream in{std::string(jsonl)};
  importer::Options o;
  // The sample ships with the binary and is checked by its tests; a bad line is a defect.
  o.on_reject = [](std::int64_t n, const std::string& why) {
    log::error("sample line " + std::to_string(n) + ": " + why);
  };
  return importer::import_lines(in, writer, o);
}

}  // namespace toasoan::sample
