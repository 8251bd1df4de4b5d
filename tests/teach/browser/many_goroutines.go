package main

// 35 workers hand their results to main over a channel: 36 goroutines in all, more than the
// 30 sections a Mermaid timeline shows one by one, so the rest share a folded section.

import (
	"fmt"
	"sync"
)

func worker(id int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	sum := 0
	for i := 0; i < 20*(id%4+1); i++ {
		sum += i * id
	}
	results <- sum
}

func main() {
	const n = 35
	results := make(chan int)
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 1; i <= n; i++ {
		go worker(i, results, &wg)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	total, count := 0, 0
	for r := range results {
		total += r
		count++
	}
	fmt.Println("results:", count, "total:", total)
}
