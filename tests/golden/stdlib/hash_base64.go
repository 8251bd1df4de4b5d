package main

import (
	"encoding/base64"
	"fmt"
	"hash"
	"hash/crc32"
	"hash/fnv"
	"os"
	"strings"
)

func main() {
	inputs := []string{"", "a", "ab", "abc", "abcd", "hello, world", "The quick brown fox jumps over the lazy dog", "\x00\xff\x10é"}
	hs := []func() hash.Hash{
		func() hash.Hash { return fnv.New32() }, func() hash.Hash { return fnv.New32a() },
		func() hash.Hash { return fnv.New64() }, func() hash.Hash { return fnv.New64a() },
		func() hash.Hash { return crc32.NewIEEE() }, func() hash.Hash { return crc32.New(crc32.MakeTable(crc32.Castagnoli)) },
		func() hash.Hash { return crc32.New(crc32.MakeTable(crc32.Koopman)) },
	}
	for _, in := range inputs {
		for _, mk := range hs {
			h := mk()
			h.Write([]byte(in[:len(in)/2]))
			h.Write([]byte(in[len(in)/2:]))
			fmt.Printf("%x ", h.Sum([]byte{0xAB}))
		}
		fmt.Println(crc32.ChecksumIEEE([]byte(in)), crc32.Checksum([]byte(in), crc32.IEEETable))
	}
	h32 := fnv.New32a()
	h32.Write([]byte("key"))
	h64 := fnv.New64()
	h64.Write([]byte("key"))
	fmt.Println(h32.Sum32(), h64.Sum64(), h32.Size(), h64.Size(), h32.BlockSize())
	h32.Reset()
	fmt.Println(h32.Sum32())
	c := crc32.NewIEEE()
	c.Write([]byte("part one "))
	fmt.Println(c.Sum32(), crc32.Update(c.Sum32(), crc32.IEEETable, []byte("part two")), crc32.ChecksumIEEE([]byte("part one part two")), c.Size())

	encs := map[string]*base64.Encoding{"std": base64.StdEncoding, "url": base64.URLEncoding, "rawstd": base64.RawStdEncoding, "rawurl": base64.RawURLEncoding,
		"strict": base64.StdEncoding.Strict(), "star": base64.StdEncoding.WithPadding('*')}
	names := []string{"std", "url", "rawstd", "rawurl", "strict", "star"}
	for _, in := range append(inputs, "\xfb\xff\xfe?>") {
		for _, n := range names {
			e := encs[n]
			s := e.EncodeToString([]byte(in))
			d, err := e.DecodeString(s)
			fmt.Printf("%s:%q %v %v %d %d | ", n, s, string(d) == in, err, e.EncodedLen(len(in)), e.DecodedLen(len(s)))
		}
		fmt.Println()
	}
	bad := []string{"YQ", "YQ=", "YQ==", "YQ===", "YR==", "YWI", "YWI=", "YWJj", "YWJ", "Y", "!!!!", "YW Jj", "YW\nJj\r\n", "YQ==YQ==", "YQ==\n", "YQ=\n=", "YQ=x", "=", "YW=j", "YWJjZA", "YWJjZA==", "YWJjZB==", "YWJjZGU=", "YWJjZGV=", "aGVsbG8gd29ybGQ\n", "-_-_", "+/+/"}
	for _, s := range bad {
		for _, n := range names {
			d, err := encs[n].DecodeString(s)
			fmt.Printf("%s:%q %v | ", n, d, err)
		}
		fmt.Println()
	}
	dst := make([]byte, 10)
	n, err := base64.StdEncoding.Decode(dst, []byte("aGk="))
	fmt.Println(n, err, string(dst[:n]))
	var ce base64.CorruptInputError = 7
	fmt.Println(ce.Error())

	w := base64.NewEncoder(base64.StdEncoding, os.Stdout)
	for _, part := range []string{"a", "bc", "defg", strings.Repeat("x", 2000), "yz"} {
		w.Write([]byte(part))
	}
	w.Close()
	fmt.Println()
	custom := base64.NewEncoding("ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkjihgfedcba9876543210+/")
	s := custom.EncodeToString([]byte("custom alphabet"))
	d, err := custom.DecodeString(s)
	fmt.Println(s, string(d), err)
	for _, f := range []func(){
		func() { base64.NewEncoding("short") },
		func() { base64.NewEncoding(strings.Repeat("a", 63) + "\n") },
		func() { base64.StdEncoding.WithPadding('A') },
		func() { base64.StdEncoding.WithPadding('\n') },
		func() { base64.StdEncoding.WithPadding(0x100) },
	} {
		func() {
			defer func() { fmt.Println("panic:", recover()) }()
			f()
		}()
	}
}
