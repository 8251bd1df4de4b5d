// The playground page: the editor (CodeMirror 5), and run / explore / race / step against the
// gol play server, whose answers stream as NDJSON events (src/DESIGN.md §14).
'use strict';

const $ = (id) => document.getElementById(id);

const EXAMPLE = `package main

import (
\t"fmt"
\t"sync"
)

func main() {
\tvar wg sync.WaitGroup
\twg.Add(2)
\tgo func() {
\t\tdefer wg.Done()
\t\tfmt.Println("1st goroutine")
\t}()
\tgo func() {
\t\tdefer wg.Done()
\t\tfmt.Println("2nd goroutine")
\t}()
\twg.Wait()
}
`;

let editor;
let markedLines = [];
let busy = false;
let stepSchedule = null;
let lessons = [];

// ---------------------------------------------------------------- talking to the server

// POSTs body to path and calls onEvent for each NDJSON event as it arrives.
async function stream(path, body, onEvent) {
  const res = await fetch(path, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    const err = await res.json().catch(() => ({error: res.statusText}));
    throw new Error(err.error || res.statusText);
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (done) break;
    pending += decoder.decode(value, {stream: true});
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line) onEvent(JSON.parse(line));
    }
  }
}

function source() { return editor.getValue(); }
function procs() { return Math.min(16, Math.max(1, parseInt($('procs').value, 10) || 4)); }
function seed() {
  let s = parseInt($('seed').value, 10);
  if (!(s >= 0)) {
    s = newSeed();
  }
  return s;
}
function newSeed() {
  const s = 1 + Math.floor(Math.random() * 999999);
  $('seed').value = s;
  return s;
}

// ---------------------------------------------------------------- showing results

function setStatus(kind, text) {
  const el = $('status');
  el.className = 'status ' + kind;
  el.textContent = text;
}

function clearOutput() {
  $('stdout').textContent = '';
  $('stderr').textContent = '';
  clearMarks();
}

// The SVG of -timeline=FILE.svg, scaled to the panel's width.
function showTimeline(svg) {
  $('timeline-box').hidden = !svg;
  $('timeline').innerHTML = svg || '';
  const el = $('timeline').querySelector('svg');
  if (!el) return;
  if (!el.getAttribute('viewBox')) el.setAttribute('viewBox', `0 0 ${el.getAttribute('width')} ${el.getAttribute('height')}`);
  el.setAttribute('width', '100%');
  el.removeAttribute('height');
  el.style.minWidth = '900px';  // narrower, and its labels get too small to read
}

function clearMarks() {
  editor.clearGutter('errors');
  for (const h of markedLines) {
    for (const cls of ['line-error', 'line-race', 'line-step']) editor.removeLineClass(h, 'background', cls);
  }
  markedLines = [];
}

function markLine(line, cls, message) {
  if (line < 1 || line > editor.lineCount()) return;
  markedLines.push(editor.addLineClass(line - 1, 'background', cls));
  if (cls === 'line-step') return;
  const el = document.createElement('span');
  el.className = 'marker' + (cls === 'line-race' ? ' race' : '');
  el.textContent = cls === 'line-race' ? '\u26a0' : '\u25cf';
  el.title = message;
  editor.setGutterMarker(line - 1, 'errors', el);
}

// Marks the lines that stderr points at: compile errors, both accesses of each data race, and
// the innermost line of the program in a panic's or fatal error's traceback.
function markFromStderr(text) {
  const file = String.raw`(?:[^\s:]*/)?prog\.go`;
  let found = false;
  for (const m of text.matchAll(new RegExp(`^${file}:(\\d+):(\\d+): (.*)$`, 'gm'))) {
    markLine(+m[1], 'line-error', m[3]);
    found = true;
  }
  for (const m of text.matchAll(new RegExp(`^((?:Previous )?(?:read|write|Read|Write)) at ${file}:(\\d+)`, 'gm'))) {
    markLine(+m[2], 'line-race', 'data race: ' + m[1].toLowerCase() + ' here');
    found = true;
  }
  if (found) return;
  const crash = text.match(/^(panic: .*|fatal error: .*)$/m);
  if (crash) {
    const frame = text.slice(crash.index).match(new RegExp(`^\\s+${file}:(\\d+)`, 'm'));
    if (frame) markLine(+frame[1], 'line-error', crash[1]);
  }
}

function exitText(ev) {
  if (ev.message) return ev.message;
  return ev.code === 0 ? 'Program exited.' : `Program exited: status ${ev.code}.`;
}

function setBusy(on) {
  busy = on;
  for (const id of ['run', 'explore', 'race', 'step']) $(id).disabled = on;
}

