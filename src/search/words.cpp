#include "search/words.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>

#include "text/utf8.hpp"

namespace toasoan::search::detail {

namespace {

constexpr char32_t kGrave = 0x0300, kAcute = 0x0301, kTilde = 0x0303, kHookAbove = 0x0309,
                   kDotBelow = 0x0323;
constexpr char32_t kCircumflex = 0x0302, kBreve = 0x0306, kHorn = 0x031B;

bool is_tone_mark(char32_t cp) {
  return cp == kGrave || cp == kAcute || cp == kTilde || cp == kHookAbove || cp == kDotBelow;
}

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

const icu::Normalizer2& nfd_normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || n == nullptr) {
    throw std::runtime_error(std::string("ICU NFD normalizer unavailable: ") + u_errorName(status));
  }
  return *n;
}

icu::UnicodeString to_unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// NFD of `word`, lower-cased.
icu::UnicodeString lower_nfd(std::string_view word) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out;
  nfd_normalizer().normalize(to_unicode(word), out, status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU NFD failed: ") + u_errorName(status));
  }
  // Simple case mapping per code point keeps NFD intact (no letter lowers to a decomposable one
  // in the scripts this site writes) and needs no locale.
  icu::UnicodeString lowered;
  for (int32_t i = 0; i < out.length();) {
    const UChar32 cp = out.char32At(i);
    lowered.append(u_tolower(cp));
    i += U16_LENGTH(cp);
  }
  return lowered;
}

}  // namespace

bool is_word_char(char32_t cp, bool in_word) {
  // Vietnamese text is almost all ASCII and the two Latin blocks its letters come from, whose
  // code points are all letters but × and ÷: answer those without a property lookup.
  if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF)) {
    return true;
  }
  const uint32_t mask = U_GET_GC_MASK(static_cast<UChar32>(cp));
  if (mask & (U_GC_L_MASK | U_GC_ND_MASK)) return true;
  return in_word && (mask & U_GC_M_MASK);
}

void split_words(std::string_view text, std::vector<WordSpan>& out) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool in_word = false;
  std::size_t begin = 0;
  while (i < n) {
    const int32_t start = i;
    bool word_char;
    if (s[i] < 0x80) {
      word_char = is_ascii_alnum(s[i]);
      ++i;
    } else {
      UChar32 cp;
      U8_NEXT(s, i, n, cp);
      word_char = cp >= 0 && is_word_char(static_cast<char32_t>(cp), in_word);
    }
    if (word_char && !in_word) {
      begin = static_cast<std::size_t>(start);
      in_word = true;
    } else if (!word_char && in_word) {
      out.push_back({begin, static_cast<std::size_t>(start)});
      in_word = false;
    }
  }
  if (in_word) out.push_back({begin, text.size()});
}

std::string lower(std::string_view word) {
  if (is_ascii(word)) {
    std::string out(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
  }
  icu::UnicodeString lowered;
  const icu::UnicodeString u = to_unicode(word);
  for (int32_t i = 0; i < u.length();) {
    const UChar32 cp = u.char32At(i);
    lowered.append(u_tolower(cp));
    i += U16_LENGTH(cp);
  }
  std::string out;
  lowered.toUTF8String(out);
  return text::nfc(out);
}

bool has_vietnamese_marks(std::string_view word) {
  if (is_ascii(word)) return false;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed;
  nfd_normalizer().normalize(to_unicode(word), decomposed, status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU NFD failed: ") + u_errorName(status));
  }
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 cp = decomposed.char32At(i);
    if (is_tone_mark(static_cast<char32_t>(cp)) || cp == kCircumflex || cp == kBreve ||
        cp == kHorn || cp == 0x0110 || cp == 0x0111) {
      return true;
    }
    i += U16_LENGTH(cp);
  }
  return false;
}

// The letters and vowel marks in NFD, lower case, without tone marks; then '|' and the tone
// marks in the order they came. NFD puts each vowel's marks in canonical order, so the letters
// part is canonical; the tone part is usually one mark or none.
std::string mark_key(std::string_view word) {
  const icu::UnicodeString nfd = lower_nfd(word);
  icu::UnicodeString letters, tones;
  for (int32_t i = 0; i < nfd.length();) {
    const UChar32 cp = nfd.char32At(i);
    if (is_tone_mark(static_cast<char32_t>(cp))) {
      tones.append(cp);
    } else {
      letters.append(cp);
    }
    i += U16_LENGTH(cp);
  }
  std::string key;
  letters.toUTF8String(key);
  key.push_back('|');
  tones.toUTF8String(key);
  return key;
}

}  // namespace toasoan::search::detail
