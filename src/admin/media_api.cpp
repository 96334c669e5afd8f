// The photo library's API (docs/api.md, "Photos"): uploading a photo (multipart, the file in
// the field `file`), the library searched by caption, credit and file name, one photo, and its
// caption, credit and alt text. Processing runs on the photo queue (media/processing_queue.hpp),
// never on the server's workers; the rules are media::Library's, this file only translates.
//
// Who: the newsroom's writing roles (reporter, editor, secretary, chief). A moderator or an
// admin without one of them writes no pieces and so has no photos to upload.
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "admin/api_json.hpp"
#include "admin/piece_json.hpp"
#include "admin/routes.hpp"
#include "http/errors.hpp"
#include "http/multipart.hpp"
#include "media/library.hpp"
#include "media/processing_queue.hpp"
#include "media/variants.hpp"
#include "text/datetime.hpp"
#include "text/utf8.hpp"

namespace toasoan::admin {
namespace {

using newsroom::Role;

bool writes_pieces(const editorial::Actor& a) {
  if (!a.user) return false;
  const auto& r = a.user->roles;
  return r.has(Role::reporter) || r.has(Role::editor) || r.has(Role::secretary) || r.has(Role::chief);
}

// Who may take a photo out of the library: the desk's editors, and whoever uploaded it.
bool removes(const editorial::Actor& a, const store::Photo& p) {
  if (!a.user) return false;
  const auto& r = a.user->roles;
  return r.has(Role::editor) || r.has(Role::secretary) || r.has(Role::chief) ||
         (r.has(Role::reporter) && p.uploaded_by == a.user->id);
}

// Variant paths are ASCII letters, digits, '-', '.' and '/': nothing to percent-encode.
std::string media_url(std::string_view path) { return "/media/" + std::string(path); }

json photo_json(const store::Photo& p) {
  json variants = json::array();
  std::string social;
  for (const auto& s : media::slots_for(p.width, p.height)) {
    std::string url = media_url(media::variant_path(p.hash, s.name, s.format));
    if (s.name == "social") social = url;
    else variants.push_back({{"slot", s.name}, {"format", s.format}, {"width", s.width}, {"height", s.height}, {"url", url}});
  }
  return {{"id", p.id},
          {"hash", p.hash},
          {"type", p.type},
          {"width", p.width},
          {"height", p.height},
          {"bytes", p.bytes},
          {"filename", p.filename},
          {"caption", p.caption},
          {"credit", p.credit},
          {"alt", p.alt},
          {"uploaded", text::format_iso8601_vn(p.uploaded_at)},
          // null: a photo an import or the demo took in, which no account uploaded
          {"uploaded_by", p.uploaded_by != 0 ? json{{"id", p.uploaded_by}, {"name", p.uploaded_by_name}} : json(nullptr)},
          {"variants", variants},
          {"social", social}};
}

// An upload handed to the photo queue: the body, or the temporary file the server wrote it
// to, taken over from the request (which may be gone by the time the job runs: the client
// answered 503 after a long wait) and removed when the job is done with it.
struct UploadJob {
  std::filesystem::path file;
  std::string body;
  std::string boundary;
  std::int64_t user_id = 0;
  std::string username, address;  // for the audit line

