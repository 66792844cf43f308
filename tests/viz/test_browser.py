"""The `govkg viz` page in a real headless Chromium (Debian's /usr/bin/chromium via Playwright),
with the network cut off: every request that is not the page's own file is aborted and
recorded, so a CDN link or a stray `../node_modules` path fails the test.

In: the bundled issues built into a store (`built_store`), and a tiny hand-made network whose
document title is hostile HTML. Out: assertions on what the page does; a screenshot in
test-artifacts/viz-network.png.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from govkg.graph.network import build_network, load_network
from govkg.graph.viz import co_attendance, write_page

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class OfflinePage:
    """A page whose every non-file request is aborted; records requests, console errors,
    uncaught exceptions and dialogs (an alert() would be one)."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []

        def route(r):
            url = r.request.url
            if url.startswith(("file:", "data:", "about:")):
                r.continue_()
            else:
                self.outside.append(url)
                r.abort()

        self.context.route("**/*", route)
        self.page.on("request", lambda req: None if req.url.startswith(("file:", "data:", "about:")) else self.outside.append(req.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.govkgReady === true", timeout=30_000)

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def full_page(browser, built_store, tmp_path_factory):
    g = load_network(built_store)
    path = write_page(g, tmp_path_factory.mktemp("viz") / "network.html", "govkg 测试")
    page = OfflinePage(browser, path)
    yield g, page
    page.close()


def test_page_loads_offline_without_errors(full_page):
    _, p = full_page
    assert p.outside == []
    assert p.errors == []
    assert p.dialogs == []


def events_of(g):
    return sum(1 for _, d in g.nodes(data=True) if d["kind"] == "event")


def test_every_node_and_edge_is_drawn_once_events_are_ticked(full_page):
    g, p = full_page
    folded = len(co_attendance(g))
    assert folded > 0
    counts = p.page.evaluate("[govkg.nodes.length, govkg.edges.length, Object.keys(network.body.nodes).length]")
    assert counts[0] == g.number_of_nodes()
    assert counts[1] == g.number_of_edges() + folded     # the facts, and the co-attendance edges folding events
    # The whole store opens readable: its diary events folded, the actors drawn.
    assert counts[2] == g.number_of_nodes() - events_of(g)
    p.page.check("input[data-kind=event]")
    assert p.page.evaluate("Object.keys(network.body.nodes).length") == g.number_of_nodes()
    assert p.page.evaluate("govkg.edgeView.get({filter: e => e.folded}).length") == 0
    p.page.uncheck("input[data-kind=event]")
    assert p.page.evaluate("govkg.edgeView.get({filter: e => e.folded}).length") == folded


def test_physics_is_off_once_drawn(full_page):
    _, p = full_page
    assert p.page.evaluate("network.physics.physicsEnabled") is False


def test_search_selects_and_focuses_a_name(full_page):
    g, p = full_page
    person = max((n for n, d in g.nodes(data=True) if d["kind"] == "person"), key=g.degree)
    name = g.nodes[person]["label"]
    p.page.fill("#search", name)
    p.page.press("#search", "Enter")
    selected = p.page.evaluate("network.getSelectedNodes()")
    assert [p.page.evaluate(f"govkg.nodes.get({selected[0]}).iri")] == [person]
    ARTIFACTS.mkdir(exist_ok=True)
    p.page.screenshot(path=str(ARTIFACTS / "viz-network.png"))
    assert (ARTIFACTS / "viz-network.png").stat().st_size > 10_000


def test_kind_filter_hides_a_kind(full_page):
    g, p = full_page
    events = events_of(g)
    assert events > 0
    assert p.page.evaluate("govkg.nodeView.length") == g.number_of_nodes() - events   # folded at first
    p.page.check("input[data-kind=event]")
    assert p.page.evaluate("govkg.nodeView.length") == g.number_of_nodes()
    p.page.uncheck("input[data-kind=event]")
    assert p.page.evaluate("govkg.nodeView.length") == g.number_of_nodes() - events


def test_year_filter_keeps_that_years_edges(full_page):
    g, p = full_page
    p.page.check("input[data-kind=event]")
    year = sorted({d["year"] for *_, d in g.edges(data=True) if d.get("year")})[0]
    p.page.select_option("#year", str(year))
    assert p.page.evaluate("govkg.edgeView.length") == sum(1 for *_, d in g.edges(data=True) if d.get("year") == year)
    p.page.select_option("#year", "")
    assert p.page.evaluate("govkg.edgeView.length") == g.number_of_edges()
    p.page.uncheck("input[data-kind=event]")


def test_edge_legend_lists_each_relation_and_filters_it(full_page):
    g, p = full_page
    relations = {d["relation"] for *_, d in g.edges(data=True)}
    shown = set(p.page.eval_on_selector_all("#edge-legend input", "xs => xs.map(x => x.dataset.relation)"))
    assert relations <= shown
    relation = "签发"
    before = p.page.evaluate("govkg.edgeView.length")
    p.page.uncheck(f"#edge-legend input[data-relation={relation}]")
    after = p.page.evaluate("govkg.edgeView.length")
    assert before - after == sum(1 for *_, d in g.edges(data=True) if d["relation"] == relation)
    p.page.check(f"#edge-legend input[data-relation={relation}]")


def test_clicking_a_node_opens_its_facts_with_quotes_and_a_link_to_its_page(full_page):
    g, p = full_page
    person = max((n for n, d in g.nodes(data=True) if d["kind"] == "person"), key=g.degree)
    node_id = p.page.evaluate(f"govkg.nodes.get({{filter: n => n.iri === {json.dumps(person)}}})[0].id")
    p.page.evaluate(f"network.focus({node_id}, {{scale: 1.5, animation: false}})")
    pos = p.page.evaluate(f"network.canvasToDOM(network.getPositions([{node_id}])[{node_id}])")
    box = p.page.locator("#graph").bounding_box()
    p.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    p.page.wait_for_selector("#info:not([hidden])", timeout=5000)
    assert p.page.inner_text("#info h2") == g.nodes[person]["label"]
    quotes = p.page.eval_on_selector_all("#info blockquote", "xs => xs.map(x => x.textContent)")
    facts = [d for *_, d in g.in_edges(person, data=True)] + [d for *_, d in g.out_edges(person, data=True)]
    assert quotes and set(quotes) <= {d["quote"] for d in facts}
    assert p.page.get_attribute("#info a.page", "href") == person
    ARTIFACTS.mkdir(exist_ok=True)
    p.page.screenshot(path=str(ARTIFACTS / "viz-facts.png"))
    p.page.click("#info .close")
    assert p.page.evaluate("document.getElementById('info').hidden")


HOSTILE = '<script>alert(1)</script>"quotes" </script><img src=x onerror=alert(2)>'


def test_hostile_document_title_neither_runs_nor_breaks(browser, tmp_path):
    nodes = {
        "urn:body": {"label": "某市财政局", "kind": "government", "title": "某市财政局", "post_in": None},
        "urn:doc": {"label": HOSTILE, "kind": "document", "title": HOSTILE, "post_in": None},
    }
    facts = [{"f": "urn:f", "s": "urn:body", "o": "urn:doc", "relation": "签发", "date": "2019-01-02",
              "document": HOSTILE, "issue": "某市公报", "line": "3", "quote": HOSTILE}]
    g = build_network(nodes, facts)
    path = write_page(g, tmp_path / "hostile.html", HOSTILE)
    p = OfflinePage(browser, path)
    try:
        # The text arrives intact as data...
        assert p.page.evaluate("govkg.nodes.get({filter: n => n.kind === 'document'})[0].label") == HOSTILE
        assert p.page.title() == HOSTILE
        # ...and hovering it shows it as text in the tooltip, not as markup.
        pos = p.page.evaluate("(() => { const id = govkg.nodes.get({filter: n => n.kind === 'document'})[0].id;"
                              " const c = network.getPositions([id])[id]; return network.canvasToDOM(c); })()")
        box = p.page.locator("#graph").bounding_box()
        p.page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
        p.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        assert HOSTILE in p.page.inner_text("div.vis-tooltip")
        assert p.page.evaluate("document.querySelectorAll('img').length") == 0
        assert p.dialogs == []
        assert p.errors == []
        assert p.outside == []
    finally:
        p.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The static site (govkg site) of the division-of-work issue: persons and the bodies they supervise."""
    from govkg.graph.build import build
    from govkg.graph.pages import write_site
    from govkg.graph.store import GraphStore
    from tests.helpers import seed_file

    root = tmp_path_factory.mktemp("site")
    build([seed_file("003")], root / "store")
    with GraphStore.open_read_only(root / "store") as store:
        write_site(store, root / "site")
    return root / "site"


def test_person_page_links_to_a_body_page_offline(browser, site):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    outside: list[str] = []
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "about:"))
                  else (outside.append(r.request.url), r.abort()))
    page = context.new_page()
    try:
        page.goto((site / "index.html").as_uri())
        # A person with divisions of work: the first person page holding a link to a body.
        people = page.eval_on_selector_all("a[href^='id/person/']", "xs => xs.map(x => x.getAttribute('href'))")
        assert people
        for href in people:
            page.goto((site / href).as_uri())
            bodies = page.locator("main a[href*='/org/']")
            if bodies.count():
                break
        else:
            pytest.fail("no person page links to a body")
        assert page.locator("main blockquote").count() > 0        # facts with their quotes
        name = bodies.first.inner_text()
        bodies.first.click()
        page.wait_for_load_state()
        assert "/id/org/" in page.url
        assert page.inner_text("h1") == name
        assert page.locator("main blockquote").count() > 0
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "site-body.png"))
        assert outside == []
    finally:
        context.close()
