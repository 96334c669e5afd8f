# Script half of web/CMakeLists.txt: builds the newsroom app (web/newsroom) with Vite into OUT
# and touches STAMP once it succeeded.
#
#   cmake -DAPP=<web/newsroom> -DOUT=<folder> -DSTAMP=<file> [-DSOURCES=<hash>] -P NewsroomBuild.cmake
#
# SOURCES is unused here: it only makes the command change when the list of the app's files does.
#
# node and npm are looked for here, at build time, rather than only when configuring, so that
# running ./scripts/deps after a failed build is enough: no reconfigure needed.
find_program(npm_exe npm)
find_program(node_exe NAMES node nodejs)
if(NOT npm_exe OR NOT node_exe)
  message(FATAL_ERROR "The newsroom app (web/newsroom) is built with node and npm, which are not "
                      "installed: run ./scripts/deps, then build again.")
endif()
foreach(tool vite tsc)
  if(NOT EXISTS "${APP}/node_modules/.bin/${tool}")
    message(FATAL_ERROR "The newsroom app's packages are not installed (no web/newsroom/node_modules/.bin/${tool}): "
                        "run ./scripts/deps (it runs npm ci in web/newsroom), then build again.")
  endif()
endforeach()

# The build reaches no network: no update check from npm.
set(ENV{npm_config_update_notifier} false)
set(ENV{npm_config_fund} false)
set(ENV{TOASOAN_NEWSROOM_OUT} "${OUT}")
file(REMOVE "${STAMP}")
# `npm run build` type-checks (tsc --noEmit), then `vite build` writes index.html and assets/
# into OUT (emptied first); warnings and errors only.
execute_process(
  COMMAND "${npm_exe}" run --silent build -- --logLevel warn
  WORKING_DIRECTORY "${APP}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "The newsroom app's build failed (npm run build in web/newsroom: ${rc}); see above.")
endif()
if(NOT EXISTS "${OUT}/index.html")
  message(FATAL_ERROR "The newsroom app's build wrote no index.html into ${OUT}.")
endif()
file(TOUCH "${STAMP}")
