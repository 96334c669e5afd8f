#include "search/input_method.hpp"

#include <algorithm>
#include <utility>

#include "search/syllable.hpp"
#include "text/fold.hpp"

namespace toasoan::search {

namespace {

using detail::Tone;

// Longer than any syllable typed with its keys ("nghieengx" is 9): a longer word is not one.
constexpr std::size_t kMaxKeyedSyllable = 12;

constexpr char32_t kABreve = U'ă', kACirc = U'â', kECirc = U'ê', kOCirc = U'ô', kOHorn = U'ơ',
                   kUHorn = U'ư', kDStroke = U'đ';

bool is_plain_vowel(char32_t c) {
  return c == U'a' || c == U'e' || c == U'i' || c == U'o' || c == U'u' || c == U'y';
}

bool is_vowel_letter(char32_t c) {
  return is_plain_vowel(c) || c == kABreve || c == kACirc || c == kECirc || c == kOCirc ||
         c == kOHorn || c == kUHorn;
}

// `word` lower-cased, or nullopt when it is empty, too long, or holds anything but ASCII
// letters (and digits, when `digits`).
std::optional<std::string> ascii_lower(std::string_view word, bool digits) {
  if (word.empty() || word.size() > kMaxKeyedSyllable) return std::nullopt;
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (!((c >= 'a' && c <= 'z') || (digits && c >= '0' && c <= '9'))) return std::nullopt;
  }
  return out;
}

// How the keys were typed, as far as choosing a spelling needs to know.
struct Keyed {
  std::u32string letters;
  Tone tone = Tone::kLevel;
  bool uo_from_one_key = false;  // ươ came from one key ("uow", "uo7"): uơ is possible too
  bool explicit_u_horn = false;  // an ư came from u + key ("uw", "u7"), not from a lone w
  bool mark_right_after_vowel = false;  // a vowel-mark key came right after its vowel
};

// The first well-formed spelling of `k`: as typed; uơ for an ươ typed with one key ("thuowr"
// thuở); ươ for ưo, which no syllable has, when the ư was typed as u + key ("dduwongf"
// đường), as input methods do. A one-letter syllable needs a vowel mark typed right after the
// letter ("owr" ở, "o73" ở); with only a tone ("is", "as", "a1") or the keys in another order
// ("u17") it is more likely a short word or a code.
std::optional<std::string> spell_first_valid(const Keyed& k) {
  if (k.letters.empty() || (k.letters.size() == 1 && !k.mark_right_after_vowel)) {
    return std::nullopt;
  }
  if (auto s = detail::spell_syllable(k.letters, k.tone)) return s;
  const std::size_t uo = k.letters.find(U"ươ");
  if (k.uo_from_one_key && uo != std::u32string::npos) {
    std::u32string alt = k.letters;
    alt[uo] = U'u';
    if (auto s = detail::spell_syllable(alt, k.tone)) return s;
  }
  const std::size_t wo = k.letters.find(U"ưo");
  if (k.explicit_u_horn && wo != std::u32string::npos) {
    std::u32string alt = k.letters;
    alt[wo + 1] = kOHorn;
    if (auto s = detail::spell_syllable(alt, k.tone)) return s;
  }
  return std::nullopt;
}

// The last run of vowels in `letters`, skipping the consonants after it: [begin, end).
std::pair<std::size_t, std::size_t> last_vowel_group(const std::u32string& letters) {
  std::size_t end = letters.size();
  while (end > 0 && !is_vowel_letter(letters[end - 1])) --end;
  std::size_t begin = end;
  while (begin > 0 && is_vowel_letter(letters[begin - 1])) --begin;
  return {begin, end};
}

// Applies a horn or breve key (Telex w, VNI 7 or 8) to the last vowel group, as input methods
// do: uo → ươ, else o → ơ, else the first u → ư (hưu), else a → ă (breve only: `breve`).
// Returns the index of the vowel that took the mark, or npos when none could.
std::size_t apply_horn(std::u32string& letters, Keyed& k, bool horn, bool breve) {
  const auto [begin, end] = last_vowel_group(letters);
  const std::u32string_view group(letters.data() + begin, end - begin);
  if (horn) {
    if (const std::size_t uo = group.find(U"uo"); uo != std::u32string_view::npos) {
      letters[begin + uo] = kUHorn;
      letters[begin + uo + 1] = kOHorn;
      k.uo_from_one_key = true;
      return begin + uo + 1;
    }
    if (const std::size_t o = group.find(U'o'); o != std::u32string_view::npos) {
      letters[begin + o] = kOHorn;
      return begin + o;
    }
    if (const std::size_t u = group.find(U'u'); u != std::u32string_view::npos) {
      letters[begin + u] = kUHorn;
      k.explicit_u_horn = true;
      return begin + u;
    }
  }
  if (breve) {
    if (const std::size_t a = group.find(U'a'); a != std::u32string_view::npos) {
      letters[begin + a] = kABreve;
      return begin + a;
    }
  }
  return std::u32string::npos;
}

// Applies a circumflex key (VNI 6) to the last a, e or o of the last vowel group.
std::size_t apply_circumflex(std::u32string& letters) {
  const auto [begin, end] = last_vowel_group(letters);
  for (std::size_t i = end; i > begin; --i) {
    char32_t& c = letters[i - 1];
    if (c == U'a' || c == U'e' || c == U'o') {
      c = c == U'a' ? kACirc : c == U'e' ? kECirc : kOCirc;
      return i - 1;
    }
  }
  return std::u32string::npos;
}

Tone telex_tone(char c) {
  switch (c) {
    case 's': return Tone::kAcute;
    case 'f': return Tone::kGrave;
    case 'r': return Tone::kHook;
    case 'x': return Tone::kTilde;
    case 'j': return Tone::kDot;
    default: return Tone::kLevel;
  }
}

}  // namespace

