// Lesson 13: sync.Once and sync/atomic.
//
// sync.Once runs a function exactly once, however many goroutines call once.Do at the same
// time; the others wait until that first call has finished, so they all see its result.
// It is the usual way to set something up lazily. The sync/atomic package makes single
// operations on one variable indivisible: counter.Add(1) cannot be split the way counter++
// was in lesson 10. An atomic counter is cheaper than a mutex, but it only protects that one
// operation on that one variable.
//
// Run:
//   gol run -seed 1 scripts/lessons/13_once_atomic.go
//   gol run -seed 2 scripts/lessons/13_once_atomic.go
//   gol run -procs 4 scripts/lessons/13_once_atomic.go     (real threads)
//
// Notice:
//   - "loading config" is printed once, not five times, and every goroutine sees the loaded
//     config. Which goroutine did the loading changes with the seed, which is why the program
//     does not print it.
//   - The atomic counter is always 4000, with every seed and in real runs, where lesson 10's
//     plain counter++ lost updates.
//   - atomic.Int64 (a type with methods) is the modern form; the older functions such as
//     atomic.AddInt64(&n, 1) do the same on a plain int64.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var (
	once   sync.Once
	config map[string]string
)

func loadConfig() {
	fmt.Println("loading config")
	config = map[string]string{"greeting": "hello"}
}

func main() {
	// Part 1: five goroutines want the config; it is loaded once.
	var wg sync.WaitGroup
	var saw atomic.Int64 // how many goroutines saw the loaded config
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(loadConfig)
			if config["greeting"] == "hello" {
				saw.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("goroutines that saw the config:", saw.Load())

	// Part 2: an atomic counter, four goroutines, a thousand increments each.
	var counter atomic.Int64
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				counter.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("atomic counter:", counter.Load())

	var old int64
	atomic.AddInt64(&old, 5)
	fmt.Println("atomic.AddInt64 on a plain int64:", atomic.LoadInt64(&old))
}
