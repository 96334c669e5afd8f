// The desk (store/desk.hpp), tested on every engine like the rest of the store: each case runs
// on SQLite and on PostgreSQL (skipped, saying why, when TOASOAN_TEST_POSTGRES_URL is unset),
// each time on a fresh database.
#include "store/desk.hpp"
#include "store/migrations.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <set>

#include "store/article_writer.hpp"
#include "store/change_log.hpp"
#include "store/database.hpp"
#include "store/reading.hpp"
#include "store/search_index.hpp"
#include "store/testing/area_test.hpp"

namespace toasoan::store {
namespace {

using newsroom::State;

constexpr std::int64_t kNow = 1'900'000'000;
constexpr std::int64_t kReporter = 7, kEditor = 8, kOther = 9;

PieceContent content(std::string title, std::string lead = "Sapo của bài.", std::string category = "Thời sự") {
  PieceContent c;
  c.title = std::move(title);
  c.lead = std::move(lead);
  articles::Block p;
  p.text = "Đoạn thân bài về cầu Long Biên.";
  c.blocks = {p};
  c.authors = {"Huy Thành"};
  c.category = std::move(category);
  return c;
}

class DeskTest : public testing::AreaTest {
 protected:
  Desk& desk() { return store_->desk(); }
  Reading& reading() { return store_->reading(); }


  Piece create(const PieceContent& c, std::int64_t user = kReporter, std::int64_t now = kNow) {
    auto w = begin();
    auto p = desk().create(*w, user, c, now);
    EXPECT_TRUE(p.ok()) << p.error().message;
    EXPECT_TRUE(w->commit().ok());
    return p.ok() ? *p : Piece{};
  }

  Result<Revision> save(std::int64_t id, const NewRevision& r, std::int64_t now) {
    auto w = begin();
    auto out = desk().save(*w, id, r, now);
    if (out.ok()) {
      EXPECT_TRUE(w->commit().ok());
    }
    return out;
  }

  NewRevision revision(const Piece& p, PieceContent c, std::int64_t user = kReporter, std::string kind = "save") {
    NewRevision r;
    r.user_id = user;
    r.kind = std::move(kind);
    r.content = std::move(c);
    r.based_on = p.revision;
    return r;
  }

  Piece piece(std::int64_t id) {
    auto p = desk().piece(id);
    EXPECT_TRUE(p.ok() && *p) << (p.ok() ? "no such piece" : p.error().message);
    return p.ok() && *p ? **p : Piece{};
  }

  Status publish(std::int64_t id, std::int64_t published_at, std::string_view note = "", std::int64_t now = kNow) {
    auto w = begin();
    if (auto s = desk().publish(*w, id, published_at, note, now); !s) return s;
    return w->commit();
  }

  Status move(std::int64_t id, State from, State to, std::optional<std::int64_t> scheduled_at = std::nullopt,
              std::int64_t now = kNow) {
    auto w = begin();
    Transition t;
    t.state = to;
    t.user_id = kEditor;
    t.action = "act";
    t.scheduled_at = scheduled_at;
    auto r = desk().transition(*w, id, from, t, now);
    if (!r) return r.error();
    return w->commit();
  }

  std::vector<articles::Summary> latest() {
    ListQuery q;
    q.now = kNow + 1'000'000;
    q.limit = 100;
    auto l = reading().latest(q);
    EXPECT_TRUE(l.ok()) << l.error().message;
    return l.ok() ? *l : std::vector<articles::Summary>{};
  }

  // The change log's entries after `seq`, whole (AreaTest::changes_after gives them as text).
  std::vector<Change> entries_after(std::uint64_t seq) {
    auto b = store_->change_log().since(seq, 1000);
    EXPECT_TRUE(b.ok()) << b.error().message;
    return b.ok() ? b->changes : std::vector<Change>{};
  }

