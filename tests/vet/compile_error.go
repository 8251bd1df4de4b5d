// gol vet test (compile errors): a program that does not compile gets the compiler's errors,
// as gol run prints them, and exit status 1; the checks do not run.
package main

import "fmt"

func main() {
	var n int = "three"
	fmt.Printf("%d\n", n)
}
