# Makes the generated lexer or parser (FILE, class CLASS) load its tables when the first one is
# constructed instead of in a static initialiser at every start: gol version, gol help and the
# start of every command that parses nothing stop paying ANTLR's ATN deserialisation (about a
# third of start-up). A function-local static is initialised once, thread-safely.
file(READ ${FILE} text)
set(static_init "${CLASS}::Initializer ${CLASS}::_init;")
string(FIND "${text}" "${static_init}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "lazy_init.cmake: no '${static_init}' in ${FILE}: the ANTLR output changed")
endif()
string(REPLACE "${static_init}" "// (${CLASS}'s tables: loaded by its first constructor, src/syntax/lazy_init.cmake)" text "${text}")
string(REGEX MATCH "${CLASS}::${CLASS}\\([A-Za-z]+ \\*input\\) : [A-Za-z]+\\(input\\) {\n" ctor "${text}")
if(ctor STREQUAL "")
  message(FATAL_ERROR "lazy_init.cmake: no constructor of ${CLASS} in ${FILE}")
endif()
string(REPLACE "${ctor}" "${ctor}  static Initializer tables;\n" text "${text}")
file(WRITE ${FILE} "${text}")
