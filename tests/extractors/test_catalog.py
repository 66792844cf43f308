"""The catalog (发文目录) extractor and its link to printed documents.

In: the bundled seeds (via conftest) and inline raw lines. Out: assertions on rows, wrapped
titles, quotes and scores against the reference answers.
"""
from __future__ import annotations

import json

import pytest

from govkg.extractors import catalog, documents
from govkg.extractors.catalog import link_catalog, read_rows
from govkg.extractors.layout import normalize
from govkg.extractors.patterns import despace
from govkg.extractors.registry import extract_all, schema_json
from tests.helpers import GOLD, load_seed, scorer


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_catalog_scores_at_least_the_floor(prefix):
    judge = scorer()
    issue = load_seed(prefix)
    pred = schema_json(issue, extract_all(issue, only=["catalog"]))
    (gold_path,) = sorted(GOLD.glob(f"{prefix}_*.json"))
    gold = json.loads(gold_path.read_text("utf-8"))
    row = judge.score(pred, gold)["catalog"]
    _, _, f1 = judge.prf(row["tp"], row["pred"], row["gold"])
    assert f1 >= 0.95, (row["missed"], row["spurious"])


def test_issue_without_a_catalog_has_no_rows():
    assert list(catalog.extract(load_seed("002"))) == []


def test_003_rows_run_together_by_the_layout_are_read_apart():
    # The layout joins "…指导意见温政办〔2020〕57号 …" into one paragraph; the raw lines keep them apart.
    rows = {e.doc_number: e for e in catalog.extract(load_seed("003"))}
    assert rows["温政办〔2020〕54号"].title == "温州市人民政府办公室关于全面开展“闲置农房盘活利用行动”的指导意见"
    assert rows["温政办〔2020〕57号"].title == "温州市人民政府办公室关于印发2020年温州市政务公开工作要点的通知"
    assert rows["温政办〔2020〕61号"].title.endswith("水库山塘安全管理办法的通知")   # not "…温州市统计局制"
    assert sorted(rows) == sorted(["温政发〔2020〕10号"] + [f"温政办〔2020〕{n}号" for n in (53, 54, 57, 58, 59, 60, 61)])


def test_row_quote_covers_number_and_wrapped_title():
    issue = load_seed("000")
    (row,) = [e for e in catalog.extract(issue) if e.doc_number == "温政办〔2018〕127号"]
    assert row.title == "温州市人民政府办公室关于印发温州市级产业政策奖补资金兑现管理办法（试行）的通知"
    assert row.source.line == 8409 and row.source.end_line == 8411
    assert despace(row.source.quote) == "温政办〔2018〕127号" + row.title
    assert row.source.quote == issue.text[row.source.start:row.source.end]


def test_link_catalog_to_printed_documents():
    issue = load_seed("004")
    entries = list(catalog.extract(issue))
    linked = link_catalog(entries, documents.extract(issue))
    assert linked["温政发〔2019〕18号"].title.endswith("关于印发温州都市区建设行动方案的通知")
    assert "温政办〔2019〕69号" not in linked          # listed, but not printed in this issue
    assert set(linked) <= {e.doc_number for e in entries}
    assert len(linked) == 6


def test_read_rows_inline_continuations_and_furniture():
    lines = [
        "温政办〔2018〕127号　  温州市人民政府办公室关于印发温州市级产业政策奖补资金兑现管理办法",
        "",
        "　　　　　　　　　　　（试行）的通知",
        "",
        "·    40    ·",
        "温政办〔2018〕128号　  温州市人民政府办公室关于印发温州市大气环境质量限期达标规划的通知",
        "温政办〔2018〕129号　  温州市人民政府办公室关于印发温州市集中式饮用水水源地环境保护规范化",
        "·    41    ·",
        "管理实施办法的通知",
        " 温州市统计局制",
    ]
    assert read_rows(lines, 1, len(lines)) == [
        (1, 3, "温政办〔2018〕127号", "温州市人民政府办公室关于印发温州市级产业政策奖补资金兑现管理办法（试行）的通知"),
        (6, 6, "温政办〔2018〕128号", "温州市人民政府办公室关于印发温州市大气环境质量限期达标规划的通知"),
        (7, 9, "温政办〔2018〕129号", "温州市人民政府办公室关于印发温州市集中式饮用水水源地环境保护规范化管理实施办法的通知"),
    ]


def test_short_catalog_found_from_its_heading_and_number_printed_alone():
    # Two rows are too few for the layout to call them a catalog; the heading says they are.
    raw = (
        "特此通知。\n\n"
        "6月份市政府、市政府办公室发文目录\n\n"
        "温政发〔2020〕10号　　温州市人民政府关于调整市政府领导分工的通知\n\n"
        "温政办〔2020〕53号\n\n"
        "　　　　　　　　　　　温州市人民政府办公室关于加强用地管理的若干意见\n\n"
        "主办：温州市人民政府办公室\n"
    )
    issue = normalize(raw)
    assert not issue.sections_of("catalog")
    rows = [(e.doc_number, e.title) for e in catalog.extract(issue)]
    assert rows == [
        ("温政发〔2020〕10号", "温州市人民政府关于调整市政府领导分工的通知"),
        ("温政办〔2020〕53号", "温州市人民政府办公室关于加强用地管理的若干意见"),
    ]
    quotes = [e.source.quote for e in catalog.extract(issue)]
    assert quotes[0].startswith("温政发〔2020〕10号") and quotes[0].endswith("分工的通知")
    assert quotes[1].replace("\n", "") == "温州市人民政府办公室关于加强用地管理的若干意见"
