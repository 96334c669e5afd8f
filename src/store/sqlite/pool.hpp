// The SQLite connections of one database file: one per concurrent caller, opened on demand and
// kept, each with its prepared statements. A connection is lent for the length of a call
// (store/lease.hpp) or of a unit of work.
//
// Thread-safe: acquire() and release() from any thread.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/lease.hpp"
#include "store/sqlite/connection.hpp"

namespace toasoan::store::sqlite {

class Pool {
 public:
  using Lease = store::Lease<Pool, Connection>;

  // REQUIRES: `first` is a connection to `path` that opened and checked out well, with
  // `bulk_writes` as the pool's own.
  Pool(std::string path, std::unique_ptr<Connection> first, bool bulk_writes);
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  Result<Lease> acquire();
  const std::string& path() const { return path_; }

 private:
  friend class store::Lease<Pool, Connection>;
  void release(std::unique_ptr<Connection> c);

  const std::string path_;
  const bool bulk_writes_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;  // GUARDED_BY(mutex_)
};

}  // namespace toasoan::store::sqlite
