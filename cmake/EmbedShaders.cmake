# Writes OUTPUT, a C++ source defining one string constant per GLSL file in INPUTS, so the
# binary carries its shaders and runs from any folder. Run as: cmake -DOUTPUT=.. -DINPUTS=.. -P
set(body "// Generated from shaders/*.glsl by cmake/EmbedShaders.cmake. Do not edit.\n#include \"render/EmbeddedShaders.hpp\"\nnamespace mirador::shaders {\n")
string(REPLACE "|" ";" INPUTS "${INPUTS}")  # the list travels '|'-separated through the shell
foreach(path ${INPUTS})
  get_filename_component(name ${path} NAME)
  string(REPLACE "." "_" ident ${name})
  file(READ ${path} text)
  string(APPEND body "const char* const ${ident} = R\"GLSL(${text})GLSL\";\n")
endforeach()
string(APPEND body "}  // namespace mirador::shaders\n")
file(WRITE ${OUTPUT}.tmp "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.tmp ${OUTPUT})
