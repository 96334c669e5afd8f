// Telex and VNI typed without an input method. Many readers type Vietnamese on a keyboard
// with no Vietnamese input method, and then the keys that would have made the marks stay in
// the text: "nghij quyeets" for "nghị quyết" (Telex), "nghi5 quye61t" (VNI). These functions
// read such a word back as the Vietnamese it stands for, so search can look for both.
//
// A word is decoded only when the result is a well-formed Vietnamese syllable (syllable.hpp:
// initial, rhyme, tone on the vowel the spelling puts it on, stop finals only with acute or
// dot) that differs from the word. That is what keeps ordinary words as they are:
//   - unaccented Vietnamese is never Telex: a word that already is a syllable with its marks
//     taken off ("truong", "sang", "xa", "rau", "xoong") stays nullopt;
//   - Vietnamese never writes s f r x j after a vowel, nor w, aa, ee, dd: in those places they
//     can only be Telex keys, and an English word that has them is almost never a syllable
//     once they are read as keys ("news", "facebook", "windows" stay nullopt);
//   - a one-letter syllable is not decoded: too many codes and short words look like one
//     (U17, A1, "is", "as" would become ứ, á, í, á).
// Short English words and codes that are also exact Telex or VNI spellings do decode ("bus"
// → bú, "gas" → gá, "co2" → cò), and so does the rare rhyme oong/ooc, which Telex cannot tell
// from ô ("xoong" → xông). Search keeps the literal reading beside the decoded one, so they
// are still found. Measured on the test corpus: of its 3,000 most frequent words, the 794 in
// plain ASCII (Vietnamese typed without marks, English, names) decode 9 times, all English or
// names (moon, lee, gas, maps, bar, los, air, rex, luis); its 3,000 most frequent marked
// syllables all decode back from Telex and from VNI (tests/data/search/syllables.txt).
//
// Telex keys read here: aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, uow ươ (or uơ: "thuowr" thuở),
// w alone ư ("nhw" như), dd đ (at the start); tone keys s (acute) f (grave) r (hook) x (tilde)
// j (dot) at the end of the word, or after the vowel when the word also has a vowel or đ key
// ("vieejt"); a w typed after the final consonant applies to the vowels ("tuongw" tương).
// VNI keys: 1 acute, 2 grave, 3 hook, 4 tilde, 5 dot (anywhere after a vowel), 6 circumflex on
// the nearest a/e/o before it, 7 horn on the nearest o/u (uo7 → ươ), 8 breve on the nearest a,
// 9 stroke on the nearest d. A 0 or a second tone key means it is not VNI.
// Output tone placement follows syllable.hpp (old style: "hòa", "thủy").
//
// Thread-safety: free functions with no shared mutable state; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search/query.hpp"

namespace toasoan::search {

// The Vietnamese word (NFC, lower case) that `word` spells in Telex, or nullopt. `word` must
// be ASCII letters (any case); anything else gives nullopt.
std::optional<std::string> decode_telex(std::string_view word);

// The Vietnamese word (NFC, lower case) that `word` spells in VNI, or nullopt. `word` must be
// ASCII letters and digits (any case) with at least one digit; anything else gives nullopt.
std::optional<std::string> decode_vni(std::string_view word);

// The decoded reading of `terms`: each term typed without marks that decodes as Telex (or else
// VNI) becomes {fold(decoded), decoded}; the others are kept. Empty when no term decodes.
std::vector<Term> decode_query_terms(const std::vector<Term>& terms);

// The decoded reading of a whole query, group by group (decode_query_terms on each group,
// undecodable groups kept), or an empty vector when no word of `q` decodes.
std::vector<std::vector<Term>> decoded_groups(const Query& q);

}  // namespace toasoan::search
