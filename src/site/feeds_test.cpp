#include "site/feeds.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "site/sitemaps.hpp"
#include "text/utf8.hpp"

namespace toasoan::site {
namespace {

// What a strict XML parser would stop at: ill-formed UTF-8, a character XML 1.0 has no place
// for, or elements that do not nest. Returns "" for a well-formed document, else the reason.
std::string xml_problem(const std::string& doc) {
  if (!text::valid_utf8(doc)) return "ill-formed UTF-8";
  for (std::size_t i = 0; i < doc.size(); ++i) {
    auto c = static_cast<unsigned char>(doc[i]);
    if (c < 0x20 && c != '\t' && c != '\n') return "control character at " + std::to_string(i);
    if (doc.compare(i, 3, "\xEF\xBF\xBE") == 0 || doc.compare(i, 3, "\xEF\xBF\xBF") == 0)
      return "U+FFFE or U+FFFF at " + std::to_string(i);
  }
  std::vector<std::string> open;
  for (std::size_t i = doc.find('<'); i != std::string::npos; i = doc.find('<', i + 1)) {
    std::size_t end = doc.find('>', i);
    if (end == std::string::npos) return "unclosed tag";
    std::string tag = doc.substr(i + 1, end - i - 1);
    if (tag.starts_with("?") || tag.ends_with("/")) continue;
    std::string name = tag.substr(0, tag.find(' '));
    if (name.starts_with("/")) {
      if (open.empty() || open.back() != name.substr(1)) return "</" + name.substr(1) + "> closes nothing open";
      open.pop_back();
    } else {
      open.push_back(name);
    }
  }
  return open.empty() ? "" : "<" + open.back() + "> never closed";
}

struct Fixture {
  std::vector<articles::Category> categories{{1, "Thời sự", "thoi-su", 1}};
  SiteInfo site;
  Fixture() {
    site.name = "Báo Đồi Mây";
    site.public_url = "https://baodoimay.vn";
    site.categories = &categories;
    site.now = 1700000000;
  }
  // An article whose title, lead and category name hold \x01 and U+FFFF: content stored before
  // import took them out, or that reached the store some other way.
  static articles::Summary dirty() {
    articles::Summary s;
    s.id = 42;
    s.title = "Tin\x01 nóng\xEF\xBF\xBF <b>";
    s.slug = "tin-nong";
    s.lead = "Sapo\x0b\xEF\xBF\xBE.";
    s.category_name = "Thời\x01 sự";
    s.category_slug = "thoi-su";
    s.published_at = 1700000000;
    s.image = "2023/anh.jpg";
    return s;
  }
};

TEST(Rss, AnItemWithControlCharactersStillMakesAWellFormedFeed) {
  Fixture f;
  Feed feed{"Tin mới nhất", "/rss/tin-moi-nhat.rss", "/", {Fixture::dirty()}};
  std::string xml = rss(f.site, feed, [](std::string_view) { return std::int64_t{1234}; });
  EXPECT_EQ(xml_problem(xml), "");
  EXPECT_NE(xml.find("<title>Tin nóng &lt;b&gt;</title>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<description>Sapo.</description>"), std::string::npos);
  EXPECT_NE(xml.find("length=\"1234\""), std::string::npos);
}

TEST(Sitemaps, AnItemWithControlCharactersStillMakesAWellFormedNewsSitemap) {
  Fixture f;
  std::string xml = news_sitemap(f.site, {Fixture::dirty()});
  EXPECT_EQ(xml_problem(xml), "");
  EXPECT_NE(xml.find("<news:title>Tin nóng &lt;b&gt;</news:title>"), std::string::npos) << xml;
  EXPECT_EQ(xml_problem(articles_sitemap(f.site, {Fixture::dirty()})), "");
}

TEST(Sitemaps, NamesAndReadsArchiveMonthsFrom1945) {
  articles::ArchiveMonth m;
  m.year = 1950;
  m.month = 3;
  m.articles = 1;
  auto parts = article_sitemap_parts({m}, 1000);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].name, "sitemap-articles-1950-03-1.xml");
  int year = 0, month = 0, part = 0;
  ASSERT_TRUE(parse_article_sitemap_name(parts[0].name, year, month, part));
  EXPECT_EQ(year, 1950);
  EXPECT_EQ(month, 3);
  EXPECT_TRUE(parse_article_sitemap_name("sitemap-articles-1945-01-1.xml", year, month, part));
  EXPECT_FALSE(parse_article_sitemap_name("sitemap-articles-1944-12-1.xml", year, month, part));
}

TEST(Sitemaps, TheChecksAboveCatchABrokenDocument) {
  EXPECT_NE(xml_problem("<a>\x01</a>"), "");
  EXPECT_NE(xml_problem("<a>\xEF\xBF\xBF</a>"), "");
  EXPECT_NE(xml_problem("<a><b></a>"), "");
  EXPECT_EQ(xml_problem("<?xml version=\"1.0\"?>\n<a x=\"1\"><b/>\t</a>"), "");
}

}  // namespace
}  // namespace toasoan::site
