"""The HTML report's style, script and icons: inline, so the page needs nothing from outside.

Verdicts are told apart three ways, so colour is never alone: an icon shape (cross, triangle,
tick, question mark, barred circle), the underline's pattern (wavy, dashed, solid, dotted,
double) and a word in each badge's accessible name. The palette is derived from Okabe-Ito
(safe for the common colour-vision deficiencies), darkened so text keeps 4.5:1 contrast.
"""

from __future__ import annotations

#: verdict -> (label, icon id); "suppressed" is shown as its own kind.
KINDS = {
    "error": ("error", "i-error"),
    "warning": ("warning", "i-warning"),
    "unverifiable": ("unverifiable", "i-unverifiable"),
    "ok": ("OK", "i-ok"),
    "suppressed": ("suppressed", "i-suppressed"),
}
#: worst first: which kind a highlighted stretch takes when findings overlap.
ORDER = ("error", "warning", "unverifiable", "ok", "suppressed")

ICONS = """<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false">
<symbol id="i-error" viewBox="0 0 16 16"><path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor"/><path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="#fff" stroke-width="2" stroke-linecap="round"/></symbol>
<symbol id="i-warning" viewBox="0 0 16 16"><path d="M8 1l7.5 13.5H.5z" fill="currentColor"/><path d="M8 5.5v4.5" stroke="#fff" stroke-width="2" stroke-linecap="round"/><circle cx="8" cy="12.3" r="1.1" fill="#fff"/></symbol>
<symbol id="i-ok" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7.5" fill="currentColor"/><path d="M4.3 8.3l2.5 2.5 5-5.2" stroke="#fff" stroke-width="2" fill="none" stroke-linecap="round" stroke-linejoin="round"/></symbol>
<symbol id="i-unverifiable" viewBox="0 0 16 16"><rect x=".5" y=".5" width="15" height="15" rx="3" fill="currentColor"/><path d="M5.7 6a2.4 2.4 0 1 1 3.2 2.2c-.6.3-.9.7-.9 1.4v.4" stroke="#fff" stroke-width="1.8" fill="none" stroke-linecap="round"/><circle cx="8" cy="12.5" r="1.1" fill="#fff"/></symbol>
<symbol id="i-suppressed" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6.5" stroke="currentColor" stroke-width="2" fill="none"/><path d="M3.5 12.5l9-9" stroke="currentColor" stroke-width="2"/></symbol>
</svg>"""

CSS = """
:root { --text: #1a1a1a; --muted: #4d4d4d; --line: #767676; --bg: #ffffff;
  --error: #a63d00; --error-bg: #fbe3d6; --warning: #7a5600; --warning-bg: #fff0c2;
  --ok: #00664a; --ok-bg: #d9f2ea; --unverifiable: #005a8c; --unverifiable-bg: #dcebf7;
  --suppressed: #595959; --suppressed-bg: #ececec; }
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text);
  background: var(--bg); margin: 0; }
header.top, main { max-width: 78rem; margin: 0 auto; padding: 0 1rem; }
header.top { padding-top: 1rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .25rem; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.meta, .notes { color: var(--muted); margin: .25rem 0; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; list-style: none; padding: 0; margin: .5rem 0; }
.summary li, .count { display: inline-flex; align-items: center; gap: .3rem; }
svg.icon { width: 1em; height: 1em; flex: none; vertical-align: -.125em; }
.k-error { color: var(--error); } .k-warning { color: var(--warning); } .k-ok { color: var(--ok); }
.k-unverifiable { color: var(--unverifiable); } .k-suppressed { color: var(--suppressed); }
.summary .n, .count .n { color: var(--text); font-weight: 700; }
fieldset.filter { border: 1px solid var(--line); border-radius: 4px; margin: .5rem 0 1rem; padding: .25rem .75rem .5rem; }
fieldset.filter legend { font-weight: 600; padding: 0 .25rem; }
fieldset.filter label { display: inline-flex; align-items: center; gap: .3rem; margin-right: 1.1rem; white-space: nowrap; cursor: pointer; }
fieldset.filter input { width: 1.1rem; height: 1.1rem; margin: 0; }
nav.stories ol { margin: .25rem 0; padding-left: 1.5rem; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 28rem; gap: 1.25rem; align-items: start; }
@media (max-width: 62rem) { .layout { grid-template-columns: minmax(0, 1fr); } }
.story-text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "Times New Roman", serif;
  font-size: 1.05rem; line-height: 1.7; border: 1px solid #d0d0d0; border-radius: 4px; padding: .75rem 1rem;
  max-height: 80vh; overflow: auto; }
mark.hl { color: inherit; padding: 0 .05em; text-decoration-thickness: 2px; text-underline-offset: .2em;
  text-decoration-skip-ink: none; cursor: pointer; }
mark.v-error { background: var(--error-bg); text-decoration: underline wavy var(--error); }
mark.v-warning { background: var(--warning-bg); text-decoration: underline dashed var(--warning); }
mark.v-ok { background: var(--ok-bg); text-decoration: underline solid var(--ok); }
mark.v-unverifiable { background: var(--unverifiable-bg); text-decoration: underline dotted var(--unverifiable); }
mark.v-suppressed { background: var(--suppressed-bg); text-decoration: underline double var(--suppressed); }
mark.v-none { background: none; text-decoration: none; cursor: auto; }
a.badge { display: inline-flex; align-items: center; gap: .15rem; font: 600 .75rem/1.2 system-ui, sans-serif;
  color: var(--text); background: #fff; border: 1.5px solid currentColor; border-radius: .7rem;
  padding: 0 .35rem; margin: 0 .1rem; text-decoration: none; vertical-align: .1em; white-space: nowrap; }
a.badge.v-error { border-color: var(--error); } a.badge.v-warning { border-color: var(--warning); }
a.badge.v-ok { border-color: var(--ok); } a.badge.v-unverifiable { border-color: var(--unverifiable); }
a.badge.v-suppressed { border-color: var(--suppressed); border-style: dashed; }
a.badge:focus-visible, a.badge[aria-current="true"] { outline: 3px solid #1a1a1a; outline-offset: 1px; }
.panel { position: sticky; top: .75rem; border: 1px solid var(--line); border-radius: 4px; padding: .75rem 1rem;
  background: #fafafa; max-height: 92vh; overflow: auto; font-size: .92rem; }
.panel h3 { margin-top: 0; }
.panel .hint { color: var(--muted); }
ol.findings { padding-left: 1.75rem; }
ol.findings > li { margin: .75rem 0; padding: .5rem .75rem; border-left: 4px solid var(--line); background: #fcfcfc; }
ol.findings > li.v-error { border-left: 4px solid var(--error); }
ol.findings > li.v-warning { border-left: 4px dashed var(--warning); }
ol.findings > li.v-ok { border-left: 4px solid var(--ok); }
ol.findings > li.v-unverifiable { border-left: 4px dotted var(--unverifiable); }
ol.findings > li.v-suppressed { border-left: 4px double var(--suppressed); }
ol.findings > li.target { outline: 3px solid #1a1a1a; }
.evidence .head { display: flex; align-items: center; gap: .4rem; flex-wrap: wrap; margin: 0 0 .25rem; font-weight: 600; }
.evidence .message { margin: .25rem 0 .5rem; }
.evidence dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .15rem .75rem; margin: .25rem 0; }
.evidence dt { color: var(--muted); }
.evidence dd { margin: 0; overflow-wrap: anywhere; }
.evidence code { font-size: .9em; }
.evidence .note, .evidence .where { color: var(--muted); font-size: .85em; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .5rem 0 0; font: 10px system-ui, sans-serif; }
svg.chart .window { fill: #e8e8e8; }
svg.chart .axis { stroke: var(--line); }
svg.chart .tick { fill: var(--muted); }
svg.chart .series { fill: none; stroke: #005a8c; stroke-width: 1.5; }
svg.chart .fix { fill: #005a8c; }
svg.chart .fix.used { fill: #fff; stroke: #005a8c; stroke-width: 2; }
svg.chart .implied { stroke: #a63d00; stroke-width: 1.5; stroke-dasharray: 5 3; }
svg.chart .implied-label { fill: #a63d00; font-weight: 600; }
.legend { color: var(--muted); font-size: .85rem; margin: .25rem 0 0; }
.hidden-by-filter { display: none !important; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { max-width: 78rem; margin: 2rem auto 1rem; padding: 0 1rem; color: var(--muted); font-size: .85rem; }
"""

