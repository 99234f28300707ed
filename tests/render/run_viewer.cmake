# Runs the viewer once and checks how it ended. Variables (-D):
#   VIEWER        the dermasim-view program
#   ARGS          its arguments, separated by "|"
#   EXPECT        the exit code it must return
#   OUTPUT_MATCH  optional: a string its stdout + stderr must contain
#   XVFB_RUN      optional: run it under `xvfb-run -a` with a 1280x800x24 screen
#   PNG           optional: pass `--screenshot PNG` and check that a non-empty PNG appears
string(REPLACE "|" ";" args "${ARGS}")
set(command ${VIEWER} ${args})
if(PNG)
  file(REMOVE ${PNG})
  list(APPEND command --screenshot ${PNG})
endif()
if(XVFB_RUN)
  set(command ${XVFB_RUN} -a -s "-screen 0 1280x800x24" ${command})
endif()
list(JOIN command " " shown)
message(STATUS "running: ${shown}")
execute_process(COMMAND ${command} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err
                TIMEOUT 100)
message(STATUS "exit code ${code}\nstdout:\n${out}\nstderr:\n${err}")
if(NOT "${code}" STREQUAL "${EXPECT}")
  message(FATAL_ERROR "expected exit code ${EXPECT}, got ${code}")
endif()
if(DEFINED OUTPUT_MATCH)
  string(FIND "${out}${err}" "${OUTPUT_MATCH}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the output does not mention '${OUTPUT_MATCH}'")
  endif()
endif()
if(PNG)
  if(NOT EXISTS ${PNG})
    message(FATAL_ERROR "no screenshot at ${PNG}")
  endif()
  file(SIZE ${PNG} size)
  file(READ ${PNG} signature LIMIT 8 HEX)
  if(size EQUAL 0 OR NOT signature STREQUAL "89504e470d0a1a0a")
    message(FATAL_ERROR "${PNG} is not a PNG (${size} bytes, starts with ${signature})")
  endif()
  message(STATUS "screenshot ${PNG}: ${size} bytes")
endif()
