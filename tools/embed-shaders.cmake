# Embeds every shaders/*.glsl file as a C string: shader_<name> (dots and dashes become _).
# cmake -DDIR=shaders -DOUT=shaders.cpp -P embed-shaders.cmake
file(GLOB files "${DIR}/*.glsl")
set(body "// Generated from ${DIR}; do not edit.\n")
foreach(f ${files})
  get_filename_component(name ${f} NAME_WE)
  string(REGEX REPLACE "[^A-Za-z0-9]" "_" name "${name}")
  file(READ ${f} text)
  string(APPEND body "extern const char* const shader_${name} = R\"glsl(${text})glsl\";\n")
endforeach()
file(WRITE "${OUT}" "${body}")
