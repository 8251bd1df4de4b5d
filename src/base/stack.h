// Native stack headroom of the current thread. The checker walks the syntax tree recursively, and
// a pathological program (15,000 terms of `1+1+…`, 10,000 chained calls) would overflow the
// thread's stack; the walks ask here first and stop with "program nested too deeply" instead.
#pragma once
#include <cstddef>

namespace gol {

// Bytes left between the caller's frame and the low end of this thread's stack. SIZE_MAX when the
// caller does not run on the thread's own stack (a goroutine's fiber stack: the scheduler guards
// those, sched::stackLow) or when the bounds are unknown.
size_t stackHeadroom();

// Headroom the front end's tree walks keep in reserve: below it they stop descending. Enough for
// what runs after a walk gives up (error messages, unwinding) on any build, sanitizers included:
// 1 MiB, or a quarter of a smaller stack.
size_t stackReserve();

}  // namespace gol
