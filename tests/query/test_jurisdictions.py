"""A store built from the bundled issues and texts of other places answers, per document,
whose government it is (stored query document_jurisdictions)."""
from __future__ import annotations

import pytest

from govkg.graph.build import build
from govkg.graph.queries import run_stored
from govkg.graph.store import GraphStore
from tests.helpers import EXTERNAL, SEEDS


@pytest.fixture(scope="module")
def mixed_store(tmp_path_factory):
    store_dir = tmp_path_factory.mktemp("mixed") / "store"
    texts = sorted(SEEDS.glob("00[04]_*.txt")) + [
        EXTERNAL / "texts" / name for name in (
            "05_shanghai-2020-leading-group.txt", "11_jiyuan-2023-npc-decisions.txt",
            "14_caidian-2023-task-breakdown.txt", "15_xiamen-2022-work-rules.txt")]
    build(texts, store_dir)
    with GraphStore.open_read_only(store_dir) as store:
        yield store


def test_each_document_answers_its_jurisdiction(mixed_store):
    rows = run_stored(mixed_store, "document_jurisdictions", {}).values()
    by_number = {r["doc_number"]: (r["jurisdiction"], r["code"]) for r in rows if r.get("doc_number")}
    assert by_number["沪府办〔2020〕59号"] == ("上海市", "310000")
    assert by_number["蔡政办〔2023〕1号"] == ("蔡甸区", "420114")
    assert by_number["厦府〔2022〕43号"] == ("厦门市", "350200")
    assert by_number["温政发〔2018〕26号"] == ("温州市", "330300")
    jiyuan = [r for r in rows if r["jurisdiction"] == "济源市"]
    assert len(jiyuan) == 2 and all(r.get("doc_number") is None for r in jiyuan)


def test_division_on_date_answers_for_another_government(tmp_path):
    # Two news reprints of Shanghai's division of work; the later one is dated by its page stamp.
    store_dir = tmp_path / "store"
    build([EXTERNAL / "texts" / "01_shanghai-2021-division.txt", EXTERNAL / "texts" / "02_shanghai-later-division.txt"],
          store_dir)
    with GraphStore.open_read_only(store_dir) as store:
        rows = run_stored(store, "division_on_date", {"city": "上海市", "date": "2026-03-01"}).values()
    assert len(rows) >= 50
    assert {r["since"] for r in rows} == {"2026-02-28"}
    assert {"leader": "龚正", "relation": "responsible_for", "object": "市政府全面工作"}.items() <= next(
        r for r in rows if r["leader"] == "龚正").items()
