#!/usr/bin/env python3
"""Never crash, never hang: gol given pathological programs and a hostile environment must end
with a clear message and a proper status, never a signal it did not ask for.
  tests/robust/test_robust.py --gol build/src/gol [--group nesting|memory|source|signals]
ends with `N passed, M failed`.
  nesting  deep expression chains, deep code on goroutine stacks, nested func literals
  memory   -maxheap / GOL_MAXHEAP, allocation failures inside natives
  source   sources that are not regular files or are too large
  signals  buffered stdout survives SIGINT/SIGTERM/SIGHUP and reaches a pipe promptly
"""
import argparse, os, resource, signal, subprocess, sys, tempfile, time

OOM = b'fatal error: runtime: out of memory'
DEEP = b'program nested too deeply'


def run(gol, args, src=None, tmp=None, timeout=60, env=None, **kw):
    """Runs gol (with `src` written to tmp/prog.gol as the last argument when given)."""
    if src is not None:
        path = os.path.join(tmp, 'prog.gol')
        with open(path, 'w') as f:
            f.write(src)
        args = args + [path]
    e = dict(os.environ, **(env or {}))
    p = subprocess.run([gol, *args], capture_output=True, timeout=timeout, env=e, **kw)
    return p.returncode, p.stdout, p.stderr


def go_main(body, decls=''):
    return 'package main\n\nimport "fmt"\n\n%s\nfunc main() {\n%s\n}\n' % (decls, body)


# ---------------------------------------------------------------- nesting

def ends_cleanly(code, out, err, want_out):
    """Either the program ran (Go compiles it) or it was refused at a position; no signal."""
    assert code >= 0, 'killed by signal %d: %s' % (-code, err[-300:])
    if code == 0:
        assert out == want_out, out[-200:]
    else:
        assert code == 1 and DEEP in err and b'prog.gol:' in err, (code, err[-300:])


def t_deep_chains_in_checker(gol, tmp):
    cases = [
        ('x := ' + '+'.join(['1'] * 15000) + '\nprintln(x)\n', b''),
        ('y := true\nx := ' + '!' * 10000 + 'y\nfmt.Println(x)\n', b'true\n'),
        ('s := "abcdef"\nx := s' + '[0:3]' * 10000 + '\nfmt.Println(x)\n', b'abc\n'),
        ('type T struct{}\nfunc (t T) M() T { return t }\nvar t T\nx := t' + '.M()' * 10000 +
         '\nfmt.Println(x)\n', b'{}\n'),
    ]
    for src, want in cases:
        ends_cleanly(*run(gol, ['run'], src, tmp), want)


def t_long_chains_still_run(gol, tmp):
    # Long for a program, short for the guard (in every build: sanitizer frames are larger).
    code, out, err = run(gol, ['run'], 'y := 1\nx := ' + '+'.join(['y'] * 1000) + '\nfmt.Println(x)\n', tmp)
    assert (code, out) == (0, b'1000\n'), (code, err[-300:])
    src = 'type T struct{ n int }\nfunc (t T) M() T { t.n++; return t }\nvar t T\n' \
          'fmt.Println(t' + '.M()' * 1000 + '.n)\n'
    code, out, err = run(gol, ['run'], src, tmp)
    assert (code, out) == (0, b'1000\n'), (code, err[-300:])


def t_deep_code_on_goroutine_stacks(gol, tmp):
    # Compiled and run on a goroutine's 64 KiB stack: without stack checks in the compiler and
    # the evaluator this overflowed into the neighbouring stack (main's) and crashed. (A build
    # with larger frames may refuse it in the checker instead: that is clean too.)
    sum_body = 'return ' + '+'.join(['y'] * 6000)
    ifs_body = 'x := 0\n' + 'if y > 0 {' * 3000 + 'x += y' + '}' * 3000 + '\nreturn x'
    for body, want in ((sum_body, b'6000 6\n'), (ifs_body, b'1 6\n')):
        decls = 'func deep(y int) int {\n%s\n}\n' % body
        main = ('a, b, c := 1, 2, 3\ndone := make(chan int)\ngo func() { done <- deep(1) }()\n'
                'r := <-done\nfmt.Println(r, a+b+c)')
        ends_cleanly(*run(gol, ['run'], go_main(main, decls), tmp), want)


