#!/usr/bin/env python3
"""gol play's page in headless Chromium (Debian's chromium and chromedriver, through Selenium),
used as a student would: type the course's WaitGroup example, Run, see its output and one
timeline row per goroutine; Explore shows its 2 outputs and clicking one replays it; a compile
error and a data race mark their lines; a lesson loads from the list; a share link reopens the
same program and seed; and the page asks nothing of any server but gol play.

  tests/play/test_browser.py --gol build/src/gol [--shots DIR] [--allow-skip]
Screenshots go to DIR (default: a temporary folder, printed). Ends with `N passed, M failed`.
Without Chromium or Selenium: a failure, or with --allow-skip "skipped" and exit 0 (unless
GOL_REQUIRE_BROWSER=1).
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEBIAN_PYTHON = '/usr/bin/python3'

WAITGROUP = '''package main

import (
"fmt"
"sync"
)

func main() {
var wg sync.WaitGroup
wg.Add(2)
go func() {
defer wg.Done()
fmt.Println("1st goroutine")
}()
go func() {
defer wg.Done()
fmt.Println("2nd goroutine")
}()
wg.Wait()
}
'''
BROKEN = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println(undefinedName)\n}\n'
RACY = '''package main

import (
	"fmt"
	"time"
)

func main() {
	x := 0
	go func() {
		x = 1
	}()
	time.Sleep(time.Millisecond)
	fmt.Println(x)
}
'''
RESULTS = []


def check(name, ok, detail=''):
    RESULTS.append(ok)
    print(('ok   ' if ok else 'FAIL ') + name + ('' if ok else ': ' + str(detail)[:500]))
    sys.stdout.flush()


def reexec_with_debian_python():
    try:
        import selenium  # noqa: F401
        return
    except ImportError:
        pass
    if os.environ.get('GOL_BROWSER_REEXEC') or not os.access(DEBIAN_PYTHON, os.X_OK):
        return
    os.environ['GOL_BROWSER_REEXEC'] = '1'
    os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON] + sys.argv)


def start_server(gol):
    p = subprocess.Popen([gol, 'play', '-addr', '127.0.0.1:0', '-timeout', '5s'], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    return p, 'http://127.0.0.1:%s/' % line.split('http://127.0.0.1:')[1].split('/')[0]


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which('chromium')
    for f in ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
              '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-extensions',
              '--hide-scrollbars', '--force-device-scale-factor=1', '--window-size=1400,900',
              '--user-data-dir=' + tempfile.mkdtemp(prefix='gol-play-chromium-')]:
        opts.add_argument(f)
    opts.set_capability('goog:loggingPrefs', {'performance': 'ALL', 'browser': 'ALL'})
    d = webdriver.Chrome(service=Service(shutil.which('chromedriver')), options=opts)
    d.set_page_load_timeout(30)
    d.execute_cdp_cmd('Network.enable', {})
    return d


class Page:
    def __init__(self, d, base, shots):
        self.d, self.base, self.shots, self.urls = d, base, shots, []

    def drain(self):
        for entry in self.d.get_log('performance'):
            msg = json.loads(entry['message'])['message']
            if msg['method'] == 'Network.requestWillBeSent':
                self.urls.append(msg['params']['request']['url'])

    def js(self, script, *args):
        return self.d.execute_script(script, *args)

    def wait(self, cond, timeout=30):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.js('return ' + cond):
                return True
            time.sleep(0.05)
        return False

    def open(self, url):
        self.d.get(url)
        return self.wait('!!document.querySelector(".CodeMirror") && document.getElementById("lessons").options.length > 1')

    def click(self, element_id):
        self.d.find_element('id', element_id).click()

    def idle(self, timeout=30):
        """Waits until a request finished: the buttons are enabled and the status is final."""
        time.sleep(0.1)
        return self.wait('!document.getElementById("run").disabled && '
                         '!/running|waiting/.test(document.getElementById("status").className)', timeout)

    def editor(self, text=None):
        if text is not None:
            self.js('document.querySelector(".CodeMirror").CodeMirror.setValue(arguments[0])', text)
        return self.js('return document.querySelector(".CodeMirror").CodeMirror.getValue()')

    def text(self, element_id):
        return self.js('return document.getElementById(arguments[0]).textContent', element_id)

    def shot(self, name):
        path = os.path.join(self.shots, name + '.png')
        self.d.save_screenshot(path)
        return path

    def marked(self, cls):
        """Line numbers (1-based) with the background class cls."""
        return self.js('const cm = document.querySelector(".CodeMirror").CodeMirror; const out = [];'
                       'cm.eachLine(h => { if ((h.bgClass || "").includes(arguments[0])) out.push(cm.getLineNumber(h) + 1); });'
                       'return out;', cls)


def type_program(p, text):
    from selenium.webdriver.common.keys import Keys
    p.editor('')
    p.d.find_element('css selector', '.CodeMirror').click()
    area = p.d.find_element('css selector', '.CodeMirror textarea')
    area.send_keys(text)
    return p.editor()


def test_run(p):
    typed = type_program(p, WAITGROUP)
    check('typing: the editor holds the program', 'fmt.Println("2nd goroutine")' in typed, typed)
    p.click('run')
    check('run: finishes', p.idle())
    out = p.text('stdout')
    check('run: prints both lines', sorted(out.strip().split('\n')) == ['1st goroutine', '2nd goroutine'], out)
    check('run: the seed is shown', p.js('return document.getElementById("seed").value') in p.text('status'),
          p.text('status'))
    rows = p.js('return [...document.querySelectorAll("#timeline svg text.label")].map(t => t.textContent)')
    goroutines = [r for r in rows if r.startswith('G')]
    check('run: one timeline row per goroutine (3)', len(goroutines) == 3, rows)
    p.shot('run')
    return out


def test_explore(p):
    p.click('explore')
    check('explore: finishes', p.idle(60))
    items = p.js('return [...document.querySelectorAll("#outcomes li pre")].map(e => e.textContent)')
    check('explore: exactly 2 outputs', len(items) == 2, items)
    p.shot('explore')
    if not items:
        return
    p.js('document.querySelectorAll("#outcomes li")[1].click()')
    check('explore: the replay finishes', p.idle())
    check('explore: clicking an outcome replays it', p.text('stdout') == items[1], (p.text('stdout'), items[1]))
    check('explore: the replay shows its timeline', p.js('return !!document.querySelector("#timeline svg")'))


def test_compile_error(p):
    p.editor(BROKEN)
    p.click('run')
    p.idle()
    check('compile error: its line is marked', p.marked('line-error') == [6], (p.marked('line-error'), p.text('stderr')))
    check('compile error: a gutter marker with the message',
          'undefined: undefinedName' in (p.js('const m = document.querySelector(".marker"); return m ? m.title : ""') or ''))
    p.shot('compile_error')


def test_race(p):
    p.editor(RACY)
    p.click('race')
    p.idle()
    check('race: both lines highlighted', sorted(p.marked('line-race')) == [11, 14],
          (p.marked('line-race'), p.text('stderr')[:300]))
    check('race: the report is shown', 'WARNING: DATA RACE' in p.text('stderr'))
    p.shot('race')


def test_lesson(p):
    title = p.js('const s = document.getElementById("lessons"); s.selectedIndex = 1;'
                 's.dispatchEvent(new Event("change")); return s.options[1].textContent')
    check('lesson: loads into the editor', 'Lesson 01' in title and p.editor().startswith('// Lesson 01'),
          (title, p.editor()[:80]))


def test_share(p):
    p.editor(WAITGROUP)
    p.js('document.getElementById("seed").value = "4242"; document.getElementById("procs").value = "3"')
    p.click('run')
    p.idle()
    out = p.text('stdout')
    p.click('share')
    url = p.js('return document.getElementById("share-url").value')
    check('share: a link with the program, seed and procs', '#code=' in url and 'seed=4242' in url and 'procs=3' in url,
          url)
    p.d.get('about:blank')
    p.open(url)
    p.idle()
    check('share: the link reopens the program', p.editor() == WAITGROUP)
    check('share: ... with its seed and procs', p.js('return document.getElementById("seed").value') == '4242'
          and p.js('return document.getElementById("procs").value') == '3')
    check('share: ... and replays the same run', p.text('stdout') == out, (p.text('stdout'), out))
    p.shot('share')


def test_step(p):
    p.editor(WAITGROUP)
    p.click('step')
    p.idle()
    buttons = p.js('return [...document.querySelectorAll("#step-options button")].map(b => b.textContent)')
    check('step: the choices are buttons', len(buttons) >= 2, buttons)
    for _ in range(40):
        if not p.js('return document.querySelectorAll("#step-options button").length'):
            break
        p.js('const b = document.querySelectorAll("#step-options button"); b[b.length - 1].click()')
        time.sleep(0.1)
        p.idle()
    check('step: stepping runs the program to its end', 'The program ended' in p.text('step-question'),
          p.text('step-question'))
    check('step: its output', sorted(p.text('stdout').strip().split('\n')) == ['1st goroutine', '2nd goroutine'])


def main():
    reexec_with_debian_python()
    ap = argparse.ArgumentParser()
    ap.add_argument('--gol', required=True)
    ap.add_argument('--shots')
    ap.add_argument('--allow-skip', action='store_true')
    a = ap.parse_args()
    missing = [t for t in ('chromium', 'chromedriver') if not shutil.which(t)]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append('python3-selenium')
    if missing:
        if a.allow_skip and os.environ.get('GOL_REQUIRE_BROWSER') != '1':
            print('skipped: no %s (scripts/setup-browser installs them)' % ', '.join(missing))
            return 0
        print('FAIL: no %s' % ', '.join(missing))
        return 1
    shots = a.shots or tempfile.mkdtemp(prefix='gol-play-shots-')
    os.makedirs(shots, exist_ok=True)
    server, base = start_server(os.path.abspath(a.gol))
    d = start_browser()
    p = Page(d, base, shots)
    try:
        check('page: opens with the editor and the lessons', p.open(base))
        for t in [test_run, test_explore, test_compile_error, test_race, test_lesson, test_share, test_step]:
            t0 = time.monotonic()
            try:
                t(p)
                print('     (%s: %.1f s)' % (t.__name__, time.monotonic() - t0))
            except Exception as e:  # noqa: BLE001
                check(t.__name__, False, repr(e))
        p.drain()
        # chrome:// pages are the browser's own (its new-tab page), not the playground's.
        outside = [u for u in p.urls if not u.startswith(base) and
                   not u.startswith(('data:', 'blob:', 'about:', 'chrome:', 'chrome-untrusted:'))]
        check('page: no request outside the server (%d requests)' % len(p.urls), not outside, outside)
        errors = [e['message'] for e in d.get_log('browser') if e['level'] == 'SEVERE']
        check('page: no errors in the console', not errors, errors)
    finally:
        d.quit()
        server.terminate()
        server.wait(5)
    print('screenshots in %s' % shots)
    failed = RESULTS.count(False)
    print('%d passed, %d failed' % (len(RESULTS) - failed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
