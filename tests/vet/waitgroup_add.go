// gol vet test (wg.Add inside the goroutine, positive): the goroutine adds itself to the
// WaitGroup, so main's Wait may find the counter at zero and return before it has started.
package main

import (
	"fmt"
	"sync"
)

type pool struct {
	wg sync.WaitGroup
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		go func() {
			wg.Add(1)
			defer wg.Done()
			fmt.Println("worker", i)
		}()
	}
	wg.Wait()

	p := &pool{}
	go func() {
		p.wg.Add(1)
		defer p.wg.Done()
	}()
	p.wg.Wait()
}
