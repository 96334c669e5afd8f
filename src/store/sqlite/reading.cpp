#include "store/sqlite/reading.hpp"

#include "store/listing_sql.hpp"
#include "store/published_tally.hpp"
#include "store/row_codec.hpp"
#include "store/shared_sql.hpp"
#include "store/sqlite/session.hpp"

namespace toasoan::store::sqlite {

using articles::Article;
using articles::Category;
using articles::Summary;

namespace {

// The article with this id, whatever its status, or nullopt.
Result<std::optional<Article>> read_article(Connection& c, std::int64_t id) {
  static const std::string sql = std::string(kArticleSelect) + "WHERE a.id = ?";
  TOASOAN_SQLITE_STATEMENT(s, c, sql);
  s.bind(id);
  int rc = s.step();
  if (rc == SQLITE_DONE) return std::optional<Article>();
  if (rc != SQLITE_ROW) return step_error(c);
  return std::optional<Article>(article_from(s));
}

Result<std::vector<Summary>> summaries(Connection& c, Statement& s, Summary (*from)(const Statement&) = summary_from) {
  std::vector<Summary> out;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) out.push_back(from(s));
  if (rc != SQLITE_DONE) return step_error(c);
  return out;
}

}  // namespace

// Every list is a range of an index read backwards from its upper time (listing_sql.hpp); a
// deep page is first cut at its month by the published tally, so it skips at most a month.

Result<std::vector<Summary>> SqliteReading::latest(const ListQuery& query) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  SqliteSession session(c);
  auto narrowed = tally::narrow(session, query);
  if (!narrowed) return narrowed.error();
  if (!*narrowed) return std::vector<Summary>();
  const ListQuery& q = **narrowed;
  if (q.category_id) {
    static const std::string cat_sql = sql::sqlite_form(sql::kLatestInCategory);
    TOASOAN_SQLITE_STATEMENT(s, c, cat_sql);
    s.bind(q.now, q.limit, q.offset, *q.category_id);
    return summaries(c, s);
  }
  static const std::string all_sql = sql::sqlite_form(sql::kLatest);
  TOASOAN_SQLITE_STATEMENT(s, c, all_sql);
  s.bind(q.now, q.limit, q.offset);
  return summaries(c, s);
}

Result<std::vector<Summary>> SqliteReading::published_between(std::int64_t from, std::int64_t to, int limit,
                                                              int offset, std::int64_t now) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  static const std::string sql = sql::sqlite_form(sql::kPublishedBetween);
  TOASOAN_SQLITE_STATEMENT(s, c, sql);
  s.bind(from, to, now, limit, offset);
  return summaries(c, s);
}

Result<std::vector<Summary>> SqliteReading::addresses_between(std::int64_t from, std::int64_t to, int limit,
                                                              int offset, std::int64_t now) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  static const std::string sql = sql::sqlite_form(sql::kAddressesBetween);
  TOASOAN_SQLITE_STATEMENT(s, c, sql);
  s.bind(from, to, now, limit, offset);
  return summaries(c, s, address_from);
}

Result<std::vector<articles::ArchiveMonth>> SqliteReading::archive_months(std::int64_t now) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  SqliteSession session(**lease);
  return tally::read_months(session, std::nullopt, now);
}

Result<std::int64_t> SqliteReading::count_published(std::optional<std::int64_t> category_id, std::int64_t now) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  SqliteSession session(**lease);
  auto months = tally::read_months(session, category_id, now);
  if (!months) return months.error();
  return tally::total(*months);
}

Result<std::optional<std::int64_t>> SqliteReading::next_publication(std::int64_t now) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  static const std::string sql = sql::sqlite_form(sql::kNextPublication);
  TOASOAN_SQLITE_STATEMENT(s, c, sql);
  s.bind(now);
  if (s.step() != SQLITE_ROW) return step_error(c);
  if (s.is_null(0)) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(s.int64(0));
}

Result<std::optional<Article>> SqliteReading::article(std::int64_t id) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return read_article(**lease, id);
}

Result<std::vector<Article>> SqliteReading::articles(std::span<const std::int64_t> ids) {
  // In process, one read per id costs microseconds: nothing to gain from one statement.
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  std::vector<Article> out;
  for (std::int64_t id : ids) {
    auto a = read_article(**lease, id);
    if (!a) return a.error();
    if (*a) out.push_back(std::move(**a));
  }
  return out;
}

Result<std::vector<Category>> SqliteReading::categories() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  TOASOAN_SQLITE_STATEMENT(s, c, sql::kCategories);
  std::vector<Category> out;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW)
    out.push_back({s.int64(0), std::string(s.text(1)), std::string(s.text(2)), static_cast<int>(s.int64(3))});
  if (rc != SQLITE_DONE) return step_error(c);
  return out;
}

Result<bool> SqliteReading::empty() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& c = **lease;
  TOASOAN_SQLITE_STATEMENT(s, c, "SELECT NOT EXISTS (SELECT 1 FROM articles)");
  if (s.step() != SQLITE_ROW) return step_error(c);
  return s.int64(0) != 0;
}

}  // namespace toasoan::store::sqlite
