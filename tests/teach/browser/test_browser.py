#!/usr/bin/env python3
"""gol's timelines as a student sees them, in headless Chromium (Debian's chromium, driven by
Debian's chromedriver through Selenium):

  * the HTML page (-timeline x.html): one row per P and per goroutine, every bar where the trace
    JSON of the same seeded run (-trace x.json) puts it, hover shows the bar's details, zoom
    rescales, nothing is fetched from the network, and a screenshot is not blank;
  * 1 vs 4 procs (cpu_bound.go): one P row and never two goroutines at once, against four P rows
    with four goroutines at once and a shorter run;
  * the Mermaid gantt (-timeline x.mmd), drawn by the Mermaid bundle pinned in package.json
    (node_modules/mermaid/dist/mermaid.min.js, over file://): it renders without error, its bars
    start where the .mmd and the trace say (x proportional to the start times, and the axis in
    the same unit), compact rows, and past 30 goroutines the folded section.

  tests/teach/browser/test_browser.py --gol build/src/gol [--allow-skip] [--keep DIR]
ends with `N passed, M failed`, exit 1 on a failure. Needs what scripts/setup-browser installs;
without it: a failure, or with --allow-skip "skipped: ..." and exit 0 (unless the environment
has GOL_REQUIRE_BROWSER=1, as CI sets once it ran scripts/setup-browser).
"""
import argparse, html.parser, json, os, pathlib, re, shutil, struct, subprocess, sys, tempfile, time, zlib
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
WG = os.path.join(ROOT, 'tests', 'teach', 'programs', 'waitgroup_order.go')
CPU = os.path.join(HERE, 'cpu_bound.go')
MANY = os.path.join(HERE, 'many_goroutines.go')
MERMAID_JS = os.path.join(HERE, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js')
DEBIAN_PYTHON = '/usr/bin/python3'
SEED = '3'

# The flags the brief of these tests asks for: no first-run UI, no background traffic of the
# browser's own, and a fresh profile (added in start_browser).
CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
                  '--disable-background-networking', '--disable-component-update', '--disable-sync',
                  '--disable-dev-shm-usage', '--disable-extensions', '--disable-default-apps',
                  '--hide-scrollbars', '--force-device-scale-factor=1', '--window-size=1400,1000']
# What the pages may not fetch: everything that leaves the machine's files (blocked and recorded).
BLOCKED_URLS = ['http://*', 'https://*', 'ws://*', 'wss://*', 'ftp://*']
LOCAL_SCHEMES = ('file:', 'data:', 'blob:', 'about:', 'chrome-error:')

# The colours of the HTML page's bars (src/teach/svg.cpp).
RUNNING_RGB, BLOCKED_RGB = (0x2e, 0x9d, 0x4f), (0xe8, 0xa3, 0xa3)


def have_python_deps():
    try:
        import selenium  # noqa: F401
        return True
    except ImportError:
        return False


def reexec_with_debian_python():
    """python3-selenium and python3-pil are Debian packages: when this Python (say a pyenv one,
    as CMake may find) cannot import them, run again under Debian's own Python."""
    if have_python_deps() or os.environ.get('GOL_BROWSER_REEXEC') or not os.access(DEBIAN_PYTHON, os.X_OK):
        return
    if os.path.realpath(sys.executable) == os.path.realpath(DEBIAN_PYTHON):
        return
    probe = subprocess.run([DEBIAN_PYTHON, '-c', 'import selenium'], capture_output=True)
    if probe.returncode != 0:
        return
    os.environ['GOL_BROWSER_REEXEC'] = '1'
    sys.stdout.flush()
    os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])


def find_exe(given, names, paths):
    if given:
        return given if os.access(given, os.X_OK) else None
    for n in names:
        p = shutil.which(n)
        if p:
            return p
    for p in paths:
        if os.access(p, os.X_OK):
            return p
    return None


# ---------------------------------------------------------------- gol's outputs

def gol_run(gol, tmp, prog, procs, **outputs):
    """Runs prog seeded with one output flag per run (-trace FILE or -timeline FILE); seeded runs
    are deterministic, so the files of separate runs describe the same run. Returns the paths."""
    paths, stdouts = {}, set()
    for kind, name in outputs.items():
        path = os.path.join(tmp, name)
        flag = '-trace' if kind == 'trace' else '-timeline'
        for attempt in range(3):  # gol may be being rebuilt under us: retry a failure once or twice
            p = subprocess.run([gol, 'run', '-seed', SEED, '-procs', str(procs), flag, path, prog],
                               capture_output=True, timeout=60)
            if p.returncode == 0 and os.path.exists(path):
                break
            time.sleep(20)
        if p.returncode != 0:
            raise RuntimeError('gol run %s failed (%d): %s' % (prog, p.returncode, p.stderr.decode()[-500:]))
        stdouts.add(p.stdout)
        paths[kind] = path
    if len(stdouts) != 1:
        raise RuntimeError('%s: seeded runs printed different output' % prog)
    return paths


def ns(us):
    """A trace time (µs with up to 3 decimals, read as Decimal) in integer ns."""
    v = us * 1000
    assert v == int(v), us
    return int(v)


