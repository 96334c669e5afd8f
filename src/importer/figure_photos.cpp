#include "importer/figure_photos.hpp"

#include <cctype>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "media/photo.hpp"
#include "media/variants.hpp"

namespace toasoan::importer {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

bool is_url(std::string_view image) {
  auto starts = [&](std::string_view p) {
    if (image.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(image[i])) != p[i]) return false;
    return true;
  };
  return starts("http://") || starts("https://") || image.starts_with("//");
}

// An `image` that names a file inside the media folder: relative, and never climbing out of it.
bool inside_media(std::string_view image) {
  fs::path p{std::string(image)};
  if (p.empty() || p.is_absolute() || p.has_root_name()) return false;
  for (const auto& part : p)
    if (part == "..") return false;
  return true;
}

}  // namespace

std::optional<std::string> with_files_as_images(std::string_view line, std::vector<FigureFile>& files) {
  files.clear();
  if (line.find("\"file\"") == std::string_view::npos) return std::nullopt;
  json doc = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  auto blocks = doc.find("blocks");
  if (blocks == doc.end() || !blocks->is_array()) return std::nullopt;
  for (std::size_t i = 0; i < blocks->size(); ++i) {
    auto& b = (*blocks)[i];
    if (!b.is_object()) continue;
    auto type = b.find("type");
    if (type == b.end() || !type->is_string() || (*type != "figure" && *type != "image")) continue;
    auto file = b.find("file");
    if (file == b.end() || !file->is_string() || file->get_ref<const std::string&>().empty()) continue;
    files.push_back({i, file->get<std::string>()});
    b["image"] = *file;
  }
  if (files.empty()) return std::nullopt;
  try {
    return doc.dump();
  } catch (const json::exception&) {
    return std::nullopt;  // invalid UTF-8: the parser refuses the line as given, and says so
  }
}

FigurePhotos::FigurePhotos(media::Library& library, std::filesystem::path base_dir)
    : library_(library), base_dir_(std::move(base_dir)) {}

Result<std::optional<std::string>> FigurePhotos::read(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::optional<std::string>{};
  auto size = fs::file_size(path, ec);
  if (ec) return invalid("không đọc được: " + ec.message());
  // Read no more than the library would take: a huge file is refused from its size.
  if (size > library_.limits().max_bytes)
    return invalid("tệp lớn quá " + std::to_string(library_.limits().max_bytes >> 20) + " MB");
  std::ifstream in(path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in && !in.eof()) return invalid("không đọc được tệp");
  return std::optional<std::string>{std::move(bytes)};
}

Status FigurePhotos::take_in(articles::Incoming& article, const std::vector<FigureFile>& files) {
  if (!article.blocks) return ok_status();
  auto& blocks = *article.blocks;
  std::size_t next_file = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    auto& b = blocks[i];
    if (b.type != articles::Block::Type::figure || b.image.empty()) continue;
    while (next_file < files.size() && files[next_file].block < i) ++next_file;
    const bool named = next_file < files.size() && files[next_file].block == i;
    fs::path path;
    if (named) {
      path = fs::path(files[next_file].path);
      if (path.is_relative()) path = base_dir_ / path;
    } else {
      // An image already a photo's variant, a URL, or no file of the media folder: as it is.
      if (is_url(b.image) || media::parse_variant_path(b.image) || !inside_media(b.image)) continue;
      path = library_.media_dir() / b.image;
    }
    auto where = [&](const std::string& why) {
      return invalid("khối " + std::to_string(i + 1) + ": ảnh " + (named ? files[next_file].path : b.image) + ": " + why);
    };
    auto bytes = read(path);
    if (!bytes) return where(bytes.error().message);
    if (!*bytes) {
      if (named) return where("không có tệp này");
      continue;  // an image the media folder does not hold (yet): linked as given, as always
    }
    if (!started_) {
      media::start_processing();
      started_ = true;
    }
    media::UploadInfo info;
    info.filename = path.filename().string();
    info.caption = b.caption;
    info.credit = b.credit;
    info.alt = b.alt;
    auto up = library_.add(**bytes, info);
    if (!up) {
      const auto kind = up.error().kind;
      if (kind == ErrorKind::unavailable || kind == ErrorKind::internal) return up.error();
      return where(up.error().message);
    }
    (up->created ? added_ : known_) += 1;
    b.image = media::figure_image(up->photo.hash, up->photo.width, up->photo.height);
    b.width = up->photo.width;
    b.height = up->photo.height;
  }
  return ok_status();
}

}  // namespace toasoan::importer
