
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("govkg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var shownKinds = {};
  data.legend.forEach(function (k) { shownKinds[k.kind] = true; });
  var year = "";
  var nodeView = new vis.DataView(nodes, { filter: function (n) {
    return shownKinds[n.kind] !== false && (year === "" || (n.years || []).indexOf(+year) >= 0);
  } });
  var edgeView = new vis.DataView(edges, { filter: function (e) {
    return year === "" || e.year === +year;
  } });
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  window.govkg = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView };
  window.network = network;

  function ready() {
    if (window.govkgReady) return;
    window.govkgReady = true;
    window.govkgReadyAt = performance.now();
    document.getElementById("status").textContent = nodes.length + " 节点 nodes · " + edges.length + " 关系 edges";
  }
  if (data.options.physics && data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });   // stop moving: a still page stays responsive
      ready();
    });
  } else {
    network.once("afterDrawing", ready);
  }

  // Legend: one checkbox per node kind, coloured like the nodes; unticking hides the kind.
  var legend = document.getElementById("legend");
  data.legend.forEach(function (k) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.dataset.kind = k.kind;
    box.addEventListener("change", function () { shownKinds[k.kind] = box.checked; nodeView.refresh(); });
    var sw = document.createElement("span");
    sw.className = "swatch"; sw.style.background = k.colour;
    if (k.shape === "dot" || k.shape === "star") sw.style.borderRadius = "50%";
    label.appendChild(box); label.appendChild(sw);
    label.appendChild(document.createTextNode(k.caption));
    label.title = k.english;
    legend.appendChild(label);
  });

  var yearSelect = document.getElementById("year");
  data.years.forEach(function (y) {
    var o = document.createElement("option"); o.value = String(y); o.textContent = String(y); yearSelect.appendChild(o);
  });
  yearSelect.addEventListener("change", function () { year = yearSelect.value; nodeView.refresh(); edgeView.refresh(); });

  var names = document.getElementById("names");
  var seen = {};
  nodes.get({ filter: function (n) { return n.kind !== "event"; } }).forEach(function (n) {
    if (seen[n.label]) return; seen[n.label] = true;
    var o = document.createElement("option"); o.value = n.label; names.appendChild(o);
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
    if (!hit) { document.getElementById("status").textContent = "没有找到 not found"; return null; }
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.4, animation: false });
    document.getElementById("status").textContent = hit.label;
    return hit.id;
  }
  window.govkgSearch = search;
  var input = document.getElementById("search");
  input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(input.value); });
  input.addEventListener("change", function () { search(input.value); });
  document.getElementById("go").addEventListener("click", function () { search(input.value); });
})();
