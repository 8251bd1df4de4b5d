// gol vet test (wg.Done not deferred, positive): a goroutine (a literal, a function, a method)
// that can return, or panic, before its wg.Done() leaves the counter above zero, and Wait
// blocks forever.
package main

import (
	"fmt"
	"sync"
)

func fetch(id int, wg *sync.WaitGroup) {
	if id == 2 {
		panic("no such id")
	}
	fmt.Println("fetched", id)
	wg.Done()
}

type crawler struct{ wg sync.WaitGroup }

func (c *crawler) visit(url string) {
	if url == "" {
		return
	}
	fmt.Println("visited", url)
	c.wg.Done()
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			if i%2 == 0 {
				return // skips the Done below
			}
			fmt.Println("worker", i)
			wg.Done()
		}()
	}
	wg.Add(1)
	go fetch(1, &wg)
	wg.Wait()

	c := &crawler{}
	c.wg.Add(1)
	go c.visit("https://go.dev")
	c.wg.Wait()
}