  std::vector<std::int64_t> ids(const DeskQuery& q, std::int64_t* total = nullptr) {
    auto l = desk().list(q);
    EXPECT_TRUE(l.ok()) << l.error().message;
    std::vector<std::int64_t> out;
    if (!l.ok()) return out;
    for (const auto& s : l->first) out.push_back(s.id);
    if (total) *total = l->second;
    return out;
  }

  Result<std::vector<Upserted>> import(articles::Incoming a, bool overwrite = false) {
    UpsertOptions o;
    o.overwrite = overwrite;
    return store_->article_writer().upsert(std::span<const articles::Incoming>(&a, 1), kNow, o);
  }

  // Runs `sql` behind the store's back: what an older release left in the database.
  void raw(const std::string& sql) { raw_on(*db_, sql); }
  void raw_on(const testing::TestDatabase& target, const std::string& sql) {
    if (GetParam() == "sqlite") {
      sqlite3* db = nullptr;
      ASSERT_EQ(sqlite3_open(target.name().c_str(), &db), SQLITE_OK);
      char* error = nullptr;
      EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
      sqlite3_free(error);
      sqlite3_close(db);
    } else {
      PGconn* c = PQconnectdb(target.url().c_str());
      PGresult* r = PQexec(c, sql.c_str());
      EXPECT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQerrorMessage(c);
      PQclear(r);
      PQfinish(c);
    }
  }

};

INSTANTIATE_TEST_SUITE_P(, DeskTest, ::testing::ValuesIn(testing::engines()),
                         testing::engine_name<::testing::TestParamInfo<std::string>>);

articles::Incoming incoming(std::string id, std::string title) {
  articles::Incoming a;
  a.external_id = std::move(id);
  a.title = std::move(title);
  a.lead = "Sapo nhập.";
  a.category_name = "Kinh tế";
  a.published = kNow - 100;
  a.status = articles::Status::published;
  return a;
}

TEST_P(DeskTest, ACreatedPieceIsADraftWithItsFirstRevisionAndReadersNeverSeeIt) {
  auto before = last_seq();
  Piece p = create(content("Cầu Long Biên"));
  EXPECT_GT(p.id, 0);
  EXPECT_EQ(p.state, State::draft);
  EXPECT_TRUE(p.external_id.starts_with("toa-soan-")) << p.external_id;
  EXPECT_EQ(p.external_id.size(), 9u + 16u);
  EXPECT_EQ(p.slug, "");
  EXPECT_EQ(p.created_by, kReporter);
  EXPECT_EQ(p.content, content("Cầu Long Biên"));
  EXPECT_GT(p.revision, 0);
  auto revs = desk().revisions(p.id);
  ASSERT_TRUE(revs.ok());
  ASSERT_EQ(revs->size(), 1u);
  EXPECT_EQ((*revs)[0].kind, "create");
  EXPECT_EQ((*revs)[0].id, p.revision);
  EXPECT_FALSE((*revs)[0].based_on);
  EXPECT_TRUE(latest().empty());
  // The draft's change-log entries purge no page: only `piece`.
  for (const auto& c : entries_after(before)) EXPECT_TRUE(c.topic == "piece" || c.topic == "category") << c.topic;
  auto article = reading().article(p.id);
  ASSERT_TRUE(article.ok() && *article);
  EXPECT_EQ((*article)->status, articles::Status::unpublished);
}

TEST_P(DeskTest, ADraftsChangeLogHoldsOnlyPieceEntries) {
  Piece first = create(content("Bài đầu"));  // makes the category "Tin tức" if needed
  auto before = last_seq();
  Piece p = create(content("Bài nháp"));
  ASSERT_TRUE(save(p.id, revision(p, content("Bài nháp sửa")), kNow + 10).ok());
  ASSERT_TRUE(move(p.id, State::draft, State::submitted).ok());
  ASSERT_TRUE(desk().heartbeat(p.id, kEditor, kNow).ok());
  auto cs = entries_after(before);
  ASSERT_FALSE(cs.empty());
  for (const auto& c : cs) {
    EXPECT_EQ(c.topic, "piece");
    EXPECT_EQ(c.key, std::to_string(p.id));
  }
  (void)first;
}

TEST_P(DeskTest, ASaveFromAStaleRevisionIsAConflictAndWritesNothing) {
  Piece p = create(content("Bản đầu"));
  ASSERT_TRUE(save(p.id, revision(p, content("Bản của người thứ nhất")), kNow + 10).ok());
  auto before = last_seq();
  auto stale = save(p.id, revision(p, content("Bản của người thứ hai"), kOther), kNow + 20);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  EXPECT_EQ(piece(p.id).content.title, "Bản của người thứ nhất");
  EXPECT_EQ(desk().revisions(p.id)->size(), 2u);
  EXPECT_EQ(last_seq(), before);
}

TEST_P(DeskTest, AutosavesOfOnePersonWithinTheWindowFoldIntoOneRevision) {
  Piece p = create(content("Bản đầu"));
  auto a1 = save(p.id, revision(p, content("Tự lưu 1"), kReporter, "autosave"), kNow + 10);
  ASSERT_TRUE(a1.ok()) << a1.error().message;
  p = piece(p.id);
  auto a2 = save(p.id, revision(p, content("Tự lưu 2"), kReporter, "autosave"), kNow + 60);
  ASSERT_TRUE(a2.ok());
  EXPECT_EQ(a2->id, a1->id);  // folded
  p = piece(p.id);
  EXPECT_EQ(p.content.title, "Tự lưu 2");
  EXPECT_EQ(desk().revision(a1->id).value()->at, kNow + 60);
  EXPECT_EQ(desk().revisions(p.id)->size(), 2u);

  // Another person's autosave, one outside the window and an explicit save each add a revision.
  auto other = save(p.id, revision(p, content("Người khác"), kOther, "autosave"), kNow + 70);
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->id, a2->id);
  p = piece(p.id);
  auto late = save(p.id, revision(p, content("Người khác, muộn"), kOther, "autosave"), kNow + 70 + 121);
  ASSERT_TRUE(late.ok());
  EXPECT_NE(late->id, other->id);
  p = piece(p.id);
  auto explicit_save = save(p.id, revision(p, content("Lưu hẳn"), kOther, "save"), kNow + 200);
  ASSERT_TRUE(explicit_save.ok());
  p = piece(p.id);
  auto after = save(p.id, revision(p, content("Tự lưu sau"), kOther, "autosave"), kNow + 201);
  ASSERT_TRUE(after.ok());
  EXPECT_NE(after->id, explicit_save->id);
  EXPECT_EQ(desk().revisions(p.id)->size(), 6u);
}

TEST_P(DeskTest, ATransitionFromAStateThePieceHasLeftIsAConflict) {
  Piece p = create(content("Bài"));
  ASSERT_TRUE(move(p.id, State::draft, State::submitted).ok());
  auto again = move(p.id, State::draft, State::submitted);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  Piece now = piece(p.id);
  EXPECT_EQ(now.state, State::submitted);
  auto revs = desk().revisions(p.id);
  ASSERT_EQ(revs->size(), 2u);
  EXPECT_EQ((*revs)[0].kind, "action");
  EXPECT_EQ((*revs)[0].action, "act");
  EXPECT_EQ((*revs)[0].state, State::submitted);
  EXPECT_EQ(desk().revision((*revs)[0].id).value()->content, content("Bài"));
}

TEST_P(DeskTest, PublishingMakesTheSlugOnceAndPutsThePieceOnTheReadingSite) {
  Piece p = create(content("Cầu Long Biên sau mưa"));
  auto before = last_seq();
  ASSERT_TRUE(publish(p.id, kNow - 50).ok());
  Piece published = piece(p.id);
  EXPECT_EQ(published.slug, "cau-long-bien-sau-mua");
  EXPECT_EQ(published.published_revision, published.revision);
  auto l = latest();
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0].id, p.id);
  EXPECT_EQ(l[0].title, "Cầu Long Biên sau mưa");
  EXPECT_EQ(l[0].category_name, "Thời sự");
  std::set<std::string> topics;
  for (const auto& c : entries_after(before)) topics.insert(c.topic);
  EXPECT_TRUE(topics.contains("article") && topics.contains("listing") && topics.contains("piece"));

  FullTextQuery q;
  q.readings = {{{"long", "bien"}}};
  q.now = kNow + 1000;
  auto found = store_->search_index().full_text(q);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found->total, 1);
  EXPECT_EQ(found->hits[0].summary.id, p.id);

  ASSERT_TRUE(save(p.id, revision(published, content("Tên mới hẳn")), kNow + 10).ok());
  ASSERT_TRUE(publish(p.id, kNow - 50).ok());
  auto a = reading().article(p.id);
  ASSERT_TRUE(a.ok() && *a);
  EXPECT_EQ((*a)->title, "Tên mới hẳn");
  EXPECT_EQ((*a)->slug, "cau-long-bien-sau-mua");
}

