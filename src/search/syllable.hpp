// Internal to src/search/: the shape of a written Vietnamese syllable, which is what lets the
// Telex and VNI decoders (input_method.hpp) tell "nghij" (nghị) from "news". Not part of the
// public API.
//
// A syllable is written  initial + rhyme  with one tone:
//   initial  one of: b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x, or none
//   rhyme    one of the ~150 rhymes in syllable.cpp (kRhymes): an optional medial o/u, a vowel
//            nucleus, and an optional final (c ch m n ng nh p t, or the glides i y o u)
//   tone     level (no mark), acute, grave, hook above, tilde, dot below
// with the spelling rules: gh, ngh before e ê i, and c, g, ng not before them (k goes
// anywhere, for place names such as Bắc Kạn, Kon Tum); q only as qu;
// "yê" only with no initial (else "iê"); rhymes ending in c ch p t take only acute or dot.
//
// The tone is written on (the "old style" Vietnamese newspapers mostly use, "hòa", "thủy"):
//   1. the vowel carrying a vowel mark (ă â ê ô ơ ư), the second one in ươ;
//   2. else, when the rhyme ends in a consonant, the last vowel ("hoàn", "quỳnh");
//   3. else the middle of three vowels ("ngoài", "khuỷu"), the first of two ("hòa", "mía").
// The u of qu and the i of gi belong to the initial, so "quý", "già" mark the next vowel.
//
// Thread-safety: pure functions over tables built once (C++11 static initialisation); safe
// from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace toasoan::search::detail {

enum class Tone : unsigned char { kLevel, kAcute, kGrave, kHook, kTilde, kDot };

// The syllable spelled by `letters` with `tone`, in NFC with the tone mark placed by the rules
// above, or nullopt when it is not a well-formed syllable.
// `letters`: lower-case, no tone marks; ă â ê ô ơ ư đ as precomposed code points.
std::optional<std::string> spell_syllable(std::u32string_view letters, Tone tone);

// True when `ascii` is some well-formed syllable with all its marks taken off: "truong"
// (trường), "sang", "quy". Such a word is read as itself, never as Telex. A word with "oo" is
// not: Telex's ô ("khoong" không) is far more common than the rhyme oong of "xoong".
bool is_unmarked_syllable(std::string_view ascii);

// Every well-formed syllable with its marks taken off that begins with `ascii`, in byte order:
// "nha" → nha, nhac, nhai, nham, nhan, nhang, nhanh, nhao, nhap, nhat, nhau, nhay. Empty when
// no syllable begins so ("cov", "202"). This is what a half-typed word can still become, for
// suggestions (searcher.hpp). The rare rhymes with "oo" are among them ("xoong").
std::vector<std::string_view> unmarked_syllables_beginning(std::string_view ascii);

}  // namespace toasoan::search::detail
