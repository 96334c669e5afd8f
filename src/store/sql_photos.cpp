#include "store/sql_photos.hpp"

#include <algorithm>
#include <array>

#include "base/digest.hpp"
#include "store/shared_sql.hpp"
#include "text/controls.hpp"
#include "text/count.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace toasoan::store::sql {
namespace {

// The columns a Photo is read from, in order, over `photos p` and its uploader.
constexpr const char* kSelect =
    "SELECT p.id, p.hash, p.type, p.width, p.height, p.bytes, p.filename, p.caption, p.credit, p.alt, "
    "COALESCE(p.uploaded_by, 0), COALESCE(u.display_name, ''), p.uploaded_at FROM photos p LEFT JOIN users u ON u.id = "
    "p.uploaded_by";
constexpr const char* kNewestFirst = " ORDER BY p.uploaded_at DESC, p.id DESC";

// A query's words each add a LIKE over every photo's search_text; more than this many only
// narrow what a few already found.
constexpr std::size_t kMaxSearchWords = 10;

constexpr std::array<std::string_view, 4> kTypes = {"jpeg", "png", "webp", "heic"};

Photo photo_from(const Table& t, int row) {
  Photo p;
  p.id = t.int64(row, 0);
  p.hash = t.text(row, 1);
  p.type = t.text(row, 2);
  p.width = static_cast<int>(t.int64(row, 3));
  p.height = static_cast<int>(t.int64(row, 4));
  p.bytes = t.int64(row, 5);
  p.filename = t.text(row, 6);
  p.caption = t.text(row, 7);
  p.credit = t.text(row, 8);
  p.alt = t.text(row, 9);
  p.uploaded_by = t.int64(row, 10);
  p.uploaded_by_name = t.text(row, 11);
  p.uploaded_at = t.int64(row, 12);
  return p;
}

Error no_photo(std::int64_t id) { return not_found("không có ảnh số " + std::to_string(id)); }

// Outside text as the library stores it: refused when it is not UTF-8, then without control
// characters and in NFC.
Result<std::string> clean(std::string_view field, std::string_view what, std::string_view in) {
  if (!text::valid_utf8(in)) return invalid_field(std::string(field), std::string(what) + " không phải UTF-8 hợp lệ");
  return text::nfc(text::strip_controls(in));
}

// The text a photo is found by: its caption, credit and filename, folded.
std::string search_text(std::string_view caption, std::string_view credit, std::string_view filename) {
  std::string all(caption);
  all += '\n';
  all += credit;
  all += '\n';
  all += filename;
  return text::fold(all);
}

struct Description {
  std::string caption, credit, alt;
};

Result<Description> describe_checked(std::string_view caption, std::string_view credit, std::string_view alt) {
  Description d;
  auto c = clean("caption", "chú thích", caption);
  if (!c) return c.error();
  d.caption = std::move(*c);
  if (text::count_chars(d.caption) > kMaxCaptionChars)
    return invalid_field("caption", "chú thích dài quá " + std::to_string(kMaxCaptionChars) + " ký tự");
  auto r = clean("credit", "tên tác giả ảnh", credit);
  if (!r) return r.error();
  d.credit = std::move(*r);
  if (text::count_chars(d.credit) > kMaxCreditChars)
    return invalid_field("credit", "tên tác giả ảnh dài quá " + std::to_string(kMaxCreditChars) + " ký tự");
  auto a = clean("alt", "mô tả thay ảnh (alt)", alt);
  if (!a) return a.error();
  d.alt = std::move(*a);
  if (text::count_chars(d.alt) > kMaxAltChars)
    return invalid_field("alt", "mô tả thay ảnh (alt) dài quá " + std::to_string(kMaxAltChars) + " ký tự");
  return d;
}

}  // namespace

