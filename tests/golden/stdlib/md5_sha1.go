package main

import (
	"crypto/md5"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

func main() {
	for _, n := range []int{0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000} {
		s := strings.Repeat("abcdefghij", 101)[:n]
		m := md5.Sum([]byte(s))
		h := sha1.Sum([]byte(s))
		fmt.Println(n, hex.EncodeToString(m[:]), hex.EncodeToString(h[:]))
	}
	hm, hs := md5.New(), sha1.New()
	for _, part := range []string{"The quick ", "brown fox jumps over the lazy dog", strings.Repeat("!", 70)} {
		io.WriteString(hm, part)
		io.WriteString(hs, part)
		fmt.Printf("%x %x\n", hm.Sum(nil), hs.Sum([]byte("prefix:")))
	}
	fmt.Println(hm.Size(), hm.BlockSize(), hs.Size(), hs.BlockSize(), md5.Size, sha1.Size, md5.BlockSize, sha1.BlockSize)
	hm.Reset()
	hs.Reset()
	fmt.Printf("%x %x\n", hm.Sum(nil), hs.Sum(nil))
	fmt.Printf("%x\n", md5.Sum([]byte("The quick brown fox jumps over the lazy dog")))
}
