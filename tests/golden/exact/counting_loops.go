// Counting loops (int local against a local or constant, i++/i--), fused by the compiler:
// break, continue with labels, per-iteration variables (Go 1.22: closures see 0, 1, 2), s[i].
package main

import "fmt"

func main() {
	s := 0
	for i := 0; i < 10; i++ {
		s += i
	}
	for i := 10; i > 0; i-- {
		s += i * 2
	}
	for i := 0; i <= 5; i++ {
		if i == 3 {
			continue
		}
		s += i
	}
	n := 7
	for i := 0; i != n; i++ {
		if i == 5 {
			break
		}
		s++
	}
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			s += 100
		}
	}
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		s += f() * 1000
	}
	a := []int{5, 6, 7}
	for i := 0; i < len(a); i++ {
		a[i] = a[i] * 2
	}
	for i := 3; i >= 1; i-- {
		n += i
	}
	fmt.Println(s, a, n)
	defer func() { fmt.Println("recovered:", recover()) }()
	k := 3
	fmt.Println(a[k])
}
