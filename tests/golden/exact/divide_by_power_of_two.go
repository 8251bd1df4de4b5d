// x / 2^k and x % 2^k by constants, which the compiler turns into shifts and masks: signed
// values truncate toward zero, sized kinds wrap; expected output from Go.
package main

import "fmt"

func main() {
	xs := []int{-9, -8, -7, -5, -4, -1, 0, 1, 3, 4, 5, 7, 8, 9, -9223372036854775808, 9223372036854775807}
	for _, x := range xs {
		fmt.Println(x, x/4, x%4, x/1, x/2, x%2, x/1073741824, x%2147483648, x/4611686018427387904, x%4611686018427387904)
	}
	var a int8 = -128
	var b int8 = 127
	fmt.Println(a/2, a%2, a/64, a%64, b/64, b%64, a/16, a%16)
	var u uint8 = 255
	var w uint64 = 1<<64 - 1
	fmt.Println(u/2, u%2, u/128, u%128, w/1024, w%1024, w/9223372036854775808, w%9223372036854775808)
	var i32 int32 = -2147483648
	fmt.Println(i32/1024, i32%1024, i32/1073741824, i32%1073741824)
	s := 12345
	for i := 0; i < 5; i++ {
		s = (s*1103515245 + 12345) % 2147483648
		fmt.Println(s, s/65536, (s/65536)%4)
	}
	n := -7
	n /= 2
	m := -7
	m %= 4
	fmt.Println(n, m)
}
