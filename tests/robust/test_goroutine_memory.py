#!/usr/bin/env python3
"""200,000 short goroutines that each allocate a little: dead goroutines' stacks and their
garbage are reclaimed while the program runs, so the peak stays far below what they would take
all at once (the limit: 400 MB; Go itself peaks near 50 MB).
  tests/robust/test_goroutine_memory.py --gol build/src/gol
"""
import argparse, os, resource, subprocess, sys

PROG = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'programs', 'alloc_200k_goroutines.go')
LIMIT_MB = 400


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gol', required=True)
    gol = os.path.abspath(ap.parse_args().gol)
    failed = 0
    for procs in ('1', '4'):
        p = subprocess.run([gol, 'run', '-procs', procs, PROG], capture_output=True, timeout=120)
        # the largest child so far: this test's runs are its only children
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        ok = p.returncode == 0 and p.stdout == b'400000\n' and peak_mb < LIMIT_MB
        print('%s procs %s: exit %d, peak %.0f MB (limit %d MB)' % ('ok  ' if ok else 'FAIL', procs, p.returncode,
                                                                     peak_mb, LIMIT_MB))
        failed += not ok
    print('%d passed, %d failed' % (2 - failed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
