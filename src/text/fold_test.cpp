#include "text/fold.hpp"

#include <cstdint>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "text/fold_icu.hpp"
#include "text/fold_table.hpp"
#include "text/utf8.hpp"
#include "text/utf8_decode.hpp"

namespace toasoan::text {
namespace {

std::string utf8_of(char32_t cp) {
  std::string s;
  detail::append_utf8(s, cp);
  return s;
}

std::string reference_fold(std::string_view s) {
  std::string out;
  detail::fold_with_icu(s, out);
  return out;
}

std::string nfd(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString out;
  n->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))),
               out, status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string bytes;
  out.toUTF8String(bytes);
  return bytes;
}

// ---- cases from tests/data/text/fold.tsv ---------------------------------------------------

struct TsvCase {
  int line;
  std::string input;
  std::string expected;
};

// Undoes the file's escapes: \uXXXX, \t, \\.
std::string unescape(const std::string& field, int line) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') {
      out.push_back(field[i]);
      continue;
    }
    if (i + 1 >= field.size()) {
      ADD_FAILURE() << "fold.tsv:" << line << ": trailing backslash";
      break;
    }
    const char kind = field[++i];
    if (kind == 't') {
      out.push_back('\t');
    } else if (kind == '\\') {
      out.push_back('\\');
    } else if (kind == 'u' && i + 4 < field.size() &&
               field.find_first_not_of("0123456789abcdefABCDEF", i + 1) >= i + 5) {
      detail::append_utf8(out, static_cast<char32_t>(std::stoul(field.substr(i + 1, 4), nullptr, 16)));
      i += 4;
    } else {
      ADD_FAILURE() << "fold.tsv:" << line << ": bad escape \\" << kind;
    }
  }
  return out;
}

std::vector<TsvCase> load_fold_tsv() {
  const std::string path = std::string(TOASOAN_TEST_DATA_DIR) + "/text/fold.tsv";
  std::ifstream file(path);
  EXPECT_TRUE(file) << "cannot open " << path;
  std::vector<TsvCase> cases;
  std::string text;
  int line = 0;
  while (std::getline(file, text)) {
    ++line;
    if (text.empty() || text[0] == '#') continue;
    const auto tab = text.find('\t');
    if (tab == std::string::npos || text.find('\t', tab + 1) != std::string::npos) {
      ADD_FAILURE() << "fold.tsv:" << line << ": want exactly one tab";
      continue;
    }
    cases.push_back({line, unescape(text.substr(0, tab), line), unescape(text.substr(tab + 1), line)});
  }
  return cases;
}

TEST(Fold, MatchesEveryCaseInFoldTsv) {
  const auto cases = load_fold_tsv();
  ASSERT_GE(cases.size(), 30u) << "fold.tsv lost its cases";
  for (const auto& c : cases) {
    EXPECT_EQ(fold(c.input), c.expected) << "fold.tsv:" << c.line;
  }
}

TEST(Fold, DecomposedInputFoldsLikePrecomposed) {
  for (const auto& c : load_fold_tsv()) {
    EXPECT_EQ(fold(nfd(c.input)), c.expected) << "fold.tsv:" << c.line << " (NFD)";
    EXPECT_EQ(fold(nfc(c.input)), c.expected) << "fold.tsv:" << c.line << " (NFC)";
  }
}

TEST(Fold, VietnameseComesOutAscii) {
  for (const auto& c : load_fold_tsv()) {
    if (c.input.find("\u0110") == std::string::npos && c.input.find("\u0111") == std::string::npos &&
        c.input.find("\u1EC7") == std::string::npos) {
      continue;  // only lines that are certainly Vietnamese (they contain đ, Đ or ệ)
    }
    for (const unsigned char b : fold(c.input)) EXPECT_LT(b, 0x80) << "fold.tsv:" << c.line;
  }
}

TEST(Fold, DropsDiacriticsInEitherMarkOrder) {
  // Canonical order puts U+0323 (class 220) before U+0302 (class 230); keyboards send both.
  EXPECT_EQ(fold("Nghe\u0323\u0302 An"), "nghe an");
  EXPECT_EQ(fold("Nghe\u0302\u0323 An"), "nghe an");
  EXPECT_EQ(fold("NGHE\u0302\u0323 AN"), "nghe an");
}

