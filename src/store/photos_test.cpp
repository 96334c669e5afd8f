// The photo library (store/photos.hpp), tested on every engine like the rest of the store:
// each case runs on SQLite and on PostgreSQL (skipped, saying why, when
// TOASOAN_TEST_POSTGRES_URL is unset), each time on a fresh database.
#include "store/photos.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <latch>
#include <thread>

#include "base/digest.hpp"
#include "store/accounts.hpp"
#include "store/change_log.hpp"
#include "store/database.hpp"
#include "store/testing/area_test.hpp"

namespace toasoan::store {
namespace {

constexpr std::int64_t kNow = 1'900'000'000;

using testing::Rows;


// Bytes no text column could hold: NULs, 0xFF, a lone continuation byte, a CR LF.
const std::string kBinary = std::string("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x80\r\n\0\xff", 18);

class PhotosTest : public testing::AreaTest {
 protected:
  void SetUp() override {
    AreaTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto w = begin();
    auto u = store_->accounts().add_user(*w, NewUser{"do.hung", "Đỗ Hùng", {newsroom::Role::reporter}, "x"}, kNow);
    ASSERT_TRUE(u.ok()) << u.error().message;
    ASSERT_TRUE(w->commit().ok());
    reporter_ = u->id;
  }

  Photos& photos() { return store_->photos(); }


  // A photo whose original is `bytes`, uploaded by the test's reporter.
  NewPhoto photo(std::string bytes, std::string caption = "", std::int64_t at = kNow) {
    NewPhoto n;
    n.hash = sha256_hex(bytes);
    n.type = "jpeg";
    n.width = 1600;
    n.height = 1067;
    n.original = std::move(bytes);
    n.filename = "anh.jpg";
    n.caption = std::move(caption);
    n.uploaded_by = reporter_;
    n.uploaded_at = at;
    return n;
  }

  // Adds in a unit of its own.
  Result<Added> add(const NewPhoto& n) {
    auto w = begin();
    auto a = photos().add(*w, n);
    if (a.ok()) {
      auto c = w->commit();
      EXPECT_TRUE(c.ok()) << c.error().message;
    }
    return a;
  }
  std::int64_t added(const NewPhoto& n) {
    auto a = add(n);
    EXPECT_TRUE(a.ok()) << a.error().message;
    return a.ok() ? a->id : 0;
  }

  Status describe(std::int64_t id, std::string_view caption, std::string_view credit, std::string_view alt) {
    auto w = begin();
    auto d = photos().describe(*w, id, caption, credit, alt);
    if (d.ok()) {
      EXPECT_TRUE(w->commit().ok());
    }
    return d;
  }

  Photo get(std::int64_t id) {
    auto p = photos().get(id);
    EXPECT_TRUE(p.ok() && *p) << (p.ok() ? "no such photo" : p.error().message);
    return p.ok() && *p ? **p : Photo{};
  }

  // The ids a search finds, in order, and its total.
  std::vector<std::int64_t> found(const std::string& text, std::int64_t* total = nullptr, int page = 1,
                                  int per_page = 30) {
    auto r = photos().search(PhotoQuery{text, page, per_page});
    EXPECT_TRUE(r.ok()) << r.error().message;
    std::vector<std::int64_t> out;
    if (!r.ok()) return out;
    for (const auto& p : r->photos) out.push_back(p.id);
    if (total) *total = r->total;
    return out;
  }


  std::string count(const std::string& table) { return rows("SELECT count(*) FROM " + table)[0][0]; }

