#include "text/utf8.hpp"

#include "text/utf8_decode.hpp"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace toasoan::text {
namespace {

struct Utf8Case {
  std::string_view name;
  std::string_view bytes;
};

TEST(ValidUtf8, AcceptsWellFormedTextAtEveryLengthAndBoundary) {
  const Utf8Case cases[] = {
      {"empty", ""},
      {"ascii", "Tin moi"},
      {"vietnamese", "Bạn vui lòng nhập từ 5 ký tự trở lên !!!"},
      {"decomposed", "e\u0323\u0302"},
      {"last 2-byte", "\xDF\xBF"},
      {"first 3-byte", "\xE0\xA0\x80"},
      {"last before surrogates", "\xED\x9F\xBF"},
      {"first after surrogates", "\xEE\x80\x80"},
      {"first 4-byte", "\xF0\x90\x80\x80"},
      {"emoji", "\xF0\x9F\x87\xBB\xF0\x9F\x87\xB3"},
      {"U+10FFFF", "\xF4\x8F\xBF\xBF"},
      {"NUL is a character", std::string_view("a\0b", 3)},
  };
  for (const auto& c : cases) EXPECT_TRUE(valid_utf8(c.bytes)) << c.name;
}

TEST(ValidUtf8, RejectsOverlongsSurrogatesOutOfRangeAndTruncation) {
  const Utf8Case cases[] = {
      {"lone continuation", "\x80"},
      {"overlong '/' C0", "\xC0\xAF"},
      {"overlong C1", "\xC1\xBF"},
      {"overlong 3-byte", "\xE0\x80\xAF"},
      {"overlong 3-byte top", "\xE0\x9F\xBF"},
      {"overlong 4-byte", "\xF0\x80\x80\xAF"},
      {"overlong 4-byte top", "\xF0\x8F\xBF\xBF"},
      {"high surrogate", "\xED\xA0\x80"},
      {"low surrogate", "\xED\xBF\xBF"},
      {"CESU-8 pair", "\xED\xA0\xBD\xED\xB8\x80"},
      {"U+110000", "\xF4\x90\x80\x80"},
      {"F5 lead", "\xF5\x80\x80\x80"},
      {"FF", "\xFF"},
      {"truncated 2-byte", "\xC3"},
      {"truncated 3-byte", "\xE1\xBB"},
      {"truncated 4-byte", "\xF0\x9F\x87"},
      {"truncated inside text", "Nghi\xE1\xBB quyet"},
      {"continuation missing", "\xE1\x41\x80"},
      {"latin-1 text", "Ng\xE0y"},
  };
  for (const auto& c : cases) EXPECT_FALSE(valid_utf8(c.bytes)) << c.name;
}

// valid_utf8 runs a state machine of its own; it must say what decoding says of every sequence
// of up to three bytes, and of four-byte ones around their boundaries, at the end of the text
// or followed by more.
TEST(ValidUtf8, AgreesWithDecodingOnEverySequenceOfUpToThreeBytesAndAroundFourByteBoundaries) {
  auto decodes = [](std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      const detail::Decoded d = detail::decode_utf8(s, i);
      if (!d.ok) return false;
      i += d.len;
    }
    return true;
  };
  int disagreements = 0;
  std::string s;
  for (unsigned b0 = 0x80; b0 <= 0xFF; ++b0)
    for (unsigned b1 = 0; b1 <= 0x100; ++b1)
      for (unsigned b2 = 0; b2 <= 0x100; ++b2) {
        if (b1 == 0x100 && b2 != 0x100) continue;  // 0x100: the text ends here
        s.assign(1, static_cast<char>(b0));
        if (b1 < 0x100) s.push_back(static_cast<char>(b1));
        if (b2 < 0x100) s.push_back(static_cast<char>(b2));
        for (std::string_view tail : {"", "a"}) {
          const std::string t = s + std::string(tail);
          if (valid_utf8(t) != decodes(t) && ++disagreements <= 5)
            ADD_FAILURE() << std::hex << b0 << " " << b1 << " " << b2 << " + \"" << tail << "\"";
        }
      }
  for (unsigned b0 = 0xF0; b0 <= 0xF4; ++b0)
    for (unsigned b1 = 0; b1 <= 0xFF; ++b1)
      for (unsigned b2 : {0x41u, 0x80u, 0xBFu, 0xC0u})
        for (unsigned b3 = 0; b3 <= 0xFF; ++b3) {
          const std::string t{static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2), static_cast<char>(b3)};
          if (valid_utf8(t) != decodes(t) && ++disagreements <= 5)
            ADD_FAILURE() << std::hex << b0 << " " << b1 << " " << b2 << " " << b3;
        }
  EXPECT_EQ(disagreements, 0);
}

struct NfcCase {
  std::string_view name;
  std::string_view input;
  std::string_view expected;
};

TEST(Nfc, ComposesDecomposedVietnamese) {
  const NfcCase cases[] = {
      {"dot below + circumflex", "e\u0323\u0302", "ệ"},
      {"marks in the other order", "e\u0302\u0323", "ệ"},
      {"word", "Nghi\u0323 quyê\u0301t", "Nghị quyết"},
      {"horn + grave", "Tho\u031B\u0300i sư\u0323", "Thời sự"},
      {"capital with breve + hook", "A\u0306\u0309", "Ẳ"},
      {"legacy tone-mark code point", "a\u0341", "á"},
      {"no precomposed form stays two code points", "q\u0323", "q\u0323"},
      {"hangul jamo", "\u1109\u1165\u110B\u116E\u11AF", "서울"},
  };
  for (const auto& c : cases) EXPECT_EQ(nfc(c.input), c.expected) << c.name;
}

TEST(Nfc, ReturnsAsciiAndAlreadyNormalTextUnchanged) {
  const std::string_view cases[] = {
      "",
      "Tin moi",
      std::string_view("a\0b", 3),
      "Triển khai thực hiện Nghị quyết Hội nghị lần thứ sáu, BCH TW Đảng khóa XIII",
      "東京 Ελλάδα \xF0\x9F\x87\xBB\xF0\x9F\x87\xB3",
  };
  for (const auto c : cases) EXPECT_EQ(nfc(c), c);
}

TEST(Nfc, ReplacesEachIllFormedSubpartWithOneReplacementCharacter) {
  const NfcCase cases[] = {
      {"stray byte", "a\xFF" "b", "a\uFFFDb"},
      {"truncated sequence is one subpart", "Nghi\xE1\xBB quyet", "Nghi\uFFFD quyet"},
      {"overlong is two subparts", "\xC0\xAF", "\uFFFD\uFFFD"},
      {"surrogate is three subparts", "\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"},
      {"truncated at end", "ok\xF0\x9F\x87", "ok\uFFFD"},
      {"latin-1 byte then decomposed mark", "\xE0" "e\u0301", "\uFFFDé"},
  };
  for (const auto& c : cases) {
    const std::string out = nfc(c.input);
    EXPECT_EQ(out, c.expected) << c.name;
    EXPECT_TRUE(valid_utf8(out)) << c.name;
  }
}

}  // namespace
}  // namespace toasoan::text
