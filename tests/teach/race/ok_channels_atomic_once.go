package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	sem := make(chan struct{}, 1)
	x := 0
	var n int64
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				sem <- struct{}{}
				x++
				<-sem
				atomic.AddInt64(&n, 1)
			}
		}()
	}
	wg.Wait()
	done := make(chan int)
	y := 0
	go func() { y = 5; done <- 1 }()
	<-done
	var once sync.Once
	z := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); once.Do(func() { z = 7 }) }()
	}
	wg.Wait()
	fmt.Println(x, atomic.LoadInt64(&n), y, z)
}
