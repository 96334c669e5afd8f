#include "store/sql_comments.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "base/clock.hpp"

namespace toasoan::store::sql {
namespace {

// 64-bit FNV-1a of a comment's text, as a signed number both engines store: the duplicate check
// looks the text up by it (an index), then compares the texts themselves.
std::int64_t fingerprint(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return static_cast<std::int64_t>(h);
}

// The window the per-minute limits count over.
constexpr std::int64_t kRateWindow = 60;
// Rate records older than this count for nothing and name an address: erase_personal drops them.
constexpr std::int64_t kRateKept = 86400;

// The columns a Comment is read from, in order, over `comments c`.
constexpr const char* kColumns =
    "c.id, c.article_id, c.parent_id, c.name, c.email, c.address, c.content, c.status, c.flags, c.newsroom, "
    "c.user_id, c.pinned, c.edited, c.likes, c.reports, c.created_at, c.moderated_at, c.moderated_by";
constexpr int kColumnCount = 18;

Value maybe(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(nullptr); }
Value flag(bool b) { return std::int64_t(b ? 1 : 0); }
Value status_value(CommentStatus s) { return std::string(comment_status_name(s)); }

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

std::vector<std::string> split_flags(std::string_view stored) {
  std::vector<std::string> out;
  while (!stored.empty()) {
    auto comma = stored.find(',');
    auto part = stored.substr(0, comma);
    if (!part.empty()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    stored.remove_prefix(comma + 1);
  }
  return out;
}

// Flags as stored: comma-separated, each once, none empty or holding a comma.
std::string join_flags(const std::vector<std::string>& flags) {
  std::string out;
  std::vector<std::string> seen;
  for (const auto& f : flags) {
    if (f.empty() || f.find(',') != std::string::npos) continue;
    if (std::find(seen.begin(), seen.end(), f) != seen.end()) continue;
    seen.push_back(f);
    out += (out.empty() ? "" : ",") + f;
  }
  return out;
}

Comment comment_from(const Table& t, int row) {
  Comment c;
  c.id = t.int64(row, 0);
  c.article_id = t.int64(row, 1);
  c.parent_id = t.maybe(row, 2);
  c.name = t.text(row, 3);
  c.email = t.text(row, 4);
  c.address = t.text(row, 5);
  c.content = t.text(row, 6);
  c.status = comment_status_named(t.text(row, 7)).value_or(CommentStatus::pending);
  c.flags = split_flags(t.text(row, 8));
  c.newsroom = t.int64(row, 9) != 0;
  c.user_id = t.maybe(row, 10);
  c.pinned = t.int64(row, 11) != 0;
  c.edited = t.int64(row, 12) != 0;
  c.likes = t.int64(row, 13);
  c.reports = t.int64(row, 14);
  c.created_at = t.int64(row, 15);
  c.moderated_at = t.int64(row, 16);
  c.moderated_by = t.maybe(row, 17);
  return c;
}

std::string shown_key(std::int64_t article_id, std::int64_t comment_id) {
  return std::to_string(article_id) + ":" + std::to_string(comment_id);
}

Error no_comment(std::int64_t id) { return not_found("không có bình luận số " + std::to_string(id)); }
Error no_article(std::int64_t id) { return not_found("không có bài số " + std::to_string(id)); }

// Moves the article's count of approved comments by `delta`, never below 0, and logs that the
// count changed (the lists that print it go; a like, which changes no count, leaves them).
Status count(Session& s, UnitOfWork& work, std::int64_t article_id, std::int64_t delta) {
  if (delta == 0) return ok_status();
  auto u = s.run("UPDATE articles SET comment_count = CASE WHEN comment_count + $1 > 0 THEN comment_count + $1 "
                 "ELSE 0 END WHERE id = $2",
                 {delta, article_id});
  if (!u) return u.error();
  return work.record(topic::comment_count, std::to_string(article_id));
}

// How many rows of `key` the window holds now, and when the oldest of them leaves it.
struct RateCount {
  std::int64_t rows = 0;
  std::int64_t retry_after = 0;
};
Result<RateCount> rate(Session& s, const std::string& key, std::int64_t now) {
  auto r = s.run("SELECT count(*), MIN(at) FROM comment_rate WHERE key = $1 AND at > $2", {key, now - kRateWindow});
  if (!r) return r.error();
  RateCount out;
  out.rows = r->int64(0, 0);
  if (out.rows > 0) out.retry_after = std::max<std::int64_t>(1, r->int64(0, 1) + kRateWindow - now);
  return out;
}

// What one batch of post() reads once rather than for each comment: the articles' state and
// the bans in force. Neither changes inside the batch's unit of work, and on PostgreSQL every
// statement is a round trip to the server, which is what a batch's time is made of.
struct BatchReads {
  struct ArticleState {
    bool open_for_comments = false;  // published now
    bool closed = false;
  };
  std::map<std::int64_t, ArticleState> articles;
  std::optional<Table> bans;  // kind, value, reason, until: in force, the latest-ending first
};

Result<BatchReads::ArticleState> article_state(Session& s, BatchReads& reads, std::int64_t id, std::int64_t now) {
  if (auto it = reads.articles.find(id); it != reads.articles.end()) return it->second;
  auto article = s.run("SELECT state, status, published_at, comments_closed FROM articles WHERE id = $1", {id});
  if (!article) return article.error();
  BatchReads::ArticleState st;
  st.open_for_comments = !article->empty() && article->text(0, 0) == "published" &&
                         article->text(0, 1) == "published" && article->int64(0, 2) <= now;
  st.closed = !article->empty() && article->int64(0, 3) != 0;
  reads.articles.emplace(id, st);
  return st;
}

// What post() decides for `n`, from what is stored (the batch's earlier comments included).
Result<Posted> check(Session& s, BatchReads& reads, const NewComment& n, const PostLimits& limits, std::int64_t now) {
  Posted p;
  auto article = article_state(s, reads, n.article_id, now);
  if (!article) return article.error();
  if (!article->open_for_comments) {
    p.outcome = PostOutcome::no_article;
    return p;
  }
  if (article->closed) {
    p.outcome = PostOutcome::closed;
    return p;
  }
  if (n.parent_id) {
    auto parent = s.run("SELECT article_id, parent_id, status FROM comments WHERE id = $1", {*n.parent_id});
    if (!parent) return parent.error();
    if (parent->empty() || parent->int64(0, 0) != n.article_id || !parent->is_null(0, 1) ||
        parent->text(0, 2) != "approved") {
      p.outcome = PostOutcome::bad_parent;
      return p;
    }
  }
  if (!reads.bans) {
    auto bans = s.run("SELECT kind, value, reason, until FROM comment_bans WHERE until > $1 ORDER BY until DESC, id DESC",
                      {now});
    if (!bans) return bans.error();
    reads.bans = std::move(*bans);
  }
  const std::string email = lower_ascii(n.email);
  for (int i = 0; i < reads.bans->size(); ++i) {
    const auto kind = reads.bans->text(i, 0);
    const auto value = reads.bans->text(i, 1);
    if ((kind == "address" && !n.address.empty() && value == n.address) ||
        (kind == "email" && !email.empty() && value == email)) {
      p.outcome = PostOutcome::banned;
      p.ban_reason = std::string(reads.bans->text(i, 2));
      p.ban_until = reads.bans->int64(i, 3);
      return p;
    }
  }
  struct Limit {
    int per_minute;
    std::string key;
    PostOutcome outcome;
  };
  for (const Limit& l : {Limit{limits.per_address_per_minute, "a:" + n.address, PostOutcome::address_limit},
                         Limit{limits.per_article_per_minute, "r:" + std::to_string(n.article_id),
                               PostOutcome::article_limit}}) {
    if (l.per_minute <= 0) continue;
    auto counted = rate(s, l.key, now);
    if (!counted) return counted.error();
    if (counted->rows >= l.per_minute) {
      p.outcome = l.outcome;
      p.retry_after = counted->retry_after;
      return p;
    }
  }
  if (limits.duplicate_seconds > 0) {
    auto same = s.run("SELECT 1 FROM comments WHERE article_id = $1 AND fingerprint = $2 AND created_at > $3 "
                      "AND content = $4 LIMIT 1",
                      {n.article_id, fingerprint(n.content), now - limits.duplicate_seconds, n.content});
    if (!same) return same.error();
    if (!same->empty()) {
      p.outcome = PostOutcome::duplicate;
      return p;
    }
  }
  return p;
}

// Inserts a comment that passed its checks and logs what it changes. Returns its id.
Result<std::int64_t> insert(Session& s, UnitOfWork& work, const NewComment& n, std::int64_t now) {
  auto added = s.run(
      "INSERT INTO comments (article_id, parent_id, name, email, address, content, status, flags, newsroom, "
      "user_id, created_at, fingerprint) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
      {n.article_id, maybe(n.parent_id), n.name, lower_ascii(n.email), n.address, n.content, status_value(n.status),
       join_flags(n.flags), flag(n.newsroom), maybe(n.user_id), now, fingerprint(n.content)});
  if (!added) return added.error();
  const std::int64_t id = added->int64(0, 0);
  if (n.status == CommentStatus::approved) {
    if (auto c = count(s, work, n.article_id, +1); !c) return c.error();
    if (auto r = work.record(topic::comment, shown_key(n.article_id, id)); !r) return r.error();
  } else if (n.status == CommentStatus::pending) {
    if (auto r = work.record(topic::comment_queue, std::to_string(n.article_id)); !r) return r.error();
  }
  return id;
}

// The comment `id` as a unit of work reads it before changing it: its article and status.
struct Current {
  std::int64_t article_id = 0;
  CommentStatus status = CommentStatus::pending;
  std::string flags;
};
Result<std::optional<Current>> current(Session& s, std::int64_t id, const char* lock) {
  auto row = s.run(std::string("SELECT c.article_id, c.status, c.flags FROM comments c WHERE c.id = $1") + lock, {id});
  if (!row) return row.error();
  if (row->empty()) return std::optional<Current>();
  Current out;
  out.article_id = row->int64(0, 0);
  out.status = comment_status_named(row->text(0, 1)).value_or(CommentStatus::pending);
  out.flags = row->text(0, 2);
  return std::optional<Current>(out);
}

Result<std::vector<Comment>> comments_of(const Result<Table>& rows) {
  if (!rows) return rows.error();
  std::vector<Comment> out;
  out.reserve(rows->size());
  for (int i = 0; i < rows->size(); ++i) out.push_back(comment_from(*rows, i));
  return out;
}

}  // namespace

Result<std::vector<Posted>> SqlComments::post(const std::vector<NewComment>& batch, const PostLimits& limits,
                                              std::int64_t now) {
  if (batch.empty()) return std::vector<Posted>();
  auto work = begin_durable();
  if (!work) return work.error();
  auto s = session(**work);
  std::vector<Posted> out;
  out.reserve(batch.size());
  // A refused comment writes nothing, so it leaves the others of the batch as they were: the
  // checks are reads, and only what passed them is inserted.
  BatchReads reads;
  for (const NewComment& n : batch) {
    auto p = check(*s, reads, n, limits, now);
    if (!p) return p.error();
    if (p->outcome == PostOutcome::accepted) {
      auto id = insert(*s, **work, n, now);
      if (!id) return id.error();
      p->id = *id;
      // What the limits count, only for a limit that is on (a limit switched off counts nothing).
      if (limits.per_article_per_minute > 0)
        if (auto r = s->run("INSERT INTO comment_rate (key, at) VALUES ($1, $2)", {"r:" + std::to_string(n.article_id), now});
            !r)
          return r.error();
      if (limits.per_address_per_minute > 0 && !n.address.empty())
        if (auto r = s->run("INSERT INTO comment_rate (key, at) VALUES ($1, $2)", {"a:" + n.address, now}); !r)
          return r.error();
    }
    out.push_back(std::move(*p));
  }
  if (auto c = (*work)->commit(); !c) return c.error();
  return out;
}

Result<std::optional<Comment>> SqlComments::comment(std::int64_t id) {
  auto s = session();
  if (!s) return s.error();
  auto found = comments_of((*s)->run(std::string("SELECT ") + kColumns + " FROM comments c WHERE c.id = $1", {id}));
  if (!found) return found.error();
  if (found->empty()) return std::optional<Comment>();
  return std::optional<Comment>(std::move(found->front()));
}

Result<std::optional<Comment>> SqlComments::comment(UnitOfWork& work, std::int64_t id) {
  auto s = session(work);
  auto found =
      comments_of(s->run(std::string("SELECT ") + kColumns + " FROM comments c WHERE c.id = $1" + lock_clause(), {id}));
  if (!found) return found.error();
  if (found->empty()) return std::optional<Comment>();
  return std::optional<Comment>(std::move(found->front()));
}

Result<CommentPage> SqlComments::shown(std::int64_t article_id, CommentOrder order, int limit, int offset) {
  // Both read in the order of comments_shown_newest or comments_shown_liked; replies come
  // from the same page of threads, asked again as a subquery so the text never changes.
  static const std::string kThreads[2] = {
      " FROM comments c WHERE c.article_id = $1 AND c.status = 'approved' AND c.parent_id IS NULL "
      "ORDER BY c.pinned DESC, c.created_at DESC, c.id DESC LIMIT $2 OFFSET $3",
      " FROM comments c WHERE c.article_id = $1 AND c.status = 'approved' AND c.parent_id IS NULL "
      "ORDER BY c.pinned DESC, c.likes DESC, c.created_at DESC, c.id DESC LIMIT $2 OFFSET $3"};
  const std::string& threads = kThreads[order == CommentOrder::most_liked ? 1 : 0];
  auto s = session();
  if (!s) return s.error();
  CommentPage page;
  auto tops = comments_of((*s)->run(std::string("SELECT ") + kColumns + threads,
                                    {article_id, std::int64_t(std::max(limit, 0)), std::int64_t(std::max(offset, 0))}));
  if (!tops) return tops.error();
  std::map<std::int64_t, std::size_t> at;
  for (auto& c : *tops) {
    at[c.id] = page.threads.size();
    page.threads.push_back({std::move(c), {}});
  }
  if (!page.threads.empty()) {
    auto replies = comments_of((*s)->run(
        std::string("SELECT ") + kColumns + " FROM comments c WHERE c.article_id = $1 AND c.status = 'approved' AND "
            "c.parent_id IN (SELECT c.id" + threads + ") ORDER BY c.created_at, c.id",
        {article_id, std::int64_t(std::max(limit, 0)), std::int64_t(std::max(offset, 0))}));
    if (!replies) return replies.error();
    for (auto& r : *replies)
      if (auto it = at.find(*r.parent_id); it != at.end()) page.threads[it->second].replies.push_back(std::move(r));
  }
  auto totals = (*s)->run("SELECT COALESCE(SUM(CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END), 0), count(*) "
                          "FROM comments WHERE article_id = $1 AND status = 'approved'",
                          {article_id});
  if (!totals) return totals.error();
  page.total_threads = totals->int64(0, 0);
  page.total = totals->int64(0, 1);
  return page;
}

Result<std::pair<std::vector<Comment>, std::int64_t>> SqlComments::list(const CommentQuery& q) {
  std::string where;
  std::vector<Value> params;
  auto param = [&](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  auto add = [&](const std::string& clause) { where += (where.empty() ? " WHERE " : " AND ") + clause; };
  if (q.status == "flagged") {
    add("c.status = 'pending' AND c.flags <> ''");
  } else if (!q.status.empty()) {
    auto status = comment_status_named(q.status);
    if (!status) return invalid("trạng thái bình luận không có: " + q.status);
    add("c.status = " + param(status_value(*status)));
  }
  if (q.article_id) add("c.article_id = " + param(*q.article_id));
  if (!q.flag.empty()) {
    // Whole flags only: ",links," within ",links,words,".
    std::string pattern = "%,";
    for (char ch : q.flag) {
      if (ch == '%' || ch == '_' || ch == '\\') pattern.push_back('\\');
      pattern.push_back(ch);
    }
    pattern += ",%";
    add("(',' || c.flags || ',') LIKE " + param(pattern) + " ESCAPE '\\'");
  }
  if (!q.email.empty()) add("c.email = " + param(lower_ascii(q.email)));
  if (!q.address.empty()) add("c.address = " + param(q.address));

  auto s = session();
  if (!s) return s.error();
  auto total = (*s)->run("SELECT count(*) FROM comments c" + where, params);
  if (!total) return total.error();
  std::string sql = std::string("SELECT ") + kColumns + ", a.title FROM comments c JOIN articles a ON a.id = "
                    "c.article_id" + where + " ORDER BY c.id DESC";
  sql += " LIMIT " + param(std::int64_t(std::max(q.limit, 0))) + " OFFSET " + param(std::int64_t(std::max(q.offset, 0)));
  auto rows = (*s)->run(sql, params);
  if (!rows) return rows.error();
  std::vector<Comment> out;
  out.reserve(rows->size());
  for (int i = 0; i < rows->size(); ++i) {
    out.push_back(comment_from(*rows, i));
    out.back().article_title = rows->text(i, kColumnCount);
  }
  return std::make_pair(std::move(out), total->int64(0, 0));
}

Status SqlComments::set_status(UnitOfWork& work, std::int64_t id, CommentStatus status, std::int64_t user_id,
                               std::int64_t now) {
  auto s = session(work);
  auto before = current(*s, id, lock_clause());
  if (!before) return before.error();
  if (!*before) return no_comment(id);
  const Current& c = **before;
  if (auto u = s->run("UPDATE comments SET status = $1, moderated_at = $2, moderated_by = $3 WHERE id = $4",
                      {status_value(status), now, user_id, id});
      !u)
    return u.error();
  const bool was_shown = c.status == CommentStatus::approved, shown = status == CommentStatus::approved;
  if (was_shown != shown) {
    if (auto n = count(*s, work, c.article_id, shown ? +1 : -1); !n) return n;
    if (auto r = work.record(topic::comment, shown_key(c.article_id, id)); !r) return r;
  }
  if (status == CommentStatus::pending && c.status != CommentStatus::pending)
    if (auto r = work.record(topic::comment_queue, std::to_string(c.article_id)); !r) return r;
  return ok_status();
}

Status SqlComments::set_pinned(UnitOfWork& work, std::int64_t id, bool pinned) {
  auto s = session(work);
  auto u = s->run("UPDATE comments SET pinned = $1 WHERE id = $2 RETURNING article_id, status", {flag(pinned), id});
  if (!u) return u.error();
  if (u->empty()) return no_comment(id);
  if (u->text(0, 1) == "approved") return work.record(topic::comment, shown_key(u->int64(0, 0), id));
  return ok_status();
}

Status SqlComments::edit(UnitOfWork& work, std::int64_t id, std::string_view content) {
  auto s = session(work);
  auto u = s->run("UPDATE comments SET content = $1, fingerprint = $2, edited = 1 WHERE id = $3 "
                  "RETURNING article_id, status",
                  {std::string(content), fingerprint(content), id});
  if (!u) return u.error();
  if (u->empty()) return no_comment(id);
  if (u->text(0, 1) == "approved") return work.record(topic::comment, shown_key(u->int64(0, 0), id));
  return ok_status();
}

Result<std::int64_t> SqlComments::reply(UnitOfWork& work, const NewComment& reply, std::int64_t now) {
  auto s = session(work);
  auto article = s->run("SELECT id FROM articles WHERE id = $1", {reply.article_id});
  if (!article) return article.error();
  if (article->empty()) return no_article(reply.article_id);
  if (reply.parent_id) {
    auto parent = s->run("SELECT article_id, parent_id FROM comments WHERE id = $1", {*reply.parent_id});
    if (!parent) return parent.error();
    if (parent->empty() || parent->int64(0, 0) != reply.article_id || !parent->is_null(0, 1))
      return invalid("bình luận số " + std::to_string(*reply.parent_id) +
                     " không phải bình luận gốc của bài này, không trả lời vào đó được");
  }
  NewComment n = reply;
  n.status = CommentStatus::approved;  // the newspaper's own words are shown at once
  n.newsroom = true;
  return insert(*s, work, n, now);
}

Result<bool> SqlComments::vote(std::int64_t id, std::string_view kind, std::string_view voter, int report_threshold) {
  auto work = begin();
  if (!work) return work.error();
  auto s = session(**work);
  // Only a shown comment takes votes: readers never see the others.
  auto cast = s->run("INSERT INTO comment_votes (comment_id, kind, voter) SELECT CAST($1 AS BIGINT), $2, $3 "
                     "WHERE EXISTS (SELECT 1 FROM comments WHERE id = $1 AND status = 'approved') "
                     "ON CONFLICT (comment_id, kind, voter) DO NOTHING RETURNING comment_id",
                     {id, std::string(kind), std::string(voter)});
  if (!cast) return cast.error();
  if (cast->empty()) {
    auto c = current(*s, id, "");
    if (!c) return c.error();
    if (!*c || (*c)->status != CommentStatus::approved) return no_comment(id);
    return false;  // this voter had already
  }
  const bool like = kind == "like";
  auto u = s->run(like ? "UPDATE comments SET likes = likes + 1 WHERE id = $1 RETURNING article_id, reports, flags"
                       : "UPDATE comments SET reports = reports + 1 WHERE id = $1 RETURNING article_id, reports, flags",
                  {id});
  if (!u) return u.error();
  const std::int64_t article_id = u->int64(0, 0);
  if (like) {
    if (auto r = (*work)->record(topic::comment, shown_key(article_id, id)); !r) return r.error();
  } else if (report_threshold > 0 && u->int64(0, 1) == report_threshold) {
    // Exactly at the threshold: once a moderator approves it again, further reports do not
    // send it back.
    auto flags = split_flags(u->text(0, 2));
    flags.push_back("reports");
    if (auto back = s->run("UPDATE comments SET status = 'pending', flags = $1 WHERE id = $2", {join_flags(flags), id});
        !back)
      return back.error();
    if (auto n = count(*s, **work, article_id, -1); !n) return n.error();
    if (auto r = (*work)->record(topic::comment, shown_key(article_id, id)); !r) return r.error();
    if (auto r = (*work)->record(topic::comment_queue, std::to_string(article_id)); !r) return r.error();
  }
  if (auto c = (*work)->commit(); !c) return c.error();
  return true;
}

Result<bool> SqlComments::like(std::int64_t id, std::string_view voter) { return vote(id, "like", voter, 0); }

Result<bool> SqlComments::report(std::int64_t id, std::string_view voter, int report_threshold) {
  return vote(id, "report", voter, report_threshold);
}

Status SqlComments::set_closed(UnitOfWork& work, std::int64_t article_id, bool closed) {
  auto s = session(work);
  auto u = s->run("UPDATE articles SET comments_closed = $1 WHERE id = $2 RETURNING id", {flag(closed), article_id});
  if (!u) return u.error();
  if (u->empty()) return no_article(article_id);
  return work.record(topic::article, std::to_string(article_id));
}

Result<bool> SqlComments::closed(std::int64_t article_id) {
  auto s = session();
  if (!s) return s.error();
  auto row = (*s)->run("SELECT comments_closed FROM articles WHERE id = $1", {article_id});
  if (!row) return row.error();
  if (row->empty()) return no_article(article_id);
  return row->int64(0, 0) != 0;
}

Result<Ban> SqlComments::ban(UnitOfWork& work, const Ban& ban) {
  if (ban.kind != "address" && ban.kind != "email")
    return invalid("lệnh cấm theo địa chỉ (address) hoặc email, không theo \"" + ban.kind + "\"");
  if (ban.value.empty()) return invalid("lệnh cấm cần địa chỉ hoặc email");
  Ban out = ban;
  if (out.kind == "email") out.value = lower_ascii(out.value);
  auto s = session(work);
  auto added = s->run("INSERT INTO comment_bans (kind, value, until, reason, created_by, created_at) "
                      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                      {out.kind, out.value, out.until, out.reason, maybe(out.created_by), out.created_at});
  if (!added) return added.error();
  out.id = added->int64(0, 0);
  return out;
}

Status SqlComments::lift_ban(UnitOfWork& work, std::int64_t ban_id) {
  auto s = session(work);
  auto d = s->run("DELETE FROM comment_bans WHERE id = $1 RETURNING id", {ban_id});
  if (!d) return d.error();
  if (d->empty()) return not_found("không có lệnh cấm số " + std::to_string(ban_id));
  return ok_status();
}

Result<std::vector<Ban>> SqlComments::bans(std::int64_t now) {
  auto s = session();
  if (!s) return s.error();
  auto rows = (*s)->run("SELECT id, kind, value, until, reason, created_by, created_at FROM comment_bans "
                        "WHERE until > $1 ORDER BY created_at DESC, id DESC",
                        {now});
  if (!rows) return rows.error();
  std::vector<Ban> out;
  for (int i = 0; i < rows->size(); ++i) {
    Ban b;
    b.id = rows->int64(i, 0);
    b.kind = rows->text(i, 1);
    b.value = rows->text(i, 2);
    b.until = rows->int64(i, 3);
    b.reason = rows->text(i, 4);
    b.created_by = rows->maybe(i, 5);
    b.created_at = rows->int64(i, 6);
    out.push_back(std::move(b));
  }
  return out;
}

Result<std::int64_t> SqlComments::erase_personal(std::int64_t before) {
  auto work = begin();
  if (!work) return work.error();
  auto s = session(**work);
  auto erased = s->run("UPDATE comments SET email = '', address = '' WHERE created_at < $1 AND "
                       "(email <> '' OR address <> '') RETURNING id",
                       {before});
  if (!erased) return erased.error();
  // A rate record names an address ("a:…") and counts for a minute: a day is plenty.
  if (auto d = s->run("DELETE FROM comment_rate WHERE at < $1", {unix_now() - kRateKept}); !d) return d.error();
  if (auto c = (*work)->commit(); !c) return c.error();
  return std::int64_t(erased->size());
}

Result<std::int64_t> SqlComments::erase_reader(UnitOfWork& work, std::string_view email) {
  const std::string e = lower_ascii(email);
  // "" is every comment written without an email: never a reader's request.
  if (e.empty()) return invalid("cần email của người đọc");
  auto s = session(work);
  // The comments that go: the reader's, and the replies under them (the cascade deletes those).
  auto going = s->run("SELECT article_id, id, status FROM comments WHERE email = $1 OR parent_id IN "
                      "(SELECT id FROM comments WHERE email = $1)",
                      {e});
  if (!going) return going.error();
  std::map<std::int64_t, std::int64_t> shown;  // article → approved comments going
  for (int i = 0; i < going->size(); ++i) {
    if (going->text(i, 2) != "approved") continue;
    const std::int64_t article_id = going->int64(i, 0);
    ++shown[article_id];
    if (auto r = work.record(topic::comment, shown_key(article_id, going->int64(i, 1))); !r) return r.error();
  }
  if (auto d = s->run("DELETE FROM comments WHERE email = $1", {e}); !d) return d.error();
  for (const auto& [article_id, n] : shown)
    if (auto c = count(*s, work, article_id, -n); !c) return c.error();
  return std::int64_t(going->size());
}

}  // namespace toasoan::store::sql