// The events every endpoint sends before its result.
function commonEvent(ev, label) {
  if (ev.event === 'waiting') setStatus('waiting', `Waiting for a free processor: number ${ev.place} in line…`);
  else if (ev.event === 'started') setStatus('running', label);
  else if (ev.event === 'stdout') $('stdout').textContent += ev.text;
  else if (ev.event === 'stderr') $('stderr').textContent += ev.text;
  else return false;
  return true;
}

async function guarded(fn) {
  if (busy) return;
  setBusy(true);
  try {
    await fn();
  } catch (e) {
    setStatus('failed', 'Error: ' + e.message);
  } finally {
    setBusy(false);
  }
}

// ---------------------------------------------------------------- run, race, explore, step

async function runProgram(opts = {}) {
  const body = {
    source: source(), seed: opts.seed ?? seed(), procs: opts.procs ?? procs(), race: !!opts.race,
    compare: $('compare').checked, pct: opts.pct || 0,
  };
  if (!opts.keepExplore) $('explore-box').hidden = true;
  $('step-box').hidden = true;
  stepSchedule = null;
  clearOutput();
  showTimeline('');
  setStatus('running', 'Sending…');
  let result = null;
  await stream('/api/run', body, (ev) => {
    if (commonEvent(ev, `Running with seed ${body.seed} on ${body.procs} virtual processors…`)) return;
    if (ev.event === 'exit') result = ev;
  });
  if (!result) throw new Error('the server closed the connection');
  const where = `seed ${body.seed}, procs ${body.procs}${body.pct ? ', pct ' + body.pct : ''}`;
  const race = body.race && result.code === 66 ? ' Data race found.' : body.race && result.code === 0 ? ' No data race found in this run.' : '';
  setStatus(result.code === 0 && !result.message ? 'ok' : 'failed',
            `${exitText(result)}${race} (${where}, ${result.seconds.toFixed(2)} s)`);
  showTimeline(result.timeline);
  markFromStderr($('stderr').textContent);
}

function outcomeItem(o) {
  const li = document.createElement('li');
  const head = document.createElement('div');
  const count = document.createElement('span');
  count.className = 'count';
  count.textContent = `${o.count} run${o.count === 1 ? '' : 's'}`;
  head.append(count, ` \u00b7 exit ${o.exit} \u00b7 seed ${o.seed}`);
  const out = document.createElement('pre');
  out.textContent = o.stdout || '(no output)';
  li.append(head, out);
  if (o.error) {
    const err = document.createElement('div');
    err.className = 'error-line';
    err.textContent = o.error;
    li.append(err);
  }
  const pct = /-pct (\d+)/.exec(o.replay || '');
  li.title = 'Replay: ' + (o.replay || '');
  li.addEventListener('click', () => guarded(async () => {
    for (const other of document.querySelectorAll('#outcomes li')) other.classList.remove('selected');
    li.classList.add('selected');
    $('seed').value = o.seed;
    $('procs').value = o.procs;
    await runProgram({seed: o.seed, procs: o.procs, pct: pct ? +pct[1] : 0, keepExplore: true});
  }));
  return li;
}

async function exploreProgram() {
  clearOutput();
  showTimeline('');
  $('step-box').hidden = true;
  $('explore-box').hidden = true;
  setStatus('running', 'Sending…');
  let result = null;
  await stream('/api/explore', {source: source(), procs: procs()}, (ev) => {
    if (commonEvent(ev, 'Exploring schedules…')) return;
    if (ev.event === 'exit') result = ev;
  });
  if (!result) throw new Error('the server closed the connection');
  const report = result.explore;
  if (!report) {
    setStatus('failed', exitText(result));
    markFromStderr($('stderr').textContent);
    return;
  }
  const list = $('outcomes');
  list.replaceChildren(...report.outcomes.map(outcomeItem));
  $('explore-summary').textContent =
      `${report.outcomes.length} distinct in ${report.runs} runs${report.complete ? ' (all schedules)' : ''}`;
  $('explore-box').hidden = false;
  setStatus('ok', `Explored ${report.runs} schedules: ${report.outcomes.length} distinct outcome${
      report.outcomes.length === 1 ? '' : 's'}. Click one to replay it.`);
}

function optionLabel(o) {
  if (o.goroutine === undefined) return `case ${o.choice}`;
  const name = `G${o.goroutine}${o.function ? ' ' + o.function : ''}`;
  return o.line ? `${name} \u2014 line ${o.line}: ${o.text}` : `${name} (not started yet)`;
}

