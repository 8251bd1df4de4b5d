// gol vet test (wg.Add inside the goroutine, negative): Add before the go statement; a goroutine
// that adds for the goroutines it starts itself; a WaitGroup that belongs to the goroutine.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("worker", i)
		}()
	}
	wg.Wait()

	done := make(chan bool)
	go func() { // a supervisor: its Adds count the goroutines it starts
		for j := 0; j < 2; j++ {
			wg.Add(1)
			go func() { defer wg.Done() }()
		}
		wg.Wait()
		var own sync.WaitGroup
		own.Add(1)
		go func() { defer own.Done() }()
		own.Wait()
		done <- true
	}()
	<-done
}
