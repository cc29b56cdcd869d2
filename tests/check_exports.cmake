# Regenerates the sample corpus's exports the way the README's main command
# does (every format: GraphML, GEXF, CSV nodes and edges, graphology JSON,
# and the HTML page of `wardgraph view`), into OUT, and fails if any committed file in exports/ differs.
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${EXE} build --quiet --all-formats -o ${OUT}/seeds.graphml tests/corpus/seeds
                WORKING_DIRECTORY ${SRC} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc)
  message(FATAL_ERROR "wardgraph build failed (${rc}): ${err}")
endif()
# ... and the page that draws it, from the GraphML just written
execute_process(COMMAND ${EXE} view ${OUT}/seeds.graphml -o ${OUT}/seeds.html
                WORKING_DIRECTORY ${SRC} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc)
  message(FATAL_ERROR "wardgraph view failed (${rc}): ${err}")
endif()
file(GLOB made RELATIVE ${OUT} ${OUT}/*)
file(GLOB committed RELATIVE ${SRC}/exports ${SRC}/exports/*)
list(SORT made)
list(SORT committed)
if(NOT made STREQUAL committed)
  message(FATAL_ERROR "exports/ holds [${committed}] but the build writes [${made}]")
endif()
foreach(f IN LISTS made)
  file(READ ${OUT}/${f} a)
  file(READ ${SRC}/exports/${f} b)
  if(NOT a STREQUAL b)
    execute_process(COMMAND diff -u ${SRC}/exports/${f} ${OUT}/${f})
    message(FATAL_ERROR "exports/${f} is out of date: run the README's main command")
  endif()
endforeach()
message(STATUS "exports/ up to date: ${made}")
