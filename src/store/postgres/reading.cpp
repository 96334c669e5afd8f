#include "store/postgres/reading.hpp"

#include <algorithm>

#include "store/listing_sql.hpp"
#include "store/postgres/row.hpp"
#include "store/postgres/session.hpp"
#include "store/published_tally.hpp"
#include "store/row_codec.hpp"
#include "store/shared_sql.hpp"

namespace toasoan::store::postgres {

using articles::Article;
using articles::Category;
using articles::Summary;

namespace {

std::vector<Summary> summaries(const Rows& r, Summary (*from)(const RowAt&) = summary_from) {
  std::vector<Summary> out;
  out.reserve(static_cast<std::size_t>(r.size()));
  for (int i = 0; i < r.size(); ++i) out.push_back(from(RowAt{r, i}));
  return out;
}

}  // namespace

// Every list is a range of an index read backwards from its upper time (listing_sql.hpp); a
// deep page is first cut at its month by the published tally, so it skips at most a month.

Result<std::vector<Summary>> PostgresReading::latest(const ListQuery& query) {
  return pool_.read([&](Connection& c) -> Result<std::vector<Summary>> {
    PostgresSession session(c);
    auto narrowed = tally::narrow(session, query);
    if (!narrowed) return narrowed.error();
    if (!*narrowed) return std::vector<Summary>();
    const ListQuery& q = **narrowed;
    // As SQLite reads them: a negative limit is no limit, a negative offset is none.
    Param limit = q.limit < 0 ? Param(nullptr) : Param(q.limit);
    Param offset = q.offset < 0 ? 0 : q.offset;
    auto r = q.category_id ? c.query(sql::kLatestInCategory, {q.now, limit, offset, *q.category_id})
                           : c.query(sql::kLatest, {q.now, limit, offset});
    if (!r) return r.error();
    return summaries(*r);
  });
}

Result<std::vector<Summary>> PostgresReading::published_between(std::int64_t from, std::int64_t to, int limit,
                                                                int offset, std::int64_t now) {
  return pool_.read([&](Connection& c) -> Result<std::vector<Summary>> {
    auto r = c.query(sql::kPublishedBetween, {from, to, now, limit, std::max(offset, 0)});
    if (!r) return r.error();
    return summaries(*r);
  });
}

Result<std::vector<Summary>> PostgresReading::addresses_between(std::int64_t from, std::int64_t to, int limit,
                                                                int offset, std::int64_t now) {
  return pool_.read([&](Connection& c) -> Result<std::vector<Summary>> {
    auto r = c.query(sql::kAddressesBetween, {from, to, now, limit, std::max(offset, 0)});
    if (!r) return r.error();
    return summaries(*r, address_from);
  });
}

Result<std::vector<articles::ArchiveMonth>> PostgresReading::archive_months(std::int64_t now) {
  return pool_.read([&](Connection& c) -> Result<std::vector<articles::ArchiveMonth>> {
    PostgresSession session(c);
    return tally::read_months(session, std::nullopt, now);
  });
}

Result<std::int64_t> PostgresReading::count_published(std::optional<std::int64_t> category_id, std::int64_t now) {
  return pool_.read([&](Connection& c) -> Result<std::int64_t> {
    PostgresSession session(c);
    auto months = tally::read_months(session, category_id, now);
    if (!months) return months.error();
    return tally::total(*months);
  });
}

Result<std::optional<std::int64_t>> PostgresReading::next_publication(std::int64_t now) {
  return pool_.read([&](Connection& c) -> Result<std::optional<std::int64_t>> {
    auto r = c.query(sql::kNextPublication, {now});
    if (!r) return r.error();
    if (r->is_null(0, 0)) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(r->int64(0, 0));
  });
}

Result<std::optional<Article>> PostgresReading::article(std::int64_t id) {
  static const std::string sql = std::string(kArticleSelect) + "WHERE a.id = $1";
  return pool_.read([&](Connection& c) -> Result<std::optional<Article>> {
    auto r = c.query(sql, {id});
    if (!r) return r.error();
    if (r->empty()) return std::optional<Article>();
    return std::optional<Article>(article_from(RowAt{*r, 0}));
  });
}

Result<std::vector<Article>> PostgresReading::articles(std::span<const std::int64_t> ids) {
  static const std::string sql = std::string(kArticleSelect) +
                                 "JOIN unnest($1::bigint[]) WITH ORDINALITY AS asked(id, n) ON asked.id = a.id "
                                 "ORDER BY asked.n";
  if (ids.empty()) return std::vector<Article>();
  std::string array = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) array += (i ? "," : "") + std::to_string(ids[i]);
  array += "}";
  return pool_.read([&](Connection& c) -> Result<std::vector<Article>> {
    auto r = c.query(sql, {array});
    if (!r) return r.error();
    std::vector<Article> out;
    for (int i = 0; i < r->size(); ++i) out.push_back(article_from(RowAt{*r, i}));
    return out;
  });
}

Result<std::vector<Category>> PostgresReading::categories() {
  return pool_.read([&](Connection& c) -> Result<std::vector<Category>> {
    auto r = c.query(sql::kCategories);
    if (!r) return r.error();
    std::vector<Category> out;
    for (int i = 0; i < r->size(); ++i)
      out.push_back({r->int64(i, 0), std::string(r->text(i, 1)), std::string(r->text(i, 2)),
                     static_cast<int>(r->int64(i, 3))});
    return out;
  });
}

Result<bool> PostgresReading::empty() {
  return pool_.read([&](Connection& c) -> Result<bool> {
    auto r = c.query("SELECT NOT EXISTS (SELECT 1 FROM articles)");
    if (!r) return r.error();
    return r->boolean(0, 0);
  });
}

}  // namespace toasoan::store::postgres
