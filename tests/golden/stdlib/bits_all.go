package main

import (
	"fmt"
	"math/bits"
)

func main() {
	xs := []uint64{0, 1, 2, 3, 0x80, 0xff, 0x100, 0xffff, 0x12345678, 0x80000000, 0xffffffff, 1 << 40, 0xdeadbeefcafebabe, 1<<64 - 1}
	fmt.Println("UintSize", bits.UintSize)
	for _, x := range xs {
		fmt.Println(x, bits.LeadingZeros(uint(x)), bits.LeadingZeros8(uint8(x)), bits.LeadingZeros16(uint16(x)), bits.LeadingZeros32(uint32(x)), bits.LeadingZeros64(x))
		fmt.Println(" tz", bits.TrailingZeros(uint(x)), bits.TrailingZeros8(uint8(x)), bits.TrailingZeros16(uint16(x)), bits.TrailingZeros32(uint32(x)), bits.TrailingZeros64(x))
		fmt.Println(" ones", bits.OnesCount(uint(x)), bits.OnesCount8(uint8(x)), bits.OnesCount16(uint16(x)), bits.OnesCount32(uint32(x)), bits.OnesCount64(x))
		fmt.Println(" len", bits.Len(uint(x)), bits.Len8(uint8(x)), bits.Len16(uint16(x)), bits.Len32(uint32(x)), bits.Len64(x))
		fmt.Println(" rev", bits.Reverse(uint(x)), bits.Reverse8(uint8(x)), bits.Reverse16(uint16(x)), bits.Reverse32(uint32(x)), bits.Reverse64(x))
		fmt.Printf(" bytes %x %x %x %x\n", bits.ReverseBytes(uint(x)), bits.ReverseBytes16(uint16(x)), bits.ReverseBytes32(uint32(x)), bits.ReverseBytes64(x))
		for _, k := range []int{0, 1, 3, 7, 8, 13, 31, 33, 63, 64, 65, -1, -5, -64, -100} {
			fmt.Print(" ", bits.RotateLeft(uint(x), k), ",", bits.RotateLeft8(uint8(x), k), ",", bits.RotateLeft16(uint16(x), k), ",", bits.RotateLeft32(uint32(x), k), ",", bits.RotateLeft64(x, k))
		}
		fmt.Println()
		for _, y := range xs {
			s, c := bits.Add64(x, y, 1)
			s2, c2 := bits.Add32(uint32(x), uint32(y), 0)
			s3, c3 := bits.Add(uint(x), uint(y), 1)
			d, b := bits.Sub64(x, y, 1)
			d2, b2 := bits.Sub32(uint32(x), uint32(y), 1)
			d3, b3 := bits.Sub(uint(x), uint(y), 0)
			h, l := bits.Mul64(x, y)
			h2, l2 := bits.Mul32(uint32(x), uint32(y))
			h3, l3 := bits.Mul(uint(x), uint(y))
			fmt.Println("  ", y, s, c, s2, c2, s3, c3, d, b, d2, b2, d3, b3, h, l, h2, l2, h3, l3)
			if y > x {
				q, r := bits.Div64(x, 12345, y)
				q3, r3 := bits.Div(uint(x), 99, uint(y))
				fmt.Println("   div", q, r, q3, r3)
			}
			if uint32(y) > uint32(x) {
				q2, r2 := bits.Div32(uint32(x), 777, uint32(y))
				fmt.Println("   div32", q2, r2)
			}
			if y != 0 {
				fmt.Println("   rem", bits.Rem64(x, 5, y), bits.Rem(uint(x), 6, uint(y)))
			}
			if uint32(y) != 0 {
				fmt.Println("   rem32", bits.Rem32(uint32(x), 8, uint32(y)))
			}
		}
	}
	try := func(name string, f func()) {
		defer func() {
			r := recover()
			_, isErr := r.(error)
			fmt.Println(name, r, isErr)
		}()
		f()
	}
	try("div0", func() { bits.Div64(0, 1, 0) })
	try("divover", func() { bits.Div64(5, 1, 5) })
	try("div32over", func() { bits.Div32(7, 1, 3) })
	try("div32zero", func() { bits.Div32(0, 1, 0) })
	try("rem0", func() { bits.Rem64(3, 1, 0) })
	try("rem32zero", func() { bits.Rem32(3, 1, 0) })
	try("divuint", func() { bits.Div(1, 1, 1) })
}
