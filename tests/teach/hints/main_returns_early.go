package main

import "fmt"

func worker(c chan int) {
	c <- 1
	fmt.Println("never printed")
}

func main() {
	c := make(chan int)
	go worker(c)
	go func() {
		for {
		}
	}()
	fmt.Println("main done")
}
