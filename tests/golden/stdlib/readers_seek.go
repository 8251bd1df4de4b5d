package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

type shortWriter struct{}

func (shortWriter) Write(p []byte) (int, error) { return len(p) / 2, nil }

func exercise(name string, r interface {
	io.ReadSeeker
	io.ReaderAt
	io.RuneScanner
	io.ByteScanner
	io.WriterTo
	Len() int
	Size() int64
}) {
	fmt.Println("==", name, r.Len(), r.Size())
	buf := make([]byte, 4)
	n, err := r.Read(buf)
	fmt.Printf("%d %q %v len=%d\n", n, buf[:n], err, r.Len())
	ch, size, err := r.ReadRune()
	fmt.Printf("%q %d %v\n", ch, size, err)
	fmt.Println(r.UnreadRune(), r.UnreadRune())
	ch, size, err = r.ReadRune()
	fmt.Printf("%q %d %v\n", ch, size, err)
	b, err := r.ReadByte()
	fmt.Println(b, err, r.UnreadByte(), r.UnreadRune())
	for _, s := range [][2]int64{{0, io.SeekStart}, {3, io.SeekCurrent}, {-2, io.SeekEnd}, {-100, io.SeekCurrent}, {1, 9}, {100, io.SeekStart}} {
		pos, err := r.Seek(s[0], int(s[1]))
		fmt.Println("seek", s, pos, err, r.Len())
	}
	n, err = r.Read(buf)
	fmt.Println(n, err)
	_, _, err = r.ReadRune()
	fmt.Println(err)
	_, err = r.ReadByte()
	fmt.Println(err)
	for _, off := range []int64{0, 5, 9, 12, 100, -1} {
		n, err := r.ReadAt(buf, off)
		fmt.Printf("at %d: %d %q %v\n", off, n, buf[:n], err)
	}
	r.Seek(2, io.SeekStart)
	var sb strings.Builder
	w, err := r.WriteTo(&sb)
	fmt.Println(w, err, sb.String(), r.Len())
	w, err = r.WriteTo(&sb)
	fmt.Println(w, err)
	r.Seek(0, io.SeekStart)
	w, err = r.WriteTo(shortWriter{})
	fmt.Println(w, err, r.Len())
	r.Seek(0, io.SeekStart)
	fmt.Println(r.UnreadByte())
	r.Seek(0, io.SeekStart)
	fmt.Println(r.UnreadRune())
}

func main() {
	text := "héllo, wörld"
	exercise("strings", strings.NewReader(text))
	exercise("bytes", bytes.NewReader([]byte(text)))
	sr := strings.NewReader("abc")
	sr.Reset("xyz")
	b, _ := io.ReadAll(sr)
	br := bytes.NewReader([]byte("abc"))
	br.Reset([]byte("uvw"))
	c, _ := io.ReadAll(br)
	fmt.Println(string(b), string(c))
	rep := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	n, err := rep.WriteString(os.Stdout, "<b>bold</b>\n")
	fmt.Println(n, err)
}
