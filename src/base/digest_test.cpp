#include "base/digest.hpp"

#include <gtest/gtest.h>

namespace toasoan {
namespace {

TEST(Hex, WritesEachByteAsTwoLowercaseDigits) {
  EXPECT_EQ(hex(std::string("\x00\x3f\xa9\xff", 4)), "003fa9ff");
  EXPECT_EQ(hex(""), "");
}

TEST(Sha256Hex, IsTheStandardDigest) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(is_sha256_hex(sha256_hex("ảnh")));
}

TEST(Sha256Hex, OnlySixtyFourLowercaseDigitsLookLikeOne) {
  const std::string h = sha256_hex("abc");
  EXPECT_FALSE(is_sha256_hex(h.substr(1)));
  EXPECT_FALSE(is_sha256_hex(h + "0"));
  EXPECT_FALSE(is_sha256_hex("BA7816BF" + h.substr(8)));
  EXPECT_FALSE(is_sha256_hex("g" + h.substr(1)));
}

}  // namespace
}  // namespace toasoan