class Trace:
    """The X events of a trace: goroutine slices (pid 2) and P slices (pid 1)."""

    def __init__(self, path):
        with open(path) as f:
            data = json.load(f, parse_float=Decimal)
        self.procs = data['otherData']['gomaxprocs']
        names, order = {}, {}
        self.slices = []  # (g, state, start, end, p)
        self.proc_slices = []  # (p, g, start, end)
        self.end = 0
        for e in data['traceEvents']:
            if e['ph'] == 'M' and e.get('pid') == 2 and 'tid' in e:
                g = e['tid'] - 1000
                if e['name'] == 'thread_name':
                    names[g] = e['args']['name']
                if e['name'] == 'thread_sort_index':
                    order[g] = e['args']['sort_index']
            if e['ph'] in ('X', 'i'):
                self.end = max(self.end, ns(e['ts'] + e.get('dur', 0)))
            if e['ph'] != 'X':
                continue
            start, end = ns(e['ts']), ns(e['ts'] + e['dur'])
            name = e['name']
            state = name if name in ('running', 'runnable') else 'blocked' if name.startswith('blocked') else None
            if e['pid'] == 2 and state:  # not the zero-length arrow ends ("wake G2", "woken")
                p = e['args']['p'] if state == 'running' else -1
                self.slices.append((e['tid'] - 1000, state, start, end, p))
            elif e['pid'] == 1:
                self.proc_slices.append((e['tid'] - 1, int(e['name'][1:]), start, end))  # named "G<id>"
        self.goroutines = sorted(names, key=lambda g: order[g])  # creation order
        self.names = names

    def of(self, g, states=None):
        return [s for s in self.slices if s[0] == g and (states is None or s[1] in states)]


class HtmlFile(html.parser.HTMLParser):
    """The page as gol wrote it, before its script ran: elements with a <title>, by their
    data-* attributes, and the title text (what the tooltip must show)."""

    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.titled, self.texts, self.stack, self.in_title, self.scripts = [], [], [], None, []
        self.raw = open(path, encoding='utf-8').read()
        self.feed(self.raw)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'title' and self.stack:
            self.in_title = self.stack[-1]
            self.in_title['title'] = ''
            return
        if tag in ('rect', 'circle', 'line', 'text'):
            el = {'tag': tag, **a}
            self.stack.append(el)
            self.titled.append(el)
        if tag == 'script':
            self.scripts.append(a)

    def handle_startendtag(self, tag, attrs):
        if tag in ('rect', 'circle', 'line'):
            self.titled.append({'tag': tag, **dict(attrs)})

    def handle_endtag(self, tag):
        if tag == 'title':
            self.in_title = None
        elif tag in ('rect', 'circle', 'line', 'text') and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.in_title is not None:
            self.in_title['title'] += data

    def bars(self):
        return [e for e in self.titled if e['tag'] == 'rect' and 'bar' in e.get('class', '').split()]


# ---------------------------------------------------------------- the browser

def start_browser(chromium, chromedriver, profile):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for f in CHROMIUM_FLAGS + ['--user-data-dir=' + profile]:
        opts.add_argument(f)
    opts.set_capability('goog:loggingPrefs', {'performance': 'ALL', 'browser': 'ALL'})
    driver = webdriver.Chrome(service=Service(chromedriver), options=opts)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    driver.execute_cdp_cmd('Network.enable', {})
    driver.execute_cdp_cmd('Network.setBlockedURLs', {'urls': BLOCKED_URLS})
    return driver


class Browser:
    """One Chromium for all tests; every request any page makes is recorded from the DevTools
    performance log (requests off the machine are blocked, and still show there)."""

    def __init__(self, driver):
        self.d = driver
        self.requests = []  # (page, url, blocked reason or '')
        self.console = []   # (page, level, message)
        self.page = None

    def drain(self):
        pending = {}
        for entry in self.d.get_log('performance'):
            msg = json.loads(entry['message'])['message']
            params = msg.get('params', {})
            if msg['method'] == 'Network.requestWillBeSent':
                self.requests.append([self.page, params['request']['url'], ''])
                pending[params['requestId']] = self.requests[-1]
            elif msg['method'] == 'Network.loadingFailed' and params.get('requestId') in pending:
                pending[params['requestId']][2] = params.get('blockedReason') or params.get('errorText', '')
        for entry in self.d.get_log('browser'):
            self.console.append((self.page, entry['level'], entry['message']))

    def open(self, path, ready='document.body && document.body.getAttribute("data-ready") === "1"'):
        self.drain()
        self.page = os.path.basename(path)
        self.d.get(pathlib.Path(path).as_uri())
        deadline = time.time() + 10
        while not self.d.execute_script('return !!(%s);' % ready):
            if time.time() > deadline:
                raise AssertionError('%s: not ready after 10 s' % self.page)
            time.sleep(0.05)
        self.drain()

    def js(self, script, *args):
        return self.d.execute_script(script, *args)

    def errors(self, page):
        return [m for p, level, m in self.console if p == page and level == 'SEVERE']

    def off_machine(self, page):
        return [(u, why) for p, u, why in self.requests if p == page and not u.startswith(LOCAL_SCHEMES)]

    def move_mouse(self, x, y):
        from selenium.webdriver.common.actions.action_builder import ActionBuilder
        ab = ActionBuilder(self.d, duration=0)
        ab.pointer_action.move_to_location(int(round(x)), int(round(y)))
        ab.perform()

    def screenshot(self):
        return decode_png(self.d.get_screenshot_as_png())


