package main

import (
	"fmt"
	"io/ioutil"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	dir, err := ioutil.TempDir("", "ioutil-test-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	for _, n := range []string{"b.txt", "a.txt", "c.txt"} {
		if err := ioutil.WriteFile(filepath.Join(dir, n), []byte("data of "+n), 0644); err != nil {
			fmt.Println(err)
		}
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0755)
	infos, err := ioutil.ReadDir(dir)
	fmt.Println(len(infos), err)
	for _, fi := range infos {
		fmt.Println(fi.Name(), fi.Size(), fi.IsDir())
	}
	b, err := ioutil.ReadFile(filepath.Join(dir, "a.txt"))
	fmt.Printf("%q %v\n", b, err)
	_, err = ioutil.ReadFile(filepath.Join(dir, "missing"))
	fmt.Println(strings.Replace(err.Error(), dir, "DIR", 1))
	_, err = ioutil.ReadDir(filepath.Join(dir, "missing"))
	fmt.Println(strings.Replace(err.Error(), dir, "DIR", 1))
	f, err := ioutil.TempFile(dir, "tmp*.log")
	fmt.Println(err, strings.HasPrefix(filepath.Base(f.Name()), "tmp"), strings.HasSuffix(f.Name(), ".log"))
	f.Close()
	all, err := ioutil.ReadAll(strings.NewReader("read all"))
	fmt.Printf("%q %v\n", all, err)
	n, err := ioutil.Discard.Write([]byte("gone"))
	fmt.Println(n, err)
	rc := ioutil.NopCloser(strings.NewReader("x"))
	fmt.Println(rc.Close())

	for _, s := range []string{"plain", "tab\there", "é and \u00a0 nbsp", "\u2028", "\x00\x7f", "bad\xffbyte"} {
		fmt.Println(strconv.QuoteToGraphic(s), strconv.Quote(s), string(strconv.AppendQuoteToASCII([]byte("A:"), s)), string(strconv.AppendQuoteToGraphic(nil, s)))
	}
	for _, r := range []rune{'a', '\u00a0', '\u2028', '\t', 0x7f, 'é', 0x10ffff, -1, 0xd800} {
		fmt.Println(strconv.QuoteRuneToGraphic(r), strconv.IsGraphic(r), strconv.IsPrint(r), string(strconv.AppendQuoteRune(nil, r)), string(strconv.AppendQuoteRuneToASCII([]byte("r="), r)), string(strconv.AppendQuoteRuneToGraphic(nil, r)))
	}
	for _, s := range []string{`\n rest`, `\x41z`, `\xff`, `\u00e9!`, `\U0001F600`, `\101`, `é`, "\xff", `\'`, `\"`, `"`, `'`, ``, `\q`, `\u12`, `\ud800`, `\400`, `a`} {
		for _, q := range []byte{'"', '\''} {
			v, mb, tail, err := strconv.UnquoteChar(s, q)
			fmt.Printf("%q %c: %d %v %q %v\n", s, q, v, mb, tail, err)
		}
	}

	data := []int{1, 3, 3, 5, 8, 13}
	for _, x := range []int{0, 1, 3, 4, 13, 20} {
		calls := 0
		i, found := sort.Find(len(data), func(i int) int {
			calls++
			return x - data[i]
		})
		fmt.Println(x, i, found, calls)
	}
	words := []string{"apple", "banana", "cherry"}
	i, found := sort.Find(len(words), func(i int) int { return strings.Compare("banana", words[i]) })
	fmt.Println(i, found)
	i, found = sort.Find(0, func(int) int { panic("not called") })
	fmt.Println(i, found)
}
