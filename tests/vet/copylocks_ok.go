// gol vet test (copylocks, negative): the same program done right, with pointers to the locks,
// and the copies vet allows: composite literals and call results are fresh values, and
// new, len and cap do not copy.
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

func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func NewCounter() Counter { return Counter{} }

func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("worker", id)
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(1, &wg)
	wg.Wait()

	c := NewCounter()
	p := &c
	all := []*Counter{p, new(Counter)}
	for _, x := range all {
		fmt.Println(x.Value())
	}
	for i := range all {
		fmt.Println(i)
	}
	var hits atomic.Int64
	hits.Add(1)
	fmt.Println(p.Value(), hits.Load(), len(all))
}
