package main

import (
	"fmt"
	"os"
	str "strings"
)

type T struct{ f int }

func main() {
	a := 1
	b := 2
	b = 3
	c := 0
	c++
	d := 0
	d += 1
	var e T
	e.f = 1
	var g []int
	g[0] = 1
	for i, v := range []int{1} {
	}
	var y interface{} = 1
	switch z := y.(type) {
	case int:
	}
	h := func() { a = 2 }
	fmt.Println()
	var p *int
	*p = 1
	m, n := 1, 2
	_ = m
	ch := make(chan int)
	select {
	case w := <-ch:
	}
	_ = n
}
