# toasoan_embed(TARGET <lib> NAMESPACE <ns> BASE <dir> FILES <f>...)
#
# Compiles files into the binary so that toasoan stays one self-contained program: migrations,
# static assets and the sample content ship inside it. Generates a source file defining
#   std::span<const toasoan::EmbeddedFile> <ns>::embedded_files();
# where each name is the file's path relative to BASE. Regenerated when any file changes.
function(toasoan_embed)
  cmake_parse_arguments(E "" "TARGET;NAMESPACE;BASE" "FILES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${E_TARGET}_embedded.cpp)
  # A ';' would split the command line; the script turns '|' back into a list.
  string(REPLACE ";" "|" files_arg "${E_FILES}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNS=${E_NAMESPACE} -DBASE=${E_BASE}
            "-DFILES=${files_arg}" -P ${PROJECT_SOURCE_DIR}/cmake/EmbedGenerate.cmake
    DEPENDS ${E_FILES} ${PROJECT_SOURCE_DIR}/cmake/EmbedGenerate.cmake
    COMMENT "Embedding files for ${E_TARGET}"
    VERBATIM)
  add_library(${E_TARGET} STATIC ${out})
  target_link_libraries(${E_TARGET} PUBLIC toasoan_base)
endfunction()

# toasoan_embed_dir(TARGET <lib> NAMESPACE <ns> DIR <dir> DEPENDS <file>...)
#
# The same for a folder whose files are known only once a build step has written them (the
# newsroom app's Vite output, with content-hashed names): the folder is listed when the source
# is generated, each time one of DEPENDS (that step's stamp) changes. The source is rewritten
# only when its content differs, so a rebuild that changed nothing compiles nothing.
function(toasoan_embed_dir)
  cmake_parse_arguments(E "" "TARGET;NAMESPACE;DIR" "DEPENDS" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${E_TARGET}_embedded.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNS=${E_NAMESPACE} -DDIR=${E_DIR}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedGenerate.cmake
    DEPENDS ${E_DEPENDS} ${PROJECT_SOURCE_DIR}/cmake/EmbedGenerate.cmake
    COMMENT "Embedding ${E_DIR} for ${E_TARGET}"
    VERBATIM)
  add_library(${E_TARGET} STATIC ${out})
  target_link_libraries(${E_TARGET} PUBLIC toasoan_base)
endfunction()
