package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("Executing 1st goroutine")
	}()
	go func() {
		defer wg.Done()
		fmt.Println("Executing 2nd goroutine")
	}()
	wg.Wait()
	fmt.Println("All goroutines finished executing")
}
