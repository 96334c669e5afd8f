#include "base/digest.hpp"

#include <sodium.h>

#include <algorithm>

namespace toasoan {

std::string hex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  out.pop_back();
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return hex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

bool is_sha256_hex(std::string_view s) {
  return s.size() == 2 * crypto_hash_sha256_BYTES &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace toasoan
