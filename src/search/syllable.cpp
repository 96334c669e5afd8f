#include "search/syllable.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "text/utf8.hpp"

namespace toasoan::search::detail {

namespace {

// Every rhyme of standard Vietnamese orthography, without tone. Sources: the rhyme tables of
// the Ministry of Education's first-grade reader (Tiếng Việt 1) and Đoàn Thiện Thuật, Ngữ âm
// tiếng Việt (2003); rare rhymes are kept because a real word uses each: oong, ooc (xoong,
// quần soóc), uych (huỵch), oao (ngoáo), oeo (ngoẹo), uyu (khuỷu), and ăk, the Central
// Highlands place names' final k (Đắk Lắk, Đắk Nông).
constexpr const char* kRhymes[] = {
    // a ă â
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay",
    "ăc", "ăm", "ăn", "ăng", "ăp", "ăt", "ăk",
    "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
    // e ê
    "e", "ec", "em", "en", "eng", "eo", "ep", "et",
    "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu",
    // i y iê yê
    "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
    "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
    "y", "yêm", "yên", "yêt", "yêu",
    // o ô ơ
    "o", "oc", "oi", "om", "on", "ong", "op", "ot", "ooc", "oong",
    "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt",
    "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
    // u uô ư ươ
    "u", "ua", "uc", "ui", "um", "un", "ung", "up", "ut",
    "uôc", "uôi", "uôm", "uôn", "uông", "uôt",
    "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu",
    "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
    // medial o
    "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay",
    "oăc", "oăm", "oăn", "oăng", "oăt",
    "oe", "oen", "oeo", "oet",
    // medial u
    "uân", "uâng", "uât", "uây",
    "uê", "uêch", "uên", "uênh", "uêt",
    "uy", "uya", "uych", "uyên", "uyêt", "uynh", "uyp", "uyt", "uyu",
    "uơ",
};

// Longest first, so that "ngh" is tried before "ng" and "n".
constexpr const char* kInitials[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th",
                                     "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m",
                                     "n", "p", "r", "s", "t", "v", "x", ""};

constexpr char32_t kABreve = U'ă', kACirc = U'â', kECirc = U'ê', kOCirc = U'ô', kOHorn = U'ơ',
                   kUHorn = U'ư', kDStroke = U'đ';

std::u32string decode(std::string_view utf8) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      out.push_back(b);
      i += 1;
    } else if (b < 0xE0) {
      out.push_back(((b & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu));
      i += 2;
    } else {
      out.push_back(((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu) << 6) |
                    (static_cast<unsigned char>(utf8[i + 2]) & 0x3Fu));
      i += 3;
    }
  }
  return out;
}

char32_t base_of(char32_t c) {
  switch (c) {
    case kABreve: case kACirc: return U'a';
    case kECirc: return U'e';
    case kOCirc: case kOHorn: return U'o';
    case kUHorn: return U'u';
    case kDStroke: return U'd';
    default: return c;
  }
}

bool is_vowel(char32_t c) {
  switch (base_of(c)) {
    case U'a': case U'e': case U'i': case U'o': case U'u': case U'y': return true;
    default: return false;
  }
}

bool has_vowel_mark(char32_t c) { return is_vowel(c) && base_of(c) != c; }

bool is_front(char32_t c) { return c == U'e' || c == kECirc || c == U'i' || c == U'y'; }

struct Tables {
  std::unordered_set<std::u32string> rhymes;         // with vowel marks
  std::unordered_set<std::u32string> bare_rhymes;    // the same, marks taken off
  std::u32string initials[std::size(kInitials)];
  std::u32string bare_initials[std::size(kInitials)];
};

const Tables& tables() {
  static const Tables t = [] {
    Tables t;
    for (const char* r : kRhymes) {
      std::u32string rhyme = decode(r);
      std::u32string bare = rhyme;
      for (char32_t& c : bare) c = base_of(c);
      t.rhymes.insert(std::move(rhyme));
      t.bare_rhymes.insert(std::move(bare));
    }
    for (std::size_t i = 0; i < std::size(kInitials); ++i) {
      t.initials[i] = decode(kInitials[i]);
      t.bare_initials[i] = t.initials[i];
      for (char32_t& c : t.bare_initials[i]) c = base_of(c);
    }
    return t;
  }();
  return t;
}

// Where the parts of a syllable lie in its letters.
struct Parts {
  std::size_t vowels_begin;  // first vowel of the rhyme (after the u of qu, the i of gi)
  std::size_t vowels_end;    // one past the last vowel
  bool stop_final;           // the rhyme ends in c, ch, p or t
};