async function stepTo(schedule) {
  stepSchedule = schedule;
  clearOutput();
  $('explore-box').hidden = true;
  $('step-box').hidden = false;
  $('step-options').replaceChildren();
  setStatus('running', 'Running to the next decision…');
  let result = null;
  await stream('/api/step', {source: source(), procs: procs(), schedule}, (ev) => {
    if (commonEvent(ev, 'Running to the next decision…')) return;
    if (ev.event === 'exit') result = ev;
  });
  if (!result) throw new Error('the server closed the connection');
  $('step-count').textContent = `(${schedule.length} choice${schedule.length === 1 ? '' : 's'} made)`;
  const q = result.question;
  if (!q) {
    $('step-question').textContent = `The program ended (${exitText(result)}) after ${schedule.length} choices.`;
    setStatus(result.code === 0 ? 'ok' : 'failed', exitText(result));
    markFromStderr($('stderr').textContent);
    return;
  }
  $('step-question').textContent = q.question.split('\n')[0];
  for (const o of q.options) {
    const b = document.createElement('button');
    b.textContent = `[${o.choice}] ${optionLabel(o)}`;
    b.addEventListener('click', () => guarded(() => stepTo([...schedule, o.choice])));
    if (o.line) {
      b.addEventListener('mouseenter', () => markLine(o.line, 'line-step', ''));
      b.addEventListener('mouseleave', clearMarks);
    }
    $('step-options').append(b);
  }
  showTimeline(q.timeline);
  setStatus('step', `Decision ${schedule.length + 1}: choose what runs next.`);
}

// ---------------------------------------------------------------- share, download, lessons

function toBase64Url(text) {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

function share() {
  const url = `${location.origin}${location.pathname}#code=${toBase64Url(source())}&seed=${seed()}&procs=${procs()}`;
  history.replaceState(null, '', url);
  $('share-link').hidden = false;
  $('share-url').value = url;
  $('share-url').select();
  if (navigator.clipboard) navigator.clipboard.writeText(url).catch(() => {});
  setStatus('ok', 'Link to this program, seed and procs copied: it reopens the same run.');
}

function download() {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([source()], {type: 'text/x-go'}));
  a.download = 'prog.go';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function loadLessons() {
  lessons = await (await fetch('/api/lessons')).json();
  const select = $('lessons');
  for (const [i, l] of lessons.entries()) {
    const opt = document.createElement('option');
    opt.value = String(i);
    opt.textContent = l.title;
    select.append(opt);
  }
}

// A shared link (#code=...&seed=...&procs=...) reopens that program and replays that run.
function fromLink() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (!params.has('code')) return false;
  try {
    editor.setValue(fromBase64Url(params.get('code')));
  } catch (e) {
    setStatus('failed', 'This link is damaged: its program cannot be read.');
    return true;
  }
  if (params.has('seed')) $('seed').value = params.get('seed');
  if (params.has('procs')) $('procs').value = params.get('procs');
  guarded(() => runProgram());
  return true;
}

async function init() {
  editor = CodeMirror.fromTextArea($('code'), {
    mode: 'go', lineNumbers: true, indentUnit: 4, tabSize: 4, indentWithTabs: true, matchBrackets: true,
    gutters: ['CodeMirror-linenumbers', 'errors'],
    extraKeys: {'Ctrl-Enter': () => guarded(() => runProgram()), 'Cmd-Enter': () => guarded(() => runProgram())},
  });
  editor.on('change', () => { if (markedLines.length) clearMarks(); });
  newSeed();
  $('run').addEventListener('click', () => guarded(() => runProgram()));
  $('race').addEventListener('click', () => guarded(() => runProgram({race: true})));
  $('explore').addEventListener('click', () => guarded(exploreProgram));
  $('step').addEventListener('click', () => guarded(() => stepTo([])));
  $('step-back').addEventListener('click', () => stepSchedule && stepSchedule.length &&
                                              guarded(() => stepTo(stepSchedule.slice(0, -1))));
  $('step-stop').addEventListener('click', () => { $('step-box').hidden = true; stepSchedule = null; });
  $('newseed').addEventListener('click', newSeed);
  $('share').addEventListener('click', share);
  $('download').addEventListener('click', download);
  $('lessons').addEventListener('change', () => {
    const l = lessons[+$('lessons').value];
    if (!l) return;
    editor.setValue(l.source);
    history.replaceState(null, '', location.pathname);
    clearOutput();
    showTimeline('');
    setStatus('', `Loaded ${l.name}. Press Run.`);
  });
  const config = await (await fetch('/api/config')).json();
  await loadLessons();
  if (!fromLink()) editor.setValue(config.initial ? config.initial.source : EXAMPLE);
}

init();
