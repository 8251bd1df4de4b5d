// Differential check of package math/cmplx against Go: the bits of both parts of Sqrt, Exp, Log,
// Log10, Pow, Abs, Phase and Rect for special values and random values over many magnitudes.
// scripts/mathdiff runs it under `go run` and `gol run` and diffs the outputs. A NaN result
// prints as "NaN" without its bits: when both operands of a product are NaNs with different
// payloads, which one x86 keeps depends on the operand order Go's compiler picked.
package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

var state uint64 = 0x2545F4914F6CDD1D

// next is xorshift64*: deterministic and the same under Go and gol.
func next() uint64 {
	state ^= state >> 12
	state ^= state << 25
	state ^= state >> 27
	return state * 2685821657736338717
}

func randExp(e0, e1 int) float64 {
	m := float64(next()>>11) / (1 << 53)
	v := math.Ldexp(1+m, e0+int(next()%uint64(e1-e0+1)))
	if next()&1 == 1 {
		v = -v
	}
	return v
}

func bits(f float64) string {
	if math.IsNaN(f) {
		return "NaN"
	}
	return fmt.Sprintf("%016x", math.Float64bits(f))
}

func show(name string, x, y, r complex128) {
	fmt.Printf("%s %016x %016x %016x %016x -> %s %s\n", name,
		math.Float64bits(real(x)), math.Float64bits(imag(x)), math.Float64bits(real(y)), math.Float64bits(imag(y)),
		bits(real(r)), bits(imag(r)))
}

func main() {
	parts := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 2, -3, 4, 5, 1e-300, 1e300, math.Inf(1), math.Inf(-1),
		math.NaN(), 1e-160, 7e200}
	var xs []complex128
	for _, a := range parts {
		for _, b := range parts {
			xs = append(xs, complex(a, b))
		}
	}
	for i := 0; i < 1500; i++ {
		xs = append(xs, complex(randExp(-12, 12), randExp(-12, 12)))
	}
	for i := 0; i < 200; i++ {
		xs = append(xs, complex(randExp(-600, 600), randExp(-600, 600)))
	}
	for _, x := range xs {
		show("Sqrt", x, 0, cmplx.Sqrt(x))
		show("Exp", x, 0, cmplx.Exp(x))
		show("Log", x, 0, cmplx.Log(x))
		show("Log10", x, 0, cmplx.Log10(x))
		show("Abs", x, 0, complex(cmplx.Abs(x), cmplx.Phase(x)))
		show("Rect", x, 0, cmplx.Rect(real(x), imag(x)))
		show("Conj", x, 0, cmplx.Conj(x))
	}
	for i := 1; i < len(xs); i++ {
		y := xs[i-1]
		if i%4 == 0 {
			y = complex(real(y), 0)
		}
		show("Pow", xs[i], y, cmplx.Pow(xs[i], y))
	}
}