def decode_png(data):
    """(width, height, rgb(x, y)) of a PNG: with PIL when it is there, else the standard library
    (8-bit RGB/RGBA, not interlaced: what Chromium writes)."""
    try:
        from PIL import Image
        import io
        im = Image.open(io.BytesIO(data)).convert('RGB')
        px = im.load()
        return im.width, im.height, lambda x, y: px[x, y]
    except ImportError:
        pass
    assert data[:8] == b'\x89PNG\r\n\x1a\n'
    pos, idat = 8, b''
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
            assert depth == 8 and ctype in (2, 6) and not interlace, (depth, ctype, interlace)
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    bpp = 4 if ctype == 6 else 3
    raw, stride = zlib.decompress(idat), w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, lambda x, y: tuple(rows[y][x * bpp:x * bpp + 3])


# What the page shows, after its script ran: bars, labels and the chart's geometry.
COLLECT_JS = r'''
const svg = document.querySelector('#chart svg');
const s = svg.getBoundingClientRect();
const box = el => { const r = el.getBoundingClientRect();
  return {left: r.left - s.left, top: r.top - s.top, width: r.width, height: r.height}; };
return {
  span: +svg.getAttribute('data-span'), plotX: +svg.getAttribute('data-plot-x'),
  plotW: +svg.getAttribute('data-plot-w'), right: +svg.getAttribute('data-right'),
  width: +svg.getAttribute('width'),
  titlesLeft: svg.querySelectorAll('title').length,
  rowBg: svg.querySelectorAll('.row-bg').length,
  bars: Array.from(svg.querySelectorAll('.bar')).map(el => Object.assign(box(el), {
    cls: el.getAttribute('class'), g: +el.dataset.g, p: +el.dataset.p,
    start: +el.dataset.start, end: +el.dataset.end, tip: el.getAttribute('data-tip'),
    x: +el.getAttribute('x')})),
  labels: Array.from(svg.querySelectorAll('text.label')).map(el => Object.assign(box(el),
    {text: el.textContent, tip: el.getAttribute('data-tip')})),
  prints: Array.from(svg.querySelectorAll('.print')).map(el => Object.assign(box(el),
    {g: +el.dataset.g, t: +el.dataset.t, tip: el.getAttribute('data-tip')})),
};
'''


# ---------------------------------------------------------------- the tests

class Ctx:
    pass


def state_of(cls):
    parts = cls.split()
    return next(s for s in ('running', 'runnable', 'blocked') if s in parts)


def check_page_loaded(ctx, name):
    b = ctx.browser
    b.open(ctx.html[name])
    v = b.js(COLLECT_JS)
    assert not b.errors(ctx.page[name]), b.errors(ctx.page[name])
    assert v['bars'], 'no bars'
    return v


def t_html_loads_without_errors(ctx):
    for name in ctx.html:
        v = check_page_loaded(ctx, name)
        ctx.view[name] = v
        # The script moved every <title> into data-tip (no second, native tooltip).
        assert v['titlesLeft'] == 0, '%s: %d <title> left' % (name, v['titlesLeft'])


def t_html_one_row_per_goroutine_and_p(ctx):
    for name, v in ctx.view.items():
        tr = ctx.trace[name]
        labels = v['labels']
        want_p = ['P%d' % p for p in range(tr.procs)]
        assert [l['text'] for l in labels[:tr.procs]] == want_p, (name, [l['text'] for l in labels[:6]])
        glabels = labels[tr.procs:]
        assert len(glabels) == len(tr.goroutines), (name, len(glabels), len(tr.goroutines))
        for l, g in zip(glabels, tr.goroutines):
            full = tr.names[g]
            shown = l['text']
            ok = shown == full or (shown.endswith('…') and full.startswith(shown[:-1]) and l['tip'] == full)
            assert ok, (name, shown, full)
        assert v['rowBg'] == tr.procs + len(tr.goroutines), (name, v['rowBg'])
        # Where each row is: the one top of its bars. Goroutine bars by g, P bars by p.
        row_top = {}
        for bar in v['bars']:
            key = ('p', bar['p']) if 'p-row' in bar['cls'] else ('g', bar['g'])
            row_top.setdefault(key, set()).add(round(bar['top'], 1))
        for key, tops in row_top.items():
            assert len(tops) == 1, (name, key, tops)
        rows = [('p', p) for p in range(tr.procs)] + [('g', g) for g in tr.goroutines]
        assert set(row_top) <= set(rows), (name, set(row_top) - set(rows))
        assert all(('g', g) in row_top for g in tr.goroutines), (name, 'a goroutine has no bar')
        tops = [row_top[r].pop() for r in rows if r in row_top]
        assert tops == sorted(tops) and len(set(tops)) == len(tops), (name, 'rows out of order', tops)
        # Each label sits on its row.
        label_of = dict(zip(rows, labels))
        bar_top = {}
        for bar in v['bars']:
            key = ('p', bar['p']) if 'p-row' in bar['cls'] else ('g', bar['g'])
            bar_top[key] = (bar['top'], bar['height'])
        for r, (top, h) in bar_top.items():
            l = label_of[r]
            mid = l['top'] + l['height'] / 2
            assert top - 3 <= mid <= top + h + 3, (name, r, 'label at', mid, 'row at', top)


