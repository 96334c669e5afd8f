#include "text/icu_support.hpp"

#include <stdexcept>
#include <string>

#include <unicode/utypes.h>

namespace toasoan::text::detail {

void throw_icu_error(const char* operation, UErrorCode code) {
  throw std::runtime_error(std::string("ICU ") + operation + " failed: " + u_errorName(code));
}

const icu::Normalizer2& nfc_normalizer() {
  // ICU caches the instance itself; the static only saves the lookup and the status check.
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw_icu_error("getNFCInstance", status);
    return n;
  }();
  return *instance;
}

const icu::Normalizer2& nfd_normalizer() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw_icu_error("getNFDInstance", status);
    return n;
  }();
  return *instance;
}

}  // namespace toasoan::text::detail