std::optional<std::string> decode_telex(std::string_view word) {
  const std::optional<std::string> w = ascii_lower(word, /*digits=*/false);
  if (!w || detail::is_unmarked_syllable(*w)) return std::nullopt;

  // Tone key: s f r x j after the first vowel (before it, s r x are initials).
  const std::size_t first_vowel = w->find_first_of("aeiouyw");
  if (first_vowel == std::string::npos) return std::nullopt;
  Keyed k;
  std::size_t tone_at = std::string::npos;
  for (std::size_t i = first_vowel + 1; i < w->size(); ++i) {
    if (telex_tone((*w)[i]) == Tone::kLevel) continue;
    if (tone_at != std::string::npos) return std::nullopt;  // two tone keys ("ss" undoes one)
    tone_at = i;
    k.tone = telex_tone((*w)[i]);
  }
  std::string keys = *w;
  if (tone_at != std::string::npos) keys.erase(tone_at, 1);

  std::u32string& letters = k.letters;
  bool letter_keys = false;  // any of aa aw ee oo ow uw w dd
  std::size_t i = 0;
  if (keys.compare(0, 2, "dd") == 0) {
    letters.push_back(kDStroke);
    letter_keys = true;
    i = 2;
  }
  for (; i < keys.size(); ++i) {
    const char c = keys[i];
    if ((c == 'a' || c == 'e' || c == 'o') && i + 1 < keys.size() && keys[i + 1] == c) {
      letters.push_back(c == 'a' ? kACirc : c == 'e' ? kECirc : kOCirc);
      letter_keys = k.mark_right_after_vowel = true;
      ++i;
      continue;
    }
    if (c != 'w') {
      letters.push_back(static_cast<char32_t>(c));
      continue;
    }
    letter_keys = true;
    const char32_t last = letters.empty() ? 0 : letters.back();
    if (last == U'a' || last == U'o' || last == U'u') {
      k.mark_right_after_vowel = true;
      letters.back() = last == U'a' ? kABreve : last == U'o' ? kOHorn : kUHorn;
      if (last == U'u') k.explicit_u_horn = true;
      if (last == U'o' && letters.size() >= 2 && letters[letters.size() - 2] == U'u') {
        letters[letters.size() - 2] = kUHorn;  // "uow": both, as input methods do
        k.uo_from_one_key = true;
      }
    } else if (last != 0 && is_vowel_letter(last)) {
      return std::nullopt;  // "ew", "iw": no such key
    } else if (std::find_if(letters.begin(), letters.end(), is_vowel_letter) != letters.end()) {
      // A w after the final consonant ("tuongw"): the vowels take it.
      if (apply_horn(letters, k, /*horn=*/true, /*breve=*/true) == std::u32string::npos) {
        return std::nullopt;
      }
    } else {
      letters.push_back(kUHorn);  // "nhw" như
    }
  }
  // A tone key inside the word is believed only with other evidence of Telex: "best" is not bét.
  if (tone_at != std::string::npos && tone_at + 1 != w->size() && !letter_keys) return std::nullopt;
  if (!letter_keys && k.tone == Tone::kLevel) return std::nullopt;
  return spell_first_valid(k);
}

