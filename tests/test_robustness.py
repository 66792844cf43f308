"""Bad input, faults and untrusted text: govkg reads or refuses, never crashes or half-writes.

- Property tests: no extractor raises on arbitrary text, nor on gazette lines shuffled,
  cut and spliced with noise.
- Truncated, oversized and not-a-gazette files: read correctly, or refused naming the file.
- A build killed with SIGKILL leaves every issue fully in the store or absent; running the
  build again completes it, and again changes nothing.
- Commands write only where the user asked.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govkg.cli import main
from govkg.extractors.layout import load_issue, normalize
from govkg.extractors.reading import MAX_BYTES
from govkg.extractors.registry import EXTRACTORS
from govkg.graph.store import GraphStore
from tests.helpers import seed_file

SEED_LINES = [ln for p in ("000", "003") for ln in seed_file(p).read_text("utf-8").split("\n")]


def run_all_extractors(text: str) -> None:
    issue = normalize(text)
    for extract in EXTRACTORS.values():
        list(extract(issue))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_no_extractor_raises_on_arbitrary_text(text):
    run_all_extractors(text)


gazette_lines = st.lists(
    st.one_of(
        st.sampled_from(SEED_LINES),
        st.sampled_from(SEED_LINES).map(lambda s: s[: len(s) // 2]),
        st.text(alphabet="任免去兼的、，。；：（）〔〕△·号年月日市县区局委办 \u3000\n0123456789", max_size=30),
    ),
    max_size=120,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gazette_lines)
def test_no_extractor_raises_on_spliced_gazette_text(lines):
    run_all_extractors("\n".join(lines))


def test_a_truncated_issue_is_read_as_far_as_it_goes(tmp_path):
    text = seed_file("000").read_text("utf-8")
    path = tmp_path / "truncated.txt"
    path.write_text(text[: int(len(text) * 0.6)], "utf-8")
    issue = load_issue(path)
    for extract in EXTRACTORS.values():
        list(extract(issue))
    # The first documents are all there; the 人事任免 pages were cut off.
    from govkg.extractors import appointments, documents

    numbers = [d.doc_number for d in documents.extract(issue)]
    assert "温政发〔2018〕26号" in numbers
    assert list(appointments.extract(issue)) == []


def test_chinese_text_that_is_not_a_gazette_is_read_as_an_article(tmp_path):
    path = tmp_path / "novel.txt"
    path.write_text("第一回　宴桃园豪杰三结义，斩黄巾英雄首立功。\n\n话说天下大势，分久必合，合久必分。\n" * 30, "utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["input"]["kind"] == "article"
    assert data["gazette"] == {} and data["appointments"] == []


def test_an_oversized_file_is_refused_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(MAX_BYTES + 1)      # sparse: no memory or disk spent
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert str(path) in result.output and "limit" in result.output


def _issue_counts(store_dir: Path) -> dict[str, int]:
    """Triples in each issue graph the store shows (not the shared or derived graphs)."""
    with GraphStore.open_read_only(store_dir) as store:
        return {g: store.graph_size(g) for g in store.issues()}


@pytest.fixture(scope="module")
def many_issues(tmp_path_factory) -> list[Path]:
    """Twelve distinct issues (synthetic: the bundled text with people renamed, renumbered)."""
    from govkg.graph.bench import synthetic_issues

    d = tmp_path_factory.mktemp("issues")
    files = []
    for name, text in synthetic_issues(12):
        p = d / f"{name}.txt"
        p.write_text(text, "utf-8")
        files.append(p)
    return files


def test_a_killed_build_leaves_each_issue_whole_or_absent_and_a_rerun_completes(tmp_path, many_issues):
    reference = tmp_path / "reference"
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "govkg.cli", "build", "--store", str(reference), *map(str, many_issues)],
                   check=True, capture_output=True)
    whole_build = time.monotonic() - started
    expected = _issue_counts(reference)
    assert len(expected) == 12

    store = tmp_path / "store"
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "govkg.cli", "build", "--store", str(store), *map(str, many_issues)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Kill it once the store exists, part-way through what the same build took after that
    # point (a fixed delay is either too short or longer than the build, as the build speeds up).
    deadline = started + 60
    while time.monotonic() < deadline and not (store / "CURRENT").exists():
        time.sleep(0.02)
    opened = time.monotonic() - started
    time.sleep(max(0.0, 0.5 * (whole_build - opened)))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)

    partial = _issue_counts(store)
    for graph, count in partial.items():
        assert count == expected[graph], f"{graph} half-loaded: {count} of {expected[graph]} triples"
    assert len(partial) < 12, "the build finished before it was killed; the test proved nothing"

    subprocess.run([sys.executable, "-m", "govkg.cli", "build", "--store", str(store), *map(str, many_issues)],
                   check=True, capture_output=True)
    assert _issue_counts(store) == expected
    with GraphStore.open_read_only(store) as s:
        first = s.export("nquads")
    subprocess.run([sys.executable, "-m", "govkg.cli", "build", "--store", str(store), *map(str, many_issues[:3])],
                   check=True, capture_output=True)
    with GraphStore.open_read_only(store) as s:
        assert s.export("nquads") == first, "re-ingesting issues must change nothing"


def test_commands_write_only_where_asked(tmp_path, monkeypatch):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.delenv("GOVKG_STORE", raising=False)
    store = tmp_path / "elsewhere" / "store"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(seed_file("004")), "--store", str(store)]).exit_code == 0
    page = tmp_path / "out" / "net.html"
    page.parent.mkdir()
    assert runner.invoke(main, ["viz", "--store", str(store), "-o", str(page)]).exit_code == 0
    assert runner.invoke(main, ["export", "graph", "--format", "nquads", "--store", str(store)]).exit_code == 0
    assert list(cwd.iterdir()) == []
    assert sorted(p.name for p in page.parent.iterdir()) == ["net.html"]


def test_a_reingest_killed_at_any_moment_ends_after_a_rerun_as_the_graph_of_an_uninterrupted_one(tmp_path):
    """Re-ingest changed issues (some people renamed, so the old names lose every mention),
    kill -9 part-way, rerun: the store must be byte-identical to an uninterrupted re-ingest (no
    orphan entity facts left behind by the killed run)."""
    from govkg.graph.bench import given_name_chars
    from govkg.graph.build import bundled_issue_files

    chars = given_name_chars()
    originals, changed = [], []
    for path in bundled_issue_files():
        p = tmp_path / "v2" / path.name
        p.parent.mkdir(exist_ok=True)
        p.write_text(path.read_text("utf-8").replace(chars[0], chars[1]).replace(chars[2], chars[3]), "utf-8")
        if load_issue(p).key == load_issue(path).key:    # keyed by the printed name and number: a re-ingest
            originals.append(path)
            changed.append(p)
    assert len(changed) >= 2

    def build(store: Path, files: list[Path]) -> None:
        subprocess.run([sys.executable, "-m", "govkg.cli", "build", "--store", str(store), *map(str, files)],
                       check=True, capture_output=True)

    def export(store: Path) -> bytes:
        with GraphStore.open_read_only(store) as s:
            return s.export("nquads")

    reference = tmp_path / "reference"
    build(reference, originals)
    before = export(reference)
    started = time.monotonic()
    build(reference, changed)
    reingest_s = time.monotonic() - started
    expected = export(reference)
    assert expected != before

    for fraction in (0.6, 0.75, 0.9):
        store = tmp_path / f"store-{fraction}"
        build(store, originals)
        proc = subprocess.Popen([sys.executable, "-m", "govkg.cli", "build", "--store", str(store), *map(str, changed)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(reingest_s * fraction)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        build(store, changed)
        assert export(store) == expected, f"killed at {fraction:.0%} of the re-ingest: the rerun differs"