def t_html_bars_where_the_trace_says(ctx):
    for name, v in ctx.view.items():
        tr = ctx.trace[name]
        gbars = sorted((b['g'], state_of(b['cls']), b['start'], b['end'], b['p'])
                       for b in v['bars'] if 'p-row' not in b['cls'])
        assert gbars == sorted(tr.slices), (name, 'goroutine bars differ from the trace',
                                            sorted(set(gbars) ^ set(tr.slices))[:6])
        pbars = sorted((b['p'], b['g'], b['start'], b['end']) for b in v['bars'] if 'p-row' in b['cls'])
        assert pbars == sorted(tr.proc_slices), (name, 'P bars differ from the trace',
                                                 sorted(set(pbars) ^ set(tr.proc_slices))[:6])
        assert all(b['cls'].split()[1] == 'running' for b in v['bars'] if 'p-row' in b['cls'])
        # The time axis is the run: it ends where the trace ends.
        assert v['span'] == tr.end, (name, 'span', v['span'], 'trace ends at', tr.end)
        # Drawn where the times say: x proportional to the time, on the page as rendered.
        k = v['plotW'] / v['span']
        for b in v['bars']:
            want_left, want_w = v['plotX'] + b['start'] * k, max(0.5, (b['end'] - b['start']) * k)
            assert abs(b['left'] - want_left) < 0.75 and abs(b['width'] - want_w) < 0.75, \
                (name, b['cls'], b['g'], b['start'], b['end'], 'drawn at', b['left'], b['width'],
                 'want', want_left, want_w)
        # The tooltip text is the <title> gol wrote, and it names the goroutine and the times.
        written = {(e.get('class'), e['data-g'], e['data-start'], e['data-end']): e.get('title')
                   for e in ctx.file[name].bars()}
        for b in v['bars']:
            key = (b['cls'], str(b['g']), str(b['start']), str(b['end']))
            assert b['tip'] and b['tip'] == written[key], (name, key, b['tip'], written.get(key))
            assert 'G%d ' % b['g'] in b['tip'], (name, b['tip'])


def hover_and_read(ctx, name, kind, el):
    """Scrolls el into view, moves the mouse onto it (a spot that nothing covers) and returns the
    tooltip text."""
    b = ctx.browser
    sel = el['sel']
    # Where a person would point: a spot of the element's middle line that nothing covers
    # (arrows and print markers are drawn over the bars).
    spot = b.js('const el = document.querySelector(arguments[0]);'
                ' el.scrollIntoView({block: "center", inline: "nearest"});'
                ' const r = el.getBoundingClientRect(), y = r.top + r.height / 2;'
                ' for (let i = 0; i <= 40; i++) {'
                '   const x = r.left + r.width / 2 + (i % 2 ? 1 : -1) * Math.ceil(i / 2) * r.width / 42;'
                '   const h = document.elementFromPoint(x, y);'
                '   if (h && h.closest("[data-tip]") === el) return [x, y];'
                ' }'
                ' return null;', sel)
    assert spot, (name, kind, 'other elements cover all of', sel)
    x, y = spot
    b.move_mouse(x, y)
    tip = b.js('const t = document.getElementById("tip"); const r = t.getBoundingClientRect();'
               ' return {hidden: t.hidden, text: t.textContent, display: getComputedStyle(t).display,'
               ' left: r.left, top: r.top, width: r.width, height: r.height};')
    assert not tip['hidden'] and tip['display'] != 'none' and tip['width'] > 20, (name, kind, tip)
    near = abs(tip['left'] - x) < tip['width'] + 40 and abs(tip['top'] - y) < tip['height'] + 40
    assert near, (name, kind, 'tooltip far from the mouse', tip, x, y)
    return tip['text']


def t_html_hover_shows_details(ctx):
    b = ctx.browser
    for name in ('wg', 'many', 'cpu4'):
        b.open(ctx.html[name])
        v = b.js(COLLECT_JS)
        written = {(e.get('class'), e['data-g'], e['data-start'], e['data-end']): e.get('title')
                   for e in ctx.file[name].bars()}
        picks = []
        for kind in ('bar running', 'bar blocked', 'bar running p-row'):
            cands = [x for x in v['bars'] if x['cls'] == kind]
            if cands:
                widest = max(cands, key=lambda x: x['width'])
                sel = '.bar[data-g="%d"][data-start="%d"][data-end="%d"]%s' % (
                    widest['g'], widest['start'], widest['end'],
                    '.p-row' if 'p-row' in kind else ':not(.p-row)')
                picks.append((kind, {'sel': sel}, written[(kind, str(widest['g']), str(widest['start']),
                                                           str(widest['end']))]))
        assert len(picks) >= 2, (name, 'nothing to hover')
        for kind, el, want in picks:
            got = hover_and_read(ctx, name, kind, el)
            assert got == want, (name, kind, got, want)
        # A print marker tells what was printed.
        prints = [e for e in ctx.file[name].titled if e.get('class') == 'print']
        if prints:
            p = prints[0]
            got = hover_and_read(ctx, name, 'print', {'sel': '.print[data-g="%s"][data-t="%s"]' % (p['data-g'], p['data-t'])})
            assert got == p['title'] and 'prints' in got, (name, got, p['title'])
        # Off the chart, the tooltip goes away.
        h = b.js('const r = document.querySelector("header h1").getBoundingClientRect();'
                 ' return [r.left + 5, r.top + r.height / 2];')
        b.move_mouse(*h)
        assert b.js('return document.getElementById("tip").hidden;'), (name, 'tooltip stays')