TEST_P(DeskTest, SavingAPublishedPieceChangesNothingReadersSeeUntilItIsPublishedAgain) {
  Piece p = create(content("Bản đã đăng", "Sapo đã đăng."));
  ASSERT_TRUE(publish(p.id, kNow - 50).ok());
  p = piece(p.id);
  auto before = last_seq();
  ASSERT_TRUE(save(p.id, revision(p, content("Bản đang sửa", "Sapo đang sửa.")), kNow + 10).ok());
  for (const auto& c : entries_after(before)) EXPECT_EQ(c.topic, "piece");
  auto a = reading().article(p.id);
  ASSERT_TRUE(a.ok() && *a);
  EXPECT_EQ((*a)->title, "Bản đã đăng");
  EXPECT_EQ((*a)->lead, "Sapo đã đăng.");
  EXPECT_EQ(piece(p.id).content.title, "Bản đang sửa");

  ASSERT_TRUE(publish(p.id, kNow - 50, "Sửa tên nhân vật cho đúng.", kNow + 20).ok());
  a = reading().article(p.id);
  EXPECT_EQ((*a)->title, "Bản đang sửa");
  EXPECT_EQ((*a)->lead, "Sapo đang sửa.");
  EXPECT_EQ((*a)->correction_note, "Sửa tên nhân vật cho đúng.");
  EXPECT_EQ((*a)->corrected_at, kNow + 20);
  auto many = reading().articles(std::vector<std::int64_t>{p.id});
  ASSERT_TRUE(many.ok());
  ASSERT_EQ(many->size(), 1u);
  EXPECT_EQ((*many)[0].correction_note, "Sửa tên nhân vật cho đúng.");
  EXPECT_EQ(piece(p.id).correction_note, "Sửa tên nhân vật cho đúng.");
}

