package main

func greet(s string) string { return "hello from " + s }
