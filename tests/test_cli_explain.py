"""`govkg explain`: the passage around a source line with what the pipeline recognised."""
from __future__ import annotations

from click.testing import CliRunner

from govkg.cli import main
from govkg.extractors.explain import markup, passage
from tests.helpers import load_seed, seed_file


def _line_of(prefix: str, startswith: str) -> int:
    issue = load_seed(prefix)
    return next(i + 1 for i, ln in enumerate(issue.lines) if ln.strip().startswith(startswith))


def test_personnel_passage_marks_person_org_post():
    line = _line_of("000", "郑邦良任")
    out = CliRunner().invoke(main, ["explain", str(seed_file("000")), "--line", str(line), "--lines", "3"])
    assert out.exit_code == 0, out.output
    assert "[郑邦良|PERSON]任[温州市人民政府办公室|ORG][调研员|POST]" in out.output
    assert "郑邦良\tappoint\t温州市人民政府办公室\t调研员" in out.output


def test_removal_lines_are_read_with_the_section_preamble():
    # "免去：" stands above the line; explain reads the section as the extractor does
    p = passage(load_seed("000"), _line_of("000", "柳瑞海的"), 2)
    assert [(a.person, a.action, a.post) for a in p.acts] == [("柳瑞海", "remove", "副总经理")]
    assert "[柳瑞海|PERSON]的[温州市公用事业投资集团有限公司|ORG][副总经理|POST]职务" in markup(p)


def test_html_page_contains_the_entity_labels(tmp_path):
    out_file = tmp_path / "passage.html"
    line = _line_of("000", "郑邦良任")
    res = CliRunner().invoke(main, ["explain", str(seed_file("000")), "--line", str(line), "-o", str(out_file)])
    assert res.exit_code == 0, res.output
    html = out_file.read_text("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") or "<html" in html
    for label in ("PERSON", "ORG", "POST"):
        assert label in html
    assert "郑邦良" in html


def test_missing_file_and_line_past_the_end_are_one_line_errors(tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["explain", str(tmp_path / "nope.txt"), "--line", "3"])
    assert res.exit_code == 1 and "nope.txt" in res.output
    res = runner.invoke(main, ["explain", str(seed_file("000")), "--line", "99999999"])
    assert res.exit_code == 1 and "beyond the end" in res.output


def test_help_has_an_example():
    res = CliRunner().invoke(main, ["explain", "--help"])
    assert res.exit_code == 0 and "Example:" in res.output and "--line" in res.output


def test_explain_entity_shows_the_jurisdiction_and_its_rule():
    from click.testing import CliRunner

    from govkg.cli import main

    result = CliRunner().invoke(main, ["explain-entity", "区财政局", "--city", "蔡甸区"])
    assert result.exit_code == 0, result.output
    assert "entity: 蔡甸区财政局" in result.output
    assert "jurisdiction: 蔡甸区  (420114, county in 武汉市; rule given" in result.output
    result = CliRunner().invoke(main, ["explain-entity", "市公安局"])
    assert "entity: 温州市公安局" in result.output and "rule gazette-name" in result.output