TEST_P(DeskTest, UnpublishingTakesThePieceOffTheLists) {
  Piece p = create(content("Sắp gỡ"));
  ASSERT_TRUE(publish(p.id, kNow - 50).ok());
  ASSERT_EQ(latest().size(), 1u);
  auto w = begin();
  ASSERT_TRUE(desk().unpublish(*w, p.id, kNow).ok());
  ASSERT_TRUE(w->commit().ok());
  EXPECT_TRUE(latest().empty());
  EXPECT_EQ(piece(p.id).slug, "sap-go");  // kept for a restore
}

TEST_P(DeskTest, TheListFiltersByStateAuthorTextTimeAndVisibilityAndPages) {
  Piece a = create(content("Nghị quyết về đất đai"), kReporter, kNow);
  Piece b = create(content("Giá xăng tăng 50%"), kOther, kNow + 10);
  Piece c = create(content("Bão số 3 đổ bộ"), kOther, kNow + 20);
  {
    auto w = begin();
    ASSERT_TRUE(desk().set_coauthors(*w, c.id, {kReporter}).ok());
    ASSERT_TRUE(w->commit().ok());
  }
  EXPECT_EQ(piece(c.id).coauthors, std::vector<std::int64_t>{kReporter});
  ASSERT_TRUE(move(b.id, State::draft, State::submitted, std::nullopt, kNow + 30).ok());

  std::int64_t total = 0;
  DeskQuery all;
  EXPECT_EQ(ids(all, &total), (std::vector<std::int64_t>{b.id, c.id, a.id}));  // b was changed last
  EXPECT_EQ(total, 3);
  DeskQuery oldest;
  oldest.oldest_first = true;
  EXPECT_EQ(ids(oldest), (std::vector<std::int64_t>{a.id, c.id, b.id}));

  DeskQuery submitted;
  submitted.state = State::submitted;
  EXPECT_EQ(ids(submitted), std::vector<std::int64_t>{b.id});

  DeskQuery mine;
  mine.author = kReporter;
  EXPECT_EQ(ids(mine), (std::vector<std::int64_t>{c.id, a.id}));  // a created, c co-authored
  DeskQuery visible;
  visible.visible_to = kOther;
  EXPECT_EQ(ids(visible), (std::vector<std::int64_t>{b.id, c.id}));

  DeskQuery text;
  text.text = "NGHI quyet";
  EXPECT_EQ(ids(text), std::vector<std::int64_t>{a.id});
  DeskQuery percent;
  percent.text = "50%";
  EXPECT_EQ(ids(percent), std::vector<std::int64_t>{b.id});
  DeskQuery wildcard;
  wildcard.text = "%";
  EXPECT_EQ(ids(wildcard), std::vector<std::int64_t>{b.id});  // a literal %, not "anything"

  DeskQuery recent;
  recent.changed_since = kNow + 20;
  EXPECT_EQ(ids(recent), (std::vector<std::int64_t>{b.id, c.id}));

  DeskQuery page;
  page.limit = 2;
  page.offset = 1;
  EXPECT_EQ(ids(page, &total), (std::vector<std::int64_t>{c.id, a.id}));
  EXPECT_EQ(total, 3);

  auto l = desk().list(all);
  ASSERT_TRUE(l.ok());
  const PieceSummary& first = l->first[0];
  EXPECT_EQ(first.title, "Giá xăng tăng 50%");
  EXPECT_EQ(first.category, "Thời sự");
  EXPECT_EQ(first.authors, std::vector<std::string>{"Huy Thành"});
  EXPECT_EQ(first.state, State::submitted);
  EXPECT_EQ(first.created_by, kOther);
}

