#!/usr/bin/env python3
"""gol run -race: reports for racy programs, in Go's layout with both lines; silence on correct
ones; at 1, 2 and 4 procs and seeded.
  tests/teach/test_race.py --gol build/src/gol      ends with `N passed, M failed`
"""
import argparse, glob, os, re, subprocess, sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'race')
# racy program -> lines that must be named by a report (both ends of a racing pair)
RACY = {'racy_counter.go': {16}, 'racy_map.go': {14, 16}, 'racy_append.go': {14, 16},
        'racy_string_iface.go': {11, 15}}
MODES = [['-procs', '1'], ['-procs', '2'], ['-procs', '4'], ['-seed', '3'], ['-seed', '4', '-procs', '2']]


def run(gol, name, mode):
    return subprocess.run([gol, 'run', '-race', *mode, name], capture_output=True, cwd=HERE, timeout=120)


def check(gol, name, mode):
    p = run(gol, name, mode)
    err = p.stderr.decode()
    if name.startswith('ok_'):
        if p.returncode != 0 or err:
            return 'correct program: exit %d, stderr %r' % (p.returncode, err[:600])
        return None
    if p.returncode != 66:
        return 'exit %d, want 66; stderr %r' % (p.returncode, err[:300])
    if not re.search(r'^Found \d+ data race\(s\)$', err, re.M):
        return 'no "Found N data race(s)"'
    blocks = err.split('==================\nWARNING: DATA RACE\n')[1:]
    if not blocks:
        return 'no WARNING: DATA RACE block'
    named = set()
    for b in blocks:
        m = re.match(r'(Read|Write) at \S+:(\d+) by (goroutine \d+|main goroutine):\n', b)
        if not m or not re.search(r'\nPrevious (read|write) at \S+:(\d+) by ', b):
            return 'malformed report:\n' + b
        named.add(int(m.group(2)))
        named.add(int(re.search(r'\nPrevious (?:read|write) at \S+:(\d+)', b).group(1)))
        if '      > ' not in b:
            return 'report without the source text:\n' + b
        if 'created at:' not in b:
            return 'report without "created at":\n' + b
    if not RACY[name] <= named:
        return 'reports name lines %s, want %s' % (sorted(named), sorted(RACY[name]))
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gol', required=True)
    gol = os.path.abspath(ap.parse_args().gol)
    passed = failed = 0
    names = sorted(os.path.basename(p) for p in glob.glob(os.path.join(HERE, '*.go')))
    assert set(RACY) <= set(names)
    for name in names:
        for mode in MODES:
            why = check(gol, name, mode)
            if why:
                failed += 1
                print('FAIL %s %s: %s' % (name, ' '.join(mode), why))
            else:
                passed += 1
    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
