#!/usr/bin/env python3
"""Runs gol vet's golden tests: every tests/vet/NAME.go beside its expectations.

  NAME.err   the exact stderr of `gol vet NAME.go` (run in this folder; empty when it finds nothing)
  NAME.code  its exit status (0: nothing found, 1: findings or compile errors)

Prints a FAIL line per failure and ends with `N passed, M failed`; exits 1 on any failure.

  tests/vet/check_vet.py --gol build/src/gol
  tests/vet/check_vet.py --gol build/src/gol --update    rewrite the expectations
"""
import argparse, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def read(path):
    try:
        with open(path, 'rb') as f:
            return f.read()
    except FileNotFoundError:
        return None


def run_one(gol, name, update):
    stem = os.path.join(HERE, name[:-3])
    p = subprocess.run([gol, 'vet', name], cwd=HERE, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    if update:
        with open(stem + '.err', 'wb') as f:
            f.write(p.stderr)
        with open(stem + '.code', 'w') as f:
            f.write('%d\n' % p.returncode)
        return None
    err, code = read(stem + '.err'), read(stem + '.code')
    if err is None or code is None:
        return 'needs %s.err and %s.code next to it' % (name[:-3], name[:-3])
    if p.returncode != int(code):
        return 'exit status %d, expected %d' % (p.returncode, int(code))
    if p.stderr != err:
        return 'stderr differs:\n--- expected\n%s--- got\n%s' % (err.decode(errors='replace'),
                                                                p.stderr.decode(errors='replace'))
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gol', required=True)
    ap.add_argument('--update', action='store_true')
    a = ap.parse_args()
    gol = os.path.abspath(a.gol)
    names = sorted(n for n in os.listdir(HERE) if n.endswith('.go'))
    if not names:
        print('no tests in %s' % HERE)
        sys.exit(1)
    failed = 0
    for name in names:
        why = run_one(gol, name, a.update)
        if why:
            failed += 1
            print('FAIL %s: %s' % (name, why))
    print('%d passed, %d failed' % (len(names) - failed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
