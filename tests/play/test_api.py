#!/usr/bin/env python3
"""gol play's HTTP API, as the page and a classroom use it: a real server on a free loopback
port, real HTTP requests (src/DESIGN.md §14 describes the API).

  tests/play/test_api.py --gol build/src/gol
Each check prints ok/FAIL; ends with `N passed, M failed`, exit 1 on a failure.
"""
import argparse, http.client, json, os, signal, socket, subprocess, sys, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WG = open(os.path.join(ROOT, 'tests', 'teach', 'programs', 'waitgroup_order.go')).read()
RACY = open(os.path.join(ROOT, 'tests', 'teach', 'programs', 'racy_counter.go')).read()

TWO_PRINTS = '''package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); fmt.Println("A") }()
	go func() { defer wg.Done(); fmt.Println("B") }()
	wg.Wait()
}
'''
SLOW_SECOND_LINE = '''package main

import "fmt"

func main() {
	fmt.Println("first")
	n := 0
	for i := 0; i < 150000000; i++ {
		n += i & 1
	}
	fmt.Println("second", n)
}
'''
OS_CALLS = '''package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// try runs f and prints how it was refused.
func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Println(name, strings.Contains(fmt.Sprint(r), "gol -sandbox: this program may not use"))
	}()
	f()
}

func main() {
	try("ReadFile", func() { os.ReadFile("/etc/passwd") })
	try("Create", func() { os.Create("x.txt") })
	try("Remove", func() { os.Remove("prog.go") })
	try("Mkdir", func() { os.Mkdir("d", 0755) })
	try("Chdir", func() { os.Chdir("/") })
	try("Getwd", func() { os.Getwd() })
	try("Hostname", func() { os.Hostname() })
	try("Getenv", func() { os.Getenv("HOME") })
	try("Environ", func() { os.Environ() })
	try("exec", func() { exec.Command("ls").Run() })
	fmt.Println("still running")
}
'''
OS_EXPECTED = ''.join('%s true\n' % n for n in ['ReadFile', 'Create', 'Remove', 'Mkdir', 'Chdir', 'Getwd', 'Hostname',
                                                 'Getenv', 'Environ', 'exec']) + 'still running\n'


class Server:
    def __init__(self, gol, *flags):
        self.p = subprocess.Popen([gol, 'play', '-addr', '127.0.0.1:0', *flags], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        line = self.p.stdout.readline()
        if 'http://127.0.0.1:' not in line:
            raise RuntimeError('gol play did not start: %r %s' % (line, self.p.stderr.read()))
        self.port = int(line.split('http://127.0.0.1:')[1].split('/')[0])

    def conn(self, timeout=60):
        return http.client.HTTPConnection('127.0.0.1', self.port, timeout=timeout)

    def get(self, path):
        c = self.conn()
        c.request('GET', path)
        r = c.getresponse()
        return r.status, r.read()

    def post_raw(self, path, body, ctype='application/json'):
        c = self.conn()
        c.request('POST', path, body=body, headers={'Content-Type': ctype})
        r = c.getresponse()
        return r.status, r.read()

    def events(self, path, body, timeout=60):
        """The NDJSON events of one request, each with the time it arrived."""
        c = self.conn(timeout)
        c.request('POST', path, body=json.dumps(body), headers={'Content-Type': 'application/json'})
        r = c.getresponse()
        if r.status != 200:
            raise RuntimeError('HTTP %d: %s' % (r.status, r.read()))
        out = []
        while True:
            line = r.readline()
            if not line:
                return out
            ev = json.loads(line)
            ev['_t'] = time.monotonic()
            out.append(ev)

    def stop(self):
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGINT)
            try:
                self.p.wait(5)
            except subprocess.TimeoutExpired:
                self.p.kill()


def text_of(events, kind):
    return ''.join(e['text'] for e in events if e['event'] == kind)


def exit_of(events):
    ends = [e for e in events if e['event'] == 'exit']
    return ends[-1] if ends else {}


RESULTS = []


def check(name, ok, detail=''):
    RESULTS.append(ok)
    print(('ok   ' if ok else 'FAIL ') + name + ('' if ok else ': ' + detail))
    sys.stdout.flush()


def test_run(s):
    ev = s.events('/api/run', {'source': TWO_PRINTS, 'seed': 7, 'procs': 2})
    kinds = [e['event'] for e in ev]
    check('run: accepted, started, stdout, exit in order', kinds[0] == 'accepted' and 'started' in kinds
          and kinds[-1] == 'exit', str(kinds))
    out = text_of(ev, 'stdout')
    check('run: both lines printed', sorted(out.split()) == ['A', 'B'], repr(out))
    end = exit_of(ev)
    check('run: exit 0, no stop reason', end.get('code') == 0 and end.get('killed') is None, str(end)[:300])
    svg = end.get('timeline', '')
    rows = svg.count('class="label"')
    check('run: a timeline SVG with rows for 2 Ps and 3 goroutines', svg.startswith('<svg') and rows >= 5, str(rows))
    again = s.events('/api/run', {'source': TWO_PRINTS, 'seed': 7, 'procs': 2})
    check('run: the same seed prints the same', text_of(again, 'stdout') == out)
    both = s.events('/api/run', {'source': TWO_PRINTS, 'seed': 7, 'procs': 4, 'compare': True})
    svg = exit_of(both).get('timeline', '')
    check('run: compare draws GOMAXPROCS 4 and 1 in one timeline', svg.count('class="run"') == 2, svg[:200])


