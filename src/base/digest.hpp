// Bytes written as lowercase hex, and the SHA-256 of bytes so written: the one place that does
// either. A session token's stored hash, a photo's identity (its content address, checked again
// by the store) and PostgreSQL's bytea input all use it, through libsodium (docs/decisions.md),
// whose hex encoding runs in constant time, as a secret's must.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace toasoan {

// Two lowercase hex digits a byte: "\x3f\xa9" → "3fa9".
std::string hex(std::string_view bytes);

// The SHA-256 of `bytes` in lowercase hex: 64 characters.
std::string sha256_hex(std::string_view bytes);

// True for what sha256_hex gives: exactly 64 lowercase hex digits.
bool is_sha256_hex(std::string_view s);

}  // namespace toasoan
