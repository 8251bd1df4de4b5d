package main

import (
	"fmt"
	"sync"
)

func main() {
	var s []int
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s = append(s, 1)
	}()
	s = append(s, 2)
	wg.Wait()
	fmt.Println(len(s) > 0)
}
