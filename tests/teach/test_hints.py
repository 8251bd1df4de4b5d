#!/usr/bin/env python3
"""gol run -hints: the notes appear on stderr for the classroom mistakes, stdout stays Go's, and
a correct program gets none.
  tests/teach/test_hints.py --gol build/src/gol      ends with `N passed, M failed`
"""
import argparse, os, subprocess, sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'hints')

CASES = {
    'main_returns_early.go': (0, ['hint: main returned while 2 goroutines were still running',
                                  'started at main_returns_early.go:12)',
                                  'started at main_returns_early.go:13)', 'sync.WaitGroup']),
    'negative_waitgroup.go': (2, ['hint: the WaitGroup\'s counter went below zero at negative_waitgroup.go:9']),
    'deadlock_add_without_done.go': (2, [
        'G1 (main.main) blocked in sync.WaitGroup.Wait at deadlock_add_without_done.go:13: the counter is above zero',
        'G2 (main.main.func1, started at deadlock_add_without_done.go:12) blocked in chan send at '
        'deadlock_add_without_done.go:12: no goroutine that could still receive']),
    '../programs/waitgroup_order.go': (0, []),  # a correct program: no hint
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gol', required=True)
    gol = os.path.abspath(ap.parse_args().gol)
    passed = failed = 0
    for name, (code, wanted) in sorted(CASES.items()):
        # Seeded, so that both runs print in the same order and only -hints differs.
        with_hints = subprocess.run([gol, 'run', '-seed', '1', '-hints', name], capture_output=True, cwd=HERE,
                                    timeout=60)
        plain = subprocess.run([gol, 'run', '-seed', '1', name], capture_output=True, cwd=HERE, timeout=60)
        err = with_hints.stderr.decode()
        why = None
        if with_hints.returncode != code:
            why = 'exit %d, want %d' % (with_hints.returncode, code)
        elif with_hints.stdout != plain.stdout:
            why = 'stdout changed by -hints'
        elif b'hint:' in plain.stderr:
            why = 'a hint without -hints'
        elif not wanted and 'hint:' in err:
            why = 'a hint on a correct program: ' + err
        else:
            for w in wanted:
                if w not in err:
                    why = 'missing %r in:\n%s' % (w, err)
                    break
        if why:
            failed += 1
            print('FAIL %s: %s' % (name, why))
        else:
            passed += 1
    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
