#include "importer/importer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <vips/vips.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "media/library.hpp"
#include "media/variants.hpp"

#include "store/database.hpp"
#include "store/desk.hpp"
#include "store/reading.hpp"

namespace toasoan::importer {
namespace {

// A clock past every article of the tests: all of them are listed.
constexpr std::int64_t kLater = 4'000'000'000;

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / ("toasoan-import-test-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    store_ = std::move(*store::open("sqlite:" + path_.string()));
    ASSERT_TRUE(store_->migrate().ok());
  }
  void TearDown() override {
    store_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
  }
  std::filesystem::path path_;
  std::unique_ptr<store::Database> store_;
};

TEST_F(ImporterTest, KeepsGoodLinesAndReportsBadOnesByNumber) {
  std::istringstream in(
      "{\"id\":\"a\",\"title\":\"Một\",\"body\":\"x\"}\n"
      "{broken\n"
      "\n"
      "{\"id\":\"b\",\"title\":\"Hai\",\"blocks\":[{\"type\":\"video\"}]}\n"
      "{\"id\":\"c\",\"title\":\"Ba\",\"category\":\"Kinh tế\"}\n");
  std::vector<std::int64_t> bad;
  Options o;
  o.on_reject = [&](std::int64_t n, const std::string& why) {
    bad.push_back(n);
    EXPECT_FALSE(why.empty());
  };
  o.batch_size = 1;
  auto r = import_lines(in, store_->article_writer(), o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->imported, 2);
  EXPECT_EQ(r->updated, 0);
  EXPECT_EQ(r->rejected, 2);
  EXPECT_EQ(bad, (std::vector<std::int64_t>{2, 4}));
  EXPECT_EQ(*store_->reading().count_published(std::nullopt, kLater), 2);
}

// The store's writer, failing from its `fail_at`-th batch on as a database gone away would.
class FailingWriter : public store::ArticleWriter {
 public:
  FailingWriter(store::ArticleWriter& inner, int fail_at) : inner_(inner), fail_at_(fail_at) {}
  Result<std::vector<store::Upserted>> upsert(store::UnitOfWork& work, std::span<const articles::Incoming> batch,
                                              std::int64_t now, const store::UpsertOptions& options,
                                              std::span<const store::Prepared> prepared) override {
    return inner_.upsert(work, batch, now, options, prepared);
  }
  Result<std::vector<store::Upserted>> upsert(std::span<const articles::Incoming> batch, std::int64_t now,
                                              const store::UpsertOptions& options,
                                              std::span<const store::Prepared> prepared) override {
    if (++calls_ >= fail_at_) return unavailable("cơ sở dữ liệu không trả lời");
    return inner_.upsert(batch, now, options, prepared);
  }

