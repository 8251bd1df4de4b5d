package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	table := map[string]int{}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(2)
		go func(i int) { defer wg.Done(); rw.Lock(); table["k"] = i; rw.Unlock() }(i)
		go func() { defer wg.Done(); rw.RLock(); _ = table["k"]; rw.RUnlock() }()
	}
	wg.Wait()

	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	data := 0
	go func() { mu.Lock(); data = 42; ready = true; cond.Signal(); mu.Unlock() }()
	mu.Lock()
	for !ready {
		cond.Wait()
	}
	mu.Unlock()

	results := make(chan int)
	quit := make(chan struct{})
	shared := 0
	go func() { shared = 1; close(quit) }()
	select {
	case <-quit:
	case <-results:
	}
	ctx, cancel := context.WithCancel(context.Background())
	flag := 0
	go func() { flag = 1; cancel() }()
	<-ctx.Done()
	t := time.After(time.Millisecond)
	<-t
	fmt.Println(data, shared, flag, len(table))
}
