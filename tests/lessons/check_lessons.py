#!/usr/bin/env python3
"""Runs the course in scripts/lessons/ the way its comments say, and checks what it prints.

For every lesson scripts/lessons/NAME (NAME ends in .go or .gol) this runs

    gol run -seed 1 scripts/lessons/NAME          (from the repository root)

and compares it with the expectations here, in tests/lessons/:

  NAME.out   the exact stdout (required; an empty expected stdout is an empty file)
  NAME.code  the exit code, when it is not 0
  NAME.err   lines that must each appear in stderr (optional)

A seeded run's default -procs is the CPU count, so the runs here set GOMAXPROCS=4 in the
environment to give the same schedule on every machine (and drop GOL_SCHED_SEED / GOL_STRESS).
CLAIMS below checks what lesson comments say about other seeds (lesson 06's Output X and Y).
Fails on a lesson without NAME.out, on an expectation file without its lesson, and when there
are fewer than 10 lessons. Prints a FAIL line per failure, ends with `N passed, M failed`,
exits 1 on any failure.

  tests/lessons/check_lessons.py --gol build/src/gol
  tests/lessons/check_lessons.py --gol build/src/gol --update    rewrite the expectations
  --lessons DIR / --expected DIR check another folder (the checker's own tests use these)
"""
import argparse, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LESSONS = os.path.join(ROOT, 'scripts', 'lessons')
MIN_LESSONS = 10
PROCS = '4'

# What lesson comments say about other seeds and arguments, so a scheduler change that makes
# a comment wrong fails here: (lesson, gol run flags, program args, text stdout must contain,
# text stdout must not contain or None). Flags without -procs are checked at -procs 1 and 4.
OUTPUT_X = 'Executing 1st goroutine\nExecuting 2nd goroutine\nAll goroutines finished executing\n'
OUTPUT_Y = 'Executing 2nd goroutine\nExecuting 1st goroutine\nAll goroutines finished executing\n'
CLAIMS = [
    ('01_goroutines.go', ['-seed', '10'], [], 'hello 0\nhello 1\nhello 2\n', 'world'),
    ('01_goroutines.go', ['-seed', '3'], [], 'world 0\nworld 1\nworld 2\n', None),
    ('04_main_returns.go', ['-seed', '1'], [], 'last-minute goroutine', None),
    ('04_main_returns.go', ['-seed', '2'], [], 'main: returning', 'last-minute goroutine'),
    ('05_waitgroup.go', ['-seed', '1', '-procs', '1'], [],
     'worker 3: starting\nworker 1: starting\nworker 2: starting\n', None),
    ('05_waitgroup.go', ['-seed', '3', '-procs', '1'], [],
     'worker 3: starting\nworker 2: starting\nworker 1: starting\n', None),
] + [('06_order.go', ['-seed', str(n)], [], OUTPUT_X, None) for n in (3, 6, 7, 9, 10)] + \
    [('06_order.go', ['-seed', str(n)], [], OUTPUT_Y, None) for n in (1, 2, 4, 5, 8)] + [
    ('09_deadlock.go', ['-seed', '1'], ['fixed'], 'no deadlock', None),
    ('10_mutex.go', ['-seed', '1'], [], 'part 2, with mutex: 4000', 'part 1, no lock:    4000'),
    ('10_mutex.go', ['-seed', '2'], [], 'part 2, with mutex: 4000', 'part 1, no lock:    4000'),
]


def lessons():
    return sorted(n for n in os.listdir(LESSONS)
                  if n.endswith(('.go', '.gol')) and os.path.isfile(os.path.join(LESSONS, n)))


def run(gol, flags, name, args, timeout, procs=PROCS):
    env = {k: v for k, v in os.environ.items() if k not in ('GOL_SCHED_SEED', 'GOL_STRESS')}
    env['GOMAXPROCS'] = procs
    # The path as a student types it, from the repository root (it shows in deadlock stacks).
    path = os.path.relpath(os.path.join(LESSONS, name), ROOT)
    return subprocess.run([gol, 'run', *flags, path, *args], cwd=ROOT, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=timeout, env=env)


def read(path):
    try:
        with open(path, 'rb') as f:
            return f.read()
    except FileNotFoundError:
        return None


