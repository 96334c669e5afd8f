// The searcher on a real store, on each engine: the ranking knobs an operator sets.
#include "search/searcher.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/article_writer.hpp"
#include "store/database.hpp"
#include "store/testing/test_database.hpp"

namespace toasoan::search {
namespace {

constexpr std::int64_t kNow = 1764201600;  // 2025-11-27
constexpr std::int64_t kDay = 86400;

articles::Incoming article(std::string id, std::string title, std::int64_t published) {
  articles::Incoming a;
  a.external_id = std::move(id);
  a.title = std::move(title);
  a.lead = "Tin từ Đồi Mây.";
  a.category_name = "Văn hóa";
  a.published = published;
  articles::Block p;
  p.text = "Du khách về xem.";
  a.blocks = std::vector<articles::Block>{p};
  return a;
}

class SearcherTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (auto why = store::testing::skip_reason(GetParam())) GTEST_SKIP() << *why;
    auto db = store::testing::TestDatabase::create(GetParam());
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(*db);
    auto s = store::open(db_->url());
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(*s);
    ASSERT_TRUE(store_->migrate().ok());
    // The older article says "hoa ban" twice in its title: the better text match. The newer
    // one was written first, so the store's own order puts it second as well.
    std::vector<articles::Incoming> batch{article("new", "Mùa hoa ban nở", kNow - kDay),
                                          article("old", "Hoa ban, hoa ban trắng núi rừng", kNow - 700 * kDay)};
    ASSERT_TRUE(store_->article_writer().upsert(batch, kNow).ok());
  }

  std::vector<std::string> titles(const SearchOptions& options) {
    Searcher searcher(store_->search_index(), options);
    SearchRequest request;
    request.text = "hoa ban";
    auto r = searcher.search(request, kNow);
    EXPECT_TRUE(r.ok()) << r.error().message;
    std::vector<std::string> out;
    if (r.ok())
      for (const auto& s : r->results) out.push_back(s.title);
    return out;
  }

  std::unique_ptr<store::testing::TestDatabase> db_;
  std::unique_ptr<store::Database> store_;
};

INSTANTIATE_TEST_SUITE_P(, SearcherTest, ::testing::ValuesIn(store::testing::engines()),
                         store::testing::engine_name<::testing::TestParamInfo<std::string>>);

// Counts the questions the searcher asks the store.
class CountingIndex : public store::SearchIndex {
 public:
  explicit CountingIndex(store::SearchIndex& inner) : inner_(inner) {}
  Result<store::FullTextAnswer> full_text(const store::FullTextQuery& q) override {
    ++questions;
    return inner_.full_text(q);
  }
  Status reindex() override { return inner_.reindex(); }
  Status optimize() override { return inner_.optimize(); }
  int questions = 0;

 private:
  store::SearchIndex& inner_;
};

// Says it estimated the count, as SQLite does past FullTextQuery::exact_count matches.
class EstimatingIndex : public CountingIndex {
 public:
  using CountingIndex::CountingIndex;
  Result<store::FullTextAnswer> full_text(const store::FullTextQuery& q) override {
    auto answer = CountingIndex::full_text(q);
    if (answer) {
      answer->total = 62'407;
      answer->estimated = true;
    }
    return answer;
  }
};

