package main

import "fmt"

var name string
var box interface{}

func main() {
	done := make(chan bool)
	go func() {
		name = "worker"
		box = 1
		done <- true
	}()
	fmt.Println(len(name) >= 0, box == nil || box != nil)
	<-done
}
