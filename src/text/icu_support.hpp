// Internal to src/text/: access to the ICU singletons this module uses, and the one way it
// reacts to ICU failing. Not part of the public API.
//
// Thread-safety: the Normalizer2 instances are immutable ICU singletons whose const methods
// may be called concurrently (ICU user guide, "Thread-safe const APIs").
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/utypes.h>

namespace toasoan::text::detail {

// ICU fails here only when its data library is missing or memory is exhausted: the install is
// broken, not the input. Throws std::runtime_error naming the operation and the ICU error.
[[noreturn]] void throw_icu_error(const char* operation, UErrorCode code);

const icu::Normalizer2& nfc_normalizer();
const icu::Normalizer2& nfd_normalizer();

}  // namespace toasoan::text::detail