def t_nested_func_literals(gol, tmp):
    sig = 'func() struct{ a int; b int } {'  # braces and `;` in the signature: not the body
    for src in (go_main('f := ' + 'func() {' * 5000 + '}' * 5000 + '\n_ = f'),
                go_main('_ = ' + sig * 3000 + 'return struct{ a int; b int }{}}()' * 3000)):
        t = time.time()
        code, _, err = run(gol, ['run'], src, tmp, timeout=20)
        assert code == 1 and b'function literals nested too deeply' in err, (code, err[-300:])
        assert time.time() - t < 5, 'took %.1f s' % (time.time() - t)
    src = go_main('x := 0\n' + 'func() {' * 200 + 'x++' + '}()' * 200 + '\nfmt.Println(x)')
    code, out, err = run(gol, ['run'], src, tmp)
    assert (code, out) == (0, b'1\n'), (code, err[-300:])


def t_dump_of_a_deep_tree(gol, tmp):
    code, out, err = run(gol, ['run', '-dump=ast'], 'x := ' + '+'.join(['1'] * 15000) + '\n', tmp)
    assert code == 0 and out.count(b'\n') < 10000, (code, err[-300:])


# ---------------------------------------------------------------- memory

KEEP_GROWING = '''fmt.Println("start")
var keep [][]int
for {
	keep = append(keep, make([]int, 1<<16))
}
'''

GARBAGE = '''total := 0
for i := 0; i < 400; i++ {
	b := make([]int, 1<<17)
	total += len(b)
}
fmt.Println(total >> 17)
'''


def t_maxheap_cap(gol, tmp):
    for args, env in ((['run', '-maxheap', '32MB'], None), (['run', '-maxheap=33554432'], None),
                      (['run'], {'GOL_MAXHEAP': '32mb'})):
        code, out, err = run(gol, args, KEEP_GROWING, tmp, env=env, timeout=20)
        assert (code, out) == (2, b'start\n') and err.startswith(OOM + b'\n'), (args, code, err[-300:])
    # Garbage does not count against the cap: collections start before it is reached.
    code, out, err = run(gol, ['run', '-maxheap', '16MB'], GARBAGE, tmp)
    assert (code, out) == (0, b'400\n'), (code, err[-300:])


def t_maxheap_bad_values(gol, tmp):
    for args, env in ((['run', '-maxheap', '12Q'], None), (['run', '-maxheap', 'MB'], None),
                      (['run'], {'GOL_MAXHEAP': 'lots'})):
        code, _, err = run(gol, args, 'println(1)\n', tmp, env=env)
        assert code == 2 and b'want a size such as 512MB' in err, (args, code, err)
    code, out, _ = run(gol, ['help', 'run'])
    assert code == 0 and b'-maxheap SIZE' in out and b'GOL_MAXHEAP' in out


HUGE_OPS = ['strings.ReplaceAll(s, "a", "aaaa")', 'strings.Join([]string{s, s, s, s}, "-")',
            'strings.Fields(s + " " + s + " " + s + " " + s)', 'strconv.Quote(s + s + s)',
            'fmt.Sprint(s, s, s, s)']


def t_huge_results_under_the_cap(gol, tmp):
    # The natives build each result in C++ memory, then in the gol heap: the cap stops it there.
    for op in HUGE_OPS:
        src = 's := strings.Repeat("a", 24<<20)\nfmt.Println("built")\nr := %s\nfmt.Println(len(r))\n' % op
        code, out, err = run(gol, ['run', '-maxheap', '64MB'], src, tmp)
        assert (code, out) == (2, b'built\n') and err.startswith(OOM), (op, code, err[-300:])


