// Two goroutines append to a shared slice under a mutex: either order, never a lost element.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var got []int
	done := make(chan bool)
	for i := 1; i <= 2; i++ {
		go func(v int) {
			mu.Lock()
			got = append(got, v)
			mu.Unlock()
			done <- true
		}(i)
	}
	<-done
	<-done
	fmt.Println(got)
}
