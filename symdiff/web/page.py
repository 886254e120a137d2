"""The calculator page: an input box with a live preview, the steps, the answer, a checker.

The page is one HTML document with KaTeX inlined (:func:`symdiff.printers.html.page`),
so it works offline.  Its script calls the JSON API only: ``/api/preview`` as the user
types (debounced), ``/api/derive`` for the steps and the answer, ``/api/check`` for the
"check my answer" box.  The state (input, variable, order) lives in the URL's fragment,
so a page can be shared; copying gives the derivation as LaTeX or Markdown.

>>> html = calculator_page()
>>> html.startswith("<!DOCTYPE html>"), 'id="expr"' in html, "/api/derive" in html
(True, True, True)
"""

from __future__ import annotations

import json
from functools import lru_cache

from ..printers.html import page
from ..printers.labels import RULE_NAMES

STYLE = """
.calc { display: grid; gap: .75rem; }
.row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
input[type=text] { font: 1.1rem ui-monospace, monospace; padding: .4rem .5rem; flex: 1 1 16rem;
                   min-width: 0; border: 1px solid #999; border-radius: 4px; }
select, input[type=number], button { font-size: 1rem; padding: .3rem .5rem; }
#preview { min-height: 2.2rem; font-size: 1.15rem; }
.error { color: #b00020; white-space: pre-wrap; font-family: ui-monospace, monospace; }
table.steps td { padding: .3rem .5rem; vertical-align: middle; }
td.rule { color: #555; font-size: .9rem; }
table.steps .katex-display { margin: 0; text-align: left; }
table.steps .katex-display > .katex { text-align: left; }
.answer { font-size: 1.3rem; background: #fff7d6; border: 1px solid #e0c060; border-radius: 6px;
          padding: .5rem .8rem; display: inline-block; }
.yes { color: #14702a; font-weight: bold; } .no { color: #b00020; font-weight: bold; }
@media (max-width: 480px) { body { margin: 1rem auto; } table.steps td.rule { display: none; } }
@media print { .controls, .checker, .copy { display: none; } }
"""

BODY = """
<h1>Derivative calculator</h1>
<div class="calc">
  <div class="row controls">
    <input id="expr" type="text" aria-label="expression" autocomplete="off" spellcheck="false"
           placeholder="e.g. 3(2x^2)^5, x sin x, f(x, y) = x^2 y">
  </div>
  <div class="row controls">
    <label>by <select id="wrt" aria-label="variable"></select></label>
    <label>order <input id="order" type="number" min="1" max="5" value="1"></label>
    <label><input id="steps" type="checkbox" checked> steps</label>
  </div>
  <div id="preview" aria-live="polite"></div>
  <div id="result"></div>
  <div class="row copy">
    <button id="copy-latex" type="button">Copy as LaTeX</button>
    <button id="copy-markdown" type="button">Copy as Markdown</button>
    <button id="share" type="button">Copy link</button>
  </div>
  <div class="checker">
    <h2>Check my answer</h2>
    <div class="row"><input id="answer" type="text" aria-label="your answer"
         placeholder="your derivative, e.g. 960x^9"><button id="check" type="button">Check</button>
    </div>
    <div id="verdict" aria-live="polite"></div>
  </div>
</div>
"""

