// Natives of package unicode (stdlib/unicode/unicode.gol) over the shared tables
// (unicode_tables.cpp).
#include "native/native.h"
#include "native/stdlib_util.h"

namespace gol::native {

#define GOL_UNI_IS(name, fn) \
  GOL_NATIVE(unicode_##name, "unicode." #name) { call.results[0] = Value::B(uni::fn(int32_t(call.args[0].i))); }
#define GOL_UNI_TO(name, fn) \
  GOL_NATIVE(unicode_##name, "unicode." #name) { call.results[0] = Value::I(uni::fn(int32_t(call.args[0].i))); }

GOL_UNI_IS(IsDigit, isDigit)
GOL_UNI_IS(IsNumber, isNumber)
GOL_UNI_IS(IsLetter, isLetter)
GOL_UNI_IS(IsSpace, isSpace)
GOL_UNI_IS(IsUpper, isUpper)
GOL_UNI_IS(IsLower, isLower)
GOL_UNI_IS(IsTitle, isTitle)
GOL_UNI_IS(IsPunct, isPunct)
GOL_UNI_IS(IsSymbol, isSymbol)
GOL_UNI_IS(IsMark, isMark)
GOL_UNI_IS(IsPrint, isPrint)
GOL_UNI_IS(IsGraphic, isGraphic)
GOL_UNI_IS(IsControl, isControl)
GOL_UNI_TO(ToUpper, toUpper)
GOL_UNI_TO(ToLower, toLower)
GOL_UNI_TO(ToTitle, toTitle)
GOL_UNI_TO(SimpleFold, simpleFold)

}  // namespace gol::native
