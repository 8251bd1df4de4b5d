#!/usr/bin/env python3
"""gol explore as a class uses it: "what can this program print?"
  tests/teach/test_explore.py --gol build/src/gol      ends with `N passed, M failed`
"""
import argparse, json, os, shlex, subprocess, sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'explore')


def explore(gol, *args):
    p = subprocess.run([gol, 'explore', *args], capture_output=True, timeout=120, cwd=HERE)
    assert p.returncode == 0, p.stderr
    return p.stdout.decode()


def explore_json(gol, *args):
    return json.loads(explore(gol, '-json', *args))


def replay(gol, outcome):
    argv = shlex.split(outcome['replay'])
    assert argv[:2] == ['gol', 'run'], outcome['replay']
    p = subprocess.run([gol, *argv[1:]], capture_output=True, timeout=60, cwd=HERE)
    return p.stdout.decode(), p.returncode, p.stderr.decode()


def check_shape(report):
    assert isinstance(report['runs'], int) and report['runs'] > 0, report
    assert isinstance(report['complete'], bool)
    assert sum(o['count'] for o in report['outcomes']) == report['runs'], report
    for o in report['outcomes']:
        for key, kind in (('stdout', str), ('exit', int), ('error', str), ('count', int), ('procs', int),
                          ('replay', str), ('replay_verified', bool)):
            assert isinstance(o[key], kind), (key, o)
        assert o['seed'] is None or isinstance(o['seed'], int), o


def t_waitgroup_has_exactly_its_two_outputs(gol):
    r = explore_json(gol, '-procs', '2', '../programs/waitgroup_order.go')
    check_shape(r)
    firsts = sorted(o['stdout'].splitlines()[0] for o in r['outcomes'])
    assert firsts == ['Executing 1st goroutine', 'Executing 2nd goroutine'], r['outcomes']
    for o in r['outcomes']:
        assert o['replay_verified'], o
        out, code, _ = replay(gol, o)
        assert out == o['stdout'] and code == o['exit'], (o, out, code)


def t_three_printers_exhaustive_is_complete_with_six(gol):
    r = explore_json(gol, '-exhaustive', 'three_printers.go')
    check_shape(r)
    assert r['complete'] is True, r['runs']
    orders = {o['stdout'] for o in r['outcomes']}
    assert len(orders) == 6 and len(r['outcomes']) == 6, orders
    for o in r['outcomes']:
        out, code, _ = replay(gol, o)
        assert out == o['stdout'], (o['replay'], out)
    text = explore(gol, '-exhaustive', 'three_printers.go')
    assert 'all %d schedules explored' % r['runs'] in text and 'partial-order reduced' in text, text[:300]
    assert r['runs'] <= 100, r['runs']  # the unreduced search needs more than 20,000


def t_exhaustive_finds_the_rare_deadlock(gol):
    r = explore_json(gol, '-exhaustive', '-procs', '2', 'lock_order.go')
    assert r['complete'] is True, r['runs']
    errors = sorted(o['error'] for o in r['outcomes'])
    assert errors == ['', 'fatal error: all goroutines are asleep - deadlock!'], errors
    for o in r['outcomes']:
        assert o['replay_verified'], o


def t_reduction_loses_no_outcome(gol):
    """The reduced search finds exactly what the unreduced one finds, with far fewer runs."""
    for prog in ['../programs/waitgroup_order.go']:
        reduced = explore_json(gol, '-exhaustive', '-procs', '2', prog)
        env = dict(os.environ, GOL_EXPLORE_NO_REDUCTION='1')
        p = subprocess.run([gol, 'explore', '-json', '-exhaustive', '-procs', '2', '-runs', '50000', '-time', '120s',
                            prog], capture_output=True, cwd=HERE, env=env, timeout=300)
        full = json.loads(p.stdout)
        assert full['complete'] and reduced['complete'], (prog, full['runs'], reduced['runs'])
        assert {o['stdout'] for o in full['outcomes']} == {o['stdout'] for o in reduced['outcomes']}, prog
        assert reduced['runs'] * 20 < full['runs'], (prog, reduced['runs'], full['runs'])
    # The unreduced search of these takes minutes; their outcomes are known.
    for prog, outs in [('lost_update.go', {'1\n', '2\n'}), ('select_race.go', {'ab\n', 'ba\n'}),
                       ('mutex_order.go', {'[1 2]\n', '[2 1]\n'})]:
        r = explore_json(gol, '-exhaustive', '-procs', '2', prog)
        assert r['complete'] and {o['stdout'] for o in r['outcomes']} == outs, (prog, r['runs'], r['outcomes'])


