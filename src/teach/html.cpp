// The timeline as one self-contained HTML page: renderSvg's chart, inline CSS and a small inline
// script for hover tooltips and horizontal zoom. Nothing is fetched from the network.
#include <string_view>

#include "teach/render.h"

namespace gol::teach {

namespace {

constexpr std::string_view kHead = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gol timeline</title>
<style>
body{margin:0;font:14px system-ui,sans-serif;color:#222;background:#fff}
header{display:flex;align-items:center;gap:12px;padding:8px 12px;border-bottom:1px solid #ddd}
h1{font-size:16px;margin:0}
button{font:inherit;min-width:32px;padding:2px 8px;border:1px solid #bbb;border-radius:4px;
background:#f7f7f7;cursor:pointer}
button:hover{background:#eee}
.hint{color:#666;font-size:12px}
#chart{overflow-x:auto;padding:6px 0}
#chart svg{display:block}
#tip{position:fixed;pointer-events:none;max-width:420px;padding:6px 8px;border-radius:4px;
background:#222;color:#fff;font-size:12px;white-space:pre-wrap;box-shadow:0 2px 6px rgba(0,0,0,.3)}
#tip[hidden]{display:none}
</style>
</head>
<body>
<header><h1>gol timeline</h1>
<button id="zoom-out" title="zoom out">&#x2212;</button>
<button id="zoom-in" title="zoom in">+</button>
<button id="zoom-reset">reset</button>
<span class="hint">mouse wheel over the chart: zoom in time · shift+wheel: scroll ·
hover a bar for details</span>
</header>
<div id="chart">
)";

// Tooltips come from each element's <title> (moved into data-tip so the browser's own tooltip
// does not show twice). Zoom rescales x positions from the data-start/-end/-t/-t1/-t2 times.
constexpr std::string_view kScript = R"(</div>
<div id="tip" hidden></div>
<script>
(function () {
  'use strict';
  document.title = 'gol timeline';
  var chart = document.getElementById('chart');
  var svg = chart.querySelector('svg');
  var tip = document.getElementById('tip');
  if (!svg) { document.body.setAttribute('data-ready', '1'); return; }
  var span = +svg.getAttribute('data-span'), plotX = +svg.getAttribute('data-plot-x');
  var plotW = +svg.getAttribute('data-plot-w'), right = +svg.getAttribute('data-right');
  var labels = svg.querySelector('.label-col');
  var zoom = 1;
  Array.prototype.forEach.call(svg.querySelectorAll('title'), function (t) {
    t.parentNode.setAttribute('data-tip', t.textContent);
    t.parentNode.removeChild(t);
  });
  function xOf(t) { return plotX + t * plotW * zoom / span; }
  function each(selector, f) { Array.prototype.forEach.call(svg.querySelectorAll(selector), f); }
  function layout() {
    svg.setAttribute('width', plotX + plotW * zoom + right);
    svg.classList.toggle('zoomed', zoom >= 4);
    each('[data-start]', function (el) {
      var a = xOf(+el.getAttribute('data-start')), b = xOf(+el.getAttribute('data-end'));
      el.setAttribute('x', a);
      el.setAttribute('width', Math.max(0.5, b - a));
    });
    each('[data-full]', function (el) { el.setAttribute('width', plotW * zoom); });
    each('[data-t]', function (el) {
      var x = xOf(+el.getAttribute('data-t')) + (+el.getAttribute('data-dx') || 0);
      if (el.tagName === 'circle') { el.setAttribute('cx', x); }
      else if (el.tagName === 'line') { el.setAttribute('x1', x); el.setAttribute('x2', x); }
      else { el.setAttribute('x', x); }
    });
    each('[data-t1]', function (el) {
      el.setAttribute('x1', xOf(+el.getAttribute('data-t1')));
      el.setAttribute('x2', xOf(+el.getAttribute('data-t2')));
    });
  }
  function pinLabels() {
    if (labels) labels.setAttribute('transform', 'translate(' + chart.scrollLeft + ',0)');
  }
  // Zoom to z keeping the time under viewport x `at` (px from the chart's left edge) in place.
  function setZoom(z, at) {
    var t = (chart.scrollLeft + at - plotX) * span / (plotW * zoom);
    zoom = Math.min(500, Math.max(1, z));
    layout();
    chart.scrollLeft = Math.max(0, xOf(t) - at);
    pinLabels();
  }
  function middle() { return chart.clientWidth / 2; }
  function onClick(id, f) { document.getElementById(id).addEventListener('click', f); }
  onClick('zoom-in', function () { setZoom(zoom * 1.5, middle()); });
  onClick('zoom-out', function () { setZoom(zoom / 1.5, middle()); });
  onClick('zoom-reset', function () {
    setZoom(1, 0);
    chart.scrollLeft = 0;
    pinLabels();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === '+' || e.key === '=') setZoom(zoom * 1.5, middle());
    if (e.key === '-') setZoom(zoom / 1.5, middle());
  });
  chart.addEventListener('wheel', function (e) {
    if (e.shiftKey || e.deltaY === 0) return;
    e.preventDefault();
    setZoom(zoom * (e.deltaY < 0 ? 1.25 : 0.8), e.clientX - chart.getBoundingClientRect().left);
  }, {passive: false});
  chart.addEventListener('scroll', pinLabels);
  svg.addEventListener('mousemove', function (e) {
    var el = e.target.closest ? e.target.closest('[data-tip]') : null;
    if (!el) { tip.hidden = true; return; }
    tip.textContent = el.getAttribute('data-tip');
    tip.hidden = false;
    var x = e.clientX + 14, y = e.clientY + 14;
    if (x + tip.offsetWidth > window.innerWidth) x = e.clientX - tip.offsetWidth - 8;
    if (y + tip.offsetHeight > window.innerHeight) y = e.clientY - tip.offsetHeight - 8;
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  });
  svg.addEventListener('mouseleave', function () { tip.hidden = true; });
  layout();
  document.body.setAttribute('data-ready', '1');
})();
</script>
</body>
</html>
)";

}  // namespace

std::string renderHtml(const std::vector<const Timeline*>& runs) {
  std::string page(kHead);
  page += renderSvg(runs);
  page += kScript;
  return page;
}

}  // namespace gol::teach
