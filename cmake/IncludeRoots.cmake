# Each library sees only the headers of the libraries it links. A library's public include root
# is a folder in the build tree that holds one link, `<folder>` -> src/<folder>, so
# `#include "io/ScenarioFile.hpp"` compiles only in targets that link dermasim_io: core cannot
# reach io, guidance, render or viewer headers by any include path (docs/ARCHITECTURE.md).

# dermasim_include_root(TARGET FOLDER [INTERFACE]): TARGET's headers are src/FOLDER/...
function(dermasim_include_root target folder)
  set(root ${PROJECT_BINARY_DIR}/include_roots/${folder})
  file(MAKE_DIRECTORY ${root})
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${folder} ${root}/${folder} SYMBOLIC)
  set(scope PUBLIC)
  if(ARGN STREQUAL "INTERFACE")
    set(scope INTERFACE)
  endif()
  target_include_directories(${target} ${scope} ${root})
endfunction()

# dermasim_header_subset(TARGET NAME HEADER...): an include root holding only the given headers
# (paths below src/), for a target that may read a few plain-data headers of a library without
# seeing the rest of it.
function(dermasim_header_subset target name)
  set(root ${PROJECT_BINARY_DIR}/include_roots/${name})
  foreach(header ${ARGN})
    get_filename_component(dir ${root}/${header} DIRECTORY)
    file(MAKE_DIRECTORY ${dir})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${header} ${root}/${header} SYMBOLIC)
  endforeach()
  target_include_directories(${target} INTERFACE ${root})
endfunction()
