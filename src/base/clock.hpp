// Wall-clock time as Unix seconds, the unit every stored time uses.
#pragma once

#include <chrono>
#include <cstdint>

namespace toasoan {

inline std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace toasoan
