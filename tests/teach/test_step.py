#!/usr/bin/env python3
"""gol step through a real pseudo-terminal: a student picks the goroutines; the printed order
follows the choices, and the saved schedule replays the run exactly.
  tests/teach/test_step.py --gol build/src/gol      ends with `N passed, M failed`
"""
import argparse, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'repl'))
from test_repl import Term  # noqa: E402  (the one pseudo-terminal driver of the tests)
PROG = os.path.join(HERE, 'programs', 'waitgroup_order.go')


class StepTerm(Term):
    """gol step on a pseudo-terminal (the REPL tests' terminal), answering its prompts."""
    def __init__(self, gol, cwd):
        super().__init__(gol, cwd, argv=[gol, 'step', '-o', 'run.sched', PROG], cwd=cwd)

    def expect_prompts(self, n, timeout=10):
        end = time.monotonic() + timeout
        while self.text().count('choice [0]') < n:
            if time.monotonic() > end:
                raise AssertionError('waited for prompt %d; screen:\n%s' % (n, self.text()[-1500:]))
            self.read(0.05)

    def answer(self, s):
        os.write(self.fd, (s + '\r').encode())


def step(gol, tmp, answers):
    t = StepTerm(gol, tmp)
    for i, a in enumerate(answers):
        t.expect_prompts(i + 1)
        t.answer(a)
    # the rest: defaults
    t.read(0.3)
    if 'schedule saved' not in t.text():
        t.answer('d')
    t.wait_exit(10)  # asserts exit status 0
    return 0, t.text()


def t_choices_decide_the_order(gol, tmp):
    # First decision: switch from main to the second goroutine (option 2) ...
    code, screen = step(gol, tmp, ['2'])
    assert code == 0, screen
    assert 'Keep running it, or switch?' in screen and 'wg.Wait()' in screen, screen
    first = screen.index('Executing 2nd goroutine')
    assert first < screen.index('Executing 1st goroutine'), screen
    sched = open(os.path.join(tmp, 'run.sched')).read()
    replay = subprocess.run([gol, 'run', '-schedule', os.path.join(tmp, 'run.sched'), PROG], capture_output=True)
    assert replay.stdout == b'Executing 2nd goroutine\nExecuting 1st goroutine\nAll goroutines finished executing\n', (
        sched, replay.stdout)


def t_other_choice_other_order(gol, tmp):
    code, screen = step(gol, tmp, ['1', '0'])
    assert code == 0, screen
    assert screen.index('Executing 1st goroutine') < screen.index('Executing 2nd goroutine'), screen
    replay = subprocess.run([gol, 'run', '-schedule', os.path.join(tmp, 'run.sched'), PROG], capture_output=True)
    assert replay.stdout.startswith(b'Executing 1st goroutine\n'), replay.stdout


def t_timeline_on_request(gol, tmp):
    t = StepTerm(gol, tmp)
    t.expect_prompts(1)
    t.answer('t')
    t.expect_prompts(2)
    assert 'gol timeline' in t.text() and 'G1 main.main' in t.text(), t.text()[-800:]
    t.answer('d')
    t.wait_exit(10)


TESTS = [t_choices_decide_the_order, t_other_choice_other_order, t_timeline_on_request]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gol', required=True)
    gol = os.path.abspath(ap.parse_args().gol)
    passed = failed = 0
    for t in TESTS:
        tmp = tempfile.mkdtemp()
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
