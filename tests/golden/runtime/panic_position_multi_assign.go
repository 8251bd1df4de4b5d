// A panic in the right-hand side of n, err := call() (and var n, err = call()) reports the
// statement's line in its frame (it used to say ?:0).
package main

import "io"

type T struct{ rd io.Reader }

func (x *T) fill(buf []byte) int {
	n, err := x.rd.Read(buf)
	_ = err
	return n
}

func main() {
	t := &T{}
	t.fill(make([]byte, 4))
}
