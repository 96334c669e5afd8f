// The photo library (store/photos.hpp) on SQLite: the shared statements
// (store/sql_photos.hpp) run on the pool's connections, and an original is bound and read as a
// BLOB, the bytes as they are. Thread-safe: a connection per call.
#pragma once

#include "store/sql_photos.hpp"
#include "store/sqlite/pool.hpp"

namespace toasoan::store::sqlite {

class SqlitePhotos final : public sql::SqlPhotos {
 public:
  explicit SqlitePhotos(Pool& pool) : pool_(pool) {}

 protected:
  Result<std::unique_ptr<sql::Session>> session() override;
  std::unique_ptr<sql::Session> session(UnitOfWork& work) override;
  Status put_original(UnitOfWork& work, std::int64_t photo_id, std::string_view bytes) override;
  Result<std::optional<std::string>> read_original(std::string_view hash) override;

 private:
  Pool& pool_;
};

}  // namespace toasoan::store::sqlite
