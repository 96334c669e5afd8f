# Shared by scripts/deps, scripts/run and scripts/test; sourced, never run.
# Sets ROOT to the repository's root and gives the helpers below.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${TOASOAN_BUILD_DIR:-$ROOT/build}"
# Two cores on the project's machines; more jobs only thrash.
JOBS="${TOASOAN_JOBS:-2}"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Configures build/ once (again only when CMakeLists change, which ninja handles itself)
# and builds everything: the server, unit tests, and what ctest needs.
build_all() {
  if [[ ! -f "$BUILD_DIR/build.ninja" ]] ||
    ! grep -q '^CMAKE_BUILD_TYPE:STRING=RelWithDebInfo$' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null; then
    say "configuring $BUILD_DIR"
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
  fi
  say "building (ninja -j$JOBS)"
  cmake --build "$BUILD_DIR" -j "$JOBS" "$@" >&2
}
