#!/usr/bin/env python3
"""Seeded runs (gol run -seed N) as a teacher uses them: reproducible byte for byte, driven by
the seed, on virtual processors and a virtual clock, with traces and timelines.
  tests/teach/test_seeded.py --gol build/src/gol      ends with `N passed, M failed`
"""
import argparse, hashlib, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROGS = os.path.join(HERE, 'programs')
WG = os.path.join(PROGS, 'waitgroup_order.go')
VT = os.path.join(PROGS, 'virtual_time.go')


def run(gol, *args):
    p = subprocess.run([gol, 'run', *args], capture_output=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def digest(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def t_same_seed_same_bytes(gol, tmp):
    for procs in ('1', '2', '4'):
        seen = set()
        for i in range(10):
            trace = os.path.join(tmp, 'r%s_%d.json' % (procs, i))
            code, out, err = run(gol, '-seed', '7', '-procs', procs, '-trace', trace, WG)
            assert code == 0, err
            seen.add((out, err, digest(trace)))
        assert len(seen) == 1, 'procs %s: %d different runs for one seed' % (procs, len(seen))


def t_seed_drives_the_schedule(gol, tmp):
    firsts, traces = set(), set()
    for seed in range(1, 33):
        trace = os.path.join(tmp, 's%d.json' % seed)
        code, out, _ = run(gol, '-seed', str(seed), '-procs', '2', '-trace', trace, WG)
        assert code == 0
        firsts.add(out.splitlines()[0])
        traces.add(digest(trace))
    assert firsts == {b'Executing 1st goroutine', b'Executing 2nd goroutine'}, firsts
    assert len(traces) > 1, 'every seed gave the same trace'


def t_virtual_time(gol, tmp):
    code, out, err = run(gol, '-seed', '5', VT)
    assert code == 0, err
    lines = out.decode().splitlines()
    assert lines[0] == 'true true', lines  # an hour of sleep, at once, and Since says an hour
    assert lines[1] == 'ticks 10', lines   # 105 ms of a 10 ms ticker
    assert lines[2] == '2009-11-11 00', lines  # the playground epoch plus an hour
    orders = {run(gol, '-seed', str(s), VT)[1].decode().splitlines()[3] for s in range(1, 9)}
    assert len(orders) > 1, 'map iteration order ignores the seed'


def t_racy_counter_loses_updates_for_some_seeds(gol, tmp):
    prog = os.path.join(PROGS, 'racy_counter.go')
    results = {}
    for seed in range(1, 61):
        out = run(gol, '-seed', str(seed), '-procs', '2', prog)[1]
        results[seed] = out
        if len(set(results.values())) > 1 and seed > 20:
            break
    values = set(results.values())
    assert b'counter: 40\n' in values, values  # some seeds keep every update
    assert any(v != b'counter: 40\n' for v in values), values  # some lose some
    for seed, out in list(results.items())[:10]:
        assert run(gol, '-seed', str(seed), '-procs', '2', prog)[1] == out, 'seed %d did not replay' % seed


def t_racy_map_reports_for_some_seeds(gol, tmp):
    prog = os.path.join(PROGS, 'racy_map.go')
    fatal = ok = 0
    for seed in range(1, 21):
        code, out, err = run(gol, '-seed', str(seed), '-procs', '2', prog)
        if code == 2 and b'fatal error: concurrent map writes' in err:
            fatal += 1
        elif code == 0 and out == b'100\n':
            ok += 1
    assert fatal > 0 and ok > 0, (fatal, ok)


def t_trace_shape(gol, tmp):
    trace = os.path.join(tmp, 'shape.json')
    code, _, err = run(gol, '-seed', '3', '-procs', '2', '-trace', trace, WG)
    assert code == 0, err
    p = subprocess.run([sys.executable, os.path.join(HERE, 'check_trace.py'), trace], capture_output=True)
    assert p.returncode == 0, p.stdout + p.stderr
    text = open(trace).read()
    assert '"clock":"virtual"' in text and '"seed":3' in text, text[:300]


def t_trace_limit(gol, tmp):
    trace = os.path.join(tmp, 'cut.json')
    code, _, err = run(gol, '-seed', '3', '-trace-limit', '5', '-trace', trace, WG)
    assert code == 0
    assert b'trace truncated' in err, err
    assert 'trace truncated' in open(trace).read()


def t_timelines(gol, tmp):
    for ext, marker in (('html', '<svg'), ('svg', '<svg'), ('mmd', 'dateFormat x')):
        path = os.path.join(tmp, 'tl.' + ext)
        code, _, err = run(gol, '-seed', '3', '-timeline', path, WG)
        assert code == 0, err
        text = open(path).read()
        assert marker in text, (ext, text[:200])
        assert 'main.main.func1' in text, (ext, 'goroutine names missing')
    code, out, err = run(gol, '-seed', '3', '-timeline', '-', WG)
    assert re.search(rb'G2 main\.main\.func1', err), err
    assert b'\xe2\x96\x88' in err, 'no running cells in the text chart'


def t_one_chef_vs_many(gol, tmp):
    prog = os.path.join(PROGS, 'chefs.go')
    html = os.path.join(tmp, 'chefs.html')
    code, out, err = run(gol, '-seed', '1', '-procs', '1,4', '-timeline', html, prog)
    assert code == 0, err
    assert out == run(gol, '-seed', '1', '-procs', '1', prog)[1], 'stdout is not the first run\'s'
    text = open(html).read()
    parts = text.split('<g class="run" data-procs=')[1:]
    assert [p.split('"')[1] for p in parts] == ['1', '4'], [p[:10] for p in parts]

    def overlaps(part):
        bars = sorted((int(s), int(e)) for s, e in re.findall(
            r'class="bar running p-row"[^>]*data-start="(\d+)" data-end="(\d+)"', part))
        assert bars, 'no P bars'
        return any(bars[i + 1][0] < bars[i][1] for i in range(len(bars) - 1))
    assert not overlaps(parts[0]), 'two goroutines ran at once on 1 P'
    assert overlaps(parts[1]), 'nothing ran in parallel on 4 Ps'


def t_random_seed_replays(gol, tmp):
    code, out, err = run(gol, '-seed', 'random', WG)
    m = re.search(rb'gol: -seed (\d+)', err)
    assert code == 0 and m, err
    assert run(gol, '-seed', m.group(1).decode(), WG)[1] == out


def t_help(gol, tmp):
    for args in (['help', 'run'], ['run', '-h']):
        p = subprocess.run([gol, *args], capture_output=True)
        assert p.returncode == 0 and b'-seed N' in p.stdout and b'-timeline' in p.stdout, (args, p)


TESTS = [t_same_seed_same_bytes, t_seed_drives_the_schedule, t_virtual_time,
         t_racy_counter_loses_updates_for_some_seeds, t_racy_map_reports_for_some_seeds, t_trace_shape,
         t_trace_limit, t_timelines, t_one_chef_vs_many, t_random_seed_replays, t_help]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gol', required=True)
    a = ap.parse_args()
    gol = os.path.abspath(a.gol)
    tmp = tempfile.mkdtemp()
    passed = failed = 0
    for t in TESTS:
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