SCRIPT = """
(function () {
  var RULES = %(rules)s;
  var $ = function (id) { return document.getElementById(id); };
  var state = {doc: null, timer: null, seq: 0};
  function ruleName(id) {
    if (id.indexOf("chain:") === 0) { return "chain rule with " + ruleName(id.slice(6)); }
    return RULES[id] || id.replace(/-/g, " ");
  }
  function tex(latex, display) {
    var span = document.createElement("span");
    try { katex.render(latex, span, {displayMode: !!display, throwOnError: false}); }
    catch (e) { span.textContent = latex; }
    return span;
  }
  function post(url, body) {
    return fetch(url, {method: "POST", headers: {"Content-Type": "application/json"},
                       body: JSON.stringify(body)}).then(function (r) { return r.json(); });
  }
  function showError(el, err, input) {
    el.innerHTML = "";
    var div = document.createElement("div");
    div.className = "error";
    var text = err.message;
    if (err.column && input.indexOf("\\n") < 0) {
      text = input + "\\n" + " ".repeat(Math.max(0, err.column - 1)) + "^\\n" + err.message;
    }
    div.textContent = text;
    el.appendChild(div);
  }
  function request() {
    var wrt = $("wrt").value;
    var body = {input: $("expr").value, steps: $("steps").checked,
                order: Math.max(1, Math.min(5, parseInt($("order").value, 10) || 1))};
    if (wrt) { body.wrt = wrt; }
    return body;
  }
  function saveHash() {
    var b = request();
    history.replaceState(null, "", "#" + encodeURIComponent(JSON.stringify(
      {input: b.input, wrt: b.wrt || "", order: b.order})));
  }
  function setVariables(names) {
    var sel = $("wrt"), old = sel.value;
    sel.innerHTML = "";
    names.forEach(function (n) {
      var o = document.createElement("option"); o.value = n; o.textContent = n; sel.appendChild(o);
    });
    if (names.length > 1) {
      var all = document.createElement("option");
      all.value = ""; all.textContent = "all (gradient)";
      sel.insertBefore(all, sel.firstChild);
    }
    if (names.indexOf(old) >= 0 || (old === "" && names.length > 1)) { sel.value = old; }
  }
  function head(def, latex) {
    if (!def || !def.name) { return latex; }
    return def.name + "(" + (def.params || []).join(", ") + ") = " + latex;
  }
  function lhs(doc, derivation) {
    var v = derivation.variable || (doc.wrt || [""])[0], def = doc.definition || {};
    if (def.name) { return def.name + "'(" + (def.params || [v]).join(", ") + ")"; }
    return "\\frac{d}{d" + v + "}\\left(" + def.body.latex + "\\right)";
  }
  function stepsTable(doc, derivation) {
    var table = document.createElement("table"), lhsOf = lhs(doc, derivation);
    table.className = "steps";
    derivation.lines.forEach(function (line, i) {
      var tr = document.createElement("tr");
      var lhs = document.createElement("td"), eq = document.createElement("td");
      var rhs = document.createElement("td"), rule = document.createElement("td");
      rule.className = "rule";
      if (i === 0) { lhs.appendChild(tex(lhsOf, true)); }
      eq.textContent = "=";
      rhs.appendChild(tex(line.latex, true));
      rule.textContent = (line.rules || []).map(ruleName).join(", ");
      [lhs, eq, rhs, rule].forEach(function (td) { tr.appendChild(td); });
      table.appendChild(tr);
    });
    return table;
  }
  function showResult(doc) {
    var el = $("result");
    el.innerHTML = "";
    state.doc = doc;
    if (doc.kind === "error") { showError(el, doc.error, doc.input || ""); return; }
    var items = doc.kind === "gradient" ? doc.derivatives : [doc];
    items.forEach(function (item) {
      (item.derivations || []).forEach(function (d) { el.appendChild(stepsTable(doc, d)); });
      var p = document.createElement("p");
      var ans = document.createElement("span");
      ans.className = "answer";
      var by = (item.wrt || []).join(", ");
      var label = doc.kind === "gradient" ? "by " + by + ": " : "Answer: ";
      ans.appendChild(document.createTextNode(label));
      ans.appendChild(tex(item.result.latex, false));
      p.appendChild(ans);
      el.appendChild(p);
    });
  }
  function update() {
    var seq = ++state.seq, input = $("expr").value;
    saveHash();
    if (!input.trim()) { $("preview").innerHTML = ""; $("result").innerHTML = ""; return; }
    post("/api/preview", {input: input}).then(function (doc) {
      if (seq !== state.seq) { return; }
      var el = $("preview");
      if (doc.kind === "error") {
        showError(el, doc.error, input); $("result").innerHTML = ""; return;
      }
      el.innerHTML = "";
      el.appendChild(tex(head(doc.definition, doc.latex), false));
      setVariables(doc.variables);
      return post("/api/derive", request()).then(function (res) {
        if (seq === state.seq) { showResult(res); }
      });
    });
  }
  function schedule() { clearTimeout(state.timer); state.timer = setTimeout(update, 250); }
  function latexOf(doc) {
    if (!doc || doc.kind === "error") { return ""; }
    var items = doc.kind === "gradient" ? doc.derivatives : [doc];
    return items.map(function (item) {
      var ds = item.derivations || [];
      if (!ds.length) { return item.result.latex; }
      return "\\\\begin{aligned}\\n" + ds[0].lines.map(function (l, i) {
        return (i === 0 ? lhs(doc, ds[0]) + " " : "") + "&= " + l.latex;
      }).join(" \\\\\\\\\\n") + "\\n\\\\end{aligned}";
    }).join("\\n\\n");
  }
  function copy(text) { if (navigator.clipboard) { navigator.clipboard.writeText(text); } }
  $("copy-latex").onclick = function () { copy(latexOf(state.doc)); };
  $("copy-markdown").onclick = function () { copy("$$\\n" + latexOf(state.doc) + "\\n$$\\n"); };
  $("share").onclick = function () { saveHash(); copy(location.href); };
  $("check").onclick = function () {
    var b = request();
    post("/api/check", {input: b.input, answer: $("answer").value, wrt: b.wrt,
                        order: b.order}).then(function (doc) {
      var el = $("verdict");
      el.innerHTML = "";
      if (doc.kind === "error") { showError(el, doc.error, $("answer").value); return; }
      var p = document.createElement("p");
      var word = document.createElement("span");
      word.className = doc.correct ? "yes" : "no";
      word.textContent = doc.correct ? "yes" : "no";
      p.appendChild(word);
      var said = doc.correct ? ": that is the derivative (" + doc.how + ")"
                             : ": not the derivative";
      p.appendChild(document.createTextNode(said));
      if (!doc.correct && doc.counterexample) {
        var c = doc.counterexample, pts = Object.keys(c.point).map(function (k) {
          return k + " = " + c.point[k].text; }).join(", ");
        p.appendChild(document.createTextNode("; at " + pts + " it is " + c.answer_value.text +
                      ", the derivative is " + c.expected_value.text));
      }
      el.appendChild(p);
    });
  };
  ["input"].forEach(function (ev) { $("expr").addEventListener(ev, schedule); });
  ["change"].forEach(function (ev) {
    $("wrt").addEventListener(ev, update); $("order").addEventListener(ev, update);
    $("steps").addEventListener(ev, update);
  });
  try {
    var saved = JSON.parse(decodeURIComponent(location.hash.slice(1)));
    $("expr").value = saved.input || ""; $("order").value = saved.order || 1;
    if (saved.wrt) { setVariables([saved.wrt]); }
  } catch (e) { /* no saved state */ }
  window.addEventListener("load", function () { if ($("expr").value) { update(); } });
})();
"""


@lru_cache(maxsize=1)  # one page, built once
def calculator_page() -> str:
    """The page (built once: it has no per-request content)."""
    script = SCRIPT % {"rules": json.dumps(RULE_NAMES)}
    body = f"<style>{STYLE}</style>\n{BODY}\n<script>{script}</script>"
    return page("symdiff: derivative calculator", body)
