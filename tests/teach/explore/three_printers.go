package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, name := range []string{"A", "B", "C"} {
		wg.Add(1)
		go func(n string) {
			defer wg.Done()
			fmt.Println(n)
		}(name)
	}
	wg.Wait()
}