def test_streaming(s):
    ev = s.events('/api/run', {'source': SLOW_SECOND_LINE, 'seed': 1, 'procs': 1})
    first = [e for e in ev if e['event'] == 'stdout' and 'first' in e['text']]
    end = exit_of(ev)
    check('stream: "first" arrives before the program ends',
          bool(first) and end and end['_t'] - first[0]['_t'] > 0.2 and 'second' not in first[0]['text'],
          'first=%s end=%s' % (first[:1], end.get('_t')))


def test_compile_error(s):
    ev = s.events('/api/run', {'source': 'package main\n\nfunc main() {\n\tx := 1 +\n}\n'})
    err = text_of(ev, 'stderr')
    check('compile error: exit 1 with prog.go:LINE:COL', exit_of(ev).get('code') == 1 and 'prog.go:5:1' in err, err)


def test_explore(s):
    ev = s.events('/api/explore', {'source': WG, 'procs': 2})
    rep = exit_of(ev).get('explore') or {}
    outs = rep.get('outcomes', [])
    check('explore: the WaitGroup example has exactly 2 outcomes', len(outs) == 2, json.dumps(rep)[:300])
    for o in outs:
        replay = s.events('/api/run', {'source': WG, 'seed': o['seed'], 'procs': o['procs']})
        check('explore: seed %d replays its outcome' % o['seed'], text_of(replay, 'stdout') == o['stdout'])


def test_race(s):
    ev = s.events('/api/run', {'source': RACY, 'seed': 1, 'procs': 2, 'race': True})
    err = text_of(ev, 'stderr')
    check('race: exit 66 and a report with both lines', exit_of(ev).get('code') == 66 and 'WARNING: DATA RACE' in err
          and err.count('prog.go:16') >= 2, err[:400])


def test_step(s):
    sched, outputs, questions = [], [], 0
    while questions < 50:
        ev = s.events('/api/step', {'source': TWO_PRINTS, 'procs': 1, 'schedule': sched})
        q = exit_of(ev).get('question')
        if not q:
            outputs = text_of(ev, 'stdout')
            break
        questions += 1
        opts = q['options']
        if questions == 1:
            check('step: the first question offers the goroutines that could run',
                  len(opts) >= 2 and q['kind'] in ('next', 'keep') and opts[0].get('goroutine') == 1,
                  json.dumps(q)[:300])
        sched.append(opts[-1]['choice'])
    check('step: stepping ends with the program\'s output', sorted(outputs.split()) == ['A', 'B'], repr(outputs))
    # The same choices replay the same run; choosing the first option everywhere may differ.
    ev = s.events('/api/step', {'source': TWO_PRINTS, 'procs': 1, 'schedule': sched})
    check('step: the chosen schedule replays', text_of(ev, 'stdout') == outputs and not exit_of(ev).get('question'))


def test_limits(s):
    ev = s.events('/api/run', {'source': 'package main\n\nfunc main() {\n\tfor {\n\t}\n}\n'})
    end = exit_of(ev)
    check('limits: for {} is stopped at the time limit', end.get('killed') in ('timeout', 'cpu')
          and 'stopped' in end.get('message', ''), str(end)[:300])
    big = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tb := make([]byte, 1<<30)\n\tfmt.Println(len(b))\n}\n'
    end = exit_of(s.events('/api/run', {'source': big}))
    check('limits: a 1 GB allocation is stopped by the heap cap', end.get('killed') == 'heap', str(end)[:300])
    loud = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfor {\n\t\tfmt.Println("0123456789")\n\t}\n}\n'
    ev = s.events('/api/run', {'source': loud})
    total = len(text_of(ev, 'stdout').encode()) + len(text_of(ev, 'stderr').encode())
    check('limits: output is capped', exit_of(ev).get('killed') == 'output' and total <= 64 * 1024, str(total))
    many = ('package main\n\nfunc main() {\n\tc := make(chan int)\n\tfor i := 0; i < 100000; i++ {\n'
            '\t\tgo func() { <-c }()\n\t}\n}\n')
    end = exit_of(s.events('/api/run', {'source': many}))
    check('limits: too many goroutines are stopped', end.get('killed') == 'goroutines', str(end)[:300])


