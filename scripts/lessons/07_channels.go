// Lesson 07: channels: unbuffered hand-off, buffered channels, close and range.
//
// A channel carries values from one goroutine to another. On an unbuffered channel
// (make(chan T)) a send waits until a receiver takes the value: the two goroutines meet,
// so a channel both moves data and synchronises. A buffered channel (make(chan T, n)) holds up
// to n values: sends wait only when it is full, receives only when it is empty. The sender
// closes a channel to say "no more values"; `for v := range ch` receives until then.
//
// Run:
//   gol run -seed 1 scripts/lessons/07_channels.go
//   gol run -seed 1 -timeline - scripts/lessons/07_channels.go
//   gol run -seed 1 -timeline lesson07.html scripts/lessons/07_channels.go
//
// Notice:
//   - Part 1: main's send `ping <- "ball"` waits until the player is ready to receive, and
//     main then waits on pong for the reply. The output is the same with every seed: each
//     line happens after the hand-off before it.
//   - Part 2: three sends into a channel of capacity 3 do not block, even with no receiver;
//     len is how many values wait in it, cap its size. Values come out first in, first out.
//     A fourth send would block main forever (try it: lesson 09 shows what Go says).
//   - Part 3: the producer sends five squares and closes the channel; main's range loop ends
//     after the last value. Receiving from a closed, empty channel does not block: it gives
//     the zero value and ok == false.
//   - In the timeline, blocked stretches ("·", or hover in the .html page) show who waited
//     on which channel.
package main

import "fmt"

func main() {
	// Part 1: an unbuffered hand-off and a reply.
	ping := make(chan string)
	pong := make(chan string)
	go func() {
		ball := <-ping // waits for main's send
		fmt.Println("player got the", ball)
		pong <- ball + " back"
	}()
	ping <- "ball" // waits for the player's receive
	fmt.Println("main got the", <-pong)

	// Part 2: a buffered channel.
	buf := make(chan int, 3)
	buf <- 1
	buf <- 2
	buf <- 3 // no receiver yet, and still no blocking: the buffer has room
	fmt.Println("len", len(buf), "cap", cap(buf))
	fmt.Println(<-buf, <-buf, <-buf)

	// Part 3: close and range.
	squares := make(chan int)
	go func() {
		for i := 1; i <= 5; i++ {
			squares <- i * i
		}
		close(squares) // only the sender closes
	}()
	for sq := range squares {
		fmt.Println("square", sq)
	}
	v, ok := <-squares
	fmt.Println("after close:", v, ok)
}
