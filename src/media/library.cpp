#include "media/library.hpp"

#include <sodium.h>

#include <fstream>
#include <set>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/digest.hpp"
#include "base/log.hpp"
#include "media/variants.hpp"
#include "store/audit.hpp"

namespace toasoan::media {

using json = nlohmann::json;

namespace {

// Leftovers of a write cut short (a crash between write and rename) go after this long; a
// younger one may be another thread's write in progress.
constexpr std::int64_t kLeftoverSeconds = 3600;
constexpr std::string_view kTempMark = ".tmp-";

std::string temp_suffix() {
  unsigned char r[8];
  randombytes_buf(r, sizeof r);
  return std::string(kTempMark) + hex(std::string_view(reinterpret_cast<const char*>(r), sizeof r));
}

Error cannot_write(const std::filesystem::path& p, const std::string& why) {
  log::error("media: writing " + p.string() + ": " + why);
  return Error{ErrorKind::internal, "Không ghi được ảnh vào thư mục media."};
}

// A file written whole under a temporary name beside `final`; rename() puts it in place.
struct TempFile {
  std::filesystem::path temp, final;
  ~TempFile() {
    if (temp.empty()) return;
    std::error_code ec;
    std::filesystem::remove(temp, ec);
  }
  Status write(std::string_view bytes) {
    std::error_code ec;
    std::filesystem::create_directories(final.parent_path(), ec);
    if (ec) return cannot_write(final, ec.message());
    temp = final;
    temp += temp_suffix();
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return cannot_write(temp, "short write");
    return ok_status();
  }
  Status rename() {
    std::error_code ec;
    std::filesystem::rename(temp, final, ec);
    if (ec) return cannot_write(final, ec.message());
    temp.clear();
    return ok_status();
  }
};

bool file_exists(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_regular_file(p, ec);
}

// The variants of `original` for `photo` that `wanted` says to write, in temporary files.
Result<std::vector<TempFile>> stage(const std::filesystem::path& dir, std::string_view hash, std::string_view original,
                                    const Limits& limits, const std::function<bool(const std::filesystem::path&)>& wanted) {
  auto variants = make_variants(original, limits);
  if (!variants) return variants.error();
  std::vector<TempFile> files;
  files.reserve(variants->size());
  for (const auto& v : *variants) {
    std::filesystem::path final = dir / variant_path(hash, v.name, v.format);
    if (!wanted(final)) continue;
    files.push_back(TempFile{{}, final});
    if (auto w = files.back().write(v.bytes); !w) return w.error();
  }
  return files;
}

// No piece changed before a photo was uploaded can show it; a day's margin for nodes' clocks.
constexpr std::int64_t kClockMargin = 24 * 3600;

// An audit line of the library's: photos are no article, so only who, where and what.
store::AuditEntry audit_line(const Who& who, std::string action, std::int64_t at) {
  store::AuditEntry e;
  e.at = at;
  if (who.user_id) e.user_id = who.user_id;
  e.username = who.username;
  e.address = who.address;
  e.action = std::move(action);
  return e;
}

}  // namespace

// One photo being made by make_missing: the caller that makes it says when it is done.
struct Library::Making {
  bool done = false;
  std::optional<Error> failed;
};

store::DeskQuery pieces_showing(const store::Photo& photo, int limit) {
  store::DeskQuery q;
  q.shows = photo.hash;
  q.changed_since = photo.uploaded_at - kClockMargin;
  q.limit = limit;
  return q;
}

Library::Library(store::Database& db, std::filesystem::path media_dir, Limits limits,
                 std::function<std::int64_t()> clock, int concurrent_makes)
    : db_(db),
      media_dir_(std::move(media_dir)),
      limits_(limits),
      clock_(std::move(clock)),
      turns_free_(std::max(1, concurrent_makes)) {}

Library::~Library() = default;

Result<Uploaded> Library::add(std::string_view bytes, const UploadInfo& info) {
  const auto claimed = claimed_type(info.filename, info.content_type);
  if (auto checked = check_file(bytes, claimed, limits_); !checked) return checked.error();
  const std::string hash = sha256_hex(bytes);
  store::Photos& photos = db_.photos();
  if (auto known = photos.by_hash(hash); !known) {
    return known.error();
  } else if (*known) {
    // Stored already (by this node or another), so these very bytes decoded once: only its
    // files, which may be missing here, are made.
    if (auto w = write_missing(**known, bytes); !w) return w.error();
    return Uploaded{std::move(**known), false};
  }
  auto seen = inspect(bytes, claimed, limits_);
  if (!seen) return seen.error();
  auto staged = stage(media_dir_, hash, bytes, limits_, [](const std::filesystem::path&) { return true; });
  if (!staged) return staged.error();
  store::NewPhoto n;
  n.hash = hash;
  n.type = std::string(type_name(seen->type));
  n.width = seen->width;
  n.height = seen->height;
  n.original = std::string(bytes);
  n.filename = info.filename;
  n.caption = info.caption;
  n.credit = info.credit;
  n.alt = info.alt;
  n.uploaded_by = info.user_id;
  n.uploaded_at = clock_();
  auto work = db_.begin();
  if (!work) return work.error();
  auto added = photos.add(**work, n);
  if (!added) return added.error();
  if (added->created) {
    auto line = audit_line({info.user_id, info.username, info.address}, "photo.upload", n.uploaded_at);
    line.detail = json{{"photo", added->id}, {"filename", info.filename}}.dump();
    if (auto a = db_.audit().append(**work, line); !a) return a.error();
  }
  if (auto c = (*work)->commit(); !c) return c.error();
  // Committed: from here a failure only leaves a variant to be made again on request.
  for (auto& f : *staged)
    if (auto r = f.rename(); !r) log::warn("media: " + r.error().message);
  auto stored = photos.get(added->id);
  if (!stored) return stored.error();
  if (!*stored) return Error{ErrorKind::internal, "ảnh vừa lưu không còn"};
  return Uploaded{std::move(**stored), added->created};
}

bool Library::lacks_variants(const store::Photo& photo) const {
  for (const auto& s : slots_for(photo.width, photo.height))
    if (!file_exists(media_dir_ / variant_path(photo.hash, s.name, s.format))) return true;
  return false;
}

Result<int> Library::write_missing(const store::Photo& photo, std::string_view original) {
  if (!lacks_variants(photo)) return 0;
  auto staged = stage(media_dir_, photo.hash, original, limits_, [](const std::filesystem::path& p) { return !file_exists(p); });
  if (!staged) return staged.error();
  int written = 0;
  for (auto& f : *staged) {
    if (auto r = f.rename(); !r) return r.error();
    ++written;
  }
  return written;
}

Result<bool> Library::make_missing(std::string_view media_path) {
  auto name = parse_variant_path(media_path);
  if (!name) return false;
  std::unique_lock lock(making_mutex_);
  if (auto it = making_.find(name->hash); it != making_.end()) {
    // Another caller is making this photo: its files, this one among them, are its work.
    std::shared_ptr<Making> other = it->second;
    turn_free_.wait(lock, [&] { return other->done; });
    if (file_exists(media_dir_ / media_path)) return true;
    if (other->failed) return *other->failed;
    return false;
  }
  auto mine = std::make_shared<Making>();
  making_.emplace(name->hash, mine);
  turn_free_.wait(lock, [&] { return turns_free_ > 0; });
  --turns_free_;
  lock.unlock();
  auto made = make_photo(*name, media_path);
  lock.lock();
  ++turns_free_;
  mine->done = true;
  if (!made) mine->failed = made.error();
  making_.erase(name->hash);
  lock.unlock();
  turn_free_.notify_all();
  return made;
}

Result<bool> Library::make_photo(const VariantName& name, std::string_view media_path) {
  store::Photos& photos = db_.photos();
  auto photo = photos.by_hash(name.hash);
  if (!photo) return photo.error();
  if (!*photo) return false;
  bool known_slot = false;
  for (const auto& s : slots_for((*photo)->width, (*photo)->height))
    if (s.name == name.slot && s.format == name.format) known_slot = true;
  if (!known_slot) return false;  // a slot wider than the photo: it was never made
  auto original = photos.original(name.hash);
  if (!original) return original.error();
  if (!*original) return false;
  if (lacks_variants(**photo)) {
    photos_made_.fetch_add(1, std::memory_order_relaxed);
    if (auto w = write_missing(**photo, **original); !w) return w.error();
  }
  return file_exists(media_dir_ / media_path);
}

Result<std::optional<store::Photo>> Library::get(std::int64_t id) { return db_.photos().get(id); }

Result<store::PhotoPage> Library::search(const store::PhotoQuery& q) { return db_.photos().search(q); }

Result<store::Photo> Library::describe(std::int64_t id, const std::optional<std::string>& caption,
                                       const std::optional<std::string>& credit, const std::optional<std::string>& alt,
                                       const Who& who) {
  store::Photos& photos = db_.photos();
  auto now = photos.get(id);
  if (!now) return now.error();
  if (!*now) return Error{ErrorKind::not_found, "Không có ảnh số " + std::to_string(id) + "."};
  auto work = db_.begin();
  if (!work) return work.error();
  const store::Photo& was = **now;
  const std::string new_caption = caption.value_or(was.caption), new_credit = credit.value_or(was.credit),
                    new_alt = alt.value_or(was.alt);
  if (auto d = photos.describe(**work, id, new_caption, new_credit, new_alt); !d) return d.error();
  if (new_caption != was.caption || new_credit != was.credit || new_alt != was.alt) {
    auto line = audit_line(who, "photo.describe", clock_());
    json changed = json::object();
    if (new_caption != was.caption) changed["caption"] = new_caption;
    if (new_credit != was.credit) changed["credit"] = new_credit;
    if (new_alt != was.alt) changed["alt"] = new_alt;
    line.detail = json{{"photo", id}, {"changed", changed}}.dump();
    if (auto a = db_.audit().append(**work, line); !a) return a.error();
  }
  if (auto c = (*work)->commit(); !c) return c.error();
  auto after = photos.get(id);
  if (!after) return after.error();
  if (!*after) return Error{ErrorKind::not_found, "Không có ảnh số " + std::to_string(id) + "."};
  return std::move(**after);
}

Status Library::remove(std::int64_t id, const Who& who) {
  auto photo = db_.photos().get(id);
  if (!photo) return photo.error();
  if (!*photo) return Error{ErrorKind::not_found, "Không có ảnh số " + std::to_string(id) + "."};
  auto used = db_.desk().list(pieces_showing(**photo, 3));
  if (!used) return used.error();
  if (used->second > 0) {
    std::string titles;
    for (const auto& p : used->first) titles += (titles.empty() ? "“" : ", “") + p.title + "”";
    if (used->second > static_cast<std::int64_t>(used->first.size())) titles += "…";
    return Error{ErrorKind::conflict,
                 "Ảnh đang dùng trong " + std::to_string(used->second) + " bài (" + titles + "); gỡ ảnh khỏi bài trước."};
  }
  auto work = db_.begin();
  if (!work) return work.error();
  if (auto r = db_.photos().remove(**work, id); !r) return r;
  auto line = audit_line(who, "photo.remove", clock_());
  line.detail = json{{"photo", id}, {"filename", (*photo)->filename}}.dump();
  if (auto a = db_.audit().append(**work, line); !a) return a;
  if (auto c = (*work)->commit(); !c) return c;
  for (const auto& s : slots_for((*photo)->width, (*photo)->height)) {
    std::error_code ec;
    std::filesystem::remove(media_dir_ / variant_path((*photo)->hash, s.name, s.format), ec);
  }
  return ok_status();
}

Result<FolderCheck> Library::check(bool repair) {
  FolderCheck report;
  store::Photos& photos = db_.photos();
  auto hashes = photos.hashes();
  if (!hashes) return hashes.error();
  for (const auto& hash : *hashes) {
    auto photo = photos.by_hash(hash);
    if (!photo) return photo.error();
    if (!*photo) continue;  // removed meanwhile
    ++report.photos;
    std::int64_t missing = 0;
    for (const auto& s : slots_for((*photo)->width, (*photo)->height)) {
      ++report.files;
      if (!file_exists(media_dir_ / variant_path(hash, s.name, s.format))) ++missing;
    }
    report.missing += missing;
    if (!repair || missing == 0) continue;
    auto original = photos.original(hash);
    if (!original) return original.error();
    auto made = *original ? write_missing(**photo, **original) : Result<int>(0);
    if (!made) {
      if (made.error().kind == ErrorKind::internal || made.error().kind == ErrorKind::unavailable) return made.error();
      log::warn("media check: photo " + hash + ": " + made.error().message);
      ++report.unreadable;
      continue;
    }
    report.made += *made;
  }
  return report;
}

Result<Sweep> Library::sweep(bool dry_run) {
  Sweep report;
  auto hashes = db_.photos().hashes();
  if (!hashes) return hashes.error();
  const std::set<std::string> stored(hashes->begin(), hashes->end());
  const std::filesystem::path root = media_dir_ / std::string(kPhotoFolder);
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return report;
  const auto now = std::filesystem::file_time_type::clock::now();
  std::vector<std::filesystem::path> doomed;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec); !ec && it != std::filesystem::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string rel = std::filesystem::relative(it->path(), media_dir_, ec).generic_string();
    const std::string name = it->path().filename().string();
    bool remove = false;
    if (name.find(kTempMark) != std::string::npos) {
      auto age = std::chrono::duration_cast<std::chrono::seconds>(now - it->last_write_time(ec)).count();
      remove = !ec && age > kLeftoverSeconds;
    } else if (auto v = parse_variant_path(rel)) {
      remove = !stored.contains(v->hash);
    }
    if (remove) doomed.push_back(it->path());
    else ++report.kept;
  }
  if (ec) return Error{ErrorKind::internal, "không đọc được thư mục " + root.string() + ": " + ec.message()};
  for (const auto& p : doomed) {
    std::error_code size_ec;
    auto size = std::filesystem::file_size(p, size_ec);
    if (!dry_run && !std::filesystem::remove(p, size_ec)) continue;
    ++report.removed;
    report.bytes_removed += size_ec ? 0 : size;
  }
  return report;
}

}  // namespace toasoan::media
