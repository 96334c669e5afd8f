// Process-wide logging: one line per event on standard error, each line written whole.
//
// The access log writes a line per request from every I/O thread, so a line is built in the
// caller's buffer and handed over in a single write(2); lines from different threads never
// interleave and no lock is held while formatting. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace toasoan::log {

enum class Level { debug, info, warn, error };

void set_level(Level level);
bool enabled(Level level);

void write(Level level, std::string_view message);
inline void info(std::string_view m) { write(Level::info, m); }
inline void warn(std::string_view m) { write(Level::warn, m); }
inline void error(std::string_view m) { write(Level::error, m); }

// Writes `line` (no trailing newline) as one access-log line.
void access(std::string_view line);

// Appends `field` (a request's method, target, …) so that it can be written between double
// quotes in a log line and read back unambiguously, whatever a client sent: `"` becomes `\"`,
// a backslash `\\`, and `\xHH` stands for each byte that is an ASCII control (below 0x20, or
// 0x7f), a C1 control (U+0080 to U+009F, which some terminals obey) or not part of valid UTF-8.
// Valid UTF-8 text (a Vietnamese path sent unencoded) stays as it is, readable.
void append_escaped(std::string& out, std::string_view field);

}  // namespace toasoan::log