JS = """
(function () {
  "use strict";
  var ORDER = ["error", "warning", "unverifiable", "ok", "suppressed"];
  function hidden() {
    var out = {};
    document.querySelectorAll("fieldset.filter input[data-kind]").forEach(function (box) {
      out[box.getAttribute("data-kind")] = !box.checked;
    });
    return out;
  }
  function show(badge) {
    var item = document.getElementById(badge.getAttribute("href").slice(1));
    var panel = document.getElementById(badge.getAttribute("data-panel"));
    if (!item || !panel) { return; }
    var body = panel.querySelector(".panel-body");
    var copy = item.querySelector(".evidence").cloneNode(true);
    body.replaceChildren(copy);
    panel.querySelector(".hint").hidden = true;
    document.querySelectorAll("a.badge[aria-current]").forEach(function (b) { b.removeAttribute("aria-current"); });
    badge.setAttribute("aria-current", "true");
    panel.setAttribute("data-finding", item.id);
  }
  function applyFilter() {
    var off = hidden();
    document.querySelectorAll("[data-kind-of]").forEach(function (el) {
      el.classList.toggle("hidden-by-filter", !!off[el.getAttribute("data-kind-of")]);
    });
    document.querySelectorAll("mark.hl").forEach(function (mark) {
      var kinds = mark.getAttribute("data-kinds").split(" ");
      var shown = ORDER.filter(function (k) { return kinds.indexOf(k) >= 0 && !off[k]; });
      mark.className = "hl v-" + (shown.length ? shown[0] : "none");
    });
    var visible = document.querySelectorAll("a.badge:not(.hidden-by-filter)").length;
    var status = document.getElementById("filter-status");
    if (status) { status.textContent = visible + " of " + document.querySelectorAll("a.badge").length + " findings shown"; }
  }
  document.addEventListener("focusin", function (event) {
    var badge = event.target.closest && event.target.closest("a.badge");
    if (badge) { show(badge); }
  });
  document.addEventListener("click", function (event) {
    var badge = event.target.closest("a.badge");
    if (badge) { event.preventDefault(); show(badge); badge.focus(); return; }
    var mark = event.target.closest("mark.hl");
    if (mark && !mark.classList.contains("v-none")) {
      var ids = mark.getAttribute("data-badges").split(" ");
      for (var i = 0; i < ids.length; i++) {
        var b = document.getElementById(ids[i]);
        if (b && !b.classList.contains("hidden-by-filter")) { b.focus(); break; }
      }
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.matches("fieldset.filter input")) { applyFilter(); }
  });
  applyFilter();
})();
"""
