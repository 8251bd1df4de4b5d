// Lesson 08: select: waiting on several channels, timeouts, and non-blocking tries.
//
// select waits until one of its cases can go ahead and runs that one. With a `default` case it
// never waits. time.After(d) returns a channel that receives once, d from now, which makes
// it the usual way to give up waiting. When several cases are ready at once, select picks one
// of them at random, so no case can be starved.
//
// Run:
//   gol run -seed 1 scripts/lessons/08_select.go
//   gol run -seed 2 scripts/lessons/08_select.go
//   gol run -seed 1 -timeline - scripts/lessons/08_select.go
//   gol run scripts/lessons/08_select.go        (a real run: this one takes about 3 seconds)
//
// Notice:
//   - Part 1: the quick reply (50 ms) is taken before the slow one (2 s), whatever the order of
//     the cases in the code.
//   - Part 2: the report takes 3 s but we only wait 1 s, so the time.After case wins. The
//     result channel has room for one value, so the late goroutine can still send and end
//     instead of being stuck forever (a goroutine leak).
//   - Part 3: with `default`, a receive from an empty channel does not wait.
//   - Part 4: both channels always have a value ready, and select picks fairly at random:
//     the counts are near 50/50 and change with the seed (same seed, same counts).
//   - With -seed, time is virtual: the run "takes" 3 s, as the last line says, yet finishes at
//     once. The real run takes the full 3 seconds.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()

	// Part 1: whichever is ready first.
	quick := make(chan string)
	slow := make(chan string)
	go func() {
		time.Sleep(2 * time.Second)
		slow <- "slow reply"
	}()
	go func() {
		time.Sleep(50 * time.Millisecond)
		quick <- "quick reply"
	}()
	for i := 0; i < 2; i++ {
		select {
		case msg := <-slow:
			fmt.Println("got", msg)
		case msg := <-quick:
			fmt.Println("got", msg)
		}
	}

	// Part 2: a timeout.
	result := make(chan string, 1)
	go func() {
		time.Sleep(3 * time.Second)
		result <- "report" // never blocks: the buffer has room even if nobody is left to read
	}()
	select {
	case r := <-result:
		fmt.Println("got", r)
	case <-time.After(1 * time.Second):
		fmt.Println("gave up waiting after 1s")
	}

	// Part 3: a non-blocking receive.
	empty := make(chan int)
	select {
	case v := <-empty:
		fmt.Println("received", v)
	default:
		fmt.Println("nothing ready, not waiting")
	}

	// Part 4: two ready cases, a random pick each time.
	a := make(chan int, 1)
	b := make(chan int, 1)
	countA, countB := 0, 0
	for i := 0; i < 1000; i++ {
		a <- 1
		b <- 1
		select {
		case <-a:
			countA++
			<-b
		case <-b:
			countB++
			<-a
		}
	}
	fmt.Println("a chosen", countA, "times, b chosen", countB, "times")

	fmt.Println("elapsed:", time.Since(start).Round(time.Second))
}
