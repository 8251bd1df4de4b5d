# Makes a generated lexer or parser header (FILE) include src/syntax/antlr_runtime.h instead of
# Debian's umbrella antlr4-runtime.h, which does not compile under clang 14 (see that header).
file(READ ${FILE} text)
set(umbrella "#include \"antlr4-runtime.h\"")
string(FIND "${text}" "${umbrella}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "runtime_include.cmake: no '${umbrella}' in ${FILE}: the ANTLR output changed")
endif()
string(REPLACE "${umbrella}" "#include \"antlr_runtime.h\"  // src/syntax/runtime_include.cmake" text "${text}")
file(WRITE ${FILE} "${text}")
