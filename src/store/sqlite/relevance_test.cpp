// bm25_counted() ranks as FTS5's bm25 does when it is given each phrase's true number of
// articles, and weighs a phrase by the number it is given.
#include "store/sqlite/relevance.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "store/sqlite/connection.hpp"

namespace toasoan::store::sqlite {
namespace {

class Bm25Counted : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = Connection::open(":memory:");
    ASSERT_TRUE(c.ok()) << c.error().message;
    c_ = std::move(*c);
    ASSERT_TRUE(c_->exec("CREATE VIRTUAL TABLE t USING fts5(title, lead, body)").ok());
    ASSERT_TRUE(c_->exec("INSERT INTO t VALUES "
                         "('nghi quyet hoi dong', 'ky hop thu nam', 'hoi dong nhan dan thong qua nghi quyet ngan sach'),"
                         "('mua lu mien trung', 'nghi quyet khan cap', 'mua lon keo dai hoi dong tinh hop'),"
                         "('gia lua tang', 'nong dan phan khoi', 'hoi dong gia tinh ban nghi quyet gia lua'),"
                         "('bong da', 'doi tuyen thang', 'tran dau ket thuc hai mot'),"
                         "('hoi dong hoi dong', 'hoi dong', 'nghi quyet'),"
                         "('thoi tiet', 'nang nong', 'nhiet do cao'), ('giao thong', 'ket xe', 'duong pho dong'),"
                         "('giao duc', 'thi cu', 'hoc sinh'), ('y te', 'benh vien', 'bac si')")
                    .ok());
  }

  // Each matching row's score under `function` (the rest of its call after the table).
  std::map<std::int64_t, double> scores(const std::string& function, const std::string& arguments,
                                        const std::string& match) {
    std::map<std::int64_t, double> out;
    auto s = c_->prepare("SELECT rowid, " + function + "(t" + arguments + ") FROM t WHERE t MATCH ?");
    EXPECT_TRUE(s.ok()) << s.error().message;
    if (!s.ok()) return out;
    Statement st(*s);
    st.bind(match);
    while (st.step() == SQLITE_ROW) out[st.int64(0)] = st.real(1);
    return out;
  }

  std::int64_t articles_with(const std::string& phrase) {
    auto s = c_->prepare("SELECT count(*) FROM t WHERE t MATCH ?");
    Statement st(*s);
    st.bind(phrase);
    st.step();
    return st.int64(0);
  }

  std::unique_ptr<Connection> c_;
};

TEST_F(Bm25Counted, GivenTheTrueCountsItScoresEveryRowAsBm25) {
  const std::string counts = std::to_string(articles_with("\"nghi quyet\"")) + "," +
                             std::to_string(articles_with("\"hoi dong\""));
  EXPECT_EQ(counts, "4,4");
  const auto want = scores("bm25", ", 10.0, 4.0, 1.0", "\"nghi quyet\" \"hoi dong\"");
  const auto got = scores("bm25_counted", ", '" + counts + "', 10.0, 4.0, 1.0", "\"nghi quyet\" \"hoi dong\"");
  ASSERT_EQ(want.size(), 4u);
  ASSERT_EQ(got.size(), want.size());
  for (const auto& [row, score] : want) EXPECT_DOUBLE_EQ(got.at(row), score) << "row " << row;
}

TEST_F(Bm25Counted, APhraseWithoutACountIsCountedAsBm25CountsIt) {
  const auto want = scores("bm25", ", 10.0, 4.0", "\"mua\" OR \"lua\"");
  const auto got = scores("bm25_counted", ", '', 10.0, 4.0", "\"mua\" OR \"lua\"");
  ASSERT_EQ(want.size(), 2u);
  for (const auto& [row, score] : want) EXPECT_DOUBLE_EQ(got.at(row), score) << "row " << row;
}

TEST_F(Bm25Counted, AWordSaidToBeRareOutweighsAWordSaidToBeCommon) {
  // Row 2 holds "mua" twice, row 3 "lua" twice: whichever word is said to be rarer wins.
  const std::string match = "\"mua\" OR \"lua\"";
  auto rare_mua = scores("bm25_counted", ", '1,100', 1.0, 1.0, 1.0", match);
  auto rare_lua = scores("bm25_counted", ", '100,1', 1.0, 1.0, 1.0", match);
  ASSERT_EQ(rare_mua.size(), 2u);
  ASSERT_EQ(rare_lua.size(), 2u);
  EXPECT_LT(rare_mua.at(2), rare_mua.at(3)) << "bm25 is lower for the better match";
  EXPECT_LT(rare_lua.at(3), rare_lua.at(2));
}

}  // namespace
}  // namespace toasoan::store::sqlite