def t_html_zoom_rescales(ctx):
    b = ctx.browser
    b.open(ctx.html['wg'])
    v0 = b.js(COLLECT_JS)
    b.d.find_element('id', 'zoom-in').click()
    v1 = b.js(COLLECT_JS)
    k = v0['plotW'] * 1.5 / v0['span']
    assert abs(v1['width'] - (v0['plotX'] + v0['plotW'] * 1.5 + v0['right'])) < 0.01, v1['width']
    for bar in v1['bars']:
        assert abs(bar['x'] - (v0['plotX'] + bar['start'] * k)) < 0.01, (bar, k)
    b.d.find_element('id', 'zoom-reset').click()
    v2 = b.js(COLLECT_JS)
    assert v2['width'] == v0['width'] and [x['x'] for x in v2['bars']] == [x['x'] for x in v0['bars']]


def close(rgb, want, tol=10):
    return all(abs(a - b) <= tol for a, b in zip(rgb, want))


def t_html_screenshot_not_blank(ctx):
    b = ctx.browser
    for name in ('wg', 'cpu4'):
        b.open(ctx.html[name])
        b.js('window.scrollTo(0, 0); document.getElementById("chart").scrollLeft = 0;')
        v = b.js(COLLECT_JS)
        svg = b.js('const r = document.querySelector("#chart svg").getBoundingClientRect(); return [r.left, r.top];')
        w, h, px = b.screenshot()
        assert w >= 1000 and h >= 600, (w, h)
        colours, nonwhite, total = set(), 0, 0
        for y in range(0, h, 3):
            for x in range(0, w, 3):
                c = px(x, y)
                colours.add(c)
                total += 1
                nonwhite += c != (255, 255, 255)
        assert len(colours) >= 20, (name, 'only %d colours' % len(colours))
        assert nonwhite / total > 0.03, (name, 'only %.1f%% not white' % (100 * nonwhite / total))
        # The widest bar of each state shows in its colour.
        for cls, want in (('bar running', RUNNING_RGB), ('bar blocked', BLOCKED_RGB)):
            cands = [x for x in v['bars'] if x['cls'] == cls and x['width'] >= 6]
            if not cands:
                continue
            bar = max(cands, key=lambda x: x['width'])
            # Several points along it: an arrow or a print marker may cross any one of them.
            cy = int(svg[1] + bar['top'] + 3)
            points = [int(svg[0] + bar['left'] + bar['width'] * f) for f in (0.2, 0.35, 0.5, 0.65, 0.8)]
            got = [px(cx, cy) for cx in points if cx < w]
            hits = sum(close(c, want) for c in got)
            assert hits * 2 > len(got), (name, cls, 'pixels', got, 'want', want, 'at y', cy)
        if ctx.keep:
            with open(os.path.join(ctx.tmp, 'screenshot-%s.png' % name), 'wb') as f:
                f.write(b.d.get_screenshot_as_png())


def overlap_max(intervals):
    events = sorted([(s, 1) for s, e in intervals] + [(e, -1) for s, e in intervals])
    n = best = 0
    for _, d in events:
        n += d
        best = max(best, n)
    return best


def t_html_procs_1_vs_4(ctx):
    spans = {}
    for name, procs in (('cpu1', 1), ('cpu4', 4)):
        v = ctx.view[name]
        plabels = [l['text'] for l in v['labels'] if re.fullmatch(r'P\d+', l['text'])]
        assert plabels == ['P%d' % p for p in range(procs)], (name, plabels)
        running = [(b['start'], b['end']) for b in v['bars'] if b['cls'] == 'bar running']
        at_once = overlap_max(running)
        assert at_once == procs, (name, 'at most %d goroutines run at once, want %d' % (at_once, procs))
        for p in range(procs):
            on_p = [(b['start'], b['end']) for b in v['bars'] if 'p-row' in b['cls'] and b['p'] == p]
            assert on_p and overlap_max(on_p) == 1, (name, 'P%d runs two goroutines at once' % p)
        spans[name] = v['span']
    assert spans['cpu4'] * 2 < spans['cpu1'], ('4 procs are not faster', spans)