def t_rare_deadlock_is_found_and_replays(gol):
    # A fixed number of runs (not the time budget), so that both reports below count the same.
    r = explore_json(gol, '-procs', '2', '-runs', '400', 'lock_order.go')
    dead = [o for o in r['outcomes'] if 'deadlock' in o['error']]
    assert dead, [o['error'] for o in r['outcomes']]
    assert dead[0]['count'] < r['runs'] / 2, 'the deadlock should be rare'
    assert any(o['stdout'] == 'done\n' for o in r['outcomes'])
    out, code, err = replay(gol, dead[0])
    assert code == 2 and 'all goroutines are asleep - deadlock!' in err, (code, err)
    text = explore(gol, '-procs', '2', '-runs', '400', 'lock_order.go')
    assert '%d of %d runs deadlock' % (dead[0]['count'], r['runs']) in text, text[-400:]


def t_correct_program_has_one_outcome(gol):
    r = explore_json(gol, 'correct_counter.go')
    assert len(r['outcomes']) == 1 and r['outcomes'][0]['stdout'] == 'counter 9 goroutines 3\n', r['outcomes']
    r = explore_json(gol, '-exhaustive', '-runs', '200', 'correct_counter.go')
    assert len(r['outcomes']) == 1 and r['runs'] > 1, (r['runs'], r['outcomes'])


def t_race_under_every_schedule(gol):
    race_dir = os.path.join(os.path.dirname(HERE), 'race')
    p = subprocess.run([gol, 'explore', '-race', '-runs', '40', '-json', 'racy_counter.go'], capture_output=True,
                       cwd=race_dir, timeout=120)
    r = json.loads(p.stdout)
    assert all(o['error'].startswith('data race: ') and o['exit'] == 66 for o in r['outcomes']), r['outcomes']
    assert '-race -seed' in r['outcomes'][0]['replay']
    p = subprocess.run([gol, 'explore', '-race', '-runs', '20', '-json', 'ok_mutex.go'], capture_output=True,
                       cwd=race_dir, timeout=120)
    r = json.loads(p.stdout)
    assert len(r['outcomes']) == 1 and r['outcomes'][0]['error'] == '', r['outcomes']


def t_pct_runs_replay(gol):
    outs = set()
    for seed in range(1, 9):
        runs = {subprocess.run([gol, 'run', '-seed', str(seed), '-pct', '2', '-procs', '2', '../programs/waitgroup_order.go'],
                               capture_output=True, cwd=HERE).stdout for _ in range(3)}
        assert len(runs) == 1, 'a PCT seed did not replay'
        outs |= runs
    assert len(outs) == 2, outs  # PCT reaches both orders too
    r = explore_json(gol, '-procs', '2', 'lock_order.go')
    assert all(o['replay_verified'] for o in r['outcomes']), r['outcomes']


def t_budget_flags(gol):
    r = explore_json(gol, '-runs', '7', '../programs/waitgroup_order.go')
    assert r['runs'] == 7, r['runs']
    p = subprocess.run([gol, 'explore', '-time', 'soon', '../programs/waitgroup_order.go'], capture_output=True, cwd=HERE)
    assert p.returncode == 2 and b'-time' in p.stderr, p.stderr
    p = subprocess.run([gol, 'help', 'explore'], capture_output=True)
    assert p.returncode == 0 and b'-exhaustive' in p.stdout


TESTS = [t_waitgroup_has_exactly_its_two_outputs, t_three_printers_exhaustive_is_complete_with_six,
         t_exhaustive_finds_the_rare_deadlock, t_reduction_loses_no_outcome,
         t_rare_deadlock_is_found_and_replays, t_correct_program_has_one_outcome, t_race_under_every_schedule,
         t_pct_runs_replay, t_budget_flags]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gol', required=True)
    gol = os.path.abspath(ap.parse_args().gol)
    passed = failed = 0
    for t in TESTS:
        try:
            t(gol)
            passed += 1
        except Exception as e:
            failed += 1
            print('FAIL %s: %r' % (t.__name__, e))
    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