  std::int64_t reporter_ = 0;
};

INSTANTIATE_TEST_SUITE_P(, PhotosTest, ::testing::ValuesIn(testing::engines()),
                         testing::engine_name<::testing::TestParamInfo<std::string>>);

// --- add() and reading back ----------------------------------------------------------------

TEST_P(PhotosTest, AnAddedPhotoReadsBackByIdAndHashAndItsOriginalByteForByte) {
  NewPhoto n = photo(kBinary, "Hội nghị Trung ương");
  n.type = "heic";
  n.credit = "Đỗ Hùng";
  n.alt = "Các đại biểu biểu quyết";
  n.filename = "IMG_2041.HEIC";
  const std::uint64_t before = last_seq();
  auto a = add(n);
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_TRUE(a->created);
  EXPECT_GT(a->id, 0);
  EXPECT_EQ(changes_after(before), std::vector<std::string>{"photo " + std::to_string(a->id)});

  Photo p = get(a->id);
  EXPECT_EQ(p.id, a->id);
  EXPECT_EQ(p.hash, n.hash);
  EXPECT_EQ(p.type, "heic");
  EXPECT_EQ(p.width, 1600);
  EXPECT_EQ(p.height, 1067);
  EXPECT_EQ(p.bytes, 18);
  EXPECT_EQ(p.filename, "IMG_2041.HEIC");
  EXPECT_EQ(p.caption, "Hội nghị Trung ương");
  EXPECT_EQ(p.credit, "Đỗ Hùng");
  EXPECT_EQ(p.alt, "Các đại biểu biểu quyết");
  EXPECT_EQ(p.uploaded_by, reporter_);
  EXPECT_EQ(p.uploaded_by_name, "Đỗ Hùng");
  EXPECT_EQ(p.uploaded_at, kNow);

  auto by_hash = photos().by_hash(n.hash);
  ASSERT_TRUE(by_hash.ok() && *by_hash);
  EXPECT_EQ((*by_hash)->id, a->id);

  auto bytes = photos().original(n.hash);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  ASSERT_TRUE(bytes->has_value());
  EXPECT_EQ(**bytes, kBinary);
  EXPECT_EQ((*bytes)->size(), 18u);
}

TEST_P(PhotosTest, APhotoNoAccountUploadedIsStoredWithoutAnUploader) {
  // An import's or the demo's: uploaded_by 0.
  auto n = photo("ảnh của một lần nhập");
  n.uploaded_by = 0;
  auto id = added(n);
  auto p = **photos().get(id);
  EXPECT_EQ(p.uploaded_by, 0);
  EXPECT_EQ(p.uploaded_by_name, "");
  EXPECT_EQ(*photos().original(n.hash), n.original);
}

TEST_P(PhotosTest, AnOriginalOfEveryByteValueAndAMegabyteComesBackWhole) {
  std::string all;
  for (int round = 0; round < 4096; ++round)
    for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>((b + round) & 0xff));
  NewPhoto n = photo(all);
  ASSERT_GT(added(n), 0);
  auto bytes = photos().original(n.hash);
  ASSERT_TRUE(bytes.ok() && *bytes);
  EXPECT_TRUE(**bytes == all);
}

TEST_P(PhotosTest, NothingIsFoundForAnUnknownIdOrHash) {
  EXPECT_FALSE(photos().get(42)->has_value());
  EXPECT_FALSE(photos().by_hash(sha256_hex("x"))->has_value());
  EXPECT_FALSE(photos().original(sha256_hex("x"))->has_value());
  EXPECT_FALSE(photos().original("not a hash")->has_value());
}

TEST_P(PhotosTest, TheSameHashTwiceIsOneRowAndTheSecondAddChangesAndLogsNothing) {
  const std::int64_t id = added(photo(kBinary, "Lần đầu"));
  const std::uint64_t before = last_seq();
  auto again = add(photo(kBinary, "Lần hai"));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->id, id);
  EXPECT_EQ(get(id).caption, "Lần đầu");
  EXPECT_EQ(count("photos"), "1");
  EXPECT_EQ(count("photo_originals"), "1");
  EXPECT_TRUE(changes_after(before).empty());
}