TEST_P(DeskTest, TheListFindsThePiecesWhoseNewestVersionShowsAPhoto) {
  const std::string hash(64, 'a'), other(64, 'b');
  auto with_photo = [](std::string title, const std::string& h) {
    PieceContent c = content(std::move(title));
    articles::Block f;
    f.type = articles::Block::Type::figure;
    f.image = "anh/" + h.substr(0, 2) + "/" + h + "-1600.jpg";
    f.width = 2000;
    f.height = 1500;
    c.blocks.push_back(f);
    return c;
  };
  Piece a = create(with_photo("Ảnh ở bản đầu", hash), kReporter, kNow);
  Piece b = create(with_photo("Ảnh khác", other), kReporter, kNow + 10);
  Piece c = create(with_photo("Ảnh bị bỏ ở bản sau", hash), kReporter, kNow + 20);
  ASSERT_TRUE(save(c.id, revision(c, content("Ảnh bị bỏ ở bản sau")), kNow + 30).ok());
  Piece d = create(with_photo("Ảnh còn trên trang", hash), kReporter, kNow + 40);
  ASSERT_TRUE(publish(d.id, kNow - 50).ok());
  d = piece(d.id);
  ASSERT_TRUE(save(d.id, revision(d, content("Ảnh còn trên trang")), kNow + 50).ok());

  DeskQuery shows;
  shows.shows = hash;
  std::int64_t total = 0;
  EXPECT_EQ(ids(shows, &total), (std::vector<std::int64_t>{d.id, a.id}))
      << "the newest version, or the one readers see; not an older draft";
  EXPECT_EQ(total, 2);
  shows.changed_since = kNow + 45;
  EXPECT_EQ(ids(shows), std::vector<std::int64_t>{d.id});
  shows.changed_since = kNow + 60;
  EXPECT_EQ(ids(shows), std::vector<std::int64_t>{}) << "nothing changed since shows it";
  shows.changed_since.reset();
  shows.shows = other;
  EXPECT_EQ(ids(shows), std::vector<std::int64_t>{b.id});
  shows.shows = "%";
  EXPECT_EQ(ids(shows), std::vector<std::int64_t>{}) << "a literal %, not anything";
}

