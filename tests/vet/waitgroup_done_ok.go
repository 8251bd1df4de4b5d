// gol vet test (wg.Done not deferred, negative): defer wg.Done() first; a plain Done with no way
// out before it; returns inside nested function literals and deferred calls do not count.
package main

import (
	"fmt"
	"sync"
)

func fetch(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	if id == 2 {
		return
	}
	fmt.Println("fetched", id)
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer func() {
				if r := recover(); r != nil {
					return
				}
			}()
			square := func(n int) int { return n * n }
			fmt.Println("worker", square(i))
			wg.Done()
		}()
	}
	wg.Add(1)
	go fetch(1, &wg)
	wg.Wait()
}
