// The photo library (store/photos.hpp) on PostgreSQL: the shared statements
// (store/sql_photos.hpp) run as statements prepared once per pooled connection. An original
// travels as hex both ways (the connection sends every parameter as text, and a text parameter
// ends at its first NUL): written as '\x…' cast to bytea, read through encode(data, 'hex').
// Twice the bytes on the wire, for a file uploaded once and read back only when a node remakes
// a variant. Thread-safe: a connection per call.
#pragma once

#include "store/postgres/pool.hpp"
#include "store/sql_photos.hpp"

namespace toasoan::store::postgres {

class PostgresPhotos final : public sql::SqlPhotos {
 public:
  explicit PostgresPhotos(Pool& pool) : pool_(pool) {}

 protected:
  Result<std::unique_ptr<sql::Session>> session() override;
  std::unique_ptr<sql::Session> session(UnitOfWork& work) override;
  Status put_original(UnitOfWork& work, std::int64_t photo_id, std::string_view bytes) override;
  Result<std::optional<std::string>> read_original(std::string_view hash) override;

 private:
  Pool& pool_;
};

}  // namespace toasoan::store::postgres