TEST_P(DeskTest, TheListShowsTheNewsroomsTitleNotThePublicOne) {
  Piece p = create(content("Tên đã đăng"));
  ASSERT_TRUE(publish(p.id, kNow - 50).ok());
  p = piece(p.id);
  ASSERT_TRUE(save(p.id, revision(p, content("Tên đang sửa")), kNow + 10).ok());
  auto l = desk().list(DeskQuery{});
  ASSERT_TRUE(l.ok());
  ASSERT_EQ(l->first.size(), 1u);
  EXPECT_EQ(l->first[0].title, "Tên đang sửa");
  DeskQuery text;
  text.text = "dang sua";
  EXPECT_EQ(ids(text), std::vector<std::int64_t>{p.id});
}

TEST_P(DeskTest, ScheduledPiecesFallDueInOrder) {
  Piece a = create(content("Hẹn sau"));
  Piece b = create(content("Hẹn trước"));
  Piece c = create(content("Hẹn xa"));
  ASSERT_TRUE(move(a.id, State::draft, State::scheduled, kNow + 200).ok());
  ASSERT_TRUE(move(b.id, State::draft, State::scheduled, kNow + 100).ok());
  ASSERT_TRUE(move(c.id, State::draft, State::scheduled, kNow + 900).ok());
  EXPECT_EQ(piece(a.id).scheduled_at, kNow + 200);
  EXPECT_TRUE(desk().due(kNow, 10)->empty());
  EXPECT_EQ(*desk().next_due(kNow), kNow + 100);
  EXPECT_EQ(*desk().due(kNow + 500, 10), (std::vector<std::int64_t>{b.id, a.id}));
  EXPECT_EQ(*desk().due(kNow + 500, 1), std::vector<std::int64_t>{b.id});
  EXPECT_EQ(*desk().next_due(kNow + 500), kNow + 900);
  EXPECT_FALSE(*desk().next_due(kNow + 900));
  // Leaving the schedule clears the time.
  ASSERT_TRUE(move(c.id, State::scheduled, State::approved).ok());
  EXPECT_FALSE(piece(c.id).scheduled_at);
}

TEST_P(DeskTest, PresenceListsWhoWasSeenWithinTheWindow) {
  Piece p = create(content("Đang mở"));
  ASSERT_TRUE(desk().heartbeat(p.id, kReporter, kNow).ok());
  ASSERT_TRUE(desk().heartbeat(p.id, kEditor, kNow + 30).ok());
  ASSERT_TRUE(desk().heartbeat(p.id, kReporter, kNow + 40).ok());  // seen again
  auto here = desk().present(p.id, kNow + 35);
  ASSERT_TRUE(here.ok());
  ASSERT_EQ(here->size(), 1u);
  EXPECT_EQ((*here)[0].user_id, kReporter);
  EXPECT_EQ((*here)[0].seen_at, kNow + 40);
  EXPECT_EQ(desk().present(p.id, kNow)->size(), 2u);
  auto missing = desk().heartbeat(p.id + 1000, kReporter, kNow);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
}

