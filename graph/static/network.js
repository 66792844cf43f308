(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("govkg-data").textContent);
  var words = data.words || {};
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var shownKinds = {};
  data.legend.forEach(function (k) { shownKinds[k.kind] = true; });
  // A whole store's diary events start folded into co-attendance edges (graph/viz.py).
  if (data.folded) shownKinds.event = false;
  var shownRelations = {};
  var year = "";
  var nodeView = new vis.DataView(nodes, { filter: function (n) {
    return shownKinds[n.kind] !== false && (year === "" || (n.years || []).indexOf(+year) >= 0);
  } });
  var edgeView = new vis.DataView(edges, { filter: function (e) {
    if (shownRelations[e.relation] === false) return false;
    // The folded edges stand for the events: shown only while events are off.
    if (e.folded) return shownKinds.event === false && (year === "" || (e.years || []).indexOf(+year) >= 0);
    return year === "" || e.year === +year;
  } });
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  window.govkg = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView };
  window.network = network;
  var status = document.getElementById("status");

  function counts() {
    return nodeView.length + " / " + nodes.length + " 节点 nodes · " + edgeView.length + " 关系 edges";
  }
  function ready() {
    if (window.govkgReady) return;
    window.govkgReady = true;
    window.govkgReadyAt = performance.now();
    status.textContent = counts() + (data.folded ? " · " + words.events_folded : "");
  }
  if (data.options.physics && data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });   // stop moving: a still page stays responsive
      ready();
    });
  } else {
    network.once("afterDrawing", ready);
  }

  // After any filter: redraw what is left and fit it in the window.
  function refilter() {
    nodeView.refresh(); edgeView.refresh();
    network.fit({ animation: false });
    if (window.govkgReady) status.textContent = counts();
  }

  // Legend: one checkbox per node kind, coloured like the nodes; unticking hides the kind.
  var legend = document.getElementById("legend");
  data.legend.forEach(function (k) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = shownKinds[k.kind] !== false; box.dataset.kind = k.kind;
    box.addEventListener("change", function () { shownKinds[k.kind] = box.checked; refilter(); });
    var sw = document.createElement("span");
    sw.className = "swatch"; sw.style.background = k.colour;
    if (k.shape === "dot" || k.shape === "star") sw.style.borderRadius = "50%";
    label.appendChild(box); label.appendChild(sw);
    label.appendChild(document.createTextNode(k.caption));
    label.title = k.english;
    legend.appendChild(label);
  });

  // Edge legend: a line of each relation's colour; unticking hides that relation.
  var edgeLegend = document.getElementById("edge-legend");
  (data.edgeLegend || []).forEach(function (r) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.dataset.relation = r.relation;
    box.addEventListener("change", function () { shownRelations[r.relation] = box.checked; refilter(); });
    var sw = document.createElement("span");
    sw.className = "line"; sw.style.background = r.colour;
    label.appendChild(box); label.appendChild(sw);
    label.appendChild(document.createTextNode(r.relation));
    label.title = r.english;
    edgeLegend.appendChild(label);
  });

  var yearSelect = document.getElementById("year");
  data.years.forEach(function (y) {
    var o = document.createElement("option"); o.value = String(y); o.textContent = String(y); yearSelect.appendChild(o);
  });
  yearSelect.addEventListener("change", function () { year = yearSelect.value; refilter(); });

  var names = document.getElementById("names");
  var seen = {};
  nodes.get({ filter: function (n) { return n.kind !== "event"; } }).forEach(function (n) {
    if (seen[n.label]) return; seen[n.label] = true;
    var o = document.createElement("option"); o.value = n.label; names.appendChild(o);
  });

  // The facts panel: a clicked node's edges with their dates, sources and quotes, and a link
  // to the entity's page. Gazette text goes in with textContent only.
  var info = document.getElementById("info");
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function showFacts(id) {
    var n = nodes.get(id);
    if (!n) { info.hidden = true; return; }
    info.textContent = "";
    var close = el("button", "close", words.close || "×");
    close.type = "button";
    close.addEventListener("click", function () { info.hidden = true; network.unselectAll(); });
    info.appendChild(close);
    info.appendChild(el("h2", null, n.label));
    var kind = data.legend.filter(function (k) { return k.kind === n.kind; })[0];
    info.appendChild(el("div", "kind", kind ? kind.caption + " · " + kind.english : n.kind));
    if (n.link) {
      var a = el("a", "page", words.page || "page");
      a.href = n.link;
      info.appendChild(a);
    }
    var facts = edges.get({ filter: function (e) { return (e.from === id || e.to === id); } });
    // The facts by date; the folded co-attendance edges after them.
    facts.sort(function (a, b) {
      return (a.folded ? 1 : 0) - (b.folded ? 1 : 0) || String(a.date || "").localeCompare(String(b.date || ""));
    });
    info.appendChild(el("h3", null, (words.facts || "facts") + " (" + facts.length + ")"));
    if (!facts.length) info.appendChild(el("p", null, words.no_facts));
    var list = el("ol", "facts");
    facts.forEach(function (e) {
      var other = nodes.get(e.from === id ? e.to : e.from);
      var li = el("li", "fact");
      var head = el("div", "head");
      var rel = el("span", "relation", e.relation);
      rel.style.borderColor = (e.color && e.color.color) || e.color || "#999";
      head.appendChild(rel);
      head.appendChild(document.createTextNode(" " + (e.from === id ? "→ " : "← ") + (other ? other.label : "")));
      li.appendChild(head);
      var where = [e.date, e.document, e.issue, e.line ? "#" + e.line : null].filter(Boolean).join(" · ");
      if (where) li.appendChild(el("div", "where", where));
      if (e.quote) li.appendChild(el("blockquote", "quote", e.quote));
      else if (e.folded) li.appendChild(el("div", "where", String(e.title || "").split("\n")[0]));
      li.addEventListener("click", function () { if (other) { network.selectNodes([other.id]); showFacts(other.id); } });
      list.appendChild(li);
    });
    info.appendChild(list);
    info.hidden = false;
  }
  window.govkgShowFacts = showFacts;
  network.on("click", function (params) {
    if (params.nodes && params.nodes.length) showFacts(params.nodes[0]);
    else info.hidden = true;
  });

  function squash(s) { return String(s || "").replace(/\s+/g, ""); }
  // Find a name among the drawn nodes: the exact label first, else the shortest label holding it.
  function search(text) {
    var want = squash(text);
    if (!want) return null;
    var drawn = nodeView.get();
    var hit = drawn.filter(function (n) { return squash(n.label) === want; })[0];
    if (!hit) {
      var part = drawn.filter(function (n) { return squash(n.label).indexOf(want) >= 0; });
      part.sort(function (a, b) { return a.label.length - b.label.length; });
      hit = part[0];
    }
    if (!hit) { status.textContent = "没有找到 not found"; return null; }
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.4, animation: false });
    status.textContent = hit.label;
    showFacts(hit.id);
    return hit.id;
  }
  window.govkgSearch = search;
  var input = document.getElementById("search");
  input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(input.value); });
  input.addEventListener("change", function () { search(input.value); });
  document.getElementById("go").addEventListener("click", function () { search(input.value); });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });
})();
