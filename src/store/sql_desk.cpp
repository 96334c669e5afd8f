#include "store/sql_desk.hpp"

#include <random>

#include "articles/block_json.hpp"
#include "store/piece_codec.hpp"
#include "store/row_codec.hpp"
#include "store/shared_sql.hpp"
#include "text/fold.hpp"

namespace toasoan::store::sql {

namespace {

using newsroom::State;

// The columns a Piece is read from, in order, over `articles a` joined with its category and
// its newest revision.
constexpr const char* kPieceSelect =
    "SELECT a.id, a.external_id, a.state, a.returned, a.revision, a.published_revision, a.created_by, a.created_at, "
    "a.updated_at, a.updated_by, a.scheduled_at, a.slug, a.published_at, a.correction_note, a.corrected_at, "
    "r.content, a.title, a.lead, a.blocks, a.authors, c.name "
    "FROM articles a JOIN categories c ON c.id = a.category_id LEFT JOIN revisions r ON r.id = a.revision "
    "WHERE a.id = $1";

constexpr const char* kRevisionColumns = "id, article_id, based_on, user_id, at, kind, action, state, note";

Value maybe(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(nullptr); }

State state_of(std::string_view name) { return newsroom::state_from_name(name).value_or(State::draft); }

Error no_piece(std::int64_t id) { return not_found("không có bài số " + std::to_string(id)); }

// "toa-soan-" and 16 hex digits: a new piece's external id, unique in practice (64 random bits)
// and never one an import line would use by chance.
std::string new_external_id() {
  thread_local std::mt19937_64 rng{(static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t bits = rng();
  std::string out = "toa-soan-";
  for (int i = 0; i < 16; ++i) out.push_back(kHex[(bits >> (4 * i)) & 0xf]);
  return out;
}

Revision revision_from(const Table& t, int row, bool with_content) {
  Revision r;
  r.id = t.int64(row, 0);
  r.article_id = t.int64(row, 1);
  r.based_on = t.maybe(row, 2);
  r.user_id = t.maybe(row, 3);
  r.at = t.int64(row, 4);
  r.kind = t.text(row, 5);
  r.action = t.text(row, 6);
  r.state = state_of(t.text(row, 7));
  r.note = t.text(row, 8);
  if (with_content) r.content = content_from_json(t.text(row, 9));
  return r;
}

}  // namespace

Result<std::optional<Piece>> SqlDesk::read_piece(Session& s, std::int64_t id, bool locked) {
  auto rows = s.run(std::string(kPieceSelect) + (locked ? lock_clause() : ""), {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<Piece>();
  const Table& t = *rows;
  Piece p;
  p.id = t.int64(0, 0);
  p.external_id = t.text(0, 1);
  p.state = state_of(t.text(0, 2));
  p.returned = t.int64(0, 3) != 0;
  p.revision = t.int64(0, 4);
  p.published_revision = t.maybe(0, 5);
  p.created_by = t.maybe(0, 6);
  p.created_at = t.int64(0, 7);
  p.updated_at = t.int64(0, 8);
  p.updated_by = t.maybe(0, 9);
  p.scheduled_at = t.maybe(0, 10);
  p.slug = t.text(0, 11);
  p.published_at = t.int64(0, 12);
  p.correction_note = t.text(0, 13);
  p.corrected_at = t.int64(0, 14);
  if (!t.is_null(0, 15)) {
    p.content = content_from_json(t.text(0, 15));
  } else {
    // A row with no revision yet reads as what readers see.
    p.content.title = t.text(0, 16);
    p.content.lead = t.text(0, 17);
    p.content.blocks = blocks_from_column(t.text(0, 18));
    p.content.authors = authors_from_json(t.text(0, 19));
    p.content.category = t.text(0, 20);
  }
  auto co = s.run("SELECT user_id FROM piece_coauthors WHERE article_id = $1 ORDER BY user_id", {id});
  if (!co) return co.error();
  for (int i = 0; i < co->size(); ++i) p.coauthors.push_back(co->int64(i, 0));
  return std::optional<Piece>(std::move(p));
}

Result<Revision> SqlDesk::add_revision(Session& s, std::int64_t id, const Revision& r) {
  auto added = s.run(
      "INSERT INTO revisions (article_id, based_on, user_id, at, kind, action, state, note, content) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {id, maybe(r.based_on), maybe(r.user_id), r.at, r.kind, r.action, std::string(newsroom::state_name(r.state)),
       r.note, content_to_json(r.content)});
  if (!added) return added.error();
  Revision out = r;
  out.id = added->int64(0, 0);
  out.article_id = id;
  return out;
}

Result<Piece> SqlDesk::create(UnitOfWork& work, std::int64_t user_id, const PieceContent& content, std::int64_t now) {
  auto s = session(work);
  // A category the content names is used only when it exists: a new one is made when the piece
  // is published, as an import makes it, not for a draft that may never be.
  std::optional<std::int64_t> category_id;
  if (!content.category.empty()) {
    auto found = s->run("SELECT id FROM categories WHERE name = $1", {content.category});
    if (!found) return found.error();
    if (!found->empty()) category_id = found->int64(0, 0);
  }
  if (!category_id) {
    auto made = category(work, std::string(articles::kDefaultCategory));
    if (!made) return made.error();
    category_id = *made;
  }
  // Drafts have no slug (it is made at the first publication), no publication time, and
  // status unpublished: the reading site never lists or shows them.
  auto inserted = s->run(
      "INSERT INTO articles (external_id, title, slug, lead, blocks, authors, category_id, status, published_at, "
      "updated_at, state, returned, revision, created_by, created_at, updated_by, desk_text) "
      "VALUES ($1, $2, '', '', '[]', '[]', $3, 'unpublished', 0, $4, 'draft', 0, 0, $5, $4, $5, $6) RETURNING id",
      {new_external_id(), content.title, *category_id, now, user_id, desk_text(content.title, content.lead)});
  if (!inserted) return inserted.error();
  const std::int64_t id = inserted->int64(0, 0);
  Revision r;
  r.user_id = user_id;
  r.at = now;
  r.kind = "create";
  r.state = State::draft;
  r.content = content;
  auto rev = add_revision(*s, id, r);
  if (!rev) return rev.error();
  if (auto u = s->run("UPDATE articles SET revision = $1 WHERE id = $2", {rev->id, id}); !u) return u.error();
  if (auto st = work.record(topic::piece, std::to_string(id)); !st) return st.error();
  auto p = read_piece(*s, id, false);
  if (!p) return p.error();
  if (!*p) return internal("bài vừa tạo không đọc lại được");
  return std::move(**p);
}

Result<std::optional<Piece>> SqlDesk::piece(std::int64_t id) {
  auto s = session();
  if (!s) return s.error();
  return read_piece(**s, id, false);
}

Result<std::optional<Piece>> SqlDesk::piece(UnitOfWork& work, std::int64_t id) {
  auto s = session(work);
  return read_piece(*s, id, true);
}

Status SqlDesk::set_coauthors(UnitOfWork& work, std::int64_t id, const std::vector<std::int64_t>& users) {
  auto s = session(work);
  auto found = s->run(std::string("SELECT a.id FROM articles a WHERE a.id = $1") + lock_clause(), {id});
  if (!found) return found.error();
  if (found->empty()) return no_piece(id);
  if (auto d = s->run("DELETE FROM piece_coauthors WHERE article_id = $1", {id}); !d) return d.error();
  for (std::int64_t u : users)
    if (auto i = s->run("INSERT INTO piece_coauthors (article_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                        {id, u});
        !i)
      return i.error();
  return work.record(topic::piece, std::to_string(id));
}

Result<Revision> SqlDesk::save(UnitOfWork& work, std::int64_t id, const NewRevision& r, std::int64_t now) {
  auto s = session(work);
  auto row = s->run(std::string("SELECT a.revision, a.state, a.published_revision, a.status FROM articles a "
                                "WHERE a.id = $1") + lock_clause(),
                    {id});
  if (!row) return row.error();
  if (row->empty()) return no_piece(id);
  const std::int64_t current = row->int64(0, 0);
  const State state = state_of(row->text(0, 1));
  const bool never_published = row->is_null(0, 2) && row->text(0, 3) != "published";
  if (r.based_on != current)
    return conflict("Bài đã được người khác lưu sau khi bạn mở; hãy tải lại bản mới nhất rồi sửa tiếp.");

  Revision out;
  bool folded = false;
  if (r.kind == "autosave" && r.user_id) {
    // An autosave every few seconds would bury the real revisions: the same person's autosaves
    // within the window are one revision, the newest content at the newest time.
    auto newest = s->run("SELECT " + std::string(kRevisionColumns) + " FROM revisions WHERE id = $1", {current});
    if (!newest) return newest.error();
    if (!newest->empty() && newest->text(0, 5) == "autosave" && newest->maybe(0, 3) == r.user_id &&
        newest->int64(0, 4) >= now - r.fold_seconds) {
      out = revision_from(*newest, 0, false);
      out.at = now;
      out.content = r.content;
      if (auto u = s->run("UPDATE revisions SET content = $1, at = $2 WHERE id = $3",
                          {content_to_json(r.content), now, current});
          !u)
        return u.error();
      folded = true;
    }
  }
  if (!folded) {
    Revision n;
    n.based_on = current == 0 ? std::nullopt : std::optional<std::int64_t>(current);
    n.user_id = r.user_id;
    n.at = now;
    n.kind = r.kind;
    n.action = r.action;
    n.state = state;
    n.note = r.note;
    n.content = r.content;
    auto added = add_revision(*s, id, n);
    if (!added) return added.error();
    out = std::move(*added);
  }
  // What readers see stays as published: only the newsroom's columns change. A piece never
  // published follows its content's category, so the desk's category filter finds it there.
  if (auto u = s->run("UPDATE articles SET revision = $1, updated_at = $2, updated_by = $3, desk_text = $4 "
                      "WHERE id = $5",
                      {out.id, now, maybe(r.user_id), desk_text(r.content.title, r.content.lead), id});
      !u)
    return u.error();
  if (never_published && !r.content.category.empty())
    if (auto u = s->run("UPDATE articles SET category_id = COALESCE((SELECT c.id FROM categories c WHERE c.name = $1), "
                        "category_id) WHERE id = $2",
                        {r.content.category, id});
        !u)
      return u.error();
  if (auto st = work.record(topic::piece, std::to_string(id)); !st) return st.error();
  return out;
}

Result<Revision> SqlDesk::transition(UnitOfWork& work, std::int64_t id, State from, const Transition& t,
                                     std::int64_t now) {
  auto s = session(work);
  auto row = s->run(std::string("SELECT a.state, a.revision, r.content FROM articles a LEFT JOIN revisions r "
                                "ON r.id = a.revision WHERE a.id = $1") + lock_clause(),
                    {id});
  if (!row) return row.error();
  if (row->empty()) return no_piece(id);
  const State state = state_of(row->text(0, 0));
  if (state != from)
    return conflict(std::string("Bài đã chuyển sang trạng thái \"") + newsroom::state_label(state) +
                    "\" trong lúc bạn xem; hãy tải lại.");
  const std::int64_t current = row->int64(0, 1);
  Revision n;
  n.based_on = current == 0 ? std::nullopt : std::optional<std::int64_t>(current);
  n.user_id = t.user_id;
  n.at = now;
  n.kind = "action";
  n.action = t.action;
  n.state = t.state;
  n.note = t.note;
  if (!row->is_null(0, 2)) {
    n.content = content_from_json(row->text(0, 2));
  } else if (auto p = read_piece(*s, id, false); !p) {
    return p.error();
  } else if (*p) {
    n.content = (*p)->content;
  }
  auto added = add_revision(*s, id, n);
  if (!added) return added.error();
  if (auto u = s->run("UPDATE articles SET state = $1, returned = $2, scheduled_at = $3, revision = $4, "
                      "updated_at = $5, updated_by = $6 WHERE id = $7",
                      {std::string(newsroom::state_name(t.state)), std::int64_t(t.returned ? 1 : 0),
                       maybe(t.scheduled_at), added->id, now, maybe(t.user_id), id});
      !u)
    return u.error();
  if (auto st = work.record(topic::piece, std::to_string(id)); !st) return st.error();
  return std::move(*added);
}

Status SqlDesk::publish(UnitOfWork& work, std::int64_t id, std::int64_t published_at,
                        std::string_view correction_note, std::int64_t now) {
  auto s = session(work);
  auto p = read_piece(*s, id, true);
  if (!p) return p.error();
  if (!*p) return no_piece(id);
  const Piece& piece = **p;
  articles::Incoming in;
  in.external_id = piece.external_id;
  in.title = piece.content.title;
  in.lead = piece.content.lead;
  in.blocks = piece.content.blocks;
  in.authors = piece.content.authors;
  in.category_name = piece.content.category.empty() ? std::string(articles::kDefaultCategory) : piece.content.category;
  in.published = published_at;
  in.status = articles::Status::published;
  UpsertOptions options;
  options.from_import = false;
  auto written = writer().upsert(work, std::span<const articles::Incoming>(&in, 1), now, options);
  if (!written) return written.error();
  auto u = correction_note.empty()
               ? s->run("UPDATE articles SET published_revision = revision WHERE id = $1", {id})
               : s->run("UPDATE articles SET published_revision = revision, correction_note = $1, corrected_at = $2 "
                        "WHERE id = $3",
                        {std::string(correction_note), now, id});
  if (!u) return u.error();
  return work.record(topic::piece, std::to_string(id));
}

Status SqlDesk::unpublish(UnitOfWork& work, std::int64_t id, std::int64_t now) {
  auto s = session(work);
  auto row = s->run(std::string("SELECT a.external_id, a.title FROM articles a WHERE a.id = $1") + lock_clause(), {id});
  if (!row) return row.error();
  if (row->empty()) return no_piece(id);
  // The title readers saw, so nothing of the newsroom's copy reaches the row on the way out.
  articles::Incoming in;
  in.external_id = row->text(0, 0);
  in.title = row->text(0, 1);
  in.status = articles::Status::unpublished;
  UpsertOptions options;
  options.from_import = false;
  auto written = writer().upsert(work, std::span<const articles::Incoming>(&in, 1), now, options);
  if (!written) return written.error();
  return work.record(topic::piece, std::to_string(id));
}

Result<std::pair<std::vector<PieceSummary>, std::int64_t>> SqlDesk::list(const DeskQuery& q) {
  std::string where;
  std::vector<Value> params;
  auto param = [&](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  auto add = [&](const std::string& clause) { where += (where.empty() ? " WHERE " : " AND ") + clause; };
  if (q.state) add("a.state = " + param(std::string(newsroom::state_name(*q.state))));
  if (q.returned) add("a.returned = " + param(std::int64_t(*q.returned ? 1 : 0)));
  for (const auto& user : {q.author, q.visible_to})
    if (user) {
      std::string n = param(*user);
      add("(a.created_by = " + n + " OR EXISTS (SELECT 1 FROM piece_coauthors pc WHERE pc.article_id = a.id AND "
          "pc.user_id = " + n + "))");
    }
  if (q.category_id) add("a.category_id = " + param(*q.category_id));
  if (std::string folded = text::fold(q.text); !folded.empty())
    add("a.desk_text LIKE " + param(contains_pattern(folded)) + " ESCAPE '\\'");
  if (q.changed_since) add("a.updated_at >= " + param(*q.changed_since));
  if (q.published_from) add("a.state = 'published' AND a.published_at >= " + param(*q.published_from));
  const char* revision_join = " LEFT JOIN revisions r ON r.id = a.revision";
  if (!q.shows.empty()) {
    const std::string pattern = param(contains_pattern(q.shows));
    add("(COALESCE(r.content, a.blocks) LIKE " + pattern + " ESCAPE '\\' OR (a.status = 'published' AND a.blocks LIKE " +
        pattern + " ESCAPE '\\'))");
  }

  auto s = session();
  if (!s) return s.error();
  auto count = (*s)->run("SELECT count(*) FROM articles a" + std::string(q.shows.empty() ? "" : revision_join) + where,
                         params);
  if (!count) return count.error();
  const std::int64_t total = count->int64(0, 0);

  const char* order = q.oldest_first ? "ASC" : "DESC";
  std::string sql =
      "SELECT a.id, r.content, a.state, a.returned, a.created_by, a.updated_at, a.updated_by, a.scheduled_at, "
      "a.published_at, a.revision, a.title, c.name, a.authors FROM articles a JOIN categories c ON c.id = "
      "a.category_id" + std::string(revision_join) + where + " ORDER BY a.updated_at " + order + ", a.id " + order;
  sql += " LIMIT " + param(std::int64_t(q.limit)) + " OFFSET " + param(std::int64_t(q.offset));
  auto rows = (*s)->run(sql, params);
  if (!rows) return rows.error();
  std::vector<PieceSummary> out;
  out.reserve(rows->size());
  for (int i = 0; i < rows->size(); ++i) {
    PieceSummary p;
    p.id = rows->int64(i, 0);
    if (!rows->is_null(i, 1)) {
      PieceContent c = content_from_json(rows->text(i, 1));
      p.title = std::move(c.title);
      p.category = std::move(c.category);
      p.authors = std::move(c.authors);
    } else {
      p.title = rows->text(i, 10);
      p.category = rows->text(i, 11);
      p.authors = authors_from_json(rows->text(i, 12));
    }
    p.state = state_of(rows->text(i, 2));
    p.returned = rows->int64(i, 3) != 0;
    p.created_by = rows->maybe(i, 4);
    p.updated_at = rows->int64(i, 5);
    p.updated_by = rows->maybe(i, 6);
    p.scheduled_at = rows->maybe(i, 7);
    p.published_at = rows->int64(i, 8);
    p.revision = rows->int64(i, 9);
    out.push_back(std::move(p));
  }
  return std::make_pair(std::move(out), total);
}

Result<std::vector<Revision>> SqlDesk::revisions(std::int64_t id) {
  auto s = session();
  if (!s) return s.error();
  auto rows = (*s)->run("SELECT " + std::string(kRevisionColumns) +
                            " FROM revisions WHERE article_id = $1 ORDER BY id DESC",
                        {id});
  if (!rows) return rows.error();
  std::vector<Revision> out;
  for (int i = 0; i < rows->size(); ++i) out.push_back(revision_from(*rows, i, false));
  return out;
}

Result<std::optional<Revision>> SqlDesk::revision(std::int64_t revision_id) {
  auto s = session();
  if (!s) return s.error();
  auto rows = (*s)->run("SELECT " + std::string(kRevisionColumns) + ", content FROM revisions WHERE id = $1",
                        {revision_id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<Revision>();
  return std::optional<Revision>(revision_from(*rows, 0, true));
}

Result<std::vector<std::int64_t>> SqlDesk::due(std::int64_t now, int limit) {
  auto s = session();
  if (!s) return s.error();
  auto rows = (*s)->run("SELECT id FROM articles WHERE state = 'scheduled' AND scheduled_at <= $1 "
                        "ORDER BY scheduled_at, id LIMIT $2",
                        {now, std::int64_t(limit)});
  if (!rows) return rows.error();
  std::vector<std::int64_t> out;
  for (int i = 0; i < rows->size(); ++i) out.push_back(rows->int64(i, 0));
  return out;
}

Result<std::optional<std::int64_t>> SqlDesk::next_due(std::int64_t now) {
  auto s = session();
  if (!s) return s.error();
  auto rows = (*s)->run("SELECT MIN(scheduled_at) FROM articles WHERE state = 'scheduled' AND scheduled_at > $1",
                        {now});
  if (!rows) return rows.error();
  return rows->maybe(0, 0);
}

Status SqlDesk::heartbeat(std::int64_t id, std::int64_t user_id, std::int64_t now) {
  auto work = begin();
  if (!work) return work.error();
  auto s = session(**work);
  auto seen = s->run(
      "INSERT INTO presence (article_id, user_id, seen_at) SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT), "
      "CAST($3 AS BIGINT) WHERE EXISTS (SELECT 1 FROM articles WHERE id = $1) "
      "ON CONFLICT (article_id, user_id) DO UPDATE SET seen_at = excluded.seen_at RETURNING article_id",
      {id, user_id, now});
  if (!seen) return seen.error();
  if (seen->empty()) return no_piece(id);
  if (auto st = (*work)->record(topic::piece, std::to_string(id)); !st) return st;
  return (*work)->commit();
}

Result<std::vector<Presence>> SqlDesk::present(std::int64_t id, std::int64_t since) {
  auto s = session();
  if (!s) return s.error();
  auto rows = (*s)->run("SELECT user_id, seen_at FROM presence WHERE article_id = $1 AND seen_at >= $2 "
                        "ORDER BY seen_at DESC, user_id",
                        {id, since});
  if (!rows) return rows.error();
  std::vector<Presence> out;
  for (int i = 0; i < rows->size(); ++i) {
    Presence p;
    p.user_id = rows->int64(i, 0);
    p.seen_at = rows->int64(i, 1);
    out.push_back(std::move(p));
  }
  return out;
}

Status SqlDesk::fill_desk_text(Session& s) {
  constexpr int kRows = 200;
  for (std::int64_t after = 0;;) {
    auto rows = s.run(kUnfilledDeskText, {after, std::int64_t(kRows)});
    if (!rows) return rows.error();
    if (rows->empty()) return ok_status();
    std::string cases, ids;
    std::vector<Value> params;
    for (int i = 0; i < rows->size(); ++i) {
      after = rows->int64(i, 0);
      params.emplace_back(std::in_place_type<std::int64_t>, after);
      params.emplace_back(std::in_place_type<std::string>, desk_text(rows->text(i, 1), rows->text(i, 2)));
      const std::string id = "$" + std::to_string(params.size() - 1);
      cases += " WHEN " + id + " THEN $" + std::to_string(params.size());
      ids += (i == 0 ? "" : ", ") + id;
    }
    if (auto u = s.run("UPDATE articles SET desk_text = CASE id" + cases + " END WHERE id IN (" + ids + ")", params); !u)
      return u.error();
  }
}

}  // namespace toasoan::store::sql
