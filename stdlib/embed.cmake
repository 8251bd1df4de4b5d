# Writes a C++ file holding every stdlib .gol file as a raw string, keyed by import path
# (the directory below stdlib/) and file name.
file(GLOB_RECURSE files RELATIVE ${STDLIB_DIR} ${STDLIB_DIR}/*.gol)
list(SORT files)
set(out "// Generated from stdlib/*.gol by stdlib/embed.cmake. Do not edit.\n#include \"stdlib.h\"\nnamespace gol::stdlib {\nconst EmbeddedFile kEmbeddedFiles[] = {\n")
foreach(f ${files})
  get_filename_component(dir ${f} DIRECTORY)
  get_filename_component(name ${f} NAME)
  file(READ ${STDLIB_DIR}/${f} text)
  string(APPEND out "  {\"${dir}\", \"stdlib/${f}\", R\"__gol__(${text})__gol__\"},\n")
endforeach()
string(APPEND out "  {nullptr, nullptr, nullptr}};\n}  // namespace gol::stdlib\n")
file(WRITE ${OUT}.tmp "${out}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
