// Hot text functions against the obvious way to do the same job, in one run:
//   fold()        vs ICU's transform "Any-Latin; Latin-ASCII; Lower" (what design.md names)
//   count_chars() vs ICU NFC normalisation and counting code points
//   escape()      vs a per-character std::string append loop
//   valid_utf8()  vs decoding every code point (text/utf8_decode.hpp), as it did until 2026-12-07
// The text is Vietnamese news prose of our own writing, repeated to ~64 KB. valid_utf8 reads
// Vietnamese letters in a fixed random order instead, whose mix of one-, two- and three-byte
// letters no branch predictor learns, as none learns the mix of thousands of articles: on a
// paragraph repeated 200 times, a validator branching on each letter looked six times as fast as
// it was on stored article bodies.
#include <benchmark/benchmark.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

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

// Letters of the Vietnamese alphabet (one, two and three bytes each) and spaces drawn in a
// fixed random order.
const std::string& shuffled_prose() {
  static const std::string text = [] {
    static constexpr std::string_view kLetters[] = {
        "a", "à", "á", "ả", "ã", "ạ", "ă", "ằ", "ắ", "ẳ", "ẵ", "ặ", "â", "ầ", "ấ", "ẩ", "ẫ", "ậ", "b", "c", "d", "đ",
        "e", "è", "é", "ẻ", "ẽ", "ẹ", "ê", "ề", "ế", "ể", "ễ", "ệ", "g", "h", "i", "ì", "í", "ỉ", "ĩ", "ị", "k",
        "l", "m", "n", "o", "ò", "ó", "ỏ", "õ", "ọ", "ô", "ồ", "ố", "ổ", "ỗ", "ộ", "ơ", "ờ", "ớ", "ở", "ỡ", "ợ",
        "p", "q", "r", "s", "t", "u", "ù", "ú", "ủ", "ũ", "ụ", "ư", "ừ", "ứ", "ử", "ữ", "ự", "v", "x", "y", "ỳ",
        "ý", "ỷ", "ỹ", "ỵ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " "};
    std::string out;
    std::uint32_t x = 20071;  // a fixed linear congruential sequence
    while (out.size() < 64 * 1024) {
      x = x * 1664525u + 1013904223u;
      out += kLetters[(x >> 8) % std::size(kLetters)];
    }
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
  for (auto _ : state) benchmark::DoNotOptimize(toasoan::text::valid_utf8(shuffled_prose()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * shuffled_prose().size()));
}
BENCHMARK(BM_valid_utf8);

void BM_valid_utf8_reference_decode_each(benchmark::State& state) {
  const std::string_view s = shuffled_prose();
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
