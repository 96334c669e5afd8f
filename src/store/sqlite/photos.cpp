#include "store/sqlite/photos.hpp"

#include "store/sqlite/session.hpp"
#include "store/sqlite/unit_of_work.hpp"

namespace toasoan::store::sqlite {

Result<std::unique_ptr<sql::Session>> SqlitePhotos::session() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return std::unique_ptr<sql::Session>(new SqliteSession(std::move(*lease)));
}

std::unique_ptr<sql::Session> SqlitePhotos::session(UnitOfWork& work) {
  return std::make_unique<SqliteSession>(sqlite_work(work).connection());
}

Status SqlitePhotos::put_original(UnitOfWork& work, std::int64_t photo_id, std::string_view bytes) {
  Connection& c = sqlite_work(work).connection();
  TOASOAN_SQLITE_STATEMENT(s, c, "INSERT INTO photo_originals (photo_id, data) VALUES (?1, ?2)");
  s.bind_at(1, photo_id).bind_blob_at(2, bytes);
  if (s.step() != SQLITE_DONE) return step_error(c);
  return ok_status();
}

Result<std::optional<std::string>> SqlitePhotos::read_original(std::string_view hash) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  TOASOAN_SQLITE_STATEMENT(
      s, c, "SELECT o.data FROM photo_originals o JOIN photos p ON p.id = o.photo_id WHERE p.hash = ?1");
  s.bind_at(1, hash);
  int rc = s.step();
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  if (rc != SQLITE_ROW) return step_error(c);
  return std::optional<std::string>(std::string(s.blob(0)));
}

}  // namespace toasoan::store::sqlite
