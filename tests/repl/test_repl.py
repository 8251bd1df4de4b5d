#!/usr/bin/env python3
"""Drives the real gol REPL through a pseudo-terminal, as a student at a terminal would.

Each scenario starts `gol` with a fresh HOME (so history starts empty), types keys, and checks
what the terminal shows. Ends with `N passed, M failed`.
  tests/repl/test_repl.py --gol build/src/gol
"""
import argparse, os, pty, re, select, signal, sys, tempfile, time

ANSI = re.compile(rb'\x1b\[[0-9;?]*[A-Za-z]')
UP, TAB, CTRL_C, CTRL_D, CTRL_R = '\x1b[A', '\t', '\x03', '\x04', '\x12'


class Term:
    """gol on a pseudo-terminal: `gol` alone (the REPL), or argv when given, run in cwd."""
    def __init__(self, gol, home, argv=None, cwd=None):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ['HOME'] = home
            os.environ['TERM'] = 'xterm'
            if cwd:
                os.chdir(cwd)
            os.execv(gol, argv or [gol])
        self.buf = b''

    def read(self, timeout=0.2):
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            r, _, _ = select.select([self.fd], [], [], left)
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

    def expect(self, pattern, timeout=5.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if re.search(pattern, self.text()):
                return True
            self.read(0.05)
        raise AssertionError('expected %r; screen so far:\n%s' % (pattern, self.text()[-800:]))

    def send(self, keys, pause=0.05):
        os.write(self.fd, keys.encode())
        self.read(pause)

    def line(self, s):
        self.send(s + '\r')

    def wait_exit(self, timeout=1.0):
        """Asserts that gol ends by itself within `timeout` seconds with status 0."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.read(0.02)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.pid = None
                assert os.WIFEXITED(status), 'gol ended by signal %d' % os.WTERMSIG(status)
                assert os.WEXITSTATUS(status) == 0, 'gol exited with %d' % os.WEXITSTATUS(status)
                return
        raise AssertionError('gol did not exit within %.1f s' % timeout)

    def close(self):
        if self.pid is None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass


def sc_values_and_redeclaration(t):
    t.expect(r'> ')
    t.line('x := 21')
    t.line('x * 2')
    t.expect(r'\n42\n')
    t.line('x := "now a string"')
    t.line('x + "!"')
    t.expect(r'now a string!')
    t.line(':type x')
    t.expect(r'\nstring\n')


def sc_multiline(t):
    t.expect(r'> ')
    t.line('func add(a, b int) int {')
    t.expect(r'\.\.\. ?$|\. $')
    t.line('return a + b')
    t.line('}')
    t.line('add(40, 2)')
    t.expect(r'\n42\n')


def sc_history(t):
    t.expect(r'> ')
    t.line('fmt.Println("hi" + "story")')
    t.expect(r'history\n')
    t.send(UP)
    t.send('\r')
    t.expect(r'history\n(.|\n)*history\n')
    t.send(CTRL_R + 'hi')
    t.expect(r'reverse-i-search')
    t.send('\r')
    t.expect(r'(history\n(.|\n)*){3}')


def sc_completion(t):
    t.expect(r'> ')
    t.send('fmt.Sprin' + TAB)
    t.expect(r'Sprintf')
    t.send(CTRL_C)
    t.line('type Point struct { X, Y int }')
    t.line('p := Point{1, 2}')
    t.send('p.' + TAB)
    t.expect(r'X +Y|Y +X')
    t.send(CTRL_C)


def sc_stdlib_names(t):
    """:type and completion on stdlib names (their trees come from the prepared image), and a
    user name that shadows a package."""
    t.expect(r'> ')
    t.line(':type strings.ToUpper')
    t.expect(r'\nfunc\(string\) string\n')
    t.line(':type time.Second')
    t.expect(r'\ntime\.Duration\n')
    t.send('strings.ToU' + TAB)
    t.expect(r'ToUpper')
    t.send(CTRL_C)
    t.line('strings := 5')
    t.line(':type strings')
    t.expect(r'\nint\n')


def sc_goroutine_output_while_typing(t):
    t.expect(r'> ')
    t.line('go func() { time.Sleep(300 * time.Millisecond); fmt.Println("tick from goroutine") }()')
    t.send('abc')
    t.expect(r'tick from goroutine')
    t.read(0.2)
    # The line being typed is redrawn below the goroutine's output, intact.
    tail = t.text().split('tick from goroutine')[-1]
    assert 'abc' in tail, tail
    t.send('\x15')  # Ctrl-U
    t.line('1 + 1')
    t.expect(r'\n2\n')


def sc_interrupt_loop(t):
    t.expect(r'> ')
    t.line('for {}')
    time.sleep(0.3)
    t.send(CTRL_C)
    t.expect(r'interrupt')
    t.line('"still here"')
    t.expect(r'still here')


def sc_errors_keep_session(t):
    t.expect(r'> ')
    t.line('y := 5')
    t.line('fmt.Println(undefinedThing)')
    t.expect(r'undefined: undefinedThing')
    t.line('var s []int')
    t.line('s[3]')
    t.expect(r'index out of range \[3\] with length 0')
    t.line('ch := make(chan int)')
    t.line('<-ch')
    t.expect(r'deadlock')
    t.line('y + 1')
    t.expect(r'\n6\n')


def sc_goroutines_command_and_quit(t):
    t.expect(r'> ')
    t.line('block := make(chan int)')
    t.line('go func() { <-block }()')
    t.line(':goroutines')
    t.expect(r'chan receive')
    t.expect(r'<input 2>:1')  # the second input started it
    t.line(':quit')
    t.wait_exit()


def sc_ctrl_d_exits(t):
    t.expect(r'> ')
    t.line('go func() { for { time.Sleep(time.Millisecond) } }()')
    t.line('x := 1')
    # Sent at once, possibly while `x := 1` still runs: a typed-ahead Ctrl-D must not be lost.
    t.send(CTRL_D)
    t.wait_exit()


def sc_function_literal_continues(t):
    t.expect(r'> ')
    t.line('f := func() {')
    t.expect(r'\.\.\. ?$')
    t.line('fmt.Println("inside f")')
    t.line('}')
    t.line('f()')
    t.expect(r'\ninside f\n')
    t.line('done := make(chan bool)')
    t.line('go func() {')
    t.expect(r'\.\.\. ?$')
    t.line('fmt.Println("from go func")')
    t.line('done <- true')
    t.line('}()')
    t.line('<-done')
    t.expect(r'from go func\n')
    t.line('fmt.Println(1,')
    t.expect(r'\.\.\. ?$')
    t.line('2)')
    t.expect(r'\n1 2\n')


def sc_timeline(t):
    t.expect(r'> ')
    t.line('done := make(chan bool)')
    t.line('go func() { time.Sleep(900 * time.Millisecond); done <- true }()')
    t.line('<-done')  # typed in well under 900 ms: the input waits
    t.expect(r'\ntrue\n', timeout=5)
    t.line(':timeline')
    t.expect(r'gol timeline')
    t.expect(r'G\d+ main\.main +\u2502\u00b7+')  # the input's goroutine, blocked on <-done
    t.line(':procs 1000')
    t.expect(r'1 to 256')


def sc_goroutine_panic_keeps_session(t):
    t.expect(r'> ')
    t.line('kept := 41')
    t.line('go func() { var m map[string]int; m["x"] = 1 }()')
    t.expect(r'panic: assignment to entry in nil map')
    t.line('kept + 1')
    t.expect(r'\n42\n')


def sc_paste_is_linear(t):
    t.expect(r'> ')
    t.read(0.2)
    # A bracketed paste of one 100,000-character line, then Enter: fast and drawn once.
    before = len(t.buf)
    start = time.monotonic()
    payload = 'x := "' + 'a' * 100000 + '"'
    os.write(t.fd, ('\x1b[200~' + payload + '\x1b[201~').encode())
    t.send('\r')
    t.line('len(x)')
    t.expect(r'\n100000\n', timeout=5)
    took = time.monotonic() - start
    drawn = len(t.buf) - before
    assert took < 1.5, 'paste took %.2f s' % took
    assert drawn < 1000000, 'paste wrote %d bytes to the terminal' % drawn
    # Without bracketed paste (a terminal that lacks it): 20,000 characters in one burst.
    before = len(t.buf)
    start = time.monotonic()
    os.write(t.fd, ('y := "' + 'b' * 20000 + '"\r').encode())
    t.line('len(y)')
    t.expect(r'\n20000\n', timeout=5)
    assert time.monotonic() - start < 1.5 and len(t.buf) - before < 1000000, (time.monotonic() - start, len(t.buf) - before)
    # A pasted multi-line function is one entry.
    os.write(t.fd, '\x1b[200~func twice(n int) int {\n\treturn 2 * n\n}\x1b[201~\r'.encode())
    t.line('twice(21)')
    t.expect(r'\n42\n')


def sc_interrupt_blocked_input(t):
    t.expect(r'> ')
    t.line('d := make(chan int)')
    t.line('go func() { time.Sleep(600 * time.Millisecond); d <- 42 }()')
    t.line('v := <-d')
    time.sleep(0.2)
    t.send(CTRL_C)
    t.expect(r'interrupted')
    # The interrupted receive is withdrawn: the value stays in the channel for the next one.
    t.line('w := <-d')
    t.line('w')
    t.expect(r'\n42\n', timeout=5)
    t.line('time.Sleep(time.Hour)')
    time.sleep(0.2)
    t.send(CTRL_C)
    t.expect(r'(interrupted(.|\n)*){2}')
    t.line('"back"')
    t.expect(r'back', timeout=3)
    t.line('var mu sync.Mutex')
    t.line('mu.Lock()')
    t.line('go func() { time.Sleep(time.Hour); mu.Unlock() }()')  # someone could still unlock it
    t.line('mu.Lock()')
    time.sleep(0.2)
    t.send(CTRL_C)
    t.expect(r'(interrupted(.|\n)*){3}')
    t.line('var wg sync.WaitGroup')
    t.line('wg.Add(1)')
    t.line('wg.Wait()')
    time.sleep(0.2)
    t.send(CTRL_C)
    t.expect(r'(interrupted(.|\n)*){4}')
    t.line('mu.Unlock()')
    t.line('"still alive"')
    t.expect(r'still alive', timeout=3)


SCENARIOS = [sc_values_and_redeclaration, sc_multiline, sc_history, sc_completion, sc_stdlib_names,
             sc_goroutine_output_while_typing, sc_interrupt_loop, sc_errors_keep_session,
             sc_goroutines_command_and_quit, sc_ctrl_d_exits, sc_function_literal_continues, sc_timeline,
             sc_goroutine_panic_keeps_session, sc_paste_is_linear, sc_interrupt_blocked_input]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gol', required=True)
    ap.add_argument('--filter', default='')
    a = ap.parse_args()
    gol = os.path.abspath(a.gol)
    passed = failed = 0
    for sc in SCENARIOS:
        if a.filter not in sc.__name__:
            continue
        home = tempfile.mkdtemp()
        t = Term(gol, home)
        try:
            sc(t)
            passed += 1
        except Exception as e:  # a failed expectation or a dead terminal
            failed += 1
            print('FAIL %s: %s' % (sc.__name__, e))
        finally:
            t.close()
    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