TEST_P(PhotosTest, TwoUnitsAddingTheSameHashAtOnceGetTheSameIdAndOneRow) {
  const NewPhoto n = photo(kBinary);
  std::latch start(2);
  Result<Added> results[2] = {internal("not run"), internal("not run")};
  auto run = [&](int i) {
    start.arrive_and_wait();
    auto w = store_->begin();
    if (!w) {
      results[i] = w.error();
      return;
    }
    auto a = photos().add(**w, n);
    if (a.ok())
      if (auto c = (*w)->commit(); !c) a = c.error();
    results[i] = a;
  };
  std::thread t0(run, 0), t1(run, 1);
  t0.join();
  t1.join();
  ASSERT_TRUE(results[0].ok()) << results[0].error().message;
  ASSERT_TRUE(results[1].ok()) << results[1].error().message;
  EXPECT_EQ(results[0]->id, results[1]->id);
  EXPECT_NE(results[0]->created, results[1]->created) << "one of them made it";
  EXPECT_EQ(count("photos"), "1");
  EXPECT_EQ(count("photo_originals"), "1");
}

TEST_P(PhotosTest, EachInvalidInputIsRefusedAndWritesNothing) {
  struct Case {
    const char* what;
    void (*spoil)(NewPhoto&);
  };
  const Case cases[] = {
      {"short hash", [](NewPhoto& n) { n.hash.pop_back(); }},
      {"upper-case hash", [](NewPhoto& n) { n.hash[0] = 'A', n.hash[1] = 'B'; }},
      {"another file's hash", [](NewPhoto& n) { n.hash = sha256_hex("another file"); }},
      {"gif", [](NewPhoto& n) { n.type = "gif"; }},
      {"upper-case type", [](NewPhoto& n) { n.type = "JPEG"; }},
      {"zero width", [](NewPhoto& n) { n.width = 0; }},
      {"negative height", [](NewPhoto& n) { n.height = -1; }},
      {"empty original", [](NewPhoto& n) { n.original.clear(), n.hash = sha256_hex(""); }},
      {"caption over 1000 characters", [](NewPhoto& n) { n.caption = std::string(1001, 'a'); }},
      {"credit over 200 characters", [](NewPhoto& n) { n.credit = std::string(201, 'a'); }},
      {"alt over 500 characters", [](NewPhoto& n) { n.alt = std::string(501, 'a'); }},
      {"filename over 255 bytes", [](NewPhoto& n) { n.filename = std::string(253, 'a') + "ả"; }},
      {"caption not UTF-8", [](NewPhoto& n) { n.caption = "Ha\xff Noi"; }},
      {"credit not UTF-8", [](NewPhoto& n) { n.credit = "\xc3"; }},
      {"alt not UTF-8", [](NewPhoto& n) { n.alt = "\xed\xa0\x80"; }},
      {"filename not UTF-8", [](NewPhoto& n) { n.filename = "IMG\xfe.jpg"; }},
      {"no such account", [](NewPhoto& n) { n.uploaded_by = 9999; }},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    NewPhoto n = photo(kBinary);
    c.spoil(n);
    auto a = add(n);
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(a.error().kind, ErrorKind::invalid);
    EXPECT_FALSE(a.error().message.empty());
  }
  EXPECT_EQ(count("photos"), "0");
  EXPECT_EQ(count("photo_originals"), "0");
  // At the limits, and counted as readers count: 1000 "ệ" are 1000 characters, not 3000 bytes.
  NewPhoto limits = photo(kBinary);
  for (int i = 0; i < 1000; ++i) limits.caption += "ệ";
  limits.credit = std::string(200, 'a');
  limits.alt = std::string(500, 'a');
  limits.filename = std::string(255, 'a');
  auto ok = add(limits);
  EXPECT_TRUE(ok.ok()) << ok.error().message;
}

