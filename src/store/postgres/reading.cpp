#include "store/postgres/reading.hpp"

#include <algorithm>

#include "store/postgres/row.hpp"
#include "store/row_codec.hpp"
#include "store/shared_sql.hpp"

namespace toasoan::store::postgres {

using articles::Article;
using articles::Category;
using articles::Summary;

namespace {

std::vector<Summary> summaries(const Rows& r) {
  std::vector<Summary> out;
  out.reserve(static_cast<std::size_t>(r.size()));
  for (int i = 0; i < r.size(); ++i) out.push_back(summary_from(RowAt{r, i}));
  return out;
}

}  // namespace

// Every list is "published and published_at <= now", newest first: a range over the
// articles_newest (status, published_at, id) or articles_category_newest (category_id, status,
// published_at, id) index, read backwards from `now`, so no sort and no row past the page.

Result<std::vector<Summary>> PostgresReading::latest(const ListQuery& q) {
  static const std::string all_sql = std::string("SELECT ") + kSummaryColumns +
      " FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.status = 'published' AND "
      "a.published_at <= $3 ORDER BY a.published_at DESC, a.id DESC LIMIT $1 OFFSET $2";
  static const std::string cat_sql = std::string("SELECT ") + kSummaryColumns +
      " FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.category_id = $4 AND "
      "a.status = 'published' AND a.published_at <= $3 ORDER BY a.published_at DESC, a.id DESC LIMIT $1 OFFSET $2";
  // As SQLite reads them: a negative limit is no limit, a negative offset is none.
  Param limit = q.limit < 0 ? Param(nullptr) : Param(q.limit);
  Param offset = q.offset < 0 ? 0 : q.offset;
  return pool_.read([&](Connection& c) -> Result<std::vector<Summary>> {
    auto r = q.category_id ? c.query(cat_sql, {limit, offset, q.now, *q.category_id})
                           : c.query(all_sql, {limit, offset, q.now});
    if (!r) return r.error();
    return summaries(*r);
  });
}

Result<std::vector<Summary>> PostgresReading::published_between(std::int64_t from, std::int64_t to, int limit,
                                                                int offset, std::int64_t now) {
  static const std::string sql = std::string("SELECT ") + kSummaryColumns +
      " FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.status = 'published' AND "
      "a.published_at >= $1 AND a.published_at < $2 AND a.published_at <= $5 ORDER BY a.published_at DESC, "
      "a.id DESC LIMIT $3 OFFSET $4";
  return pool_.read([&](Connection& c) -> Result<std::vector<Summary>> {
    auto r = c.query(sql, {from, to, limit, std::max(offset, 0), now});
    if (!r) return r.error();
    return summaries(*r);
  });
}

Result<std::vector<articles::ArchiveMonth>> PostgresReading::archive_months(std::int64_t now) {
  return pool_.read([&](Connection& c) -> Result<std::vector<articles::ArchiveMonth>> {
    // As on SQLite: months in Vietnam time (+07:00 is 25200 s), newest first.
    auto r = c.query(
        "SELECT extract(year FROM to_timestamp(published_at + 25200) AT TIME ZONE 'UTC')::bigint AS y, "
        "extract(month FROM to_timestamp(published_at + 25200) AT TIME ZONE 'UTC')::bigint AS m, count(*), "
        "max(greatest(updated_at, published_at)) FROM articles WHERE status = 'published' AND published_at <= $1 "
        "GROUP BY y, m ORDER BY y DESC, m DESC",
        {now});
    if (!r) return r.error();
    std::vector<articles::ArchiveMonth> out;
    for (int i = 0; i < r->size(); ++i)
      out.push_back({static_cast<int>(r->int64(i, 0)), static_cast<int>(r->int64(i, 1)), r->int64(i, 2),
                     r->int64(i, 3)});
    return out;
  });
}

Result<std::int64_t> PostgresReading::count_published(std::optional<std::int64_t> category_id, std::int64_t now) {
  return pool_.read([&](Connection& c) -> Result<std::int64_t> {
    auto r = category_id ? c.query("SELECT count(*) FROM articles WHERE category_id = $1 AND status = 'published' "
                                   "AND published_at <= $2",
                                   {*category_id, now})
                         : c.query("SELECT count(*) FROM articles WHERE status = 'published' AND published_at <= $1",
                                   {now});
    if (!r) return r.error();
    return r->int64(0, 0);
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
