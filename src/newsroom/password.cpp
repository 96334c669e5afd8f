#include "newsroom/password.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

#include "base/digest.hpp"
#include "text/count.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace toasoan::newsroom {
namespace {

// libsodium picks its fastest implementations and seeds its generator once per process;
// sodium_init is thread-safe itself, but calling it once keeps that out of every hot path.
void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  });
}

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

constexpr char kCsrfContext[] = "toasoan csrf v1";

}  // namespace

Result<PasswordCost> PasswordCost::named(std::string_view name) {
  if (name == "interactive") return PasswordCost{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
  if (name == "moderate") return PasswordCost{crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
  if (name == "sensitive") return PasswordCost{crypto_pwhash_OPSLIMIT_SENSITIVE, crypto_pwhash_MEMLIMIT_SENSITIVE};
  if (name == "min") return PasswordCost{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
  return invalid("mức chi phí mật khẩu không có: \"" + std::string(name) +
                 "\" (interactive, moderate, sensitive, min)");
}

Status check_new_password(std::string_view password, std::string_view username) {
  if (!text::valid_utf8(password))
    return invalid_field("password", "Mật khẩu chứa ký tự không hợp lệ (không phải UTF-8)");
  // Checked before counting so that a megabyte of input costs no normalisation.
  if (password.size() > kMaxPasswordBytes)
    return invalid_field("password", "Mật khẩu dài quá " + std::to_string(kMaxPasswordBytes) + " byte");
  if (text::count_chars(password) < kMinPasswordChars)
    return invalid_field("password", "Mật khẩu cần ít nhất " + std::to_string(kMinPasswordChars) + " ký tự");
  // fold() lowers case and drops marks, so "Huy.Thanh" and "huy.thanh" are the same name.
  if (!username.empty() && text::fold(password) == text::fold(username))
    return invalid_field("password", "Mật khẩu không được trùng với tên đăng nhập");
  return ok_status();
}

// A place among those hashing, held for one hash. Waits when all are taken and the queue has
// room; refuses when it has none.
class Passwords::Slot {
 public:
  explicit Slot(Passwords& p) : p_(p) {
    std::unique_lock lock(p_.mu_);
    if (p_.running_ < p_.concurrent_) {
      ++p_.running_;
      held_ = true;
      return;
    }
    if (p_.queued_ >= p_.waiting_) return;
    ++p_.queued_;
    p_.cv_.wait(lock, [&] { return p_.running_ < p_.concurrent_; });
    --p_.queued_;
    ++p_.running_;
    held_ = true;
  }
  ~Slot() {
    if (!held_) return;
    {
      std::lock_guard lock(p_.mu_);
      --p_.running_;
    }
    p_.cv_.notify_one();
  }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
  bool held() const { return held_; }

 private:
  Passwords& p_;
  bool held_ = false;
};

namespace {
Error too_many() { return rate_limited("Đang có quá nhiều lượt đăng nhập, vui lòng thử lại sau giây lát"); }

// crypto_pwhash_str with Argon2id; false when libsodium could not get the memory.
bool argon2id(std::string_view password, const PasswordCost& cost, char (&out)[crypto_pwhash_STRBYTES]) {
  return crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops, cost.mem,
                               crypto_pwhash_ALG_ARGON2ID13) == 0;
}
}  // namespace

Passwords::Passwords(PasswordCost cost, int concurrent, int waiting)
    : cost_(cost), concurrent_(concurrent < 1 ? 1 : concurrent), waiting_(waiting < 0 ? 0 : waiting) {
  ensure_sodium();
}

Result<std::string> Passwords::hash(std::string_view password) {
  Slot slot(*this);
  if (!slot.held()) return too_many();
  char out[crypto_pwhash_STRBYTES];
  if (!argon2id(password, cost_, out)) return unavailable("Máy chủ đang thiếu bộ nhớ, vui lòng thử lại sau");
  return std::string(out);
}

Result<bool> Passwords::verify(std::string_view encoded, std::string_view password) {
  Slot slot(*this);
  if (!slot.held()) return too_many();
  // The dummy is made by the first sign-in, whoever it names, not at start: a hash at the
  // newsroom's cost takes a noticeable part of a second, which a server's start need not wait for.
  // A failed attempt throws, so the next sign-in tries again.
  try {
    std::call_once(dummy_once_, [&] {
      char out[crypto_pwhash_STRBYTES];
      if (!argon2id("", cost_, out)) throw std::runtime_error("no memory for the dummy hash");
      dummy_ = out;
    });
  } catch (const std::runtime_error&) {
    return unavailable("Máy chủ đang thiếu bộ nhớ, vui lòng thử lại sau");
  }
  // libsodium refuses a malformed string before hashing; an unknown user (empty) or a damaged
  // row would then answer faster than a wrong password and tell an attacker which it was.
  std::string stored(encoded);
  bool usable = !stored.empty() && stored.size() < crypto_pwhash_STRBYTES &&
                stored.find('\0') == std::string::npos &&
                crypto_pwhash_str_needs_rehash(stored.c_str(), cost_.ops, cost_.mem) != -1;
  if (!usable) {
    // The dummy is a hash of "", so a match says nothing: an unknown user never signs in.
    [[maybe_unused]] int spent = crypto_pwhash_str_verify(dummy_.c_str(), password.data(), password.size());
    return false;
  }
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

bool Passwords::needs_rehash(std::string_view encoded) const {
  std::string stored(encoded);
  if (stored.empty() || stored.size() >= crypto_pwhash_STRBYTES) return true;
  return crypto_pwhash_str_needs_rehash(stored.c_str(), cost_.ops, cost_.mem) != 0;
}

SessionToken SessionToken::random() {
  ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  SessionToken t{hex(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes))};
  sodium_memzero(bytes, sizeof bytes);
  return t;
}

std::string token_hash(std::string_view secret) { return sha256_hex(secret); }

std::string csrf_for(std::string_view secret) {
  ensure_sodium();
  // Keyed BLAKE2b of a fixed context, with the secret itself as the key: not derivable from
  // token_hash, which the database holds. A secret outside the key sizes BLAKE2b takes (never
  // one of ours) is first hashed down to one.
  unsigned char key[crypto_generichash_KEYBYTES];
  const unsigned char* k = bytes_of(secret);
  std::size_t klen = secret.size();
  if (klen < crypto_generichash_KEYBYTES_MIN || klen > crypto_generichash_KEYBYTES_MAX) {
    crypto_generichash(key, sizeof key, bytes_of(secret), secret.size(), nullptr, 0);
    k = key;
    klen = sizeof key;
  }
  unsigned char out[crypto_generichash_BYTES];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(kCsrfContext),
                     sizeof kCsrfContext - 1, k, klen);
  sodium_memzero(key, sizeof key);
  return hex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

bool same_secret(std::string_view a, std::string_view b) {
  ensure_sodium();
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace toasoan::newsroom