 private:
  store::ArticleWriter& inner_;
  int fail_at_;
  int calls_ = 0;
};

std::string numbered_lines(int n, int broken_every) {
  std::string data;
  for (int i = 1; i <= n; ++i)
    data += i % broken_every == 0 ? "{broken\n"
                                  : "{\"id\":\"n" + std::to_string(i) + "\",\"title\":\"Tin " + std::to_string(i) +
                                        "\",\"body\":\"Nội dung\"}\n";
  return data;
}

TEST_F(ImporterTest, ReportsBadLinesInTheFilesOrderHoweverFarAheadTheyWereRead) {
  std::istringstream in(numbered_lines(3000, 7));
  std::vector<std::int64_t> bad;
  Options o;
  o.on_reject = [&](std::int64_t n, const std::string&) { bad.push_back(n); };
  o.batch_size = 250;
  auto r = import_lines(in, store_->article_writer(), o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->imported, 3000 - 3000 / 7);
  ASSERT_EQ(bad.size(), 3000u / 7);
  for (std::size_t i = 0; i < bad.size(); ++i) EXPECT_EQ(bad[i], 7 * static_cast<std::int64_t>(i + 1));
  EXPECT_EQ(*store_->reading().count_published(std::nullopt, kLater), 3000 - 3000 / 7);
}

TEST_F(ImporterTest, AStoreFailingMidwayStopsTheImportWithItsErrorAndKeepsTheBatchesBefore) {
  // Far more lines than are read ahead, so the reading thread is waiting for room when the
  // store fails, and must be stopped rather than left waiting.
  std::istringstream in(numbered_lines(20000, 1000000));
  FailingWriter writer(store_->article_writer(), 3);
  Options o;
  o.batch_size = 100;
  auto r = import_lines(in, writer, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(*store_->reading().count_published(std::nullopt, kLater), 200);
}

TEST_F(ImporterTest, IsIdempotentOnId) {
  std::string data = "{\"id\":\"a\",\"title\":\"Một\"}\n{\"id\":\"b\",\"title\":\"Hai\"}\n";
  std::istringstream first(data), second(data);
  ASSERT_EQ(import_lines(first, store_->article_writer(), {})->imported, 2);
  auto again = import_lines(second, store_->article_writer(), {});
  EXPECT_EQ(again->imported, 0);
  EXPECT_EQ(again->updated, 2);
  EXPECT_EQ(*store_->reading().count_published(std::nullopt, kLater), 2);
}

TEST_F(ImporterTest, SkipsArticlesEditedInTheNewsroomAndNamesThemUnlessToldToOverwrite) {
  std::string data = "{\"id\":\"a\",\"title\":\"Một\"}\n{\"id\":\"b\",\"title\":\"Hai\"}\n";
  std::istringstream first(data);
  ASSERT_EQ(import_lines(first, store_->article_writer(), {})->imported, 2);
  auto listed = store_->desk().list(store::DeskQuery{});
  ASSERT_TRUE(listed.ok());
  std::int64_t id = 0;
  for (const auto& p : listed->first)
    if (p.title == "Hai") id = p.id;
  auto piece = store_->desk().piece(id);
  ASSERT_TRUE(piece.ok() && *piece);
  store::NewRevision edit;
  edit.user_id = 1;
  edit.kind = "save";
  edit.content = (*piece)->content;
  edit.content.title = "Hai, tòa soạn sửa";
  edit.based_on = (*piece)->revision;
  {
    auto work = store_->begin();
    ASSERT_TRUE(work.ok());
    ASSERT_TRUE(store_->desk().save(**work, id, edit, kLater).ok());
    ASSERT_TRUE((*work)->commit().ok());
  }

  std::istringstream second(data);
  std::vector<std::pair<std::int64_t, std::string>> skipped;
  Options o;
  o.on_skip = [&](std::int64_t line, const std::string& external_id) { skipped.emplace_back(line, external_id); };
  auto again = import_lines(second, store_->article_writer(), o);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->updated, 1);
  EXPECT_EQ(again->skipped, 1);
  EXPECT_EQ(skipped, (std::vector<std::pair<std::int64_t, std::string>>{{2, "b"}}));
  EXPECT_EQ((*store_->desk().piece(id))->content.title, "Hai, tòa soạn sửa");

  std::istringstream third(data);
  o.overwrite = true;
  skipped.clear();
  auto overwritten = import_lines(third, store_->article_writer(), o);
  ASSERT_TRUE(overwritten.ok());
  EXPECT_EQ(overwritten->updated, 2);
  EXPECT_EQ(overwritten->skipped, 0);
  EXPECT_TRUE(skipped.empty());
  EXPECT_EQ((*store_->desk().piece(id))->content.title, "Hai");
}

// Figures' photos: a folder for the files a line names and one for the media, and a library.
class FigurePhotosTest : public ImporterTest {
 protected:
  void SetUp() override {
    ImporterTest::SetUp();
    media::start_processing();
    dir_ = std::filesystem::temp_directory_path() / ("toasoan-import-photos-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "in");
    library_ = std::make_unique<media::Library>(*store_, dir_ / "media", media::Limits{}, [] { return kLater; });
    photos_ = std::make_unique<FigurePhotos>(*library_, dir_ / "in");
  }
  void TearDown() override {
    photos_.reset();
    library_.reset();
    std::filesystem::remove_all(dir_);
    ImporterTest::TearDown();
  }
  // A 900×600 JPEG at `path`, its grey set by `shade` so that two shades are two photos.
  static void write_jpeg(const std::filesystem::path& path, double shade) {
    VipsImage *black = nullptr, *grey = nullptr;
    ASSERT_EQ(vips_black(&black, 900, 600, "bands", 3, nullptr), 0);
    ASSERT_EQ(vips_linear1(black, &grey, 1.0, shade, "uchar", TRUE, nullptr), 0);
    void* buf = nullptr;
    std::size_t len = 0;
    ASSERT_EQ(vips_jpegsave_buffer(grey, &buf, &len, nullptr), 0);
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary).write(static_cast<const char*>(buf), static_cast<std::streamsize>(len));
    g_free(buf);
    g_object_unref(grey);
    g_object_unref(black);
  }
  Report run(const std::string& lines, std::vector<std::string>* why = nullptr) {
    std::istringstream in(lines);
    Options o;
    o.photos = photos_.get();
    o.on_reject = [&](std::int64_t n, const std::string& w) {
      if (why) why->push_back(std::to_string(n) + ": " + w);
    };
    auto r = import_lines(in, store_->article_writer(), o);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r ? *r : Report{};
  }
  articles::Block figure(const std::string& id) {
    auto list = store_->reading().latest({std::nullopt, 100, 0, kLater});
    for (const auto& s : *list) {
      auto a = **store_->reading().article(s.id);
      if (a.external_id == id)
        for (const auto& b : a.blocks)
          if (b.type == articles::Block::Type::figure) return b;
    }
    ADD_FAILURE() << "no figure in " << id;
    return {};
  }
  std::int64_t stored_photos() { return store_->photos().search({})->total; }
  std::filesystem::path dir_;
  std::unique_ptr<media::Library> library_;
  std::unique_ptr<FigurePhotos> photos_;
};

TEST_F(FigurePhotosTest, AFiguresFileIsStoredOnceAndTheFigureShowsItsVariants) {
  write_jpeg(dir_ / "in" / "anh" / "cho.jpg", 120);
  auto r = run(
      "{\"id\":\"p1\",\"title\":\"Chợ\",\"blocks\":[{\"type\":\"paragraph\",\"text\":\"x\"},"
      "{\"type\":\"figure\",\"file\":\"anh/cho.jpg\",\"caption\":\"Chợ phiên\",\"credit\":\"Đỗ Hùng\"}]}\n"
      "{\"id\":\"p2\",\"title\":\"Chợ 2\",\"blocks\":[{\"type\":\"figure\",\"file\":\"" +
      (dir_ / "in" / "anh" / "cho.jpg").string() + "\",\"caption\":\"Lần hai\"}]}\n");
  EXPECT_EQ(r.imported, 2);
  EXPECT_EQ(r.rejected, 0);
  EXPECT_EQ(photos_->added(), 1);
  EXPECT_EQ(photos_->known(), 1);
  EXPECT_EQ(stored_photos(), 1);
  auto a = figure("p1"), b = figure("p2");
  EXPECT_TRUE(media::parse_variant_path(a.image)) << a.image;
  EXPECT_EQ(a.image, b.image);
  EXPECT_EQ(a.width, 900);
  EXPECT_EQ(a.height, 600);
  EXPECT_EQ(a.caption, "Chợ phiên");
  EXPECT_TRUE(std::filesystem::exists(dir_ / "media" / a.image));
  auto photo = store_->photos().search({})->photos.at(0);
  EXPECT_EQ(photo.caption, "Chợ phiên");  // the first line's words: the photo was new then
  EXPECT_EQ(photo.credit, "Đỗ Hùng");
}

TEST_F(FigurePhotosTest, AnImageInTheMediaFolderIsTakenInAndURLsAndAbsentFilesStayAsGiven) {
  write_jpeg(dir_ / "media" / "2022" / "12" / "hoi-nghi.jpg", 60);
  auto r = run(
      "{\"id\":\"m\",\"title\":\"Có\",\"blocks\":[{\"type\":\"figure\",\"image\":\"2022/12/hoi-nghi.jpg\"}]}\n"
      "{\"id\":\"u\",\"title\":\"URL\",\"blocks\":[{\"type\":\"figure\",\"image\":\"https://x.vn/a.jpg\"}]}\n"
      "{\"id\":\"n\",\"title\":\"Chưa có\",\"blocks\":[{\"type\":\"figure\",\"image\":\"2023/chua-co.jpg\","
      "\"width\":10,\"height\":5}]}\n"
      "{\"id\":\"o\",\"title\":\"Ngoài\",\"blocks\":[{\"type\":\"figure\",\"image\":\"../in/x.jpg\"}]}\n");
  EXPECT_EQ(r.imported, 4);
  EXPECT_TRUE(media::parse_variant_path(figure("m").image));
  EXPECT_EQ(figure("u").image, "https://x.vn/a.jpg");
  EXPECT_EQ(figure("n").image, "2023/chua-co.jpg");
  EXPECT_EQ(figure("n").width, 10);
  EXPECT_EQ(figure("o").image, "../in/x.jpg");
  EXPECT_EQ(stored_photos(), 1);
}

TEST_F(FigurePhotosTest, AFileMissingOrNotAPhotoRefusesItsLineAndStoresNothingOfIt) {
  std::ofstream(dir_ / "in" / "trang.jpg") << "<html>không phải ảnh</html>";
  std::vector<std::string> why;
  auto r = run(
      "{\"id\":\"x\",\"title\":\"Thiếu\",\"blocks\":[{\"type\":\"figure\",\"file\":\"khong-co.jpg\"}]}\n"
      "{\"id\":\"y\",\"title\":\"Hỏng\",\"blocks\":[{\"type\":\"figure\",\"file\":\"trang.jpg\"}]}\n"
      "{\"id\":\"z\",\"title\":\"Tốt\"}\n",
      &why);
  EXPECT_EQ(r.imported, 1);
  EXPECT_EQ(r.rejected, 2);
  ASSERT_EQ(why.size(), 2u);
  EXPECT_EQ(why[0], "1: khối 1: ảnh khong-co.jpg: không có tệp này");
  EXPECT_TRUE(why[1].starts_with("2: khối 1: ảnh trang.jpg: ")) << why[1];
  EXPECT_EQ(stored_photos(), 0);
}

TEST_F(FigurePhotosTest, ALineWithoutPhotosIsImportedAsGiven) {
  std::vector<FigureFile> files;
  EXPECT_FALSE(with_files_as_images("{\"id\":\"a\",\"title\":\"t\",\"lead\":\"file\"}", files));
  EXPECT_FALSE(with_files_as_images("{\"id\":\"a\",\"title\":\"t\",\"file\":\"x.jpg\"}", files));
  auto r = run("{\"id\":\"a\",\"title\":\"Chữ\",\"body\":\"Một\\n\\nHai\"}\n");
  EXPECT_EQ(r.imported, 1);
  EXPECT_EQ(photos_->added() + photos_->known(), 0);
}

}  // namespace
}  // namespace toasoan::importer
