// The demo newspaper that `toasoan serve --sample` puts into an empty database: the
// project's own articles (sample/articles.jsonl, compiled in) and a generated placeholder
// picture for each of their photos, so a new user sees a living front page at once.
#pragma once

#include <filesystem>

#include "base/result.hpp"
#include "importer/importer.hpp"
#include "store/article_writer.hpp"

namespace toasoan::sample {

// Imports the sample articles and writes their pictures under `media_dir`. Only call it on
// an empty database: it does not check, and would overwrite articles with the sample's ids.
Result<importer::Report> load(store::ArticleWriter& writer, const std::filesystem::path& media_dir);

}  // namespace toasoan::sample
