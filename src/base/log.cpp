#include "base/log.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

namespace toasoan::log {
namespace {

std::atomic<int> g_level{static_cast<int>(Level::info)};

constexpr std::string_view level_name(Level l) {
  switch (l) {
    case Level::debug: return "debug";
    case Level::info: return "info";
    case Level::warn: return "warn";
    case Level::error: return "error";
  }
  return "?";
}

void emit(std::string& line) {
  line.push_back('\n');
  std::size_t off = 0;
  while (off < line.size()) {
    ssize_t n = ::write(STDERR_FILENO, line.data() + off, line.size() - off);
    if (n <= 0) return;  // a closed stderr must not take the server down
    off += static_cast<std::size_t>(n);
  }
}

void timestamp(std::string& out) {
  using namespace std::chrono;
  auto now = system_clock::now();
  std::time_t t = system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                        tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                        static_cast<int>(ms));
  out.append(buf, static_cast<std::size_t>(n));
}

}  // namespace

void set_level(Level level) { g_level.store(static_cast<int>(level), std::memory_order_relaxed); }
bool enabled(Level level) { return static_cast<int>(level) >= g_level.load(std::memory_order_relaxed); }

void write(Level level, std::string_view message) {
  if (!enabled(level)) return;
  std::string line;
  line.reserve(message.size() + 40);
  timestamp(line);
  line.push_back(' ');
  line.append(level_name(level));
  line.push_back(' ');
  line.append(message);
  emit(line);
}

void access(std::string_view l) {
  std::string line;
  line.reserve(l.size() + 32);
  timestamp(line);
  line.append(" access ");
  line.append(l);
  emit(line);
}

}  // namespace toasoan::log
