package main

// Four CPU-bound goroutines and nothing else to wait for: at -procs 1 they take turns on the
// one P, at -procs 4 they run side by side and the run takes about a quarter of the time.

import (
	"fmt"
	"sync"
)

func spin(id int, n int, out []int, wg *sync.WaitGroup) {
	defer wg.Done()
	x := 0
	for i := 0; i < n; i++ {
		x = (x*31 + i + id) % 1000003
	}
	out[id] = x
}

func main() {
	out := make([]int, 4)
	var wg sync.WaitGroup
	wg.Add(4)
	for id := 0; id < 4; id++ {
		go spin(id, 3000, out, &wg)
	}
	wg.Wait()
	fmt.Println(out[0] > 0, out[1] > 0, out[2] > 0, out[3] > 0)
}
