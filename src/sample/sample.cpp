#include "sample/sample.hpp"

#include <algorithm>
#include <atomic>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/embedded.hpp"
#include "base/log.hpp"
#include "media/variants.hpp"
#include "sample/placeholder_photo.hpp"

namespace toasoan::sample {
namespace files {
std::span<const EmbeddedFile> embedded_files();
}

namespace {

using json = nlohmann::json;

// The size of every placeholder: a body photo's, modest enough for a quick first start.
constexpr int kPhotoWidth = 1600, kPhotoHeight = 1000;
// Different placeholders drawn: each costs its variants (about half a second here), so the
// sample's figures share these few, and a first start stays quick.
constexpr int kDistinctPhotos = 6;

std::string json_text(const json& o, const char* field) {
  auto f = o.find(field);
  return f != o.end() && f->is_string() ? f->get<std::string>() : std::string();
}

struct Figure {
  json* block = nullptr;
  int photo = 0;  // which placeholder, 0 .. kDistinctPhotos - 1
};

// Draws placeholder `photo` and takes it into the library with the first figure's words.
Result<media::Uploaded> add_photo(media::Library& library, int photo, const json& figure) {
  auto jpeg = placeholder_photo_jpeg(photo + 1, kPhotoWidth, kPhotoHeight);
  if (!jpeg) return jpeg.error();
  media::UploadInfo info;
  info.filename = "anh-mau-" + std::to_string(photo + 1) + ".jpg";
  info.content_type = "image/jpeg";
  info.caption = json_text(figure, "caption");
  info.credit = json_text(figure, "credit");
  info.alt = json_text(figure, "alt");
  return library.add(*jpeg, info);
}

// The sample's lines with each figure pointing at a placeholder photo in the library. The
// placeholders are made on every core at once.
Result<std::string> with_photos(std::string_view jsonl, media::Library& library) {
  std::istringstream in{std::string(jsonl)};
  std::vector<json> docs;
  std::vector<std::string> lines;
  std::vector<Figure> figures;
  std::string line;
  while (std::getline(in, line)) {
    docs.push_back(json::parse(line, nullptr, /*allow_exceptions=*/false));
    lines.push_back(line);
  }
  for (auto& doc : docs) {
    auto blocks = doc.is_object() ? doc.find("blocks") : doc.end();
    if (doc.is_discarded() || blocks == doc.end() || !blocks->is_array()) continue;
    for (auto& b : *blocks)
      if (b.is_object() && json_text(b, "type") == "figure")
        figures.push_back({&b, static_cast<int>(figures.size() % kDistinctPhotos)});
  }

  const int distinct = static_cast<int>(std::min<std::size_t>(figures.size(), kDistinctPhotos));
  std::vector<std::optional<Result<media::Uploaded>>> made(distinct);
  std::atomic<int> next{0};
  auto work = [&] {
    for (int p; (p = next++) < distinct;) made[p] = add_photo(library, p, *figures[p].block);
  };
  const unsigned cores = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  std::vector<std::thread> workers;
  for (unsigned i = 1; i < cores; ++i) workers.emplace_back(work);
  work();
  for (auto& t : workers) t.join();

  for (const auto& f : figures) {
    const auto& up = *made[f.photo];
    if (!up) return up.error();
    (*f.block)["image"] = media::figure_image(up->photo.hash, up->photo.width, up->photo.height);
    (*f.block)["width"] = up->photo.width;
    (*f.block)["height"] = up->photo.height;
  }
  std::string out;
  for (std::size_t i = 0; i < docs.size(); ++i)
    out += (docs[i].is_discarded() ? lines[i] : docs[i].dump()) + '\n';  // a bad line: the importer says why
  return out;
}

}  // namespace

Result<importer::Report> load(store::ArticleWriter& writer, media::Library& library) {
  std::string_view jsonl;
  for (const auto& f : files::embedded_files())
    if (f.name == "articles.jsonl") jsonl = f.data;
  auto lines = with_photos(jsonl, library);
  if (!lines) return lines.error();
  std::istringstream in{std::move(*lines)};
  importer::Options o;
  // The sample ships with the binary and is checked by its tests; a bad line is a defect.
  o.on_reject = [](std::int64_t n, const std::string& why) {
    log::error("sample line " + std::to_string(n) + ": " + why);
  };
  return importer::import_lines(in, writer, o);
}

}  // namespace toasoan::sample
