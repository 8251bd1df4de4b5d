// A counter shared by three goroutines under a mutex, results handed back on a channel:
// every schedule prints the same.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	counter := 0
	done := make(chan int)
	for g := 0; g < 3; g++ {
		go func() {
			for i := 0; i < 3; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
			done <- 1
		}()
	}
	total := 0
	for g := 0; g < 3; g++ {
		total += <-done
	}
	fmt.Println("counter", counter, "goroutines", total)
}