def test_sandbox(s):
    out = text_of(s.events('/api/run', {'source': OS_CALLS}), 'stdout')
    check('sandbox: files, directories, the host, the environment and os/exec are refused', out == OS_EXPECTED, out)


def test_concurrent(s):
    results, lock = [], threading.Lock()

    def one(i):
        t0 = time.monotonic()
        try:
            ev = s.events('/api/run', {'source': TWO_PRINTS, 'seed': i, 'procs': 2}, timeout=60)
            ok = sorted(text_of(ev, 'stdout').split()) == ['A', 'B'] and exit_of(ev).get('code') == 0
            waited = any(e['event'] == 'waiting' for e in ev)
        except Exception as e:  # noqa: BLE001
            ok, waited = False, False
            print('  request %d: %s' % (i, e))
        with lock:
            results.append((ok, waited, time.monotonic() - t0))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    slowest = max(r[2] for r in results)
    check('load: 30 runs at once all answered correctly', all(r[0] for r in results) and len(results) == 30,
          str([r[0] for r in results]))
    check('load: all within 30 s (slowest %.1f s)' % slowest, slowest < 30)
    check('load: some runs were told they wait in line', any(r[1] for r in results))


def raw_request(port, data):
    with socket.create_connection(('127.0.0.1', port), timeout=10) as sock:
        sock.sendall(data)
        chunks = []
        while True:
            b = sock.recv(65536)
            if not b:
                break
            chunks.append(b)
    return b''.join(chunks).split(b'\r\n', 1)[0]


def test_paths_and_requests(s):
    status, body = s.get('/')
    check('static: the page', status == 200 and b'gol playground' in body)
    status, body = s.get('/static/codemirror.js')
    check('static: CodeMirror is embedded', status == 200 and len(body) > 100000)
    for path in ['/static/../../etc/passwd', '/static/%2e%2e/%2e%2e/etc/passwd', '/static//etc/passwd',
                 '/static/..%2fplay.js', '//etc/passwd', '/etc/passwd', '/static/']:
        line = raw_request(s.port, ('GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' % path).encode())
        check('static: %s is refused' % path, b' 404 ' in line, line.decode())
    status, _ = s.post_raw('/api/run', b'{not json')
    check('request: malformed JSON is 400', status == 400)
    status, _ = s.post_raw('/api/run', json.dumps({'source': 5}).encode())
    check('request: a wrong field type is 400', status == 400)
    status, _ = s.post_raw('/api/run', json.dumps({'source': 'x', 'procs': 1000}).encode())
    check('request: procs out of range is 400', status == 400)
    status, _ = s.post_raw('/api/run', json.dumps({'source': 'x' * 300000}).encode())
    check('request: a body over the limit is 413', status == 413)
    status, _ = s.get('/api/run')
    check('request: GET on a POST endpoint is 405', status == 405)
    line = raw_request(s.port, b'NONSENSE\r\n\r\n')
    check('request: a malformed request line is 400', b' 400 ' in line, line.decode())


def children_of(pid):
    kids = []
    for name in os.listdir('/proc'):
        if name.isdigit():
            try:
                with open('/proc/%s/stat' % name) as f:
                    fields = f.read().rsplit(')', 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                kids.append(int(name))
    return kids


def test_ctrl_c(gol):
    s = Server(gol, '-timeout', '30s')
    box = {}
    t = threading.Thread(target=lambda: box.setdefault('ev', s.events(
        '/api/run', {'source': 'package main\n\nfunc main() {\n\tfor {\n\t}\n}\n'}, timeout=20)))
    t.start()
    deadline = time.monotonic() + 10
    while not children_of(s.p.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    kids = children_of(s.p.pid)
    s.p.send_signal(signal.SIGINT)
    try:
        code = s.p.wait(5)
    except subprocess.TimeoutExpired:
        code = None
        s.p.kill()
    t.join(10)
    time.sleep(0.2)
    alive = [k for k in kids if os.path.exists('/proc/%d' % k) and 'zombie' not in open('/proc/%d/status' % k).read()]
    check('ctrl-c: the server exits with status 0', code == 0, str(code))
    check('ctrl-c: its running program is killed', kids and not alive, 'children %s alive %s' % (kids, alive))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gol', required=True)
    gol = os.path.abspath(ap.parse_args().gol)
    s = Server(gol, '-timeout', '3s', '-maxoutput', '64KB', '-maxheap', '128MB', '-runs', '2',
               '-maxgoroutines', '1000')
    try:
        for test in [test_run, test_streaming, test_compile_error, test_explore, test_race, test_step, test_limits,
                     test_sandbox, test_paths_and_requests, test_concurrent]:
            try:
                test(s)
            except Exception as e:  # noqa: BLE001
                check(test.__name__, False, repr(e))
    finally:
        s.stop()
    test_ctrl_c(gol)
    failed = RESULTS.count(False)
    print('%d passed, %d failed' % (len(RESULTS) - failed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
