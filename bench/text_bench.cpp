// Hot text functions against the obvious way to do the same job, in one run:
//   fold()        vs ICU's transform "Any-Latin; Latin-ASCII; Lower" (what design.md names)
//   count_chars() vs ICU NFC normalisation and counting code points
//   escape()      vs a per-character std::string append loop
//   valid_utf8()  vs decoding every code point (text/utf8_decode.hpp), as it did until 2026-12-07
// The text is Vietnamese news prose of our own writing, repeated to ~64 KB.
#include <benchmark/benchmark.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

#include "render/html.hpp"
#include "text/count.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"
#include "text/utf8_decode.hpp"

namespace {

const std::string& prose() {
  static const std::string text = [] {
    std::string para =
        "Sáng 25/11, UBND tỉnh Đồi Mây tổ chức hội nghị triển khai chương trình phát triển vùng chè cao nguyên, "
        "đặt mục tiêu nâng diện tích chè đạt chuẩn an toàn lên 6.500 ha và xây dựng thương hiệu chè Đồi Mây. "
        "Đường lên bản Suối Lam đã được trải nhựa, người dân không còn phải lội suối mỗi mùa mưa lũ. ";
    std::string out;
    while (out.size() < 64 * 1024) out += para;
    return out;
  }();
  return text;
}

void BM_fold(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(toasoan::text::fold(prose()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * prose().size()));
}
BENCHMARK(BM_fold);

void BM_fold_reference_icu_transliterator(benchmark::State& state) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) {
    state.SkipWithError("ICU transliterator unavailable");
    return;
  }
  for (auto _ : state) {
    auto u = icu::UnicodeString::fromUTF8(prose());
    t->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * prose().size()));
}
BENCHMARK(BM_fold_reference_icu_transliterator);

void BM_count_chars(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(toasoan::text::count_chars(prose()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * prose().size()));
}
BENCHMARK(BM_count_chars);

void BM_count_chars_reference_icu_normalize(benchmark::State& state) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  for (auto _ : state) {
    auto u = icu::UnicodeString::fromUTF8(prose());
    auto n = nfc->normalize(u, status);
    benchmark::DoNotOptimize(n.countChar32());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * prose().size()));
}
BENCHMARK(BM_count_chars_reference_icu_normalize);

void BM_escape(benchmark::State& state) {
  std::string s = prose() + "<b>\"&'</b>";
  for (auto _ : state) {
    std::string out;
    toasoan::render::escape(out, s);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * s.size()));
}
BENCHMARK(BM_escape);

void BM_escape_reference_per_char(benchmark::State& state) {
  std::string s = prose() + "<b>\"&'</b>";
  for (auto _ : state) {
    std::string out;
    for (char c : s) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
      }
    }
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * s.size()));
}
BENCHMARK(BM_escape_reference_per_char);

void BM_valid_utf8(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(toasoan::text::valid_utf8(prose()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * prose().size()));
}
BENCHMARK(BM_valid_utf8);

void BM_valid_utf8_reference_decode_each(benchmark::State& state) {
  const std::string_view s = prose();
  for (auto _ : state) {
    bool ok = true;
    for (std::size_t i = 0; ok && i < s.size();) {
      const auto d = toasoan::text::detail::decode_utf8(s, i);
      ok = d.ok;
      i += d.len;
    }
    benchmark::DoNotOptimize(ok);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * s.size()));
}
BENCHMARK(BM_valid_utf8_reference_decode_each);

}  // namespace

BENCHMARK_MAIN();