Result<Added> SqlPhotos::add(UnitOfWork& work, const NewPhoto& n) {
  if (!is_sha256_hex(n.hash)) return invalid_field("hash", "mã băm của ảnh phải là 64 chữ số hex viết thường (SHA-256)");
  if (std::find(kTypes.begin(), kTypes.end(), n.type) == kTypes.end())
    return invalid_field("type", "loại ảnh phải là jpeg, png, webp hoặc heic, không phải \"" + n.type + "\"");
  if (n.width <= 0 || n.height <= 0) return invalid("kích thước ảnh phải lớn hơn 0");
  if (n.original.empty()) return invalid("tệp ảnh gốc rỗng");
  // The content address is what `media check` and every node's variants trust: checked here,
  // where the bytes are stored, rather than taken on the caller's word.
  if (sha256_hex(n.original) != n.hash) return invalid_field("hash", "mã băm không khớp với tệp ảnh gốc");
  auto filename = clean("filename", "tên tệp", n.filename);
  if (!filename) return filename.error();
  if (filename->size() > kMaxFilenameBytes)
    return invalid_field("filename", "tên tệp dài quá " + std::to_string(kMaxFilenameBytes) + " byte");
  auto d = describe_checked(n.caption, n.credit, n.alt);
  if (!d) return d.error();

  auto s = session(work);
  if (n.uploaded_by != 0) {
    auto account = s->run("SELECT 1 FROM users WHERE id = $1", {n.uploaded_by});
    if (!account) return account.error();
    if (account->empty()) return invalid("không có người dùng số " + std::to_string(n.uploaded_by));
  }
  // ON CONFLICT DO NOTHING rather than a unique violation: PostgreSQL would abort the unit of
  // work at it. A concurrent add of the same hash waits for the other unit, then finds its row
  // (each statement of a PostgreSQL unit sees what committed before it; SQLite's unit is the
  // only writer).
  auto inserted = s->run(
      "INSERT INTO photos (hash, type, width, height, bytes, filename, caption, credit, alt, search_text, "
      "uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
      "ON CONFLICT (hash) DO NOTHING RETURNING id",
      {n.hash, n.type, std::int64_t(n.width), std::int64_t(n.height), std::int64_t(n.original.size()), *filename,
       d->caption, d->credit, d->alt, search_text(d->caption, d->credit, *filename),
       n.uploaded_by != 0 ? Value{n.uploaded_by} : Value{nullptr}, n.uploaded_at});
  if (!inserted) return inserted.error();
  if (inserted->empty()) {
    auto found = s->run("SELECT id FROM photos WHERE hash = $1", {n.hash});
    if (!found) return found.error();
    // Only when another unit removed it between the two statements: running the unit again adds it.
    if (found->empty()) return conflict("ảnh vừa bị xoá trong lúc thêm, hãy thử lại");
    return Added{found->int64(0, 0), false};
  }
  const std::int64_t id = inserted->int64(0, 0);
  if (auto st = put_original(work, id, n.original); !st) return st.error();
  if (auto st = work.record(topic::photo, std::to_string(id)); !st) return st.error();
  return Added{id, true};
}

Result<std::optional<Photo>> SqlPhotos::one(const std::string& where, const Value& key) {
  auto s = session();
  if (!s) return s.error();
  auto rows = (*s)->run(std::string(kSelect) + where, {key});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<Photo>();
  return std::optional<Photo>(photo_from(*rows, 0));
}

Result<std::optional<Photo>> SqlPhotos::get(std::int64_t id) { return one(" WHERE p.id = $1", id); }

Result<std::optional<Photo>> SqlPhotos::by_hash(std::string_view hash) {
  return one(" WHERE p.hash = $1", std::string(hash));
}

Result<std::optional<std::string>> SqlPhotos::original(std::string_view hash) {
  if (!is_sha256_hex(hash)) return std::optional<std::string>();
  return read_original(hash);
}

