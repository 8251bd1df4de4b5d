package main

import (
	"fmt"
	"unicode/utf16"
)

func main() {
	rs := []rune{'a', 0x7f, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x1f600, 0x10ffff, 0x110000, -1}
	for _, r := range rs {
		r1, r2 := utf16.EncodeRune(r)
		fmt.Printf("%#x surr=%v enc=%#x,%#x back=%#x\n", r, utf16.IsSurrogate(r), r1, r2, utf16.DecodeRune(r1, r2))
	}
	enc := utf16.Encode(rs)
	fmt.Printf("%#x\n", enc)
	fmt.Printf("%#x\n", utf16.Decode(enc))
	fmt.Println(string(utf16.Decode(utf16.Encode([]rune("héllo, 世界 😀🎉")))))
	bad := []uint16{0x61, 0xd800, 0x62, 0xdc00, 0xd83d, 0xde00, 0xd83d, 0xd83d, 0xde00, 0xd800}
	fmt.Printf("%#x\n", utf16.Decode(bad))
	fmt.Println(len(utf16.Encode(nil)), len(utf16.Decode(nil)), utf16.Decode([]uint16{}) != nil)
	fmt.Printf("%#x\n", utf16.DecodeRune(0xdc00, 0xd800))
}