def t_html_no_network_requests(ctx):
    b = ctx.browser
    # The recorder works: a page that asks for the network is seen asking, and is blocked.
    b.open(ctx.canary, ready='document.readyState === "complete"')
    time.sleep(0.3)
    b.drain()
    seen = b.off_machine(ctx.page['canary'])
    assert any('127.0.0.1:9' in u for u, _ in seen), ('the request recorder saw nothing', b.requests[-5:])
    assert all(why for _, why in seen), ('a request was not blocked', seen)
    pages = [p for p in ctx.page.values() if p != ctx.page['canary']]
    visited = {p for p, _, _ in b.requests}
    assert set(ctx.page[n] for n in ctx.html) <= visited, ('pages never loaded', visited)
    for p in pages:
        assert not b.off_machine(p), (p, b.off_machine(p))


# ---------------------------------------------------------------- Mermaid

def parse_mmd(path):
    """(title, unit ns, sections [(title, [(label, kind, id, start, end)])]) of gol's gantt."""
    sections, title = [], None
    text = open(path, encoding='utf-8').read()
    for line in text.splitlines():
        s = line.strip()
        if s.startswith('title '):
            title = s[6:]
        elif s.startswith('section '):
            sections.append((s[8:], []))
        elif ':' in s and (':active,' in s or ':crit,' in s):
            label, rest = s.split(':', 1)
            kind, tid, start, end = [x.strip() for x in rest.split(',')]
            sections[-1][1].append((label.strip(), kind, tid, int(start), int(end)))
    unit = re.search(r'· (?:virtual )?(ns|µs|ms)\b', title).group(1)
    return text, title, {'ns': 1, 'µs': 1000, 'ms': 1000000}[unit], sections


RENDER_JS = r'''
const [text, n, done] = arguments;
const out = document.getElementById('out');
mermaid.render('chart' + n, text).then(r => {
  out.innerHTML = r.svg;
  const svg = out.querySelector('svg');
  const num = s => parseFloat(s);
  const rects = {};
  svg.querySelectorAll('rect.task').forEach(el => {
    const b = el.getBoundingClientRect();
    rects[el.id] = {left: b.left, right: b.right, top: b.top, cls: el.getAttribute('class')};
  });
  const ticks = Array.from(svg.querySelectorAll('.grid .tick')).map(t => {
    const b = t.querySelector('line').getBoundingClientRect();
    return {x: b.left + b.width / 2, label: t.querySelector('text').textContent};
  });
  const sections = Array.from(svg.querySelectorAll('text.sectionTitle')).map(t => t.textContent);
  const errors = svg.querySelectorAll('.error-text, .error-icon').length;
  done({ok: true, rects, ticks, sections, errors, text: svg.textContent});
}, e => done({ok: false, error: String(e && e.message || e)}));
'''


def render_mermaid(ctx, text):
    ctx.renders += 1
    return ctx.browser.d.execute_async_script(RENDER_JS, text, ctx.renders)


