package main

import (
	"container/heap"
	"container/list"
	"container/ring"
	"fmt"
	"strings"
)

// An IntHeap logs every Less and Swap, so the order of heap's moves is part of the output.
type IntHeap struct {
	a   []int
	log *strings.Builder
}

func (h *IntHeap) Len() int { return len(h.a) }
func (h *IntHeap) Less(i, j int) bool {
	fmt.Fprintf(h.log, "L%d%d ", i, j)
	return h.a[i] < h.a[j]
}
func (h *IntHeap) Swap(i, j int) {
	fmt.Fprintf(h.log, "S%d%d ", i, j)
	h.a[i], h.a[j] = h.a[j], h.a[i]
}
func (h *IntHeap) Push(x any) { h.a = append(h.a, x.(int)) }
func (h *IntHeap) Pop() any {
	n := len(h.a)
	x := h.a[n-1]
	h.a = h.a[:n-1]
	return x
}

type item struct {
	name  string
	prio  int
	index int
}

type pq []*item

func (q pq) Len() int            { return len(q) }
func (q pq) Less(i, j int) bool  { return q[i].prio > q[j].prio }
func (q pq) Swap(i, j int)       { q[i], q[j] = q[j], q[i]; q[i].index = i; q[j].index = j }
func (q *pq) Push(x any)         { it := x.(*item); it.index = len(*q); *q = append(*q, it) }
func (q *pq) Pop() any           { old := *q; n := len(old); it := old[n-1]; it.index = -1; *q = old[:n-1]; return it }

func printList(l *list.List) {
	var parts []string
	for e := l.Front(); e != nil; e = e.Next() {
		parts = append(parts, fmt.Sprint(e.Value))
	}
	var back []string
	for e := l.Back(); e != nil; e = e.Prev() {
		back = append(back, fmt.Sprint(e.Value))
	}
	fmt.Println(l.Len(), "[", strings.Join(parts, " "), "] rev [", strings.Join(back, " "), "]")
}

func main() {
	log := &strings.Builder{}
	h := &IntHeap{a: []int{5, 2, 8, 1, 9, 3, 7, 3}, log: log}
	heap.Init(h)
	fmt.Println(h.a, log.String())
	log.Reset()
	heap.Push(h, 0)
	heap.Push(h, 6)
	fmt.Println(h.a, log.String())
	log.Reset()
	fmt.Println(heap.Remove(h, 3), h.a, log.String())
	log.Reset()
	h.a[2] = 100
	heap.Fix(h, 2)
	h.a[5] = -1
	heap.Fix(h, 5)
	fmt.Println(h.a, log.String())
	log.Reset()
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()
	fmt.Println(log.String())

	q := pq{}
	for i, n := range []string{"banana", "apple", "pear", "kiwi", "fig"} {
		heap.Push(&q, &item{name: n, prio: (i * 7) % 5})
	}
	it := q[2]
	it.prio = 10
	heap.Fix(&q, it.index)
	for q.Len() > 0 {
		x := heap.Pop(&q).(*item)
		fmt.Print(x.name, ":", x.prio, " ")
	}
	fmt.Println()

	var l list.List
	printList(&l)
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	printList(&l)
	l.MoveToBack(e1)
	l.MoveToFront(e4)
	printList(&l)
	l.MoveBefore(e1, e4)
	l.MoveAfter(e4, l.Back())
	printList(&l)
	fmt.Println(l.Remove(e1), e1.Next(), e1.Prev())
	printList(&l)
	other := list.New()
	other.PushBack("x")
	other.PushBack("y")
	l.PushBackList(other)
	l.PushFrontList(other)
	printList(&l)
	l.PushBackList(&l)
	printList(&l)
	fmt.Println(other.Remove(l.Front()), l.Len(), other.Len())
	fmt.Println(other.InsertBefore(9, l.Front()) == nil, other.InsertAfter(9, l.Front()) == nil)
	l.MoveToFront(other.Front())
	printList(&l)
	l.Init()
	printList(&l)
	fmt.Println(l.Front() == nil, l.Back() == nil)

	r := ring.New(5)
	n := r.Len()
	for i := 0; i < n; i++ {
		r.Value = i
		r = r.Next()
	}
	show := func(r *ring.Ring) {
		r.Do(func(p any) { fmt.Print(p, " ") })
		fmt.Println("len", r.Len())
	}
	show(r)
	show(r.Move(2))
	show(r.Move(-7))
	show(r.Prev())
	cut := r.Unlink(2)
	show(r)
	show(cut)
	s := ring.New(3)
	for i := 0; i < 3; i++ {
		s.Value = 10 + i
		s = s.Next()
	}
	res := r.Link(s)
	show(r)
	show(res)
	var z ring.Ring
	fmt.Println(z.Len(), z.Next() == &z, z.Prev() == &z, z.Move(3) == &z)
	var nr *ring.Ring
	fmt.Println(nr.Len(), ring.New(0) == nil, r.Unlink(0) == nil)
	nr.Do(func(any) { fmt.Println("never") })
	self := r.Link(r)
	show(self)
}