TEST(Fold, IllFormedBytesBecomeReplacementCharacter) {
  EXPECT_EQ(fold("\xD0\xE1\xBA\xA3ng"), "\uFFFDang");  // Ð in Latin-1, then ả
  EXPECT_EQ(fold("Nghi\xE1\xBB"), "nghi\uFFFD");
  EXPECT_EQ(fold("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");
  EXPECT_TRUE(valid_utf8(fold("\xC0\xAF\xF5\xFF\x80")));
}

TEST(Fold, KeepsHangulAndKanaComposed) {
  EXPECT_EQ(fold("서울"), "서울");
  EXPECT_EQ(fold("がっこう"), "がっこう");
}

// ---- the table and the fast path against the ICU definition -------------------------------

TEST(Fold, TableAgreesWithIcuOverWholeRange) {
  const std::pair<char32_t, char32_t> ranges[] = {
      {detail::kLatinTableFirst, detail::kLatinTableLast},
      {detail::kLatinExtendedAdditionalFirst, detail::kLatinExtendedAdditionalLast}};
  int ascii_entries = 0;
  for (const auto& [first, last] : ranges) {
    for (char32_t cp = first; cp <= last; ++cp) {
      const std::string expected = reference_fold(utf8_of(cp));
      const bool single_ascii = expected.size() == 1 && static_cast<unsigned char>(expected[0]) < 0x80;
      const char entry = detail::fold_latin(cp);
      if (single_ascii) {
        EXPECT_EQ(std::string(1, entry), expected) << "U+" << std::hex << static_cast<std::uint32_t>(cp);
        ++ascii_entries;
      } else {
        EXPECT_EQ(entry, 0) << "U+" << std::hex << static_cast<std::uint32_t>(cp)
                            << " folds to \"" << expected << "\", not one ASCII letter";
      }
    }
  }
  // All 134 Vietnamese precomposed letters are among them; a table of zeros must not pass.
  EXPECT_GT(ascii_entries, 500);
  EXPECT_EQ(detail::fold_latin(0xBF), 0);
  EXPECT_EQ(detail::fold_latin(0x250), 0);
  EXPECT_EQ(detail::fold_latin(0x1DFF), 0);
  EXPECT_EQ(detail::fold_latin(0x1F00), 0);
}

TEST(Fold, AgreesWithIcuForEveryCodePoint) {
  int mismatches = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::string s = utf8_of(cp);
    if (fold(s) != reference_fold(s) && ++mismatches <= 20) {
      ADD_FAILURE() << "U+" << std::hex << static_cast<std::uint32_t>(cp);
    }
  }
  EXPECT_EQ(mismatches, 0);
}

// Random strings mixing everything the fast path treats differently (ASCII, table letters,
// dropped marks, marks it must leave to ICU, other scripts, ill-formed bytes), so that the
// places where it cuts the input into runs are exercised against whole-string ICU folding.
TEST(Fold, AgreesWithIcuOnRandomMixedText) {
  const std::vector<std::string> pieces = {
      "a", "Z", " ", "-", "7", "Đ", "đ", "ệ", "Ệ", "ư", "Ơ", "ả", "Ỹ", "ß", "æ", "ı", "İ", "Ð", "ð",
      "\u0300", "\u0301", "\u0302", "\u0306", "\u031B", "\u0323", "\u0345", "\u0316",
      "\u1DC0", "\u1DCA", "\u20D7", "\u0483",  // marks outside U+0300..U+036F
      "Ω", "ς", "Σ", "Й", "ё", "東", "서", "\u1100", "\u1161", "\u11A8", "か", "\u3099",
      "\xF0\x9F\x98\x80", "\u212A", "\u2C6F", "\u023A", "ǅ", "ﬁ",
      "\xFF", "\x80", "\xE1\xBB", "\xC0\xAF", "\xED\xA0\x80"};
  std::mt19937 rng(20221208);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 12);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (int k = length(rng); k > 0; --k) s += pieces[pick(rng)];
    ASSERT_EQ(fold(s), reference_fold(s)) << "input bytes: " << ::testing::PrintToString(s);
  }
}

TEST(Fold, IsIdempotentOnWellFormedText) {
  const std::string samples[] = {
      "Đồng chí Nguyễn Hữu Đông", "ΣΊΣΥΦΟΣ", "İstanbul ǅemal", "\u212A\u2C6F\u023A",
      "か\u3099\u1DC0\u0316\u1DCA", "Straße ÆSIR"};
  for (const auto& s : samples) {
    const std::string once = fold(s);
    EXPECT_EQ(fold(once), once) << s;
  }
}

}  // namespace
}  // namespace toasoan::text
