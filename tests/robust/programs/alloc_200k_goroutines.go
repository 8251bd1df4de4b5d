package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < 200000; i++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			buf := make([]int, 64)
			for j := range buf {
				buf[j] = j * k
			}
			s := fmt.Sprint(len(buf))
			mu.Lock()
			total += len(s)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(total)
}