TEST_P(DeskTest, AnImportAppendsAnImportRevisionWithTheRowsContent) {
  ASSERT_TRUE(import(incoming("seed-1", "Bài nhập")).ok());
  auto l = desk().list(DeskQuery{});
  ASSERT_TRUE(l.ok());
  ASSERT_EQ(l->first.size(), 1u);
  Piece p = piece(l->first[0].id);
  EXPECT_EQ(p.state, State::published);
  EXPECT_EQ(p.content.title, "Bài nhập");
  EXPECT_EQ(p.content.category, "Kinh tế");
  EXPECT_EQ(p.content.lead, "Sapo nhập.");
  EXPECT_EQ(p.published_revision, p.revision);
  auto revs = desk().revisions(p.id);
  ASSERT_EQ(revs->size(), 1u);
  EXPECT_EQ((*revs)[0].id, p.revision);
  EXPECT_EQ((*revs)[0].kind, "import");
  EXPECT_FALSE((*revs)[0].user_id);
  const std::int64_t first = p.revision;

  auto again = incoming("seed-1", "Bài nhập lại");
  again.status = articles::Status::unpublished;
  ASSERT_EQ(*import(again), std::vector<Upserted>{Upserted::updated});
  p = piece(p.id);
  EXPECT_EQ(p.state, State::taken_down);
  revs = desk().revisions(p.id);
  ASSERT_EQ(revs->size(), 2u);
  EXPECT_EQ((*revs)[0].based_on, (*revs)[1].id);
  EXPECT_EQ((*revs)[0].id, p.revision);
  // Taken down by the import: readers' version is still the one published before.
  EXPECT_EQ(p.published_revision, first);
  EXPECT_EQ(p.content.title, "Bài nhập lại");
  DeskQuery text;
  text.text = "nhap lai";
  EXPECT_EQ(ids(text), std::vector<std::int64_t>{p.id});
}

TEST_P(DeskTest, AnImportSkipsAnArticleEditedInTheNewsroomUnlessAskedToOverwrite) {
  ASSERT_TRUE(import(incoming("seed-1", "Bài nhập")).ok());
  std::int64_t id = desk().list(DeskQuery{})->first[0].id;
  Piece p = piece(id);
  ASSERT_TRUE(save(id, revision(p, content("Tòa soạn sửa")), kNow + 10).ok());
  auto skipped = import(incoming("seed-1", "Bản nhập mới"));
  ASSERT_TRUE(skipped.ok()) << skipped.error().message;
  EXPECT_EQ(*skipped, std::vector<Upserted>{Upserted::skipped_edited});
  EXPECT_EQ(piece(id).content.title, "Tòa soạn sửa");
  EXPECT_EQ((*reading().article(id))->title, "Bài nhập");

  auto overwritten = import(incoming("seed-1", "Bản nhập mới"), true);
  ASSERT_TRUE(overwritten.ok());
  EXPECT_EQ(*overwritten, std::vector<Upserted>{Upserted::updated});
  EXPECT_EQ(piece(id).content.title, "Bản nhập mới");
  EXPECT_EQ((*reading().article(id))->title, "Bản nhập mới");
  // Imported again over its own import: written.
  EXPECT_EQ(*import(incoming("seed-1", "Lần nữa")), std::vector<Upserted>{Upserted::updated});
}

TEST_P(DeskTest, ABatchWritesTheOthersAroundASkippedArticle) {
  std::vector<articles::Incoming> first{incoming("seed-1", "Một"), incoming("seed-2", "Hai")};
  ASSERT_TRUE(store_->article_writer().upsert(first, kNow).ok());
  std::int64_t edited = 0;
  auto listed = desk().list(DeskQuery{});
  ASSERT_TRUE(listed.ok());
  for (const auto& s : listed->first)
    if (s.title == "Một") edited = s.id;
  Piece p = piece(edited);
  ASSERT_TRUE(move(edited, State::published, State::taken_down).ok());
  std::vector<articles::Incoming> again{incoming("seed-1", "Một mới"), incoming("seed-2", "Hai mới"),
                                        incoming("seed-3", "Ba")};
  auto out = store_->article_writer().upsert(again, kNow);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(*out, (std::vector<Upserted>{Upserted::skipped_edited, Upserted::updated, Upserted::inserted}));
  EXPECT_EQ(piece(edited).state, State::taken_down);
  EXPECT_EQ(piece(edited).content.title, "Một");
  (void)p;
}