def linear_fit(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0
    return my - b * mx, b


def positions_problem(r, sections):
    """Why the rendered bars are not where the .mmd's times say, or None: every task's left edge
    (and right edge) at a + b*start (end), and the axis ticks labelled in the same unit."""
    tasks = [t for _, ts in sections for t in ts]
    missing = [t[2] for t in tasks if t[2] not in r['rects']]
    if missing:
        return 'no rect for tasks %s' % missing[:5]
    starts = [t[3] for t in tasks] + [t[4] for t in tasks]
    xs = [r['rects'][t[2]]['left'] for t in tasks] + [r['rects'][t[2]]['right'] for t in tasks]
    a, b = linear_fit(starts, xs)
    if b <= 0:
        return 'x does not grow with time (slope %g)' % b
    worst = max(tasks, key=lambda t: abs(r['rects'][t[2]]['left'] - (a + b * t[3])))
    err = abs(r['rects'][worst[2]]['left'] - (a + b * worst[3]))
    if err > 1.5:
        return 'task %s (start %d) drawn at x=%.1f, %.1f px from where its start puts it' % (
            worst[2], worst[3], r['rects'][worst[2]]['left'], err)
    ticks = [(float(t['label'].replace(',', '')), t['x']) for t in r['ticks'] if t['label'].strip()]
    if len(ticks) < 2:
        return 'fewer than 2 axis ticks'
    for v, x in ticks:
        if abs(x - (a + b * v)) > 1.5:
            return 'axis tick %g at x=%.1f, but the bars put %g at x=%.1f' % (v, x, v, a + b * v)
    return None


def t_mermaid_renders(ctx):
    b = ctx.browser
    b.open(ctx.mermaid_page, ready='typeof mermaid !== "undefined" && window.golReady === true')
    assert not b.errors(ctx.page['mermaid']), b.errors(ctx.page['mermaid'])
    problems = []
    for name, path in ctx.mmd.items():
        text, title, unit, sections = parse_mmd(path)
        r = render_mermaid(ctx, text)
        if not r['ok']:
            problems.append((name, 'Mermaid failed', r.get('error')))
            continue
        if r['errors'] or 'Syntax error' in r['text']:
            problems.append((name, 'Mermaid drew an error'))
            continue
        ctx.rendered[name] = (r, title, unit, sections)
        got = [' '.join(s.split()) for s in r['sections']]
        want = [' '.join(s.split()) for s, _ in sections]
        if got != want:
            problems.append((name, 'sections', got[:5], want[:5]))
        for _, ts in sections:
            for label, kind, tid, _, _ in ts:
                cls = r['rects'][tid]['cls'].split() if tid in r['rects'] else []
                if not any(c.startswith(kind) for c in cls):
                    problems.append((name, tid, 'want', kind, 'drawn as', cls))
        # displayMode: compact: the bars of a section share its row (they never overlap).
        rows = {round(x['top']) for x in r['rects'].values()}
        if len(rows) != len(sections):
            problems.append((name, 'not compact: %d rows for %d sections' % (len(rows), len(sections))))
    b.drain()
    assert not b.errors(ctx.page['mermaid']), b.errors(ctx.page['mermaid'])
    assert not problems, problems[:4]


def t_mermaid_bars_start_where_the_times_say(ctx):
    assert ctx.rendered, 'nothing rendered'
    for name, (r, title, unit, sections) in ctx.rendered.items():
        why = positions_problem(r, sections)
        assert why is None, (name, why)
    # The check catches a chart in the wrong date format: `dateFormat X` reads seconds.
    text, _, _, sections = parse_mmd(ctx.mmd['wg'])
    r = render_mermaid(ctx, text.replace('dateFormat x', 'dateFormat X'))
    assert not r['ok'] or positions_problem(r, sections), 'dateFormat X passed the position check'


def rounded(ns_, unit):
    return (ns_ + unit // 2) // unit


def covered(intervals, start, end):
    return sum(max(0, min(e, end) - max(s, start)) for s, e in intervals)


def t_mermaid_bars_match_the_trace(ctx):
    for name, path in ctx.mmd.items():
        _, title, unit, sections = parse_mmd(path)
        tr = ctx.trace[name]
        shown = tr.goroutines[:30]
        min_ns = max(tr.end // 200, 1)
        folded = tr.goroutines[30:]
        assert len(sections) == len(shown) + (1 if folded else 0), (name, len(sections))
        for (stitle, tasks), g in zip(sections, shown):
            assert stitle.startswith('G%d ' % g), (name, stitle, g)
            bounds = {rounded(x, unit) for sl in tr.of(g) for x in (sl[2], sl[3])}
            previous_end = None
            for label, kind, tid, s, e in tasks:
                assert tid.startswith('g%d%s' % (g, 'r' if kind == 'active' else 'b')), (name, tid)
                # Starts at a slice boundary of the goroutine in the trace, rounded to the unit,
                # or where the bar before it ends (that one was widened to a whole unit)...
                assert s in bounds or s == previous_end, (name, tid, s, unit, sorted(bounds)[:8])
                assert previous_end is None or s >= previous_end, (name, tid, 'overlaps the bar before it')
                previous_end = e
                # ...and is mostly in the state it shows. Times round to whole units, a bar is at
                # least one unit long and takes in neighbours shorter than span/200: a short bar
                # need only touch that state within a unit of its ends.
                state = ('running',) if kind == 'active' else ('blocked',)
                spans = [(sl[2], sl[3]) for sl in tr.of(g, state)]
                if (e - s) * unit < 4 * max(unit, min_ns):
                    assert covered(spans, (s - 1) * unit, (e + 1) * unit) > 0, (name, tid, kind, s, e)
                else:
                    inside = covered(spans, s * unit, e * unit)
                    assert inside >= 0.5 * (e - s) * unit, (name, tid, kind, s, e, inside)
        if name == 'wg':  # every slice is long enough to be drawn as it is
            want = sorted((g, st, s, e) for g, st, s, e, _ in tr.slices if st != 'runnable')
            got = sorted((int(t[2][1:].split('r' if t[1] == 'active' else 'b')[0]),
                          'running' if t[1] == 'active' else 'blocked', t[3] * unit, t[4] * unit)
                         for _, ts in sections for t in ts)
            assert got == want, (name, got, want)
        if folded:
            ftitle, ftasks = sections[-1]
            running = [(sl[2], sl[3]) for g in folded for sl in tr.of(g, ('running',))]
            for label, kind, tid, s, e in ftasks:
                assert kind == 'active' and tid.startswith('fold'), (name, tid)
                assert covered(running, s * unit, e * unit) > 0, (name, tid, 'none of them ran then')


def t_mermaid_folds_past_30_goroutines(ctx):
    _, title, unit, sections = parse_mmd(ctx.mmd['many'])
    tr = ctx.trace['many']
    n = len(tr.goroutines)
    assert n > 30, n
    folded = tr.goroutines[30:]
    want = 'G%d–G%d (%d more)' % (folded[0], folded[-1], len(folded))
    assert sections[-1][0] == want, (sections[-1][0], want)
    assert 'first 30 of %d goroutines' % n in title, title
    assert sections[-1][1], 'the folded section has no bar'
    r = ctx.rendered['many'][0]
    assert len(r['sections']) == 31 and r['sections'][-1].strip() == want, r['sections'][-3:]
    assert 'first 30 of %d goroutines' % n in r['text'], 'the chart title lost the fold note'
    small = parse_mmd(ctx.mmd['wg'])
    assert not any('more)' in s for s, _ in small[3]), 'a 3-goroutine chart folded'


TESTS = [t_html_loads_without_errors, t_html_one_row_per_goroutine_and_p, t_html_bars_where_the_trace_says,
         t_html_hover_shows_details, t_html_zoom_rescales, t_html_screenshot_not_blank, t_html_procs_1_vs_4,
         t_mermaid_renders, t_mermaid_bars_start_where_the_times_say, t_mermaid_bars_match_the_trace,
         t_mermaid_folds_past_30_goroutines, t_html_no_network_requests]

MERMAID_PAGE = '''<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>gol mermaid check</title>
<script src="%s"></script></head>
<body><div id="out" style="width:1300px"></div>
<script>
mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
window.golReady = true;
</script></body></html>
'''

CANARY_PAGE = '''<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>canary</title></head><body>
<img src="http://127.0.0.1:9/canary.png" alt="">
<script>fetch('https://127.0.0.1:9/canary.json').catch(function () {});</script>
</body></html>
'''


def missing_prereqs(chromium, chromedriver):
    missing = []
    if not chromium:
        missing.append('chromium not installed')
    if not chromedriver:
        missing.append('chromedriver not installed (Debian: chromium-driver)')
    if not have_python_deps():
        missing.append('selenium not installed for %s (Debian: python3-selenium)' % sys.executable)
    if not os.path.exists(MERMAID_JS):
        missing.append('mermaid not installed (npm ci in tests/teach/browser)')
    return missing


def main():
    reexec_with_debian_python()
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--gol', required=True)
    ap.add_argument('--allow-skip', action='store_true',
                    help='exit 0 with "skipped: ..." when chromium (or another prerequisite) is missing')
    ap.add_argument('--chromium', help='the browser binary (default: chromium on PATH)')
    ap.add_argument('--chromedriver', help='the driver binary (default: chromedriver on PATH)')
    ap.add_argument('--keep', metavar='DIR', help='write the outputs and screenshots to DIR and keep them')
    ap.add_argument('-k', metavar='SUBSTRING', help='run only the tests whose name has SUBSTRING')
    args = ap.parse_args()
    started = time.time()
    chromium = find_exe(args.chromium, ['chromium', 'chromium-browser'], ['/usr/bin/chromium', '/usr/lib/chromium/chromium'])
    chromedriver = find_exe(args.chromedriver, ['chromedriver'], ['/usr/bin/chromedriver', '/usr/lib/chromium/chromedriver'])
    missing = missing_prereqs(chromium, chromedriver)
    if missing:
        if args.allow_skip and not os.environ.get('GOL_REQUIRE_BROWSER'):
            print('skipped: %s (scripts/setup-browser installs what is needed)' % '; '.join(missing))
            return 0
        print('FAIL prerequisites: %s (run scripts/setup-browser)' % '; '.join(missing))
        print('0 passed, 1 failed')
        return 1

    gol = os.path.abspath(args.gol)
    tmp = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix='gol-browser-')
    os.makedirs(tmp, exist_ok=True)
    ctx = Ctx()
    ctx.tmp, ctx.keep = tmp, bool(args.keep)
    ctx.html, ctx.mmd, ctx.trace, ctx.file, ctx.view, ctx.rendered, ctx.page = {}, {}, {}, {}, {}, {}, {}
    ctx.renders = 0
    passed = failed = 0
    driver = None
    try:
        for name, prog, procs in (('wg', WG, 2), ('cpu1', CPU, 1), ('cpu4', CPU, 4), ('many', MANY, 2)):
            out = gol_run(gol, tmp, prog, procs, trace=name + '.json', html=name + '.html', mmd=name + '.mmd')
            ctx.html[name], ctx.mmd[name] = out['html'], out['mmd']
            ctx.trace[name] = Trace(out['trace'])
            ctx.file[name] = HtmlFile(out['html'])
            ctx.page[name] = os.path.basename(out['html'])
        ctx.mermaid_page = os.path.join(tmp, 'mermaid-check.html')
        with open(ctx.mermaid_page, 'w') as f:
            f.write(MERMAID_PAGE % pathlib.Path(MERMAID_JS).as_uri())
        ctx.page['mermaid'] = os.path.basename(ctx.mermaid_page)
        ctx.canary = os.path.join(tmp, 'network-canary.html')
        with open(ctx.canary, 'w') as f:
            f.write(CANARY_PAGE)
        ctx.page['canary'] = os.path.basename(ctx.canary)
        driver = start_browser(chromium, chromedriver, os.path.join(tmp, 'profile'))
        ctx.browser = Browser(driver)
        for t in TESTS:
            if args.k and args.k not in t.__name__:
                continue
            t0 = time.time()
            try:
                t(ctx)
                passed += 1
                print('ok   %s (%.1f s)' % (t.__name__[2:], time.time() - t0))
            except Exception as e:  # an assertion, or the browser failing
                failed += 1
                print('FAIL %s: %s: %s' % (t.__name__[2:], type(e).__name__, e))
            sys.stdout.flush()
    except Exception as e:
        failed += 1
        print('FAIL setup: %s: %s' % (type(e).__name__, e))
    finally:
        if driver:
            driver.quit()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print('browser tests took %.1f s' % (time.time() - started))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
