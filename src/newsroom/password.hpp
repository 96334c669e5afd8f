// Passwords: the rules a new one must meet and Argon2id hashing through libsodium
// (crypto_pwhash_str), with at most a few hashes running at once so that a flood of logins
// cannot take every core from the readers.
//
// Thread-safe: one Passwords serves every thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace toasoan::newsroom {

inline constexpr std::size_t kMinPasswordChars = 10;  // code points, after NFC
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// Argon2id's cost: libsodium's named levels, or the least it allows (tests only).
struct PasswordCost {
  unsigned long long ops = 0;  // crypto_pwhash_OPSLIMIT_*
  std::size_t mem = 0;         // crypto_pwhash_MEMLIMIT_*, bytes
  // "interactive" (the default: ~64 MiB, tens of milliseconds), "moderate", "sensitive", "min".
  static Result<PasswordCost> named(std::string_view name);
};

// A new password's rules: at least kMinPasswordChars characters, not the username (nor it
// folded: "Huy.Thanh" for user "huy.thanh"), valid UTF-8, at most kMaxPasswordBytes. The error
// is invalid_field("password", Vietnamese reason).
Status check_new_password(std::string_view password, std::string_view username);

class Passwords {
 public:
  // `concurrent`: hashes that may run at once; `waiting`: callers that may queue for a slot
  // beyond those; one more is refused at once (rate_limited) rather than holding a worker.
  Passwords(PasswordCost cost, int concurrent, int waiting);

  // The encoded hash ("$argon2id$v=19$…") of a password. unavailable when libsodium cannot
  // get the memory; rate_limited when the queue is full.
  Result<std::string> hash(std::string_view password);
  // True when `password` matches `encoded`. An empty or malformed `encoded` still costs one
  // hash (a dummy), so an unknown user takes as long as a wrong password. rate_limited when
  // the queue is full.
  Result<bool> verify(std::string_view encoded, std::string_view password);
  // True when `encoded` was made with another cost than this one (rehash at next login).
  bool needs_rehash(std::string_view encoded) const;

 private:
  class Slot;
  PasswordCost cost_;
  int concurrent_;
  int waiting_;
  std::mutex mu_;
  std::condition_variable cv_;
  int running_ = 0;
  int queued_ = 0;
  std::once_flag dummy_once_;
  std::string dummy_;  // a hash of nothing, verified against for unknown users; set once, by dummy_once_
};

// A session's secret: 32 random bytes as 64 hex characters (the cookie's value), its hash for
// the database (hex SHA-256: the database never holds a token that works), and the CSRF token
// that goes with it (derived from the secret, so every node can check it without storing it).
struct SessionToken {
  std::string secret;
  static SessionToken random();
};
std::string token_hash(std::string_view secret);
std::string csrf_for(std::string_view secret);
// Constant-time comparison.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace toasoan::newsroom
