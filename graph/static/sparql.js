"use strict";
const examples = JSON.parse(document.getElementById("example-data").textContent);
const box = document.getElementById("examples"), about = document.getElementById("about");
for (const ex of examples) {
  const b = document.createElement("button");
  b.type = "button"; b.textContent = ex.title; b.title = ex.name + ": " + ex.description;
  b.onclick = () => { document.getElementById("query").value = ex.query; about.textContent = ex.description; run(); };
  box.appendChild(b);
}
function cell(t) { return t === undefined ? "" : t.value; }
async function run(ev) {
  if (ev) ev.preventDefault();
  const out = document.getElementById("result"), status = document.getElementById("status");
  const accept = document.getElementById("format").value;
  out.textContent = ""; status.textContent = "running…";
  const started = performance.now();
  let response;
  try {
    response = await fetch("sparql", {method: "POST", headers: {"Accept": accept,
      "Content-Type": "application/x-www-form-urlencoded"},
      body: new URLSearchParams({query: document.getElementById("query").value})});
  } catch (e) { status.textContent = "the server did not answer: " + e; return; }
  const text = await response.text();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!response.ok) {
    status.textContent = "HTTP " + response.status + " (" + seconds + " s)";
    const p = document.createElement("pre"); p.className = "error"; p.textContent = text; out.appendChild(p); return;
  }
  const type = response.headers.get("Content-Type") || "";
  if (type.startsWith("application/sparql-results+json")) {
    const data = JSON.parse(text);
    if ("boolean" in data) { status.textContent = "ASK: " + data.boolean + " (" + seconds + " s)"; return; }
    const rows = data.results.bindings, vars = data.head.vars;
    status.textContent = rows.length + " rows (" + seconds + " s)";
    const table = document.createElement("table"), head = table.insertRow();
    for (const v of vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
    for (const r of rows) { const tr = table.insertRow(); for (const v of vars) tr.insertCell().textContent = cell(r[v]); }
    out.appendChild(table);
  } else {
    status.textContent = type.split(";")[0] + " (" + seconds + " s)";
    const p = document.createElement("pre"); p.textContent = text; out.appendChild(p);
  }
}
document.getElementById("form").addEventListener("submit", run);