// Splits `s` into initial and rhyme by the spelling rules in syllable.hpp. `bare` checks the
// rhymes with their marks taken off (and then `s` is ASCII).
std::optional<Parts> split(std::u32string_view s, bool bare) {
  const Tables& t = tables();
  const auto& rhymes = bare ? t.bare_rhymes : t.rhymes;
  const auto has = [&](std::u32string_view prefix, std::u32string_view rest) {
    std::u32string r(prefix);
    r.append(rest);
    return rhymes.count(r) > 0;
  };
  for (std::size_t k = 0; k < std::size(kInitials); ++k) {
    const std::u32string& initial = bare ? t.bare_initials[k] : t.initials[k];
    if (s.substr(0, initial.size()) != initial || s.size() == initial.size()) continue;
    const std::u32string_view rest = s.substr(initial.size());
    const char32_t first = rest[0];
    bool ok;
    if (initial == U"qu") {
      // The u is the rhyme's medial: qu+a is the oa of "hoa", qu+y the uy of "thủy".
      ok = is_vowel(first) && first != U'u' && (has(U"o", rest) || has(U"u", rest));
    } else if (initial == U"gi") {
      // gi+ê is the iê of "tiết" ("giết"); gi before a consonant is g + i ("gìn"), tried later.
      ok = is_vowel(first) && first != U'i' && first != U'y' && (has(U"", rest) || has(U"i", rest));
    } else if (initial == U"k") {
      ok = has(U"", rest);  // before a, o, u too: place names (Bắc Kạn, Kon Tum, Krông)
    } else if (initial == U"gh" || initial == U"ngh") {
      ok = is_front(first) && first != U'y' && has(U"", rest);
    } else if (initial == U"c" || initial == U"ng") {
      ok = !is_front(first) && has(U"", rest);
    } else if (initial == U"g") {
      ok = first != U'e' && first != kECirc && first != U'y' && has(U"", rest);
    } else {
      ok = has(U"", rest);
    }
    if (!ok) continue;
    if (!initial.empty() && initial != U"qu" && rest.size() >= 2 && rest[0] == U'y' &&
        base_of(rest[1]) == U'e') {
      continue;  // "yê" only at the start of a syllable: tiên, not tyên
    }
    Parts p;
    p.vowels_begin = initial.size();
    p.vowels_end = p.vowels_begin;
    while (p.vowels_end < s.size() && is_vowel(s[p.vowels_end])) ++p.vowels_end;
    const std::u32string_view final = s.substr(p.vowels_end);
    p.stop_final = final == U"c" || final == U"ch" || final == U"p" || final == U"t" || final == U"k";
    return p;
  }
  return std::nullopt;
}

constexpr char32_t kToneMarks[] = {0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323};

}  // namespace

std::optional<std::string> spell_syllable(std::u32string_view letters, Tone tone) {
  for (const char32_t c : letters) {
    if (!(base_of(c) >= U'a' && base_of(c) <= U'z')) return std::nullopt;
  }
  const std::optional<Parts> parts = split(letters, /*bare=*/false);
  if (!parts || parts->vowels_begin == parts->vowels_end) return std::nullopt;
  if (parts->stop_final && tone != Tone::kAcute && tone != Tone::kDot) return std::nullopt;

  const std::size_t vb = parts->vowels_begin, ve = parts->vowels_end;
  std::size_t at = std::u32string_view::npos;
  for (std::size_t i = vb; i < ve; ++i) {
    if (has_vowel_mark(letters[i])) at = i;  // rule 1; the last one, for ươ
  }
  if (at == std::u32string_view::npos) {
    if (ve < letters.size()) {
      at = ve - 1;  // rule 2
    } else if (ve - vb == 3) {
      at = vb + 1;  // rule 3
    } else {
      at = vb;
    }
  }
  std::string out;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    text::append_utf8(out, letters[i]);
    if (i == at && tone != Tone::kLevel) text::append_utf8(out, kToneMarks[static_cast<int>(tone)]);
  }
  return text::nfc(out);
}

bool is_unmarked_syllable(std::string_view ascii) {
  std::u32string s;
  for (const char c : ascii) {
    if (c < 'a' || c > 'z') return false;
    s.push_back(static_cast<char32_t>(c));
  }
  // "oo" is read as Telex ô, not as the rare rhyme of "xoong": "khoong" is không.
  if (ascii.find("oo") != std::string_view::npos) return false;
  const std::optional<Parts> parts = split(s, /*bare=*/true);
  return parts && parts->vowels_begin != parts->vowels_end;
}

std::vector<std::string_view> unmarked_syllables_beginning(std::string_view ascii) {
  // Every initial before every rhyme, kept when the spelling rules allow it: about two
  // thousand words, worked out once.
  static const std::vector<std::string> all = [] {
    const Tables& t = tables();
    std::set<std::string> words;
    for (const auto& initial : t.bare_initials)
      for (const auto& rhyme : t.bare_rhymes) {
        std::u32string s = initial + rhyme;
        const std::optional<Parts> parts = split(s, /*bare=*/true);
        if (!parts || parts->vowels_begin == parts->vowels_end) continue;
        std::string word;  // ASCII: the marks are off
        for (const char32_t c : s) word.push_back(static_cast<char>(c));
        words.insert(std::move(word));
      }
    return std::vector<std::string>(words.begin(), words.end());
  }();
  std::vector<std::string_view> out;
  if (ascii.empty()) return out;
  for (auto it = std::lower_bound(all.begin(), all.end(), ascii);
       it != all.end() && std::string_view(*it).substr(0, ascii.size()) == ascii; ++it)
    out.emplace_back(*it);
  return out;
}

}  // namespace toasoan::search::detail
