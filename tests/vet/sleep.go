// gol vet test (main waits with time.Sleep, positive): main starts goroutines, then sleeps and
// hopes they are done; nothing after the go statements waits for them.
package main

import (
	"fmt"
	"time"
)

func main() {
	results := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		go func() {
			results <- i * i
		}()
	}
	time.Sleep(100 * time.Millisecond)
	fmt.Println("got", len(results), "results")
}
