#!/usr/bin/env python3
"""gol step through a real pseudo-terminal: a student picks the goroutines; the printed order
follows the choices, and the saved schedule replays the run exactly.
  tests/teach/test_step.py --gol build/src/gol      ends with `N passed, M failed`
"""
import argparse, os, pty, re, select, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
PROG = os.path.join(HERE, 'programs', 'waitgroup_order.go')
ANSI = re.compile(rb'\x1b\[[0-9;?]*[A-Za-z]')


class Term:
    def __init__(self, argv, cwd):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(cwd)
            os.execv(argv[0], argv)
        self.buf = b''

    def read(self, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            r, _, _ = select.select([self.fd], [], [], max(0, end - time.monotonic()))
            if not r:
                return
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return
            if not data:
                return
            self.buf += data

    def text(self):
        return ANSI.sub(b'', self.buf).decode('utf-8', 'replace').replace('\r', '')

    def expect_prompts(self, n, timeout=10):
        end = time.monotonic() + timeout
        while self.text().count('choice [0]') < n:
            if time.monotonic() > end:
                raise AssertionError('waited for prompt %d; screen:\n%s' % (n, self.text()[-1500:]))
            self.read(0.05)

    def answer(self, s):
        os.write(self.fd, (s + '\r').encode())

    def wait_exit(self, timeout=10):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.read(0.05)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.WEXITSTATUS(status)
        os.kill(self.pid, 9)
        raise AssertionError('gol step did not end; screen:\n' + self.text()[-1500:])


def step(gol, tmp, answers):
    t = Term([gol, 'step', '-o', 'run.sched', PROG], tmp)
    for i, a in enumerate(answers):
        t.expect_prompts(i + 1)
        t.answer(a)
    # the rest: defaults
    t.read(0.3)
    if 'schedule saved' not in t.text():
        t.answer('d')
    code = t.wait_exit()
    return code, t.text()


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
    t = Term([gol, 'step', '-o', 'run.sched', PROG], tmp)
    t.expect_prompts(1)
    t.answer('t')
    t.expect_prompts(2)
    assert 'gol timeline' in t.text() and 'G1 main.main' in t.text(), t.text()[-800:]
    t.answer('d')
    assert t.wait_exit() == 0


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
