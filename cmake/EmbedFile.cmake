# dermasim_embed_files(TARGET NAMESPACE file...): compiles each file into the target as a
# std::string_view constant, so installed programs need no data folder beside them.
# The generated header is <NAMESPACE>_embedded.hpp with a lookup by file name.
function(dermasim_embed_files target ns)
  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/embedded)
  set(header ${out_dir}/${ns}_embedded.hpp)
  set(source ${out_dir}/${ns}_embedded.cpp)
  add_custom_command(
    OUTPUT ${header} ${source}
    COMMAND ${CMAKE_COMMAND} -DNS=${ns} -DHEADER=${header} -DSOURCE=${source}
            "-DFILES=${ARGN}" -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFileScript.cmake
    DEPENDS ${ARGN} ${PROJECT_SOURCE_DIR}/cmake/EmbedFileScript.cmake
    COMMENT "Embedding ${ns} files"
    VERBATIM)  # keeps the ;-separated file list one argument through the shell
  target_sources(${target} PRIVATE ${source} ${header})
  target_include_directories(${target} PUBLIC ${out_dir})
endfunction()
