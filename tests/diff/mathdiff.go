// Differential check of package math against Go: prints, for every math function gol provides,
// the bits of f(x) for special values, random values over many magnitudes and huge arguments.
// scripts/mathdiff runs it under `go run` and `gol run` and diffs the two outputs; a line that
// differs names the function and the input bits. The random inputs come from our own xorshift
// generator so that both runs see the same numbers.
package main

import (
	"fmt"
	"math"
)

var state uint64 = 0x9E3779B97F4A7C15

// next is xorshift64*: deterministic and the same under Go and gol.
func next() uint64 {
	state ^= state >> 12
	state ^= state << 25
	state ^= state >> 27
	return state * 2685821657736338717
}

// randExp is ±(1+m)·2^e for a random mantissa m and e in [e0, e1].
func randExp(e0, e1 int) float64 {
	m := float64(next()>>11) / (1 << 53)
	e := e0 + int(next()%uint64(e1-e0+1))
	v := math.Ldexp(1+m, e)
	if next()&1 == 1 {
		v = -v
	}
	return v
}

func specials() []float64 {
	s := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(),
		1, -1, 0.5, -0.5, 2, -2, 3, 10, 0.1, 0.25, 0.7, 0.75, 0.84375, 1.25, 1.5, 2.5, 6, 28, 33, 34.5,
		math.Pi, math.Pi / 2, math.Pi / 4, -math.Pi, math.E, math.Ln2, math.Sqrt2,
		1e-300, -1e-300, 5e-324, 2.2250738585072014e-308, 1e-310, math.MaxFloat64, -math.MaxFloat64,
		709.78, 709.79, 710, -708, -745, -745.2, -746, 1023.9, 1024, -1074, -1075.5,
		1 << 28, 1 << 29, 1<<29 + 1, 1 << 30, 1e15, 1e22, 1e100, 1e300, -1e300, 1 << 53,
		1e-8, 1e-9, 1e-10, 1e-20, 0x1p-28, 0x1p-29, 0x1p-54, 0x1p-56, 3.7252902984e-09,
		0.9999999999999999, 1.0000000000000002, -0.9999999999999999, 0.6931471805599453,
		0.34657359027997264, 1.0397207708399179, 38.816242111356935, 44.014845965556525,
		143.01608, 170.5, 171.6, 172, 200.5, -170.5, -33.5, -0.0000001, 1e-320,
	}
	for i := 1; i <= 40; i++ {
		s = append(s, float64(i), -float64(i)+0.5, float64(i)*math.Pi/4, float64(i)/8)
	}
	return s
}

func inputs() []float64 {
	in := specials()
	for e := -60; e <= 60; e++ {
		for i := 0; i < 6; i++ {
			in = append(in, randExp(e, e))
		}
	}
	for i := 0; i < 200; i++ { // huge arguments: Payne-Hanek reduction in the trigonometric functions
		in = append(in, randExp(30, 1023))
	}
	for i := 0; i < 300; i++ { // any bit pattern
		in = append(in, math.Float64frombits(next()))
	}
	for i := 0; i < 300; i++ { // the range where most functions are interesting
		in = append(in, randExp(-3, 9))
	}
	return in
}

type fn1 struct {
	name string
	f    func(float64) float64
}

type fn2 struct {
	name string
	f    func(float64, float64) float64
}

func main() {
	one := []fn1{
		{"Sqrt", math.Sqrt}, {"Abs", math.Abs}, {"Floor", math.Floor}, {"Ceil", math.Ceil},
		{"Trunc", math.Trunc}, {"Round", math.Round}, {"RoundToEven", math.RoundToEven},
		{"Log", math.Log}, {"Log2", math.Log2}, {"Log10", math.Log10}, {"Log1p", math.Log1p},
		{"Exp", math.Exp}, {"Exp2", math.Exp2}, {"Expm1", math.Expm1},
		{"Sin", math.Sin}, {"Cos", math.Cos}, {"Tan", math.Tan},
		{"Asin", math.Asin}, {"Acos", math.Acos}, {"Atan", math.Atan},
		{"Sinh", math.Sinh}, {"Cosh", math.Cosh}, {"Tanh", math.Tanh},
		{"Asinh", math.Asinh}, {"Acosh", math.Acosh}, {"Atanh", math.Atanh},
		{"Cbrt", math.Cbrt}, {"Gamma", math.Gamma}, {"Erf", math.Erf}, {"Erfc", math.Erfc},
	}
	in := inputs()
	for _, f := range one {
		for _, x := range in {
			fmt.Printf("%s %016x %016x\n", f.name, math.Float64bits(x), math.Float64bits(f.f(x)))
		}
	}
	for _, x := range in {
		s, c := math.Sincos(x)
		fr, e := math.Frexp(x)
		ip, frac := math.Modf(x)
		fmt.Printf("Sincos %016x %016x %016x\n", math.Float64bits(x), math.Float64bits(s), math.Float64bits(c))
		fmt.Printf("Frexp %016x %016x %d\n", math.Float64bits(x), math.Float64bits(fr), e)
		fmt.Printf("Modf %016x %016x %016x\n", math.Float64bits(x), math.Float64bits(ip), math.Float64bits(frac))
	}
	two := []fn2{
		{"Atan2", math.Atan2}, {"Pow", math.Pow}, {"Hypot", math.Hypot}, {"Mod", math.Mod},
		{"Remainder", math.Remainder}, {"Min", math.Min}, {"Max", math.Max}, {"Dim", math.Dim},
		{"Copysign", math.Copysign}, {"Nextafter", math.Nextafter},
	}
	sp := specials()
	var xs, ys []float64
	for _, x := range sp {
		for _, y := range sp[:40] {
			xs, ys = append(xs, x), append(ys, y)
		}
	}
	for i := 0; i < 1500; i++ {
		xs, ys = append(xs, randExp(-20, 20)), append(ys, randExp(-20, 20))
	}
	for i := 0; i < 1500; i++ { // moderate powers of moderate bases, some negative bases to integers
		x, y := randExp(-4, 7), randExp(-3, 6)
		if i%3 == 0 {
			y = math.Trunc(y)
		}
		xs, ys = append(xs, x), append(ys, y)
	}
	for _, f := range two {
		for i := range xs {
			fmt.Printf("%s %016x %016x %016x\n", f.name, math.Float64bits(xs[i]), math.Float64bits(ys[i]),
				math.Float64bits(f.f(xs[i], ys[i])))
		}
	}
	for n := -330; n <= 330; n++ {
		fmt.Printf("Pow10 %d %016x\n", n, math.Float64bits(math.Pow10(n)))
	}
	for _, e := range []int{-2000, -1100, -1075, -1074, -1060, -1023, -1022, -5, 0, 7, 1023, 1024, 1 << 33, -1 << 33} {
		for _, x := range sp[:50] {
			fmt.Printf("Ldexp %016x %d %016x\n", math.Float64bits(x), e, math.Float64bits(math.Ldexp(x, e)))
		}
	}
	for i := 0; i < 200; i++ {
		x, y, z := randExp(-30, 30), randExp(-30, 30), randExp(-30, 30)
		fmt.Printf("FMA %016x %016x %016x %016x\n", math.Float64bits(x), math.Float64bits(y), math.Float64bits(z),
			math.Float64bits(math.FMA(x, y, z)))
	}
}
