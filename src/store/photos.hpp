// The photo library: the photos the newsroom's staff upload, their caption, credit and alt
// text, and each one's original file.
//
// The original's bytes are kept in the database (a table of their own, photo_originals, so
// listing and searching never read them): several nodes share one PostgreSQL, and a node that
// lacks a variant file (a size, a format) remakes it from the original it reads here. The
// variants themselves are files each node derives into its own media folder; the store knows
// nothing of them.
//
// A photo is content-addressed: `hash` is the lowercase hex SHA-256 of the original's bytes,
// unique, and add() checks it. The same photo uploaded twice is stored once: the second add()
// finds the first and changes nothing.
//
// Text (filename, caption, credit, alt) is stored without control characters and in NFC
// (text/controls.hpp, text/utf8.hpp), as all outside text is. Search folds it as the desk's
// list filter does (text/fold.hpp: no tone marks, đ→d, lower case): each photo keeps the fold
// of its caption, credit and filename in a column of its own, and a query's every word must be
// found in it.
//
// Change-log entries (change_log.hpp), in the unit of work that made the change:
//   photo  "<photo id>"  a photo was added or removed, or its caption, credit or alt changed.
//                        The newsroom's library follows it; it purges no reader's page
//                        (site/cache_tags.cpp): what readers see of a photo is copied into
//                        the articles that show it, which purge through `article`.
//
// Thread-safe: every method from any thread.
//
// Errors: as Database's (database.hpp); invalid, with its form field, for input the library
// refuses (the limits below), not_found for a photo that is not there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace toasoan::store {

class UnitOfWork;

namespace topic {
inline constexpr const char* photo = "photo";  // "<photo id>"
}  // namespace topic

// What the library holds at most, so a caption fits the page under a photo and a filename any
// file system. Characters are counted as readers count them (text/count.hpp).
inline constexpr std::size_t kMaxCaptionChars = 1000;
inline constexpr std::size_t kMaxCreditChars = 200;
inline constexpr std::size_t kMaxAltChars = 500;
inline constexpr std::size_t kMaxFilenameBytes = 255;  // most file systems' limit for a name
// The most photos one search page gives: the library's grid shows 30.
inline constexpr int kMaxPhotosPerPage = 100;

struct NewPhoto {
  std::string hash;  // 64 lowercase hex characters: the SHA-256 of `original`
  std::string type;  // "jpeg", "png", "webp" or "heic"
  int width = 0;     // in pixels, after EXIF orientation
  int height = 0;
  std::string original;  // the uploaded bytes; not empty
  std::string filename;  // as the reporter's device named it ("IMG_2041.HEIC"), for the library
  std::string caption;   // caption, credit and alt may be empty at upload
  std::string credit;
  std::string alt;
  std::int64_t uploaded_by = 0;  // the account (users.id) that uploaded it; 0: none (an import, the demo)
  std::int64_t uploaded_at = 0;  // Unix seconds
};

struct Photo {
  std::int64_t id = 0;
  std::string hash;
  std::string type;
  int width = 0;
  int height = 0;
  std::int64_t bytes = 0;  // the original's size
  std::string filename;
  std::string caption;
  std::string credit;
  std::string alt;
  std::int64_t uploaded_by = 0;  // 0: taken in by an import or the demo, not uploaded by an account
  std::string uploaded_by_name;  // the account's display name, "" if it has none
  std::int64_t uploaded_at = 0;
};

struct Added {
  std::int64_t id = 0;
  // false: a photo with that hash was already stored; `id` is that photo's and nothing changed.
  bool created = false;
};

struct PhotoQuery {
  // Words found, after folding, in the caption, the credit or the filename: every word must
  // be found ("nghi quyet" finds "Nghị quyết số 18"), each anywhere, % and _ as themselves.
  // "" finds every photo.
  std::string text;
  int page = 1;       // from 1
  int per_page = 30;  // 1..kMaxPhotosPerPage
};

struct PhotoPage {
  std::vector<Photo> photos;  // newest first (uploaded_at, then id, descending)
  std::int64_t total = 0;     // how many match in all
};

class Photos {
 public:
  virtual ~Photos() = default;

  // Stores a photo and its original (logs `photo <id>`), or finds the one with the same hash
  // (created = false, nothing written, nothing logged). Concurrent adds of one hash from any
  // connections or nodes give one row and the same id to each.
  // Invalid: a hash that is not 64 lowercase hex characters or not the original's SHA-256, an
  // empty original, another type, a size not above 0, text that is not UTF-8 or over its
  // limit, an account that does not exist.
  virtual Result<Added> add(UnitOfWork& work, const NewPhoto& photo) = 0;

  virtual Result<std::optional<Photo>> get(std::int64_t id) = 0;
  virtual Result<std::optional<Photo>> by_hash(std::string_view hash) = 0;
  // The original's bytes, exactly as uploaded.
  virtual Result<std::optional<std::string>> original(std::string_view hash) = 0;

  // Sets the caption, credit and alt text (logs `photo <id>` when one of them changed).
  // not_found for no such photo; invalid as add() for the text.
  virtual Status describe(UnitOfWork& work, std::int64_t id, std::string_view caption, std::string_view credit,
                          std::string_view alt) = 0;

  // The photos matching the query, newest first, one page of them, and how many match.
  virtual Result<PhotoPage> search(const PhotoQuery& query) = 0;

  // Every stored hash, in hash order: `toasoan media check` and `media gc` compare the media
  // folder with it.
  virtual Result<std::vector<std::string>> hashes() = 0;

  // Deletes the photo and its original (logs `photo <id>`); not_found if it is not there.
  // Whether an article still shows it is the caller's to check.
  virtual Status remove(UnitOfWork& work, std::int64_t id) = 0;
};

}  // namespace toasoan::store