def t_allocation_failure_in_natives(gol, tmp):
    # With the address space limited, the C++ allocation inside the native fails (std::bad_alloc,
    # which used to abort the process) and must end as Go's out-of-memory fatal error.
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1800 << 20, 1800 << 20))
    for op in HUGE_OPS[:2] + ['strings.ToUpper(s + s + s)', 'fmt.Sprint(s, s, s, s)']:
        src = 's := strings.Repeat("a", 200<<20)\nfmt.Println("built")\nr := %s\nfmt.Println(len(r))\n' % op
        code, out, err = run(gol, ['run'], src, tmp, preexec_fn=limit)
        if b'ReserveShadowMemoryRange' in err or b'ThreadSanitizer' in err:
            return  # a sanitizer build cannot start with its address space limited
        assert code == 2 and out == b'built\n' and err.startswith(OOM), (op, code, out, err[-300:])


# ---------------------------------------------------------------- source

def t_source_not_a_regular_file(gol, tmp):
    fifo = os.path.join(tmp, 'fifo.gol')
    if not os.path.exists(fifo):
        os.mkfifo(fifo)
    for path in ('/dev/zero', fifo):
        code, _, err = run(gol, ['run', path], timeout=5)
        assert code == 1 and err == b'gol: %s: not a regular file\n' % path.encode(), (code, err)


def t_source_too_large(gol, tmp):
    big = os.path.join(tmp, 'big.gol')
    with open(big, 'wb') as f:
        f.truncate(65 << 20)  # sparse: no disk space used
    code, _, err = run(gol, ['run', big], timeout=5)
    assert code == 1 and b'file too large' in err, (code, err)
    with open('/dev/zero', 'rb') as zero:
        code, _, err = run(gol, ['-'], stdin=zero, timeout=10)
    assert code == 1 and b'<stdin>: file too large' in err, (code, err)


# ---------------------------------------------------------------- signals

# "ready" goes to stderr first (a stderr write flushes stdout, so it must come before), then the
# line that stays buffered.
PROGRESS = 'println("ready")\nfmt.Println("progress")\ntime.Sleep(5 * time.Second)\nfmt.Println("done")\n'


def start(gol, tmp, stdout, env=None):
    """Starts PROGRESS and returns once it runs (said "ready"), however slow the build."""
    path = os.path.join(tmp, 'progress.gol')
    with open(path, 'w') as f:
        f.write(PROGRESS)
    p = subprocess.Popen([gol, 'run', path], stdout=stdout, stderr=subprocess.PIPE,
                         env=dict(os.environ, **(env or {})))
    assert p.stderr.readline() == b'ready\n'
    return p


def t_output_survives_fatal_signals(gol, tmp):
    # GOL_FLUSH_MS=0: no background flush, so only the signal path can get the line out.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        out = os.path.join(tmp, 'out_%d.txt' % sig)
        with open(out, 'wb') as f:
            p = start(gol, tmp, f, {'GOL_FLUSH_MS': '0'})
            time.sleep(0.3)
            p.send_signal(sig)
            code = p.wait(timeout=10)
        with open(out, 'rb') as f:
            assert f.read() == b'progress\n', sig
        assert code == -sig, 'signal %d: status %d' % (sig, code)


def t_pipe_sees_progress_promptly(gol, tmp):
    p = start(gol, tmp, subprocess.PIPE)
    try:
        t = time.time()
        line = p.stdout.readline()
        assert line == b'progress\n' and time.time() - t < 0.5, (line, time.time() - t)
    finally:
        p.kill()
        p.wait()


GROUPS = {
    'nesting': [t_deep_chains_in_checker, t_long_chains_still_run, t_deep_code_on_goroutine_stacks,
                t_nested_func_literals, t_dump_of_a_deep_tree],
    'memory': [t_maxheap_cap, t_maxheap_bad_values, t_huge_results_under_the_cap,
               t_allocation_failure_in_natives],
    'source': [t_source_not_a_regular_file, t_source_too_large],
    'signals': [t_output_survives_fatal_signals, t_pipe_sees_progress_promptly],
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gol', required=True)
    ap.add_argument('--group', choices=sorted(GROUPS))
    a = ap.parse_args()
    gol = os.path.abspath(a.gol)
    tmp = tempfile.mkdtemp()
    tests = GROUPS[a.group] if a.group else [t for g in GROUPS.values() for t in g]
    passed = failed = 0
    for t in tests:
        try:
            t(gol, tmp)
            passed += 1
        except Exception as e:
            failed += 1
            print('FAIL %s: %s' % (t.__name__, e))
    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
