package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// A WriterTo that says when io.Copy uses it.
type loud struct{ s string }

func (l *loud) Read(p []byte) (int, error) { return 0, errors.New("Read should not be called") }
func (l *loud) WriteTo(w io.Writer) (int64, error) {
	fmt.Println("WriteTo called")
	n, err := io.WriteString(w, l.s)
	return int64(n), err
}

type sink struct{ got []string }

func (s *sink) Write(p []byte) (int, error) { s.got = append(s.got, string(p)); return len(p), nil }
func (s *sink) ReadFrom(r io.Reader) (int64, error) {
	fmt.Println("ReadFrom called")
	b, err := io.ReadAll(r)
	s.got = append(s.got, string(b))
	return int64(len(b)), err
}

type failWriter struct{}

func (failWriter) Write(p []byte) (int, error) { return 1, errors.New("disk full") }

type chunky struct {
	parts []string
}

func (c *chunky) Read(p []byte) (int, error) {
	if len(c.parts) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.parts[0])
	c.parts = c.parts[1:]
	if len(c.parts) == 0 {
		return n, io.EOF
	}
	return n, nil
}

func main() {
	lr := io.LimitReader(strings.NewReader("hello, world"), 5)
	b, err := io.ReadAll(lr)
	fmt.Printf("%q %v %d\n", b, err, lr.(*io.LimitedReader).N)

	var tee bytes.Buffer
	tr := io.TeeReader(strings.NewReader("tee data"), &tee)
	b, err = io.ReadAll(tr)
	fmt.Printf("%q %v %q\n", b, err, tee.String())
	tr = io.TeeReader(strings.NewReader("abc"), failWriter{})
	buf := make([]byte, 8)
	n, err := tr.Read(buf)
	fmt.Println(n, err)

	mr := io.MultiReader(strings.NewReader("one "), &chunky{[]string{"two ", "three "}}, io.MultiReader(strings.NewReader("four "), strings.NewReader("")), strings.NewReader("five"))
	for {
		n, err := mr.Read(buf)
		fmt.Printf("%d %q %v\n", n, buf[:n], err)
		if err != nil {
			break
		}
	}
	n, err = io.MultiReader().Read(buf)
	fmt.Println(n, err)

	var out bytes.Buffer
	w, err := io.CopyN(&out, strings.NewReader("0123456789"), 4)
	fmt.Println(w, err, out.String())
	w, err = io.CopyN(&out, strings.NewReader("xy"), 4)
	fmt.Println(w, err, out.String())
	w, err = io.CopyBuffer(&out, &chunky{[]string{"a", "bb", "ccc"}}, make([]byte, 2))
	fmt.Println(w, err, out.String())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		io.CopyBuffer(&out, strings.NewReader("z"), []byte{})
	}()

	s := &sink{}
	w, err = io.Copy(s, &loud{"via WriteTo"})
	fmt.Println(w, err, s.got)
	w, err = io.Copy(s, &chunky{[]string{"p", "q"}})
	fmt.Println(w, err, s.got)
	w, err = io.Copy(failWriter{}, &chunky{[]string{"pq"}})
	fmt.Println(w, err)

	sr := io.NewSectionReader(strings.NewReader("0123456789abcdef"), 3, 8)
	fmt.Println(sr.Size())
	n, err = sr.Read(buf[:5])
	fmt.Printf("%d %q %v\n", n, buf[:n], err)
	pos, err := sr.Seek(-2, io.SeekEnd)
	fmt.Println(pos, err)
	n, err = sr.Read(buf)
	fmt.Printf("%d %q %v\n", n, buf[:n], err)
	n, err = sr.Read(buf)
	fmt.Printf("%d %q %v\n", n, buf[:n], err)
	n, err = sr.ReadAt(buf[:4], 6)
	fmt.Printf("%d %q %v\n", n, buf[:n], err)
	n, err = sr.ReadAt(buf[:4], 1)
	fmt.Printf("%d %q %v\n", n, buf[:n], err)
	n, err = sr.ReadAt(buf[:4], 8)
	fmt.Printf("%d %q %v\n", n, buf[:n], err)
	_, err = sr.Seek(-1, io.SeekStart)
	fmt.Println(err)
	_, err = sr.Seek(0, 7)
	fmt.Println(err)
	pos, err = sr.Seek(2, io.SeekCurrent)
	fmt.Println(pos, err)
	var rs io.ReadSeeker = sr
	var ra io.ReaderAt = strings.NewReader("x")
	_, _ = rs, ra

	pr, pw := io.Pipe()
	done := make(chan bool)
	go func() {
		for _, s := range []string{"alpha ", "beta ", "gamma"} {
			n, err := pw.Write([]byte(s))
			fmt.Println("wrote", n, err)
		}
		pw.Close()
		done <- true
	}()
	small := make([]byte, 4)
	var got []string
	for {
		n, err := pr.Read(small)
		if err != nil {
			fmt.Println("read end:", err)
			break
		}
		got = append(got, string(small[:n]))
	}
	<-done
	fmt.Printf("%q\n", got)
	_, err = pw.Write([]byte("late"))
	fmt.Println(err)

	pr, pw = io.Pipe()
	go func() {
		pw.CloseWithError(errors.New("producer failed"))
	}()
	_, err = pr.Read(small)
	fmt.Println(err)
	pr, pw = io.Pipe()
	pr.CloseWithError(errors.New("consumer gone"))
	_, err = pw.Write([]byte("x"))
	fmt.Println(err)
	pr.Close()
	_, err = pr.Read(small)
	fmt.Println(err, err == io.ErrClosedPipe)
}
