#include "store/postgres/photos.hpp"

#include "base/digest.hpp"
#include "store/postgres/session.hpp"
#include "store/postgres/unit_of_work.hpp"

namespace toasoan::store::postgres {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytea's hex input form, "\x" and two digits a byte.
std::string bytea_hex(std::string_view bytes) { return "\\x" + hex(bytes); }

Result<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return internal("encode(…, 'hex') gave an odd number of digits");
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = hex_value(hex[i]), lo = hex_value(hex[i + 1]);
    if (hi < 0 || lo < 0) return internal("encode(…, 'hex') gave something other than hex digits");
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<sql::Session>> PostgresPhotos::session() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return std::unique_ptr<sql::Session>(new PostgresSession(std::move(*lease)));
}

std::unique_ptr<sql::Session> PostgresPhotos::session(UnitOfWork& work) {
  return std::make_unique<PostgresSession>(postgres_work(work).connection());
}

Status PostgresPhotos::put_original(UnitOfWork& work, std::int64_t photo_id, std::string_view bytes) {
  auto r = postgres_work(work).connection().query(
      "INSERT INTO photo_originals (photo_id, data) VALUES ($1, $2::bytea)", {photo_id, bytea_hex(bytes)});
  if (!r) return r.error();
  return ok_status();
}

Result<std::optional<std::string>> PostgresPhotos::read_original(std::string_view hash) {
  return pool_.read([&](Connection& c) -> Result<std::optional<std::string>> {
    auto r = c.query(
        "SELECT encode(o.data, 'hex') FROM photo_originals o JOIN photos p ON p.id = o.photo_id WHERE p.hash = $1",
        {hash});
    if (!r) return r.error();
    if (r->empty()) return std::optional<std::string>();
    auto bytes = from_hex(r->text(0, 0));
    if (!bytes) return bytes.error();
    return std::optional<std::string>(std::move(*bytes));
  });
}

}  // namespace toasoan::store::postgres
