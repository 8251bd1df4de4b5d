// Two senders and a select that takes whichever is ready first, then the other.
package main

import "fmt"

func main() {
	a, b := make(chan string), make(chan string)
	go func() { a <- "a" }()
	go func() { b <- "b" }()
	for i := 0; i < 2; i++ {
		select {
		case s := <-a:
			fmt.Print(s)
		case s := <-b:
			fmt.Print(s)
		}
	}
	fmt.Println()
}