TEST_P(SearcherTest, AnEstimatedCountIsGivenToTwoFiguresAndSaysSo) {
  EstimatingIndex index(store_->search_index());
  Searcher searcher(index);
  SearchRequest request;
  request.text = "hoa ban";
  auto r = searcher.search(request, kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->total, 62'000);
  EXPECT_TRUE(r->total_estimated);
  EXPECT_FALSE(r->results.empty());
  request.newest_first = true;
  r = searcher.search(request, kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->total, 62'000);
  EXPECT_TRUE(r->total_estimated);
}

TEST_P(SearcherTest, APagePastTheEndIsOneQuestionWithTheTotalAndNoResults) {
  CountingIndex index(store_->search_index());
  SearchOptions options;
  options.candidates = 1;  // so that a page past the window would read the store's tail
  Searcher searcher(index, options);
  SearchRequest request;
  request.text = "hoa ban";
  request.page = 1000;
  request.per_page = 50;
  auto r = searcher.search(request, kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->total, 2);
  EXPECT_TRUE(r->results.empty());
  EXPECT_EQ(index.questions, 1);
  request.page = 2;
  request.per_page = 1;
  index.questions = 0;
  r = searcher.search(request, kNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->results.size(), 1u) << "the last page is still read";
}

TEST_P(SearcherTest, WithoutFreshnessTheBetterMatchComesFirst) {
  SearchOptions o;
  o.freshness_boost = 0;
  EXPECT_EQ(titles(o), (std::vector<std::string>{"Hoa ban, hoa ban trắng núi rừng", "Mùa hoa ban nở"}));
}

TEST_P(SearcherTest, AStrongFreshnessBoostPutsYesterdaysArticleFirst) {
  SearchOptions o;
  o.freshness_boost = 20;
  EXPECT_EQ(titles(o), (std::vector<std::string>{"Mùa hoa ban nở", "Hoa ban, hoa ban trắng núi rừng"}));
}

TEST_P(SearcherTest, AShortHalfLifeLeavesADayOldArticleLittleOfTheBoost) {
  SearchOptions o;
  o.freshness_boost = 20;
  o.freshness_half_life_days = 0.1;  // a day is ten half-lives: 20 → 0.02
  EXPECT_EQ(titles(o), (std::vector<std::string>{"Hoa ban, hoa ban trắng núi rừng", "Mùa hoa ban nở"}));
}

// Answers every question with the same hits, and keeps the last question.
class FixedIndex : public store::SearchIndex {
 public:
  explicit FixedIndex(std::vector<store::FullTextHit> hits) : hits_(std::move(hits)) {}
  Result<store::FullTextAnswer> full_text(const store::FullTextQuery& q) override {
    asked = q;
    store::FullTextAnswer answer;
    answer.hits = hits_;
    answer.total = static_cast<std::int64_t>(hits_.size());
    return answer;
  }
  Status reindex() override { return ok_status(); }
  Status optimize() override { return ok_status(); }
  store::FullTextQuery asked;

 private:
  std::vector<store::FullTextHit> hits_;
};

store::FullTextHit hit(std::string title, bool side_by_side) {
  store::FullTextHit h;
  h.summary.title = std::move(title);
  h.headline_phrase = side_by_side;
  return h;
}

TEST(Suggestions, PutTitlesHoldingTheTypedWordsSideBySideFirstAndCompleteTheLastWord) {
  FixedIndex index({hit("Tòa án nhân dân", false), hit("Tòa nhà mới", true), hit("Nhà tòa soạn", false),
                    hit("Tòa nhà cũ", true)});
  Searcher searcher(index);
  auto r = searcher.suggest("tòa nha", 3, kNow);
  ASSERT_TRUE(r.ok());
  std::vector<std::string> got;
  for (const auto& s : *r) got.push_back(s.title);
  EXPECT_EQ(got, (std::vector<std::string>{"Tòa nhà mới", "Tòa nhà cũ", "Tòa án nhân dân"}));
  EXPECT_TRUE(index.asked.prefix_last && index.asked.titles_only && index.asked.headline_phrases);
  ASSERT_EQ(index.asked.completions.size(), 1u);
  EXPECT_EQ(index.asked.completions[0].front(), "nha");
  EXPECT_EQ(index.asked.completions[0].size(), 14u) << "nha, nhac, …, nhay";
  // One or two letters begin too many syllables: they stay a prefix.
  ASSERT_TRUE(searcher.suggest("tòa n", 3, kNow).ok());
  EXPECT_TRUE(index.asked.completions[0].empty());
}

}  // namespace
}  // namespace toasoan::search