TEST_P(PhotosTest, TextIsStoredInNfcWithoutControlCharacters) {
  NewPhoto n = photo(kBinary, "Ha\u0300 No\u0323\u0302i\x07");  // decomposed, with a BEL
  n.credit = "A\r\nB";
  const std::int64_t id = added(n);
  EXPECT_EQ(get(id).caption, "Hà Nội");
  EXPECT_EQ(get(id).credit, "A\nB");
  EXPECT_EQ(found("ha noi"), std::vector<std::int64_t>{id});
}

// --- describe() ------------------------------------------------------------------------------

TEST_P(PhotosTest, DescribeChangesCaptionCreditAndAltAndLogsThePhoto) {
  const std::int64_t id = added(photo(kBinary));
  const std::uint64_t before = last_seq();
  ASSERT_TRUE(describe(id, "Nghị quyết được thông qua", "Đỗ Hùng", "Đại biểu giơ tay").ok());
  Photo p = get(id);
  EXPECT_EQ(p.caption, "Nghị quyết được thông qua");
  EXPECT_EQ(p.credit, "Đỗ Hùng");
  EXPECT_EQ(p.alt, "Đại biểu giơ tay");
  EXPECT_EQ(changes_after(before), std::vector<std::string>{"photo " + std::to_string(id)});
  EXPECT_EQ(found("thong qua"), std::vector<std::int64_t>{id}) << "the search text follows the caption";

  const std::uint64_t unchanged = last_seq();
  ASSERT_TRUE(describe(id, "Nghị quyết được thông qua", "Đỗ Hùng", "Đại biểu giơ tay").ok());
  EXPECT_TRUE(changes_after(unchanged).empty()) << "nothing changed, nothing logged";
}

TEST_P(PhotosTest, DescribeRefusesAMissingPhotoAndTextOverItsLimits) {
  auto missing = describe(42, "Chú thích", "", "");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  const std::int64_t id = added(photo(kBinary, "Giữ nguyên"));
  auto long_alt = describe(id, "Mới", "", std::string(501, 'a'));
  ASSERT_FALSE(long_alt.ok());
  EXPECT_EQ(long_alt.error().kind, ErrorKind::invalid);
  EXPECT_EQ(long_alt.error().field, "alt");
  EXPECT_EQ(get(id).caption, "Giữ nguyên");
}

// --- search() --------------------------------------------------------------------------------

TEST_P(PhotosTest, SearchFoldsToneMarksDAndCase) {
  NewPhoto resolution = photo("a", "Nghị quyết số 18 của Trung ương");
  NewPhoto portrait = photo("b", "Chân dung");
  portrait.credit = "Đỗ Hùng";
  NewPhoto other = photo("c", "Phố cổ Hà Nội");
  other.filename = "DSC_0042.JPG";
  const std::int64_t r = added(resolution), p = added(portrait), o = added(other);
  EXPECT_EQ(found("nghi quyet"), std::vector<std::int64_t>{r});
  EXPECT_EQ(found("NGHỊ"), std::vector<std::int64_t>{r});
  EXPECT_EQ(found("Nghi\u0323"), std::vector<std::int64_t>{r}) << "a decomposed query";
  EXPECT_EQ(found("do hung"), std::vector<std::int64_t>{p});
  EXPECT_EQ(found("ĐỖ"), std::vector<std::int64_t>{p});
  EXPECT_EQ(found("dsc_0042"), std::vector<std::int64_t>{o}) << "the filename";
  EXPECT_TRUE(found("hue").empty());
}

TEST_P(PhotosTest, SearchNeedsEveryWordEachAnywhere) {
  const std::int64_t both = added(photo("a", "Quốc hội họp phiên bế mạc"));
  added(photo("b", "Quốc hội khai mạc"));
  EXPECT_EQ(found("mac be"), std::vector<std::int64_t>{both});
  EXPECT_EQ(found("  quoc   be  "), std::vector<std::int64_t>{both}) << "spaces are no words";
  EXPECT_TRUE(found("quoc hue").empty());
}