TEST_P(DeskTest, ArticlesStoredBeforeTheDeskAreFoundByTheTextFilterAfterMigrating) {
  ASSERT_TRUE(import(incoming("seed-1", "Đường sắt Bắc Nam")).ok());
  raw("UPDATE articles SET desk_text = ''");  // as migration 0007 leaves the rows it found
  DeskQuery text;
  text.text = "duong sat";
  EXPECT_TRUE(ids(text).empty());
  ASSERT_TRUE(store_->migrate().ok());
  EXPECT_EQ(ids(text).size(), 1u);
}

TEST_P(DeskTest, MigratingMakesEveryStoredArticleAPieceWithItsImportRevision) {
  auto old = testing::TestDatabase::create(GetParam());
  ASSERT_TRUE(old.ok()) << old.error().message;
  // The schema as the release before the desk left it, with two articles in it.
  raw_on(**old, "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
                "applied_at BIGINT NOT NULL)");
  for (const auto& m : migrations::for_engine(GetParam())) {
    if (m.version >= 7) continue;
    raw_on(**old, std::string(m.sql));
    raw_on(**old, "INSERT INTO schema_migrations VALUES (" + std::to_string(m.version) + ", '" + std::string(m.name) +
                      "', 0)");
  }
  raw_on(**old, "INSERT INTO categories (id, name, slug, position) VALUES (1, 'Kinh tế', 'kinh-te', 1)");
  raw_on(**old, "INSERT INTO articles (id, external_id, title, slug, lead, blocks, authors, category_id, status, "
                "published_at, updated_at) VALUES "
                "(1, 'seed-1', 'Giá vàng', 'gia-vang', 'Sapo.', '[{\"type\":\"paragraph\",\"text\":\"Thân.\"}]', "
                "'[\"Mạnh Hùng\"]', 1, 'published', 1000, 2000), "
                "(2, 'seed-2', 'Đã gỡ', 'da-go', '', '[]', '[]', 1, 'unpublished', 1000, 2000)");
  auto opened = open((*old)->url());
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  auto m = (*opened)->migrate();
  ASSERT_TRUE(m.ok()) << m.error().message;
  Desk& d = (*opened)->desk();
  auto one = d.piece(1);
  ASSERT_TRUE(one.ok() && *one) << (one.ok() ? "missing" : one.error().message);
  EXPECT_EQ((*one)->state, State::published);
  EXPECT_GT((*one)->revision, 0);
  EXPECT_EQ((*one)->published_revision, (*one)->revision);
  EXPECT_EQ((*one)->content.title, "Giá vàng");
  EXPECT_EQ((*one)->content.category, "Kinh tế");
  EXPECT_EQ((*one)->content.authors, std::vector<std::string>{"Mạnh Hùng"});
  ASSERT_EQ((*one)->content.blocks.size(), 1u);
  EXPECT_EQ((*one)->content.blocks[0].text, "Thân.");
  EXPECT_EQ((*one)->content.published_at, 1000);
  auto two = d.piece(2);
  ASSERT_TRUE(two.ok() && *two);
  EXPECT_EQ((*two)->state, State::taken_down);
  EXPECT_FALSE((*two)->published_revision);
  DeskQuery text;
  text.text = "gia vang";
  auto found = d.list(text);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->second, 1);
  // Imported again, the migrated articles are their import's own: not skipped.
  auto again = (*opened)->article_writer().upsert(std::vector<articles::Incoming>{incoming("seed-1", "Giá vàng mới")}, kNow);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(*again, std::vector<Upserted>{Upserted::updated});
}

TEST_P(DeskTest, UnknownPiecesAreNotFound) {
  EXPECT_FALSE(*desk().piece(12345));
  auto w = begin();
  auto s = desk().save(*w, 12345, NewRevision{}, kNow);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace toasoan::store
