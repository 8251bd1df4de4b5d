package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(time.Hour)
	fmt.Println(time.Since(start) >= time.Hour, time.Since(start) < time.Hour+time.Second)
	t := time.NewTicker(10 * time.Millisecond)
	n := 0
	deadline := time.After(105 * time.Millisecond)
loop:
	for {
		select {
		case <-t.C:
			n++
		case <-deadline:
			break loop
		}
	}
	fmt.Println("ticks", n)
	fmt.Println(time.Now().UTC().Format("2006-01-02 15"))
	m := map[int]int{1: 1, 2: 2, 3: 3, 4: 4, 5: 5}
	for k := range m {
		fmt.Print(k)
	}
	fmt.Println()
}
