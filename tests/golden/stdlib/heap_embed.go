package main

import (
	"container/heap"
	"fmt"
	"sort"
)

// A heap built on sort.IntSlice, as many programs write it: Len, Less and Swap are promoted.
type H struct{ sort.IntSlice }

func (h *H) Push(x any) { h.IntSlice = append(h.IntSlice, x.(int)) }
func (h *H) Pop() any {
	a := h.IntSlice
	x := a[len(a)-1]
	h.IntSlice = a[:len(a)-1]
	return x
}

// Dijkstra over a small graph with a heap of [2]int{dist, node}.
type pairs [][2]int

func (p pairs) Len() int            { return len(p) }
func (p pairs) Less(i, j int) bool  { return p[i][0] < p[j][0] }
func (p pairs) Swap(i, j int)       { p[i], p[j] = p[j], p[i] }
func (p *pairs) Push(x any)         { *p = append(*p, x.([2]int)) }
func (p *pairs) Pop() any           { o := *p; x := o[len(o)-1]; *p = o[:len(o)-1]; return x }

func main() {
	h := &H{}
	for _, v := range []int{9, 4, 7, 1, 8, 2} {
		heap.Push(h, v)
	}
	fmt.Println(h.IntSlice)
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()
	adj := map[int][][2]int{0: {{1, 4}, {2, 1}}, 2: {{1, 2}, {3, 7}}, 1: {{3, 1}}}
	dist := []int{0, 1 << 30, 1 << 30, 1 << 30}
	q := &pairs{{0, 0}}
	for q.Len() > 0 {
		top := heap.Pop(q).([2]int)
		if top[0] > dist[top[1]] {
			continue
		}
		for _, e := range adj[top[1]] {
			if nd := top[0] + e[1]; nd < dist[e[0]] {
				dist[e[0]] = nd
				heap.Push(q, [2]int{nd, e[0]})
			}
		}
	}
	fmt.Println(dist)
}
