#include <string>

#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace toasoan::store {

Result<std::unique_ptr<Store>> open(std::string_view url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return invalid("PostgreSQL chưa được hỗ trợ trong bản này: " + std::string(url.substr(0, url.find(':'))));
  std::string_view path = url;
  if (path.starts_with("sqlite:")) path.remove_prefix(7);
  if (path.starts_with("//")) path.remove_prefix(2);  // sqlite://relative/or//absolute
  if (path.empty()) return invalid("--db: thiếu đường dẫn tệp SQLite (ví dụ sqlite:data/toasoan.db)");
  if (path.find("://") != std::string_view::npos)
    return invalid("--db: không hiểu địa chỉ cơ sở dữ liệu \"" + std::string(url) + "\"");
  auto s = sqlite::SqliteStore::open(std::string(path));
  if (!s) return s.error();
  return std::unique_ptr<Store>(std::move(*s));
}

}  // namespace toasoan::store
