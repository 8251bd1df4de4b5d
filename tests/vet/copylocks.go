// gol vet test (copylocks, positive): every place go vet's copylocks analyzer reports a copied
// lock, with its wording: parameters, a value receiver, call arguments, assignments, variable
// declarations, composite literals, return values, range and for-loop variables.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c Counter) Value() int { return c.n }

func worker(id int, wg sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("worker", id)
}

func snapshot(c *Counter) Counter {
	return *c
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(1, wg)
	wg.Wait()

	var c Counter
	d := c
	var e = c
	all := []Counter{c}
	for _, x := range all {
		fmt.Println(x.n)
	}
	var hits atomic.Int64
	h := hits
	var once sync.Once
	fmt.Println(d.n, e.n, h.Load(), once, snapshot(&c).n)
	show := func(rw sync.RWMutex) {}
	show(sync.RWMutex{})
	for q := c; q.n < 1; q.n++ {
	}
	for r := snapshot(&c); r.n < 1; r.n++ {
	}
}
