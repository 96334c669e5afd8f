// The search page's count: exact, or "about" when the store estimated it.
#include "site/search_page.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace toasoan::site {
namespace {

struct SearchPageTest : ::testing::Test {
  std::vector<articles::Category> categories{{1, "Thời sự", "thoi-su", 1}};
  Assets assets;
  SiteInfo site;
  SearchPageData data;
  void SetUp() override {
    site.name = "Báo Đồi Mây";
    site.public_url = "https://baodoimay.vn";
    site.categories = &categories;
    site.assets = &assets;
    site.now = 1700000000;
    data.text = "lúa";
    data.query = search::parse_query(data.text);
    articles::Summary s;
    s.id = 7;
    s.title = "Mùa lúa";
    s.slug = "mua-lua";
    s.category_name = "Thời sự";
    s.category_slug = "thoi-su";
    s.published_at = 1700000000;
    data.results.push_back({s, "Lúa chín."});
  }
};

TEST_F(SearchPageTest, AnExactCountIsSaidAsItIs) {
  data.total = 1234;
  const auto page = search_page(site, data);
  EXPECT_NE(page.find("Tìm thấy 1234 kết quả cho «lúa»"), std::string::npos) << page;
}

TEST_F(SearchPageTest, AnEstimatedCountIsSaidToBeAbout) {
  data.total = 62000;
  data.total_estimated = true;
  const auto page = search_page(site, data);
  EXPECT_NE(page.find("Tìm thấy khoảng 62000 kết quả cho «lúa»"), std::string::npos) << page;
}

}  // namespace
}  // namespace toasoan::site
