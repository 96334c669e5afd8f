// The reading side of the store: what the public site shows. Only published articles whose
// publication time has come (published_at <= now) are listed; `now` is the caller's clock, so
// a scheduled article appears at its time on every page without any write, and tests can
// move the clock. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "articles/article.hpp"
#include "base/result.hpp"

namespace toasoan::store {

struct ListQuery {
  std::optional<std::int64_t> category_id;  // all categories when empty
  int limit = 20;
  int offset = 0;
  std::int64_t now = 0;  // Unix seconds: articles published after it are not listed yet
};

class Reading {
 public:
  virtual ~Reading() = default;

  // Published articles, newest first.
  virtual Result<std::vector<articles::Summary>> latest(const ListQuery& query) = 0;
  // Published articles with published_at in [from, to) and <= now, newest first (sitemaps).
  virtual Result<std::vector<articles::Summary>> published_between(std::int64_t from, std::int64_t to, int limit,
                                                                   int offset, std::int64_t now) = 0;
  // The same, for the article sitemaps: each Summary holds its address and times only (id,
  // slug, category slug, published_at, updated_at), read from one index alone.
  virtual Result<std::vector<articles::Summary>> addresses_between(std::int64_t from, std::int64_t to, int limit,
                                                                   int offset, std::int64_t now) = 0;
  // The months that have published articles up to now, newest first, in Vietnam time.
  virtual Result<std::vector<articles::ArchiveMonth>> archive_months(std::int64_t now) = 0;
  virtual Result<std::int64_t> count_published(std::optional<std::int64_t> category_id, std::int64_t now) = 0;

  // The earliest publication time after `now` of a published article (one scheduled for
  // later), or nullopt when none waits. The change follower sleeps until then.
  virtual Result<std::optional<std::int64_t>> next_publication(std::int64_t now) = 0;

  // Any article by id, whatever its status or time (the caller decides who may see it).
  virtual Result<std::optional<articles::Article>> article(std::int64_t id) = 0;
  // Several at once, in the order asked, without the ids that name no article: one round
  // trip for a page of search results.
  virtual Result<std::vector<articles::Article>> articles(std::span<const std::int64_t> ids) = 0;

  // Categories in display order.
  virtual Result<std::vector<articles::Category>> categories() = 0;

  // True when the database holds no article at all (serve --sample fills it then).
  virtual Result<bool> empty() = 0;
};

}  // namespace toasoan::store
