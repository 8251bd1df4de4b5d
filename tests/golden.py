#!/usr/bin/env python3
"""Runs gol's golden programs: every tests/**/NAME.gol beside its expectations, and every
tests/golden/**/NAME.go that has an expectation file (a .go file is held to Go's unused-name
rules).

  NAME.out   exact stdout          NAME.code  exit code when not 0
  NAME.err   substrings, one per line, that stderr must contain
  NAME.args  program arguments (split as a shell would)   NAME.in  standard input
A first line `// unordered` compares stdout as sorted lines; `// racy` runs the program
--repeat times (default 20) since its point is that any interleaving must behave;
`// timing` marks programs whose point is wall-clock timing and `// heavy` ones too costly under
sanitizers (very deep recursion); --skip-timing (sanitizer runs) leaves both out.
Prints a FAIL line per failure and ends with `N passed, M failed`.
"""
import argparse, concurrent.futures, os, shlex, subprocess, sys


def expectations(stem):
    def read(ext):
        try:
            with open(stem + ext, 'rb') as f:
                return f.read()
        except FileNotFoundError:
            return None
    code = read('.code')
    return read('.out'), int(code) if code else 0, read('.err')


def run_one(gol, path, procs, timeout):
    stem = path[:-4] if path.endswith('.gol') else path[:-3]
    with open(path, 'rb') as f:
        first = f.readline().decode('utf-8', 'replace')
    out, code, err = expectations(stem)
    if out is None:  # an empty expected stdout is an empty .out file, never a missing one
        return 'no %s.out next to it' % os.path.basename(stem)
    env = dict(os.environ, GOMAXPROCS=str(procs))
    args = []
    if os.path.exists(stem + '.args'):
        with open(stem + '.args') as f:
            args = shlex.split(f.read())
    stdin = None
    if os.path.exists(stem + '.in'):
        with open(stem + '.in', 'rb') as f:
            stdin = f.read()
    try:
        p = subprocess.run([gol, 'run', os.path.basename(path)] + args, cwd=os.path.dirname(path),
                           input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                           capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return 'timed out after %ds' % timeout
    got = p.stdout
    if first.startswith('// unordered'):
        got, out = sorted(got.splitlines()), sorted(out.splitlines())
    if got != out:
        return 'stdout differs: expected %r, got %r' % (out[:300], got[:300])
    if p.returncode != code:
        return 'exit code %d, expected %d; stderr: %r' % (p.returncode, code, p.stderr[:300])
    for line in (err or b'').splitlines():
        if line.strip() and line not in p.stderr:
            return 'stderr lacks %r; got %r' % (line, p.stderr[:300])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gol', required=True)
    ap.add_argument('--procs', type=int, default=1)
    ap.add_argument('--filter', default='')
    ap.add_argument('--repeat', type=int, default=20)
    ap.add_argument('--timeout', type=int, default=int(os.environ.get("GOL_TEST_TIMEOUT", "60")))
    ap.add_argument('--skip-timing', action='store_true')
    ap.add_argument('root')
    a = ap.parse_args()
    jobs = []
    for dirpath, _, names in sorted(os.walk(a.root)):
        for n in sorted(names):
            path = os.path.join(dirpath, n)
            if a.filter not in path:
                continue
            # .go files only under tests/golden/ (elsewhere they belong to other tests).
            go_golden = n.endswith('.go') and os.sep + 'golden' + os.sep in path and any(
                os.path.exists(path[:-3] + ext) for ext in ('.out', '.code', '.err'))
            if not n.endswith('.gol') and not go_golden:
                continue
            with open(path, 'rb') as f:
                first = f.readline().decode('utf-8', 'replace')
            if a.skip_timing and (first.startswith('// timing') or first.startswith('// heavy')):
                continue
            reps = a.repeat if first.startswith('// racy') else 1
            jobs += [path] * reps
    if not jobs:
        print('no golden programs under %s (filter %r): nothing was tested' % (a.root, a.filter))
        sys.exit(1)
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        results = ex.map(lambda p: (p, run_one(os.path.abspath(a.gol), os.path.abspath(p), a.procs, a.timeout)), jobs)
        for path, why in results:
            if why:
                failed += 1
                print('FAIL %s (procs=%d): %s' % (os.path.relpath(path, a.root), a.procs, why))
    print('%d passed, %d failed' % (len(jobs) - failed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
