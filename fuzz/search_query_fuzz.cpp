// libFuzzer target for what a reader types into the search box: any bytes as the query of
// /tim-kiem?q=… and /api/v1/search?q=…, run the whole way through a real SQLite store (parsing,
// the Telex/VNI readings, the FTS5 expression, the auxiliary functions of
// store/sqlite/proximity.hpp, ranking, paging) and through the snippet and title highlighting.
// A query is never an error: whatever a reader types gets an answer (search.md, "Bad input").
//
// Thread-safety: libFuzzer calls this from one thread; the store is made once, beforehand.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <unistd.h>

#include "articles/article.hpp"
#include "fuzz_check.hpp"
#include "render/html.hpp"
#include "search/highlight.hpp"
#include "search/searcher.hpp"
#include "store/article_writer.hpp"
#include "store/database.hpp"

namespace {

using namespace toasoan;
using fuzz::require;

const std::string kText =
    "Chiều 8/12, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị quán triệt Nghị quyết Hội nghị lần thứ "
    "sáu. Đường lên Sơn La — \"đường\" và dương, 5.000 người, COVID-19 & <b>thẻ</b>.";

std::unique_ptr<store::Database> g_store;

articles::Incoming article(std::string id, std::string title, std::string lead, std::string body) {
  articles::Incoming a;
  a.external_id = std::move(id);
  a.title = std::move(title);
  a.lead = std::move(lead);
  a.category_name = "Thời sự";
  a.published = 1670459400;
  articles::Block p;
  p.text = std::move(body);
  a.blocks = std::vector<articles::Block>{p};
  return a;
}

// Every mark in `html` closed, in order: the only markup snippets and titles may hold.
bool balanced_marks(std::string_view html) {
  int open = 0;
  for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (html.substr(i, 6) == "<mark>") ++open;
    else if (html.substr(i, 7) == "</mark>") --open;
    else return false;
    if (open < 0 || open > 1) return false;
  }
  return open == 0;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("toasoan-fuzz-search-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::atexit([] {
    g_store.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  });
  auto s = store::open("sqlite:" + (dir / "search.db").string());
  require(s.ok(), "the fuzz store opens");
  g_store = std::move(*s);
  require(g_store->migrate().ok(), "the fuzz store migrates");
  std::vector<articles::Incoming> batch{
      article("a", "Triển khai Nghị quyết Hội nghị lần thứ sáu", "Hội nghị quán triệt nghị quyết.", kText),
      article("b", "Đường lên Sơn La", "Con đường mới.", "Dương và đường, nghị sự rồi quyết định."),
      article("c", "Giá rau tăng", "Người dân bán rau.", "5.000 đồng, COVID-19, hoa ban nở.")};
  require(g_store->article_writer().upsert(batch, 1670459400).ok(), "the fuzz articles are stored");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const search::Query q = search::parse_query(in);
  std::size_t terms = 0;
  for (const auto& group : q.groups) {
    require(!group.empty(), "no empty group");
    for (const auto& t : group) {
      ++terms;
      require(!t.folded.empty(), "no empty term");
      // Letters of other scripts stay in the fold (the store then leaves them out: it indexes
      // and asks for [a-z0-9] words only), but never broken UTF-8.
      require(text::valid_utf8(t.folded), "a folded term is valid UTF-8");
    }
  }
  require(terms <= search::kMaxQueryTerms, "at most kMaxQueryTerms terms");

  search::Searcher searcher(g_store->search_index());
  for (bool newest : {false, true})
    for (int page : {1, 2}) {
      search::SearchRequest request;
      request.text = std::string(in);
      request.page = page;
      request.per_page = 2;
      request.newest_first = newest;
      auto r = searcher.search(request, 1670459400);
      require(r.ok(), "a search never fails on what was typed");
      require(r->total >= 0 && r->results.size() <= 2, "a page holds at most per_page results");
      require(r->truncated == (in.size() > search::kMaxQueryBytes), "truncated says whether the text was cut");
    }
  auto suggestions = searcher.suggest(in, 8);
  require(suggestions.ok(), "suggestions never fail on what was typed");
  require(suggestions->size() <= 8, "at most 8 suggestions");

  render::Html snippet;
  search::snippet(snippet, kText, q, 80);
  const std::string s = snippet.take();
  fuzz::require_clean_text(s, "a snippet is valid UTF-8 in NFC");
  require(balanced_marks(s), "a snippet's only markup is balanced <mark>");
  render::Html title;
  search::highlight(title, "Triển khai Nghị quyết <Hội nghị> & \"lần thứ sáu\"", q);
  const std::string t = title.take();
  fuzz::require_clean_text(t, "a highlighted title is valid UTF-8 in NFC");
  require(balanced_marks(t), "a highlighted title's only markup is balanced <mark>");
  return 0;
}
