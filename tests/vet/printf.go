// gol vet test (printf, positive): fmt calls whose arguments do not fit their constant format,
// in go vet's words and at vet's positions (the directive inside the string literal).
package main

import (
	"errors"
	"fmt"
	"os"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%v°C", t) }

func total() int { return 42 }

func main() {
	name, count := "gopher", 3
	fmt.Printf("%d apples\n", name)
	fmt.Printf("%s has %d apples\n", name)
	fmt.Printf("%d apples\n", count, name)
	fmt.Printf("apples\n", count)
	fmt.Println("count: %d", count)
	fmt.Println("done\n")
	fmt.Printf("%y\n", count)
	fmt.Printf("%#t\n", true)
	fmt.Printf("total %d\n", total)
	fmt.Printf("%w\n", errors.New("boom"))
	err := fmt.Errorf("open: %w", name)
	fmt.Fprintf(os.Stderr, "%s\n", count)
	msg := fmt.Sprintf("%t", count)
	fmt.Println(err, msg, Temp(21))
}
