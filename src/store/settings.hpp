// The newsroom's settings an admin changes at run time (the editorial chain; later the
// comments' disallowed words…): named values in the database, so every node reads the same.
// Thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace toasoan::store {

class UnitOfWork;

class Settings {
 public:
  virtual ~Settings() = default;
  virtual Result<std::optional<std::string>> get(std::string_view name) = 0;
  virtual Result<std::map<std::string, std::string>> all() = 0;
  // Logs a `setting <name>` change-log entry, so every node rereads it.
  virtual Status set(UnitOfWork& work, std::string_view name, std::string_view value) = 0;
};

}  // namespace toasoan::store
