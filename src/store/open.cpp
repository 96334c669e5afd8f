#include <string>

#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace toasoan::store {

Result<std::unique_ptr<Store>> open(std::string_view url, const OpenOptions& options) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    auto s = postgres::PostgresStore::open(url, options);
    if (!s) return s.error();
    return std::unique_ptr<Store>(std::move(*s));
  }
  std::string_view path = url;
  if (path.starts_with("sqlite:")) path.remove_prefix(7);
  if (path.starts_with("//")) path.remove_prefix(2);  // sqlite://relative/or//absolute
  if (path.empty()) return invalid("--db: thiếu đường dẫn tệp SQLite (ví dụ sqlite:data/toasoan.db)");
  // Only the scheme is echoed: the rest of a URL may hold a password.
  if (auto scheme = path.find("://"); scheme != std::string_view::npos)
    return invalid("--db: không hiểu loại cơ sở dữ liệu \"" + std::string(path.substr(0, scheme)) +
                   "://…\"; dùng sqlite:ĐƯỜNG_DẪN hoặc postgresql://NGƯỜI_DÙNG@MÁY:CỔNG/TÊN_CSDL");
  auto s = sqlite::SqliteStore::open(std::string(path));
  if (!s) return s.error();
  return std::unique_ptr<Store>(std::move(*s));
}

}  // namespace toasoan::store
