#include <cctype>
#include <string>

#include "store/database.hpp"
#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace toasoan::store {

Result<std::unique_ptr<Database>> open(std::string_view url, const OpenOptions& options) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    auto s = postgres::PostgresDatabase::open(url, options);
    if (!s) return s.error();
    return std::unique_ptr<Database>(std::move(*s));
  }
  // A scheme other than sqlite: is a mistyped URL ("postgresql:u:pw@db/x" lacks its "//"),
  // never a file to create: a server would start on a new, empty database and say nothing.
  if (!url.starts_with("sqlite:")) {
    auto colon = url.find(':');
    auto scheme = url.substr(0, colon == std::string_view::npos ? 0 : colon);
    bool looks_like_scheme = !scheme.empty() && std::isalpha(static_cast<unsigned char>(scheme[0]));
    for (char ch : scheme)
      looks_like_scheme = looks_like_scheme && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '+' || ch == '-' || ch == '.');
    if (looks_like_scheme)
      return invalid("--db: không hiểu \"" + std::string(scheme) +
                     ":…\"; dùng sqlite:ĐƯỜNG_DẪN hoặc postgresql://NGƯỜI_DÙNG@MÁY:CỔNG/TÊN_CSDL");
  }
  std::string_view path = url;
  if (path.starts_with("sqlite:")) path.remove_prefix(7);
  if (path.starts_with("//")) path.remove_prefix(2);  // sqlite://relative/or//absolute
  if (path.empty()) return invalid("--db: thiếu đường dẫn tệp SQLite (ví dụ sqlite:data/toasoan.db)");
  // Only the scheme is echoed: the rest of a URL may hold a password.
  if (auto scheme = path.find("://"); scheme != std::string_view::npos)
    return invalid("--db: không hiểu loại cơ sở dữ liệu \"" + std::string(path.substr(0, scheme)) +
                   "://…\"; dùng sqlite:ĐƯỜNG_DẪN hoặc postgresql://NGƯỜI_DÙNG@MÁY:CỔNG/TÊN_CSDL");
  auto s = sqlite::SqliteDatabase::open(std::string(path), options.bulk_writes);
  if (!s) return s.error();
  return std::unique_ptr<Database>(std::move(*s));
}

}  // namespace toasoan::store
