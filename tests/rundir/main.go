// gol run DIR (ctest run_dir): this directory is one program of two files, as go run . takes it.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(greet("two files"), os.Args[1:])
}
