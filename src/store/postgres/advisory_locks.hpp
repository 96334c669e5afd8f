// The advisory lock keys and the notification channel every node agrees on. Thread-safe:
// constants.
#pragma once

#include <cstdint>

namespace toasoan::store::postgres {

// Any fixed numbers every node agrees on ("toasoan" in ASCII, and the next ones).
inline constexpr std::int64_t kMigrationLockKey = 0x746F61736F616E;
inline constexpr std::int64_t kCategoryLockKey = 0x746F61736F616E + 1;
inline constexpr std::int64_t kChangeLogLockKey = 0x746F61736F616E + 2;

// The channel every commit notifies and every node listens on.
inline constexpr const char* kChangeChannel = "toasoan_changes";

}  // namespace toasoan::store::postgres
