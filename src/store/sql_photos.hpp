// The photo library (photos.hpp) written once over SQL both engines accept: every statement is
// in PostgreSQL's $1 form, which SQLite runs as ?1 (shared_sql.hpp). An engine gives it a way to
// run a statement on a connection (Session, sql_session.hpp), and its own way of writing and
// reading an original's bytes: a Session carries text, and an original is bytes that are not
// text (NULs, anything above 0x7F). SQLite binds and reads them as a BLOB; PostgreSQL, whose
// connection sends every parameter as text, as hex turned into bytea and back.
// sqlite/photos.hpp and postgres/photos.hpp are those engines.
//
// Thread-safe: every method from any thread; a Session belongs to one call.
#pragma once

#include <memory>

#include "store/database.hpp"
#include "store/photos.hpp"
#include "store/sql_session.hpp"

namespace toasoan::store::sql {

class SqlPhotos : public Photos {
 public:
  Result<Added> add(UnitOfWork& work, const NewPhoto& photo) override;
  Result<std::optional<Photo>> get(std::int64_t id) override;
  Result<std::optional<Photo>> by_hash(std::string_view hash) override;
  Result<std::optional<std::string>> original(std::string_view hash) override;
  Status describe(UnitOfWork& work, std::int64_t id, std::string_view caption, std::string_view credit,
                  std::string_view alt) override;
  Result<PhotoPage> search(const PhotoQuery& query) override;
  Result<std::vector<std::string>> hashes() override;
  Status remove(UnitOfWork& work, std::int64_t id) override;

 protected:
  // A session on a pooled connection of its own, outside any unit of work.
  virtual Result<std::unique_ptr<Session>> session() = 0;
  // A session on `work`'s connection. REQUIRES: `work` was begun by this engine's database.
  virtual std::unique_ptr<Session> session(UnitOfWork& work) = 0;
  // Writes the original of the photo `photo_id` into photo_originals, in `work`.
  // REQUIRES: the photo's row exists in `work` and has no original yet.
  virtual Status put_original(UnitOfWork& work, std::int64_t photo_id, std::string_view bytes) = 0;
  // The original of the photo with that hash, byte for byte; nullopt when there is none.
  virtual Result<std::optional<std::string>> read_original(std::string_view hash) = 0;

 private:
  Result<std::optional<Photo>> one(const std::string& where, const Value& key);
};

}  // namespace toasoan::store::sql
