// The demo newspaper that `toasoan serve --sample` puts into an empty database: the
// project's own articles (sample/articles.jsonl, compiled in) and a generated placeholder
// photo for each of their figures, so a new user sees a living front page at once. The photos
// go into the photo library as a newsroom upload would (media/library.hpp), with their
// figure's caption, and the figures show their variants.
#pragma once

#include "base/result.hpp"
#include "importer/importer.hpp"
#include "media/library.hpp"
#include "store/article_writer.hpp"

namespace toasoan::sample {

// Imports the sample articles and takes their photos into `library`. Only call it on an empty
// database: it does not check, and would overwrite articles with the sample's ids.
// REQUIRES: media::start_processing() was called.
Result<importer::Report> load(store::ArticleWriter& writer, media::Library& library);

}  // namespace toasoan::sample