TEST_P(PhotosTest, SearchIsNewestFirstInPagesWithTheTotal) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(added(photo("photo " + std::to_string(i), "Bão số 3", kNow + i * 10)));
  // Uploaded in the same second as the newest: the higher id first.
  ids.push_back(added(photo("same second", "Bão số 3", kNow + 40)));
  added(photo("elsewhere", "Lũ quét", kNow + 100));
  std::int64_t total = 0;
  EXPECT_EQ(found("bao", &total, 1, 4), (std::vector<std::int64_t>{ids[5], ids[4], ids[3], ids[2]}));
  EXPECT_EQ(total, 6);
  EXPECT_EQ(found("bao", &total, 2, 4), (std::vector<std::int64_t>{ids[1], ids[0]}));
  EXPECT_EQ(total, 6);
  EXPECT_TRUE(found("bao", &total, 3, 4).empty());
  EXPECT_EQ(found("", &total).size(), 7u) << "no text: every photo";
  EXPECT_EQ(total, 7);
}

TEST_P(PhotosTest, APercentOrUnderscoreInTheQueryMatchesOnlyItself) {
  const std::int64_t percent = added(photo("a", "Tăng trưởng 7% năm nay"));
  added(photo("b", "Tăng trưởng 7 phần trăm"));
  NewPhoto underscore = photo("c");
  underscore.filename = "IMG_2041.JPG";
  NewPhoto letter = photo("d");
  letter.filename = "IMGX2041.JPG";
  const std::int64_t u = added(underscore);
  added(letter);
  EXPECT_EQ(found("7%"), std::vector<std::int64_t>{percent});
  EXPECT_EQ(found("%"), std::vector<std::int64_t>{percent});
  EXPECT_EQ(found("img_2041"), std::vector<std::int64_t>{u});
  EXPECT_TRUE(found("\\").empty());
}

TEST_P(PhotosTest, SearchRefusesAPageOutsideItsLimits) {
  for (PhotoQuery q : {PhotoQuery{"", 0, 30}, PhotoQuery{"", 1, 0}, PhotoQuery{"", 1, kMaxPhotosPerPage + 1},
                       PhotoQuery{"\xff", 1, 30}}) {
    auto r = photos().search(q);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::invalid);
  }
}

// --- remove() and hashes() -------------------------------------------------------------------

TEST_P(PhotosTest, RemoveDeletesTheRowAndItsOriginalAndLogsThePhoto) {
  const NewPhoto n = photo(kBinary);
  const std::int64_t id = added(n);
  const std::int64_t kept = added(photo("kept"));
  const std::uint64_t before = last_seq();
  auto w = begin();
  ASSERT_TRUE(photos().remove(*w, id).ok());
  ASSERT_TRUE(w->commit().ok());
  EXPECT_EQ(changes_after(before), std::vector<std::string>{"photo " + std::to_string(id)});
  EXPECT_FALSE(photos().get(id)->has_value());
  EXPECT_FALSE(photos().original(n.hash)->has_value());
  EXPECT_EQ(rows("SELECT count(*) FROM photo_originals WHERE photo_id = " + std::to_string(id))[0][0], "0");
  EXPECT_EQ(count("photo_originals"), "1");
  EXPECT_TRUE(photos().get(kept)->has_value());

  auto again = begin();
  auto gone = photos().remove(*again, id);
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().kind, ErrorKind::not_found);
}

TEST_P(PhotosTest, HashesListsEveryStoredHash) {
  EXPECT_TRUE(photos().hashes()->empty());
  std::vector<std::string> expected;
  for (const char* bytes : {"one", "two", "three"}) {
    added(photo(bytes));
    expected.push_back(sha256_hex(bytes));
  }
  std::sort(expected.begin(), expected.end());
  auto h = photos().hashes();
  ASSERT_TRUE(h.ok()) << h.error().message;
  EXPECT_EQ(*h, expected);
}

}  // namespace
}  // namespace toasoan::store