def check_lesson(gol, name, timeout):
    stem = os.path.join(HERE, name)
    out, code, err = read(stem + '.out'), read(stem + '.code'), read(stem + '.err')
    if out is None:
        return 'no tests/lessons/%s.out (make it with --update)' % name
    want_code = int(code) if code else 0
    try:
        p = run(gol, ['-seed', '1'], name, [], timeout)
    except subprocess.TimeoutExpired:
        return 'timed out after %ds' % timeout
    if p.stdout != out:
        return 'stdout differs:\n--- expected\n%s--- got\n%s---' % (
            out.decode(errors='replace'), p.stdout.decode(errors='replace'))
    if p.returncode != want_code:
        return 'exit code %d, expected %d; stderr: %r' % (p.returncode, want_code, p.stderr[:300])
    for line in (err or b'').splitlines():
        if line.strip() and line not in p.stderr:
            return 'stderr lacks %r; got %r' % (line, p.stderr[:300])
    return None


def update(gol, name, timeout):
    p = run(gol, ['-seed', '1'], name, [], timeout)
    stem = os.path.join(HERE, name)
    with open(stem + '.out', 'wb') as f:
        f.write(p.stdout)
    for ext in ('.code', '.err'):
        if os.path.exists(stem + ext):
            os.remove(stem + ext)
    if p.returncode != 0:
        with open(stem + '.code', 'w') as f:
            f.write('%d\n' % p.returncode)
        first = p.stderr.splitlines()[0] if p.stderr.strip() else b''
        if first:
            with open(stem + '.err', 'wb') as f:
                f.write(first + b'\n')
    print('wrote %s.out (exit %d)' % (name, p.returncode))


def check_claim(gol, claim, timeout):
    name, flags, args, must, must_not = claim
    for procs in (['4'] if '-procs' in flags else ['1', '4']):
        try:
            p = run(gol, flags, name, args, timeout, procs)
        except subprocess.TimeoutExpired:
            return '-procs %s: timed out after %ds' % (procs, timeout)
        got = p.stdout.decode(errors='replace')
        if must not in got:
            return '-procs %s: stdout lacks %r; got %r' % (procs, must, got[:300])
        if must_not and must_not in got:
            return '-procs %s: stdout has %r; got %r' % (procs, must_not, got[:300])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gol', required=True)
    ap.add_argument('--timeout', type=int, default=int(os.environ.get('GOL_TEST_TIMEOUT', '60')))
    ap.add_argument('--update', action='store_true', help='rewrite NAME.out/.code/.err from a run')
    ap.add_argument('--lessons', help='the lessons folder (default: scripts/lessons)')
    ap.add_argument('--expected', help='the expectations folder (default: this one)')
    a = ap.parse_args()
    global LESSONS, HERE
    LESSONS = os.path.abspath(a.lessons) if a.lessons else LESSONS
    HERE = os.path.abspath(a.expected) if a.expected else HERE
    gol = os.path.abspath(a.gol)
    names = lessons()
    if a.update:
        for name in names:
            update(gol, name, a.timeout)
        return
    passed = failed = 0

    def report(what, why):
        nonlocal passed, failed
        if why is None:
            passed += 1
        else:
            failed += 1
            print('FAIL %s: %s' % (what, why))

    report('lesson count', None if len(names) >= MIN_LESSONS else
           'only %d lessons in scripts/lessons/, the course needs at least %d' % (len(names), MIN_LESSONS))
    for name in names:
        report(name, check_lesson(gol, name, a.timeout))
    for ext in ('.out', '.code', '.err'):
        for f in sorted(os.listdir(HERE)):
            if f.endswith(ext) and f[:-len(ext)] not in names:
                report(f, 'expectation for a lesson that does not exist: scripts/lessons/%s' % f[:-len(ext)])
    for claim in CLAIMS:
        name, flags, args = claim[0], claim[1], claim[2]
        if name not in names:
            report('claim on %s' % name, 'no such lesson')
            continue
        report('claim %s %s' % (' '.join(flags + [name] + args), repr(claim[3])),
               check_claim(gol, claim, a.timeout))
    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
