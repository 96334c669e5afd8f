// Result<T>: the value of an operation that can fail in an expected way (bad input, a missing
// row, a database that went away), or the reason it failed.
//
// Expected failures are return values; exceptions are kept for what must abort (a broken
// invariant, out of memory). An Error carries a kind that the http layer maps to a status code
// in one place, so domain code never speaks HTTP.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace toasoan {

enum class ErrorKind {
  invalid,      // the caller's input is wrong; the message says how
  not_found,    // nothing by that key
  conflict,     // the write would break a uniqueness or state rule
  unavailable,  // the database or another dependency cannot be reached now
  internal,     // a defect or an environment fault; details go to the log
  unauthorized,  // the caller is not signed in (or the session expired)
  forbidden,     // the caller is signed in but may not do this
  too_large,     // the input is over a size limit; the message names the limit
  // The input is well-formed but cannot be used as what it says it is: a photo that does not
  // decode, a file named .jpg that is a web page. 422.
  unprocessable,
  rate_limited,  // the caller asked too often; try again later
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string message;
  // The form field an invalid input belongs to ("title", "email"), so a form can show the
  // message beside it; empty otherwise.
  std::string field;

  // A constructor rather than an aggregate, so the many `Error{kind, message}` written before
  // `field` existed stay complete initialisations.
  Error() = default;
  Error(ErrorKind k, std::string m, std::string f = {}) : kind(k), message(std::move(m)), field(std::move(f)) {}
};

inline Error invalid(std::string m) { return {ErrorKind::invalid, std::move(m)}; }
// An invalid input that belongs to one form field.
inline Error invalid_field(std::string field, std::string m) {
  return {ErrorKind::invalid, std::move(m), std::move(field)};
}
inline Error not_found(std::string m) { return {ErrorKind::not_found, std::move(m)}; }
inline Error conflict(std::string m) { return {ErrorKind::conflict, std::move(m)}; }
inline Error unavailable(std::string m) { return {ErrorKind::unavailable, std::move(m)}; }
inline Error internal(std::string m) { return {ErrorKind::internal, std::move(m)}; }
inline Error unauthorized(std::string m) { return {ErrorKind::unauthorized, std::move(m)}; }
inline Error forbidden(std::string m) { return {ErrorKind::forbidden, std::move(m)}; }
inline Error too_large(std::string m) { return {ErrorKind::too_large, std::move(m)}; }
inline Error unprocessable(std::string m) { return {ErrorKind::unprocessable, std::move(m)}; }
inline Error rate_limited(std::string m) { return {ErrorKind::rate_limited, std::move(m)}; }

// [[nodiscard]]: a failure dropped on the floor is the bug this type exists to prevent. A caller
// that truly does not care says so with `(void)`.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok()
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }

  // REQUIRES: !ok()
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result of an operation that yields nothing but success.
struct Done {};
using Status = Result<Done>;
inline Status ok_status() { return Done{}; }

}  // namespace toasoan
