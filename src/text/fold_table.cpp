#include "text/fold_table.hpp"

namespace toasoan::text::detail {

// Written out once from fold_with_icu() over each range, 16 code points a line, "\0" where the
// fold is not a single ASCII letter. fold_test.cpp (TableAgreesWithIcuOverWholeRange) checks
// every entry against fold_with_icu() again, so a new ICU or a changed fold rule that disagrees
// with this table fails the build's tests instead of folding silently differently.

const char kFoldLatin[kLatinTableLast - kLatinTableFirst + 2] =
    "aaaaaa\0ceeeeiiii"  // U+00C0
    "dnooooo\0ouuuuy\0\0"  // U+00D0
    "aaaaaa\0ceeeeiiii"  // U+00E0
    "dnooooo\0ouuuuy\0y"  // U+00F0
    "aaaaaaccccccccdd"  // U+0100
    "ddeeeeeeeeeegggg"  // U+0110
    "gggghhhhiiiiiiii"  // U+0120
    "i\0\0\0jjkk\0lllllll"  // U+0130
    "lllnnnnnn\0\0\0oooo"  // U+0140
    "oo\0\0rrrrrrssssss"  // U+0150
    "ssttttttuuuuuuuu"  // U+0160
    "uuuuwwyyyzzzzzz\0"  // U+0170
    "b\0\0\0\0\0\0\0\0d\0\0\0\0\0\0"  // U+0180
    "\0\0\0\0\0\0\0i\0\0l\0\0\0\0\0"  // U+0190
    "oo\0\0\0\0\0\0\0\0\0\0\0\0\0u"  // U+01A0
    "u\0\0\0\0zz\0\0\0\0\0\0\0\0\0"  // U+01B0
    "\0\0\0\0\0\0\0\0\0\0\0\0\0aai"  // U+01C0
    "ioouuuuuuuuuu\0aa"  // U+01D0
    "aa\0\0ggggkkoooo\0\0"  // U+01E0
    "j\0\0\0gg\0\0nnaa\0\0oo"  // U+01F0
    "aaaaeeeeiiiioooo"  // U+0200
    "rrrruuuusstt\0\0hh"  // U+0210
    "\0\0\0\0\0\0aaeeoooooo"  // U+0220
    "ooyy\0\0\0\0\0\0acclt\0"  // U+0230
    "\0\0\0bu\0eejj\0\0rryy";  // U+0240

const char kFoldLatinExtendedAdditional[kLatinExtendedAdditionalLast -
                                        kLatinExtendedAdditionalFirst + 2] =
    "aabbbbbbccdddddd"  // U+1E00
    "ddddeeeeeeeeeeff"  // U+1E10
    "gghhhhhhhhhhiiii"  // U+1E20
    "kkkkkkllllllllmm"  // U+1E30
    "mmmmnnnnnnnnoooo"  // U+1E40
    "oooopppprrrrrrrr"  // U+1E50
    "sssssssssstttttt"  // U+1E60
    "ttuuuuuuuuuuvvvv"  // U+1E70
    "wwwwwwwwwwxxxxyy"  // U+1E80
    "zzzzzzhtwy\0\0\0\0\0\0"  // U+1E90
    "aaaaaaaaaaaaaaaa"  // U+1EA0
    "aaaaaaaaeeeeeeee"  // U+1EB0
    "eeeeeeeeiiiioooo"  // U+1EC0
    "oooooooooooooooo"  // U+1ED0
    "oooouuuuuuuuuuuu"  // U+1EE0
    "uuyyyyyyyy\0\0\0\0\0\0";  // U+1EF0

}  // namespace toasoan::text::detail
