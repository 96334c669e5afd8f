// The photo library: what an upload becomes, and the files readers get. It joins the
// processing (photo.hpp), the store's Photos area (the record and the original, kept in the
// database so that every node can reach it) and the media folder (each node's variants).
//
// An upload is validated by decoding it, stored once however often it is sent (by the hash of
// its bytes), and its variants are written before the record is committed, under temporary
// names renamed into place only after the commit: a refused or failed upload leaves nothing on
// disk or in the database, and a stored photo's files are whole or absent. A node that lacks a
// variant (another node took the upload, or the folder was lost) makes it from the original
// when a reader asks for it (make_missing); `toasoan media check` does the same for all of them
// ahead of time, and `toasoan media gc` removes variant files of photos no longer stored. A
// photo leaves the library only when no piece shows it (the desk's DeskQuery::shows). Every
// change — an upload, a caption edit, a removal — writes its audit line in the same unit of
// work.
//
// Thread-safety: every method from any thread at once. Two nodes or threads making the same
// file write the same bytes, and each rename replaces the file whole.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "media/photo.hpp"
#include "media/variants.hpp"
#include "store/database.hpp"
#include "store/desk.hpp"
#include "store/photos.hpp"

namespace toasoan::media {

struct UploadInfo {
  std::string filename;      // as the reporter's device named it
  std::string content_type;  // as sent with the file, "" when none
  std::string caption, credit, alt;
  std::int64_t user_id = 0;
  // For the audit line a new photo writes: the account's name as it is now, the request's
  // address ("" for a command).
  std::string username, address;
};

// Who changes a photo's texts, for the audit line written with the change.
struct Who {
  std::int64_t user_id = 0;
  std::string username, address;
};

struct Uploaded {
  store::Photo photo;
  bool created = false;  // false: the same photo was stored already; this is that one
};

// `toasoan media check`: what the media folder holds of the stored photos' variants.
struct FolderCheck {
  std::int64_t photos = 0;      // stored photos
  std::int64_t files = 0;       // variant files they should have
  std::int64_t missing = 0;     // of those, absent when looked at
  std::int64_t made = 0;        // made again (with repair)
  std::int64_t unreadable = 0;  // photos whose original could not be made into variants
};

// `toasoan media gc`: variant files of photos no longer stored, and leftovers of interrupted
// writes (older than an hour).
struct Sweep {
  std::int64_t kept = 0;
  std::int64_t removed = 0;
  std::uint64_t bytes_removed = 0;
};

// The desk's query for the pieces that show `photo` (store/desk.hpp, DeskQuery::shows): only
// pieces changed since it was uploaded are searched, since no earlier one can show it.
store::DeskQuery pieces_showing(const store::Photo& photo, int limit);

class Library {
 public:
  // `clock`: unix seconds, for upload times and the age of leftovers.
  // `concurrent_makes`: how many photos make_missing decodes at once, at least 1.
  Library(store::Database& db, std::filesystem::path media_dir, Limits limits, std::function<std::int64_t()> clock,
          int concurrent_makes = 1);
  ~Library();

  // Validates `bytes` (check_file, then inspect unless the same bytes are stored already), stores
  // the photo once and writes its variants. A new photo's audit line ("photo.upload") is written
  // with it; sending a stored photo again changes nothing and writes none. Errors: those of inspect and make_variants (413,
  // 422), invalid for a caption or credit the store refuses, unavailable when the database is
  // away, internal when the folder cannot be written.
  Result<Uploaded> add(std::string_view bytes, const UploadInfo& info);

  // For a variant file a reader asked for and this node lacks: makes the photo's missing
  // variants from its original. True when `media_path` exists now; false when it names no
  // variant of a stored photo (the reader then gets 404). A new article's photos are asked for
  // by many readers at once, each for several widths: one call per photo decodes it, the
  // others asking for that photo wait for it, and at most `concurrent_makes` photos are
  // decoded at once (each may take up to ~200 MB while it is).
  Result<bool> make_missing(std::string_view media_path);
  // How many times make_missing decoded a photo's original: the cost the above keeps down.
  std::int64_t photos_made() const { return photos_made_.load(std::memory_order_relaxed); }

  // The library as the newsroom sees it.
  Result<std::optional<store::Photo>> get(std::int64_t id);
  Result<store::PhotoPage> search(const store::PhotoQuery& q);
  // Changes what is given of a photo's caption, credit and alt text, with an audit line
  // ("photo.describe") when something changed; not_found for no such photo, invalid for a text
  // the store refuses.
  Result<store::Photo> describe(std::int64_t id, const std::optional<std::string>& caption,
                                const std::optional<std::string>& credit, const std::optional<std::string>& alt,
                                const Who& who);

  // Removes a photo no piece shows (its newest version or the one readers see): its record, its
  // original and this node's variant files (other nodes' go with their `media gc`), with an
  // audit line ("photo.remove"). not_found for no such photo; conflict, naming the pieces, for
  // one in use. A piece that takes the photo up while it is being removed shows no picture.
  Status remove(std::int64_t id, const Who& who);

  // Looks for every stored photo's variants; with `repair`, makes the missing ones.
  Result<FolderCheck> check(bool repair);
  // Removes the variant files of photos no longer stored (with `dry_run`, only counts them).
  Result<Sweep> sweep(bool dry_run);

  const Limits& limits() const { return limits_; }
  const std::filesystem::path& media_dir() const { return media_dir_; }

 private:
  // Whether any of the photo's variant files is missing from the folder.
  bool lacks_variants(const store::Photo& photo) const;
  // Writes the variants of `original` that are missing; the count written.
  Result<int> write_missing(const store::Photo& photo, std::string_view original);
  // make_missing's work for one photo, once its turn has come.
  Result<bool> make_photo(const VariantName& name, std::string_view media_path);

  store::Database& db_;
  std::filesystem::path media_dir_;
  Limits limits_;
  std::function<std::int64_t()> clock_;

  // make_missing's photos being made, by hash, and the turns to decode one.
  struct Making;
  std::mutex making_mutex_;
  std::map<std::string, std::shared_ptr<Making>, std::less<>> making_;
  std::condition_variable turn_free_;
  int turns_free_;
  std::atomic<std::int64_t> photos_made_{0};
};

}  // namespace toasoan::media
