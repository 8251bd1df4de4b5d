// Two goroutines take two mutexes in opposite orders, with some work in between: most
// schedules finish, a few deadlock.
package main

import (
	"fmt"
	"sync"
)

func work(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	return s
}

func main() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.Lock()
		work(30)
		b.Lock()
		b.Unlock()
		a.Unlock()
	}()
	go func() {
		defer wg.Done()
		work(200)
		b.Lock()
		work(30)
		a.Lock()
		a.Unlock()
		b.Unlock()
	}()
	wg.Wait()
	fmt.Println("done")
}
