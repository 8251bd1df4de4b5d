// m[k]++ and m[k] op= constant, which look the entry up once: every kind of key and value,
// absent keys, wrapping, a nil map. Expected output from Go.
package main

import "fmt"

type P struct{ x, y int }

func main() {
	m := map[string]int{}
	for _, w := range []string{"a", "b", "a", "c", "a", "b"} {
		m[w]++
	}
	m["z"]--
	m["a"] += 10
	m["b"] *= 3
	m["q"] <<= 2
	fmt.Println(m)
	f := map[int]float64{}
	f[1] += 0.5
	f[1] += 0.25
	f[2] -= 1
	fmt.Println(f)
	s := map[P]string{}
	s[P{1, 2}] += "x"
	s[P{1, 2}] += "y"
	fmt.Println(s)
	var u map[uint8]uint8 = map[uint8]uint8{7: 255}
	u[7]++
	u[8]--
	fmt.Println(u)
	defer func() { fmt.Println("recovered:", recover()) }()
	var nilmap map[string]int
	nilmap["x"]++
}