Status SqlPhotos::describe(UnitOfWork& work, std::int64_t id, std::string_view caption, std::string_view credit,
                           std::string_view alt) {
  auto d = describe_checked(caption, credit, alt);
  if (!d) return d.error();
  auto s = session(work);
  auto row = s->run("SELECT filename, caption, credit, alt FROM photos WHERE id = $1", {id});
  if (!row) return row.error();
  if (row->empty()) return no_photo(id);
  if (row->text(0, 1) == d->caption && row->text(0, 2) == d->credit && row->text(0, 3) == d->alt)
    return ok_status();
  if (auto u = s->run("UPDATE photos SET caption = $1, credit = $2, alt = $3, search_text = $4 WHERE id = $5",
                      {d->caption, d->credit, d->alt, search_text(d->caption, d->credit, row->text(0, 0)), id});
      !u)
    return u.error();
  return work.record(topic::photo, std::to_string(id));
}

Result<PhotoPage> SqlPhotos::search(const PhotoQuery& q) {
  if (q.page < 1) return invalid_field("page", "trang phải từ 1");
  if (q.per_page < 1 || q.per_page > kMaxPhotosPerPage)
    return invalid_field("per_page", "số ảnh mỗi trang phải từ 1 đến " + std::to_string(kMaxPhotosPerPage));
  if (!text::valid_utf8(q.text)) return invalid_field("text", "từ tìm không phải UTF-8 hợp lệ");

  std::vector<std::string> words;
  const std::string folded = text::fold(q.text);
  for (std::size_t at = 0; at < folded.size();) {
    std::size_t end = folded.find_first_of(" \t\n\r", at);
    if (end == std::string::npos) end = folded.size();
    if (end > at) words.push_back(folded.substr(at, end - at));
    at = end + 1;
  }
  if (words.size() > kMaxSearchWords)
    return invalid_field("text", "tìm nhiều nhất " + std::to_string(kMaxSearchWords) + " từ");

  std::string where;
  std::vector<Value> params;
  for (const auto& w : words) {
    params.push_back(contains_pattern(w));
    where += (where.empty() ? " WHERE " : " AND ");
    where += "p.search_text LIKE $" + std::to_string(params.size()) + " ESCAPE '\\'";
  }

  auto s = session();
  if (!s) return s.error();
  auto count = (*s)->run("SELECT count(*) FROM photos p" + where, params);
  if (!count) return count.error();
  PhotoPage out;
  out.total = count->int64(0, 0);

  params.emplace_back(std::in_place_type<std::int64_t>, q.per_page);
  const std::string limit = "$" + std::to_string(params.size());
  params.emplace_back(std::in_place_type<std::int64_t>, std::int64_t(q.page - 1) * q.per_page);
  const std::string offset = "$" + std::to_string(params.size());
  auto rows = (*s)->run(kSelect + where + kNewestFirst + " LIMIT " + limit + " OFFSET " + offset, params);
  if (!rows) return rows.error();
  out.photos.reserve(rows->size());
  for (int i = 0; i < rows->size(); ++i) out.photos.push_back(photo_from(*rows, i));
  return out;
}

Result<std::vector<std::string>> SqlPhotos::hashes() {
  auto s = session();
  if (!s) return s.error();
  auto rows = (*s)->run("SELECT hash FROM photos ORDER BY hash", {});
  if (!rows) return rows.error();
  std::vector<std::string> out;
  out.reserve(rows->size());
  for (int i = 0; i < rows->size(); ++i) out.emplace_back(rows->text(i, 0));
  return out;
}

Status SqlPhotos::remove(UnitOfWork& work, std::int64_t id) {
  auto s = session(work);
  // The original goes with the row (ON DELETE CASCADE).
  auto gone = s->run("DELETE FROM photos WHERE id = $1 RETURNING id", {id});
  if (!gone) return gone.error();
  if (gone->empty()) return no_photo(id);
  return work.record(topic::photo, std::to_string(id));
}

}  // namespace toasoan::store::sql
