// gol vet test (printf, negative): the same calls with fitting arguments, plus what vet lets
// through: %v and %T take anything, %s takes Stringers and errors, %x strings, %c runes,
// indexed arguments, a non-constant format, 100% at the end of a Println.
package main

import (
	"errors"
	"fmt"
	"os"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

func total() int { return 42 }

func main() {
	name, count := "gopher", 3
	fmt.Printf("%s has %d apples\n", name, count)
	fmt.Printf("%5.2f %x %c %q %U %t %p\n", 1.5, name, 'g', name, 'g', true, &count)
	fmt.Printf("%v %T %s %d\n", count, name, Temp(21), []int{1, 2})
	fmt.Printf("%[2]s got %[1]d\n", count, name)
	fmt.Printf("%*d|%-*s|\n", 5, count, 8, name)
	fmt.Printf("total %d, 100%%\n", total())
	err := fmt.Errorf("open: %w", errors.New("boom"))
	fmt.Fprintf(os.Stderr, "%v\n", err)
	format := "%d\n"
	fmt.Printf(format, name)
	fmt.Println("100%", count)
}
