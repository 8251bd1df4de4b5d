// Fiber switching: Boost.Context's jump_fcontext/make_fcontext (5.5 ns per switch measured;
// never ucontext) plus the sanitizer annotations every switch needs.
//
// Under ASan (GOL_ASAN) each switch is bracketed by __sanitizer_start_switch_fiber (naming the
// destination stack) and __sanitizer_finish_switch_fiber (learning the stack we came from).
// Under TSan (GOL_TSAN) each goroutine is a TSan fiber and we __tsan_switch_to_fiber before
// jumping. Without sanitizers these helpers compile to nothing.
#pragma once
#include <boost/context/detail/fcontext.hpp>
#include <cstddef>

#if defined(GOL_ASAN)
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif
#if defined(GOL_TSAN)
#include <sanitizer/tsan_interface.h>
#endif

namespace gol::sched::ctx {

using boost::context::detail::fcontext_t;
using boost::context::detail::jump_fcontext;
using boost::context::detail::make_fcontext;
using boost::context::detail::transfer_t;

// ASan: about to leave the current stack for [bottom, bottom+size). fakeSave == nullptr means
// the current fiber is ending for good.
inline void asanStart(void** fakeSave, const void* bottom, size_t size) {
#if defined(GOL_ASAN)
  __sanitizer_start_switch_fiber(fakeSave, bottom, size);
#else
  (void)fakeSave, (void)bottom, (void)size;
#endif
}
// ASan: arrived on a stack; reports the stack we came from.
inline void asanFinish(void* fake, const void** oldBottom, size_t* oldSize) {
#if defined(GOL_ASAN)
  __sanitizer_finish_switch_fiber(fake, oldBottom, oldSize);
#else
  (void)fake, (void)oldBottom, (void)oldSize;
#endif
}

// ASan: a reused stack may still carry the poisoned redzones of frames that never returned
// (a goroutine ends by switching away): clear them before running on it again.
inline void asanUnpoison(const void* lo, size_t size) {
#if defined(GOL_ASAN)
  ASAN_UNPOISON_MEMORY_REGION(lo, size);
#else
  (void)lo, (void)size;
#endif
}

inline void* tsanCreate() {
#if defined(GOL_TSAN)
  return __tsan_create_fiber(0);
#else
  return nullptr;
#endif
}
inline void tsanDestroy(void* f) {
#if defined(GOL_TSAN)
  if (f) __tsan_destroy_fiber(f);
#else
  (void)f;
#endif
}
inline void* tsanCurrent() {
#if defined(GOL_TSAN)
  return __tsan_get_current_fiber();
#else
  return nullptr;
#endif
}
inline void tsanSwitch(void* f) {
#if defined(GOL_TSAN)
  __tsan_switch_to_fiber(f, 0);
#else
  (void)f;
#endif
}

}  // namespace gol::sched::ctx
