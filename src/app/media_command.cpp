// `toasoan media check [--repair]` and `toasoan media gc [--dry-run]`: the media folder against
// the photo library, from the server's machine. check looks for every stored photo's variants
// (a node's folder lost or never filled: a new node, a restored backup) and with --repair makes
// them from the originals in the database; gc removes variant files of photos no longer stored
// and leftovers of interrupted writes. Exit codes: 0 all well, 1 files missing (check without
// --repair) or photos that could not be made, 2 the database or the folder could not be used.
#include <cstdio>

#include "app/commands.hpp"
#include "base/clock.hpp"
#include "media/library.hpp"
#include "media/photo.hpp"
#include "store/database.hpp"

namespace toasoan::app {
namespace {

int fail(const Error& e) {
  std::fprintf(stderr, "toasoan: %s\n", e.message.c_str());
  return 2;
}

}  // namespace

int media_command(const MediaOptions& o) {
  auto opened = store::open(o.db);
  if (!opened) return fail(opened.error());
  auto db = std::move(*opened);
  if (auto m = db->migrate(); !m) return fail(m.error());
  media::start_processing();
  media::Library library(*db, o.media, media::Limits{}, [] { return unix_now(); });

  if (o.action == "check") {
    auto r = library.check(o.repair);
    if (!r) return fail(r.error());
    std::printf("%lld ảnh, %lld tệp biến thể; thiếu %lld tệp", static_cast<long long>(r->photos),
                static_cast<long long>(r->files), static_cast<long long>(r->missing));
    if (o.repair) std::printf("; đã làm lại %lld tệp", static_cast<long long>(r->made));
    if (r->unreadable) std::printf("; %lld ảnh không làm được (xem nhật ký)", static_cast<long long>(r->unreadable));
    std::printf("\n");
    if (r->unreadable) return 1;
    return r->missing > 0 && !o.repair ? 1 : 0;
  }
  auto r = library.sweep(o.dry_run);
  if (!r) return fail(r.error());
  std::printf("%s %lld tệp (%.1f MB); giữ %lld tệp\n", o.dry_run ? "sẽ xóa" : "đã xóa", static_cast<long long>(r->removed),
              static_cast<double>(r->bytes_removed) / (1 << 20), static_cast<long long>(r->kept));
  return 0;
}

}  // namespace toasoan::app
