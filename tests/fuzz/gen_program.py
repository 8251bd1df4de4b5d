#!/usr/bin/env python3
"""Random well-typed Go programs in gol's subset, with deterministic output, for the
differential fuzzer (scripts/difffuzz): the same program must print the same under gol and under
Go 1.19 (`go run`). It uses ints (wrapping arithmetic, shifts, division by non-zero values),
strings, slices, maps (printed by fmt, which sorts keys), structs, closures, for/if/switch,
defer/recover of explicit panics and of index errors, and goroutines whose results come back
in a fixed order (channels, a WaitGroup filling distinct slice slots).
Avoided because Go 1.19 differs from Go 1.22: closures capturing loop variables, range over
int, min/max/clear.  Usage: gen_program.py SEED  (the program on stdout)"""
import random
import sys


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.out = []
        self.ind = 1
        self.n = 0
        self.scopes = [{}]  # name -> type: 'int' 'string' '[]int' 'map' 'S' 'fn'
        self.depth = 0

    # ------------------------------------------------------------ helpers
    def line(self, s):
        self.out.append('\t' * self.ind + s)

    def fresh(self, prefix='v'):
        self.n += 1
        return '%s%d' % (prefix, self.n)

    def vars(self, t):
        # 'int' reads also see loop counters ('loop'), which are never assigned (loops end).
        want = {t, 'loop'} if t == 'int' else {t}
        return [n for sc in self.scopes for n, ty in sc.items() if ty in want]

    def assignable_ints(self):
        return [n for sc in self.scopes for n, ty in sc.items() if ty == 'int']

    def declare(self, name, t):
        self.scopes[-1][name] = t

    def pick(self, seq):
        return self.r.choice(seq)

    def chance(self, p):
        return self.r.random() < p

    # ------------------------------------------------------------ expressions
    def int_lit(self):
        # Large values go through id() so that no constant expression can overflow at compile time.
        v = self.pick([0, 1, 2, 3, 7, 10, 100, -1, -5, 1 << 20, 123456789, 9223372036854775807])
        return str(v) if -100 <= v <= 100 else 'id(%d)' % v

    def int_expr(self, d=0):
        vs = self.vars('int')
        if d > 2 or self.chance(0.3):
            if vs and self.chance(0.7):
                return self.pick(vs)
            return self.int_lit()
        k = self.r.randrange(12)
        a, b = self.int_expr(d + 1), self.int_expr(d + 1)
        if k < 5:
            return '(%s %s %s)' % (a, self.pick(['+', '-', '*', '&', '|', '^', '&^']), b)
        if k == 5:
            return '(%s %s (%s | 1))' % (a, self.pick(['/', '%']), b)
        if k == 6:
            return '(id(%s) %s uint(%s&31))' % (a, self.pick(['<<', '>>']), b)
        if k == 7:
            s = self.vars('[]int')
            return 'len(%s)' % self.pick(s) if s else 'len(%s)' % self.str_expr(d + 1)
        if k == 8:
            s = self.vars('[]int')
            return 'at(%s, %s)' % (self.pick(s), a) if s else a
        if k == 9:
            m = self.vars('map')
            return '%s[%s]' % (self.pick(m), self.str_expr(d + 1)) if m else b
        if k == 10:
            f = self.vars('fn')
            return '%s(%s)' % (self.pick(f), a) if f else 'twice(%s)' % a
        st = self.vars('S')
        return '%s.A' % self.pick(st) if st else 'int(int8(id(%s)))' % a

    def str_expr(self, d=0):
        vs = self.vars('string')
        if d > 2 or self.chance(0.4):
            if vs and self.chance(0.6):
                return self.pick(vs)
            return '"%s"' % self.pick(['', 'a', 'go', 'hello', 'x y', 'Zz'])
        k = self.r.randrange(5)
        if k == 0:
            return '(%s + %s)' % (self.str_expr(d + 1), self.str_expr(d + 1))
        if k == 1:
            return 'fmt.Sprint(%s)' % self.int_expr(d + 1)
        if k == 2:
            return 'strconv.Itoa(%s)' % self.int_expr(d + 1)
        if k == 3:
            st = self.vars('S')
            return '%s.B' % self.pick(st) if st else 'fmt.Sprintf("%%d-%%s", %s, %s)' % (
                self.int_expr(d + 1), self.str_expr(d + 1))
        return 'strings.Repeat(%s, %s&3)' % (self.str_expr(d + 1), self.int_expr(d + 1))

    def bool_expr(self):
        if self.chance(0.7):
            return '%s %s %s' % (self.int_expr(1), self.pick(['<', '<=', '==', '!=', '>', '>=']), self.int_expr(1))
        return '%s %s %s' % (self.str_expr(1), self.pick(['==', '!=', '<']), self.str_expr(1))

    # ------------------------------------------------------------ statements
    def stmt(self):
        self.depth += 1
        k = self.r.randrange(14) if self.depth < 4 else self.r.randrange(6)
        [self.s_decl, self.s_assign, self.s_print, self.s_append, self.s_mapset, self.s_opassign,
         self.s_if, self.s_for, self.s_switch, self.s_closure, self.s_struct, self.s_safe,
         self.s_goroutine, self.s_range][k]()
        self.depth -= 1

    def block(self, n):
        self.scopes.append({})
        for _ in range(n):
            self.stmt()
        self.scopes.pop()

    def use(self, name):
        self.line('_ = %s' % name)

    def s_decl(self):
        t = self.pick(['int', 'string', '[]int', 'map'])
        name = self.fresh()
        if t == 'int':
            self.line('%s := %s' % (name, self.int_expr()))
        elif t == 'string':
            self.line('%s := %s' % (name, self.str_expr()))
        elif t == '[]int':
            self.line('%s := []int{%s}' % (name, ', '.join(self.int_expr(2) for _ in range(self.r.randrange(4)))))
        else:
            self.line('%s := map[string]int{}' % name)
        self.use(name)
        self.declare(name, t)

    def s_assign(self):
        vs = self.assignable_ints()
        if vs:
            self.line('%s = %s' % (self.pick(vs), self.int_expr()))
        else:
            self.s_decl()

    def s_opassign(self):
        vs = self.assignable_ints()
        if vs:
            self.line('%s %s= %s' % (self.pick(vs), self.pick(['+', '-', '*', '^', '|']), self.int_expr()))
        ss = self.vars('string')
        if ss and self.chance(0.5):
            self.line('%s += %s' % (self.pick(ss), self.str_expr(1)))

    def s_print(self):
        things = []
        for t in ('int', 'string', '[]int', 'map', 'S'):
            vs = self.vars(t)
            if vs and self.chance(0.6):
                things.append(self.pick(vs))
        things.append(self.int_expr(1))
        self.line('fmt.Println(%s)' % ', '.join(things))

    def s_append(self):
        s = self.vars('[]int')
        if s:
            v = self.pick(s)
            self.line('%s = append(%s, %s)' % (v, v, self.int_expr(1)))
        else:
            self.s_decl()

    def s_mapset(self):
        m = self.vars('map')
        if m:
            v = self.pick(m)
            if self.chance(0.2):
                self.line('delete(%s, %s)' % (v, self.str_expr(1)))
            else:
                self.line('%s[%s] = %s' % (v, self.str_expr(1), self.int_expr(1)))
        else:
            self.s_decl()

    def s_if(self):
        self.line('if %s {' % self.bool_expr())
        self.ind += 1
        self.block(self.r.randrange(1, 3))
        self.ind -= 1
        if self.chance(0.5):
            self.line('} else {')
            self.ind += 1
            self.block(self.r.randrange(1, 3))
            self.ind -= 1
        self.line('}')

    def s_for(self):
        i = self.fresh('i')
        self.line('for %s := 0; %s < %d; %s++ {' % (i, i, self.r.randrange(1, 5), i))
        self.ind += 1
        self.scopes.append({i: 'loop'})
        self.block(self.r.randrange(1, 3))
        if self.chance(0.2):
            self.line('if %s == 2 { break }' % i)
        self.scopes.pop()
        self.ind -= 1
        self.line('}')

    def s_range(self):
        s = self.vars('[]int') + self.vars('map')
        if not s:
            return self.s_decl()
        v = self.pick(s)
        k, x = self.fresh('k'), self.fresh('x')
        if v in self.vars('map'):
            # map order is random in both: only an order-free fold of the values
            acc = self.fresh('sum')
            self.line('%s := 0' % acc)
            self.line('for _, %s := range %s {' % (x, v))
            self.line('\t%s += %s' % (acc, x))
            self.line('}')
            self.line('fmt.Println("sum", %s)' % acc)
            self.declare(acc, 'int')
            return
        self.line('for %s, %s := range %s {' % (k, x, v))
        self.ind += 1
        self.scopes.append({k: 'loop', x: 'int'})
        self.line('fmt.Println(%s, %s)' % (k, x))
        self.block(1)
        self.scopes.pop()
        self.ind -= 1
        self.line('}')

    def s_switch(self):
        self.line('switch %s %% 3 {' % self.int_expr(1))
        for c in ('case 0:', 'case 1, -1:', 'default:'):
            self.line(c)
            self.ind += 1
            self.block(1)
            self.ind -= 1
        self.line('}')

    def s_closure(self):
        name, p = self.fresh('f'), self.fresh('p')
        self.line('%s := func(%s int) int {' % (name, p))
        self.ind += 1
        self.scopes.append({p: 'int'})
        self.line('return %s' % self.int_expr())
        self.scopes.pop()
        self.ind -= 1
        self.line('}')
        self.declare(name, 'fn')
        self.line('fmt.Println(%s(%s))' % (name, self.int_expr(1)))

    def s_struct(self):
        name = self.fresh('s')
        self.line('%s := S{A: %s, B: %s}' % (name, self.int_expr(1), self.str_expr(1)))
        self.line('%s.A += %s' % (name, self.int_expr(1)))
        self.declare(name, 'S')
        self.line('fmt.Println(%s, %s.describe())' % (name, name))

    def s_safe(self):
        s = self.vars('[]int')
        arg = self.pick(s) if s else '[]int{1, 2}'
        self.line('fmt.Println(safe(%s, %s))' % (arg, self.int_expr(1)))

    def s_goroutine(self):
        ch, wg, res = self.fresh('ch'), self.fresh('wg'), self.fresh('res')
        n = self.r.randrange(1, 4)
        e = self.int_expr(1)
        self.line('%s := make(chan int)' % ch)
        self.line('go func(v int) { %s <- v * 3 }(%s)' % (ch, e))
        self.line('fmt.Println("got", <-%s)' % ch)
        self.line('%s := make([]int, %d)' % (res, n))
        self.line('var %s sync.WaitGroup' % wg)
        self.line('for j := 0; j < %d; j++ {' % n)
        self.line('\t%s.Add(1)' % wg)
        self.line('\tgo func(j int) { defer %s.Done(); %s[j] = j * j }(j)' % (wg, res))
        self.line('}')
        self.line('%s.Wait()' % wg)
        self.line('fmt.Println(%s)' % res)
        self.declare(res, '[]int')

    # ------------------------------------------------------------ program
    def program(self):
        self.scopes.append({})
        for _ in range(self.r.randrange(5, 25)):
            self.stmt()
        self.s_print()
        body = self.out
        return PRELUDE + '\n'.join(body) + '\n}\n'


PRELUDE = '''package main

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

var _ = strconv.Itoa
var _ = strings.Repeat
var _ sync.WaitGroup

type S struct {
	A int
	B string
}

func (s S) describe() string { return fmt.Sprintf("S(%d,%q)", s.A, s.B) }

func twice(x int) int { return x * 2 }

func id(x int) int { return x }

func at(s []int, i int) int {
	if len(s) == 0 {
		return 0
	}
	i %= len(s)
	if i < 0 {
		i = -i
	}
	return s[i]
}

// safe indexes s at i, recovering the index error or the explicit panic.
func safe(s []int, i int) (r string) {
	defer func() {
		if e := recover(); e != nil {
			r = fmt.Sprint("recovered: ", e)
		}
	}()
	if i == 7 {
		panic(fmt.Sprintf("seven %d", len(s)))
	}
	return fmt.Sprint(s[i%8])
}

func main() {
'''


if __name__ == '__main__':
    sys.stdout.write(Gen(int(sys.argv[1])).program())
