package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	c := make(chan int)
	wg.Add(2)
	go func() { defer wg.Done(); c <- 1 }()
	wg.Wait()
	fmt.Println(<-c)
}