  ~UploadJob() {
    std::error_code ec;
    if (!file.empty()) std::filesystem::remove(file, ec);
  }
  Result<std::string> read() const {
    if (file.empty()) return body;
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return Error{ErrorKind::internal, "không đọc lại được tệp vừa gửi"};
    return bytes;
  }
};

// Takes the request's body over for a job.
Result<std::shared_ptr<UploadJob>> take_body(const http::Request& req, std::string boundary,
                                             const editorial::Actor& actor) {
  auto job = std::make_shared<UploadJob>();
  job->boundary = std::move(boundary);
  job->user_id = actor.user->id;
  job->username = actor.user->username;
  job->address = actor.address;
  if (req.body_file.empty()) {
    job->body = std::string(req.body);
    return job;
  }
  std::filesystem::path mine = req.body_file;
  mine += ".photo";
  std::error_code ec;
  std::filesystem::rename(req.body_file, mine, ec);
  if (ec) return Error{ErrorKind::internal, "không giữ được tệp vừa gửi: " + ec.message()};
  job->file = std::move(mine);
  return job;
}

// A text field of the form, "" when absent; invalid UTF-8 is refused.
Result<std::string> text_field(const std::vector<http::FormPart>& parts, std::string_view name) {
  const http::FormPart* p = http::find_part(parts, name);
  if (!p) return std::string();
  if (!text::valid_utf8(p->data)) return invalid_field(std::string(name), "Chữ gửi lên không phải UTF-8 hợp lệ.");
  return std::string(p->data);
}

// Everything after the queue took the job: parse, process, answer.
http::Response upload(const UploadJob& job, media::Library& library) {
  http::Response res;
  auto body = job.read();
  if (!body) {
    send_error(res, body.error());
    return res;
  }
  auto parts = http::parse_multipart(*body, job.boundary);
  if (!parts) {
    send_error(res, parts.error());
    return res;
  }
  const http::FormPart* file = http::find_part(*parts, "file");
  if (!file || !file->has_filename) {
    send_field_error(res, "file", "Chưa có tệp ảnh: gửi ảnh trong trường file.");
    return res;
  }
  media::UploadInfo info;
  info.filename = text::valid_utf8(file->filename) ? std::string(file->filename) : std::string();
  info.content_type = std::string(file->content_type);
  info.user_id = job.user_id;
  info.username = job.username;
  info.address = job.address;
  for (auto [name, out] : {std::pair{"caption", &info.caption}, {"credit", &info.credit}, {"alt", &info.alt}}) {
    auto v = text_field(*parts, name);
    if (!v) {
      send_error(res, v.error());
      return res;
    }
    *out = std::move(*v);
  }
  auto added = library.add(file->data, info);
  if (!added) {
    send_error(res, added.error());
    return res;
  }
  json out = photo_json(added->photo);
  out["created"] = added->created;
  send(res, out, added->created ? 201 : 200);
  return res;
}

// Where a photo is used: the pieces this member may open that show it, most recently changed
// first.
Result<json> uses_json(const Newsroom& n, const store::User& who, const store::Photo& p) {
  json uses = json::array();
  auto found = n.office.list(who, media::pieces_showing(p, 50));
  if (!found) {
    if (found.error().kind == ErrorKind::forbidden) return uses;  // a role without pieces sees none
    return found.error();
  }
  for (const auto& s : found->first) uses.push_back(summary_json(s));
  return uses;
}

}  // namespace

void add_media_routes(http::Router& router, const Newsroom& n) {
  if (!n.photos || !n.processing) return;
  http::RouteOptions upload_options;
  // The photo, its form around it and a caption.
  upload_options.body_limit = n.photos->limits().max_bytes + (1u << 20);
  upload_options.body_to_file = true;
  upload_options.body_read = std::chrono::seconds(180);
  upload_options.deferred_wait = std::chrono::seconds(120);
  router.add("POST", "/api/v1/admin/media", [&n](http::Request& req, http::Response& res) {
    editorial::Actor actor = actor_of(req, n);
    if (!writes_pieces(actor))
      return send_error(res, Error{ErrorKind::forbidden, "Chỉ phóng viên và biên tập viên tải ảnh lên."});
    auto boundary = http::multipart_boundary(req.header("Content-Type"));
    if (!boundary) {
      return send(res, json{{"error", "unsupported_media_type"}, {"reason", "Ảnh gửi lên dạng multipart/form-data."}}, 415);
    }
    auto job = take_body(req, std::string(*boundary), actor);
    if (!job) return send_error(res, job.error());
    auto deferred = std::make_shared<http::Deferred>();
    bool queued = n.processing->post([deferred, job = *job, &n] {
      if (deferred->done()) return;  // the client was answered 503 meanwhile
      deferred->finish(upload(*job, *n.photos));
    });
    if (!queued) {
      res.set_header("Retry-After", "5");
      return send_error(res, Error{ErrorKind::unavailable, "Máy chủ đang xử lý nhiều ảnh; bạn vui lòng gửi lại sau ít giây."});
    }
    res.deferred = std::move(deferred);
  }, upload_options, guarded(n));

  router.add("GET", "/api/v1/admin/media", [&n](http::Request& req, http::Response& res) {
    store::PhotoQuery q;
    q.text = http::query_param(req.query, "q");
    if (!text::valid_utf8(q.text)) return send_field_error(res, "q", "Chữ tìm không phải UTF-8 hợp lệ.");
    auto page = http::query_param(req.query, "page");
    if (!page.empty()) {
      auto [end, ec] = std::from_chars(page.data(), page.data() + page.size(), q.page);
      if (ec != std::errc() || end != page.data() + page.size() || q.page < 1 || q.page > 100000)
        return send_field_error(res, "page", "Trang phải là số từ 1.");
    }
    auto found = n.photos->search(q);
    if (!found) return send_error(res, found.error());
    json list = json::array();
    for (const auto& p : found->photos) list.push_back(photo_json(p));
    send(res, json{{"photos", list}, {"total", found->total}, {"page", q.page}, {"per_page", q.per_page}});
  }, {}, guarded(n));

  router.add("GET", "/api/v1/admin/media/{id}", [&n](http::Request& req, http::Response& res) {
    auto id = id_param(req, "id", res);
    if (!id) return;
    auto p = n.photos->get(*id);
    if (!p) return send_error(res, p.error());
    if (!*p) return send_error(res, Error{ErrorKind::not_found, "Không có ảnh số " + std::to_string(*id) + "."});
    auto uses = uses_json(n, *actor_of(req, n).user, **p);
    if (!uses) return send_error(res, uses.error());
    json out = photo_json(**p);
    out["uses"] = std::move(*uses);
    send(res, out);
  }, {}, guarded(n));

  router.add("DELETE", "/api/v1/admin/media/{id}", [&n](http::Request& req, http::Response& res) {
    editorial::Actor actor = actor_of(req, n);
    auto id = id_param(req, "id", res);
    if (!id) return;
    auto p = n.photos->get(*id);
    if (!p) return send_error(res, p.error());
    if (!*p) return send_error(res, Error{ErrorKind::not_found, "Không có ảnh số " + std::to_string(*id) + "."});
    if (!removes(actor, **p))
      return send_error(res, Error{ErrorKind::forbidden, "Chỉ người tải ảnh lên, biên tập viên, thư ký tòa soạn và tổng biên tập xóa ảnh."});
    if (auto r = n.photos->remove(*id, {actor.user->id, actor.user->username, actor.address}); !r)
      return send_error(res, r.error());
    res.status = 204;
  }, {}, guarded(n));

  router.add("PUT", "/api/v1/admin/media/{id}", [&n](http::Request& req, http::Response& res) {
    editorial::Actor actor = actor_of(req, n);
    if (!writes_pieces(actor))
      return send_error(res, Error{ErrorKind::forbidden, "Chỉ phóng viên và biên tập viên sửa chú thích ảnh."});
    auto id = id_param(req, "id", res);
    if (!id) return;
    auto body = read_object(req, res);
    if (!body || !only_known(*body, {"caption", "credit", "alt"}, res)) return;
    std::optional<std::string> caption, credit, alt;
    if (!get_string(*body, "caption", caption, res) || !get_string(*body, "credit", credit, res) ||
        !get_string(*body, "alt", alt, res))
      return;
    auto saved = n.photos->describe(*id, caption, credit, alt, {actor.user->id, actor.user->username, actor.address});
    if (!saved) return send_error(res, saved.error());
    send(res, photo_json(*saved));
  }, {}, guarded(n));
}

}  // namespace toasoan::admin
