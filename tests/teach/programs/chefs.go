package main

import (
	"fmt"
	"sync"
)

func cook(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	sum := 0
	for i := 0; i < 3000; i++ {
		sum += i % 7
	}
	fmt.Println("chef", id, "done", sum)
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go cook(i, &wg)
	}
	wg.Wait()
}
