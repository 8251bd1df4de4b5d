package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	os.Setenv("GOLX", "value")
	os.Setenv("EMPTY", "")
	os.Unsetenv("GOL_UNSET_VAR")
	for _, s := range []string{"$GOLX", "${GOLX}x", "a$GOLX-b", "$", "a$", "$ x", "$1abc", "${1}", "$*", "$$", "${", "${}", "${GOLX", "x${GOLX}y$GOL_UNSET_VAR.z", "$EMPTY|", "${-}", "$-x", "no dollars", "$@!"} {
		fmt.Printf("%q -> %q\n", s, os.ExpandEnv(s))
	}
	fmt.Println(os.Expand("hello $name, ${greeting}! $1 ${x y}", func(k string) string { return "<" + k + ">" }))

	home, err := os.UserHomeDir()
	fmt.Println(home == os.Getenv("HOME"), err)
	old := os.Getenv("HOME")
	os.Unsetenv("HOME")
	_, err = os.UserHomeDir()
	fmt.Println(err)
	os.Setenv("HOME", old)

	fmt.Println(os.Getppid() > 0, os.Getuid() >= 0, os.Geteuid() == os.Getuid(), os.Getgid() >= 0, os.Getegid() == os.Getgid())

	dir, _ := os.MkdirTemp("", "osmore")
	defer os.RemoveAll(dir)
	clean := func(err error) string {
		if err == nil {
			return "<nil>"
		}
		return strings.ReplaceAll(err.Error(), dir, "DIR")
	}
	p := filepath.Join(dir, "f.txt")
	os.WriteFile(p, []byte("0123456789"), 0644)
	fmt.Println(clean(os.Chmod(p, 0600)))
	fi, _ := os.Stat(p)
	fmt.Println(fi.Mode())
	fmt.Println(clean(os.Chmod(filepath.Join(dir, "nope"), 0600)))
	fmt.Println(clean(os.Truncate(p, 4)))
	b, _ := os.ReadFile(p)
	fmt.Printf("%q\n", b)
	fmt.Println(clean(os.Truncate(filepath.Join(dir, "nope"), 4)))

	f, _ := os.OpenFile(p, os.O_RDWR, 0)
	pos, err := f.Seek(2, io.SeekStart)
	fmt.Println(pos, err)
	buf := make([]byte, 10)
	n, _ := f.Read(buf)
	fmt.Printf("%q\n", buf[:n])
	pos, err = f.Seek(-1, io.SeekEnd)
	fmt.Println(pos, err)
	f.Write([]byte("XYZ"))
	pos, err = f.Seek(0, io.SeekCurrent)
	fmt.Println(pos, err)
	_, err = f.Seek(-10, io.SeekStart)
	fmt.Println(clean(err))
	_, err = f.Seek(0, 5)
	fmt.Println(clean(err))
	fmt.Println(clean(f.Chmod(0640)))
	f.Close()
	_, err = f.Seek(0, io.SeekStart)
	fmt.Println(clean(err), errors.Is(err, os.ErrClosed))
	fmt.Println(clean(f.Chmod(0640)))
	b, _ = os.ReadFile(p)
	fmt.Printf("%q\n", b)

	link := filepath.Join(dir, "link")
	fmt.Println(clean(os.Symlink("f.txt", link)))
	target, err := os.Readlink(link)
	fmt.Println(target, err)
	err = os.Symlink("f.txt", link)
	var le *os.LinkError
	fmt.Println(clean(err), errors.As(err, &le), le != nil && le.Op == "symlink")
	_, err = os.Readlink(p)
	fmt.Println(clean(err))
	fmt.Println(clean(os.Link(p, filepath.Join(dir, "hard"))))
	fi, _ = os.Stat(filepath.Join(dir, "hard"))
	fmt.Println(fi.Size())
	err = os.Rename(filepath.Join(dir, "nope"), filepath.Join(dir, "other"))
	fmt.Println(clean(err), errors.As(err, &le), errors.Is(err, os.ErrNotExist))
}
