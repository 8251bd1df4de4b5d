// Lesson 14: pipelines, fan-out and fan-in.
//
// A pipeline is a chain of stages joined by channels: each stage is a goroutine that receives
// from the channel before it, does its part, and sends to the channel after it, closing its
// output when its input is done. Here gen produces numbers, square squares them, and main
// prints. Fan-out starts several copies of a slow stage reading the same channel; fan-in
// (merge) joins their outputs back into one channel.
//
// Run:
//   gol run -seed 1 scripts/lessons/14_pipeline.go
//   gol run -seed 2 scripts/lessons/14_pipeline.go
//   gol run -seed 1 -timeline lesson14.html scripts/lessons/14_pipeline.go
//
// Notice:
//   - Part 1 (one chain) keeps the order: 1 4 9 16 25, with every seed. Each stage handles
//     one value at a time, in order.
//   - Part 2 (two squarers, merged) gives the same numbers in an order that changes with the
//     seed. Fan-out trades order for throughput; the sum stays 385.
//   - Every stage closes its output when done, so each `range` downstream ends, and merge
//     closes its output only after both of its inputs are finished (a WaitGroup again).
//   - The stages run at the same time: in the timeline, gen is already making the next value
//     while square works on the one before.
package main

import (
	"fmt"
	"sync"
)

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

// merge copies every value from every input to one output, and closes it when all are done.
func merge(inputs ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range in {
				out <- v
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	// Part 1: gen -> square -> main.
	fmt.Print("one chain:")
	for v := range square(gen(1, 2, 3, 4, 5)) {
		fmt.Print(" ", v)
	}
	fmt.Println()

	// Part 2: gen -> two squarers -> merge -> main.
	src := gen(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
	s1, s2 := square(src), square(src)
	fmt.Print("fan-out, fan-in:")
	sum := 0
	for v := range merge(s1, s2) {
		fmt.Print(" ", v)
		sum += v
	}
	fmt.Println()
	fmt.Println("sum:", sum)
}
