# Warnings on for our own targets only; dependencies' headers are system headers.
add_library(dermasim_warnings INTERFACE)
target_compile_options(dermasim_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
option(DERMASIM_WERROR "Treat warnings as errors" OFF)
if(DERMASIM_WERROR)
  target_compile_options(dermasim_warnings INTERFACE -Werror)
endif()
