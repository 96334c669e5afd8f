// The reading side's list statements, written once for both engines in PostgreSQL's $N form
// (sql::sqlite_form() for SQLite). Each is a range over an index read backwards from its upper
// time, so no sort and no row past the page: articles_newest (status, published_at, id, then
// the address: category_id, slug, updated_at) for every category and the sitemaps,
// articles_category_newest (category_id, status, published_at, id) for one category.
// store/listing_plans_test.cpp checks the plans on both engines.
#pragma once

#include <string>

#include "store/row_codec.hpp"

namespace toasoan::store::sql {

// $1 now, $2 limit, $3 offset.
inline const std::string kLatest = std::string("SELECT ") + kSummaryColumns +
    " FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.status = 'published' AND "
    "a.published_at <= $1 ORDER BY a.published_at DESC, a.id DESC LIMIT $2 OFFSET $3";
// $1 now, $2 limit, $3 offset, $4 category.
inline const std::string kLatestInCategory = std::string("SELECT ") + kSummaryColumns +
    " FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.category_id = $4 AND "
    "a.status = 'published' AND a.published_at <= $1 ORDER BY a.published_at DESC, a.id DESC LIMIT $2 OFFSET $3";
// Published between two times, newest first, after the SELECT list: the range both sitemaps
// read. $1 from, $2 to (excluded), $3 now, $4 limit, $5 offset.
inline constexpr const char* kBetween =
    " FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.status = 'published' AND "
    "a.published_at >= $1 AND a.published_at < $2 AND a.published_at <= $3 ORDER BY a.published_at DESC, a.id DESC "
    "LIMIT $4 OFFSET $5";
// The news sitemap: whole summaries.
inline const std::string kPublishedBetween = std::string("SELECT ") + kSummaryColumns + kBetween;
// A month of the article sitemaps, addresses and times only (kAddressColumns), from the
// articles_newest index alone (migration 0013).
inline const std::string kAddressesBetween = std::string("SELECT ") + kAddressColumns + kBetween;

}  // namespace toasoan::store::sql
