// {fmt}'s compiled half, built into gol. Debian ships {fmt} only as libfmt.so, and loading it
// also loads the shared libstdc++ and libgcc_s it depends on (gol links those statically):
// mapping and relocating them took 1.5 ms of `gol version`'s 3.4 ms (perf stat, task-clock).
// With FMT_FUNC empty, format-inl.h defines {fmt}'s non-template functions here, once; the
// templates format.h declares `extern` for char are instantiated below.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template FMT_API auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API void buffer<char>::append(const char*, const char*);

}  // namespace detail
FMT_END_NAMESPACE