std::optional<std::string> decode_vni(std::string_view word) {
  const std::optional<std::string> w = ascii_lower(word, /*digits=*/true);
  if (!w || w->find_first_of("123456789") == std::string::npos) return std::nullopt;

  Keyed k;
  std::u32string& letters = k.letters;
  bool after_letter = false;  // the previous key was a letter
  for (const char c : *w) {
    if (c >= 'a' && c <= 'z') {
      letters.push_back(static_cast<char32_t>(c));
      after_letter = true;
      continue;
    }
    const bool right_after = after_letter;
    after_letter = false;
    if (c >= '1' && c <= '5') {
      if (k.tone != Tone::kLevel ||
          std::find_if(letters.begin(), letters.end(), is_vowel_letter) == letters.end()) {
        return std::nullopt;  // a second tone key, or a tone before any vowel ("h5n1")
      }
      constexpr Tone kTones[] = {Tone::kAcute, Tone::kGrave, Tone::kHook, Tone::kTilde, Tone::kDot};
      k.tone = kTones[c - '1'];
      continue;
    }
    std::size_t at;
    switch (c) {
      case '6': at = apply_circumflex(letters); break;
      case '7': at = apply_horn(letters, k, /*horn=*/true, /*breve=*/false); break;
      case '8': at = apply_horn(letters, k, /*horn=*/false, /*breve=*/true); break;
      case '9':
        at = letters.rfind(U'd');
        if (at != std::u32string::npos) letters[at] = kDStroke;
        break;
      default:  // '0' removes marks in VNI: not something a reader types into a search
        return std::nullopt;
    }
    if (at == std::u32string::npos) return std::nullopt;
    if (c != '9' && right_after && at + 1 == letters.size()) k.mark_right_after_vowel = true;
  }
  return spell_first_valid(k);
}

std::vector<Term> decode_query_terms(const std::vector<Term>& terms) {
  std::vector<Term> out;
  out.reserve(terms.size());
  bool any = false;
  for (const Term& t : terms) {
    std::optional<std::string> decoded;
    if (t.accented.empty()) {
      decoded = decode_telex(t.folded);
      if (!decoded) decoded = decode_vni(t.folded);
    }
    if (decoded) {
      out.push_back({text::fold(*decoded), std::move(*decoded)});
      any = true;
    } else {
      out.push_back(t);
    }
  }
  if (!any) out.clear();
  return out;
}

std::vector<std::vector<Term>> decoded_groups(const Query& q) {
  std::vector<std::vector<Term>> out;
  out.reserve(q.groups.size());
  bool any = false;
  for (const auto& group : q.groups) {
    std::vector<Term> decoded = decode_query_terms(group);
    if (decoded.empty()) {
      out.push_back(group);
    } else {
      out.push_back(std::move(decoded));
      any = true;
    }
  }
  if (!any) out.clear();
  return out;
}

}  // namespace toasoan::search
