"""Entity resolution: short forms, full names and second names of one body are one entity;
reformed bodies are linked, not merged; persons match by name. The pairs below are attested
in the bundled seed issues (both forms printed there), not invented."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.extractors.resolve import (
    Place,
    Resolver,
    defined_short_forms,
    explain,
    org_kind,
    place_of,
    place_of_bodies,
)
from tests.helpers import load_seed

WENZHOU = place_of("温州市人民政府公报")


def resolver(*attested: str, text: str = "", place: Place | None = WENZHOU, **kw) -> Resolver:
    return Resolver(place=place, attested=attested, text=text, **kw)


def test_city_comes_from_the_gazette_name():
    assert place_of("温州市人民政府公报") == Place("温州", "市")
    assert place_of("杭州市人民政府公报").prefix == "杭州市"
    assert place_of("浙江省人民政府公报") == Place("浙江", "省")
    assert place_of(None) is None
    # the same short form resolves to another city's body under another gazette
    assert resolver(place=place_of("杭州市人民政府公报")).organization("市财政局").canonical == "杭州市财政局"


def test_city_from_issuers_when_the_gazette_name_is_missing():
    assert place_of_bodies(["温州市人民政府", "温州市人民政府办公室", "浙江省人民政府"]) == Place("温州", "市")
    assert place_of_bodies(["某单位"]) is None


def test_city_of_seed_002_without_a_printed_gazette_name():
    from govkg.extractors.registry import extract_all

    issue = load_seed("002")
    assert issue.gazette.name is None
    assert Resolver.for_issue(issue, extract_all(issue, only=("documents",))).place == WENZHOU


# (short form, full name) pairs printed in the seeds: the short form in running text or in
# 领导分工 lines, the full name in personnel acts, issuers or signatures.
ATTESTED_PAIRS = [
    ("市发改委", "温州市发展和改革委员会"),
    ("市发展改革委", "温州市发展和改革委员会"),
    ("温州市发改委", "温州市发展和改革委员会"),
    ("市府办", "温州市人民政府办公室"),
    ("市政府办", "温州市人民政府办公室"),
    ("市政府办公室", "温州市人民政府办公室"),
    ("市人力社保局", "温州市人力资源和社会保障局"),
    ("温州市人力资源社会保障局", "温州市人力资源和社会保障局"),
    ("市财政局", "温州市财政局"),
    ("市公安局", "温州市公安局"),
    ("市教育局", "温州市教育局"),
    ("市统计局", "温州市统计局"),
    ("市交通运输局", "温州市交通运输局"),
    ("市商务局", "温州市商务局"),
    ("市体育局", "温州市体育局"),
    ("市民政局", "温州市民政局"),
    ("市招商局", "温州市招商局"),
    ("市应急管理局", "温州市应急管理局"),
    ("市农业农村局", "温州市农业农村局"),
    ("市机关事务管理局", "温州市机关事务管理局"),
    ("市退役军人事务局", "温州市退役军人事务局"),
    ("市自然资源和规划局", "温州市自然资源和规划局"),
    ("市生态环境局", "温州市生态环境局"),
    ("市综合行政执法局", "温州市综合行政执法局"),
    ("市经信局", "温州市经济和信息化局"),
    ("市经信委", "温州市经济和信息化委员会"),
    ("市科技局", "温州市科学技术局"),
    ("市市场监管局", "温州市市场监督管理局"),
    ("市住建局", "温州市住房和城乡建设局"),
    ("市住建委", "温州市住房和城乡建设委员会"),
    ("市大数据局", "温州市大数据发展管理局"),
    ("市卫计委", "温州市卫生和计划生育委员会"),
    ("市卫生计生委", "温州市卫生和计划生育委员会"),
    ("市卫健委", "温州市卫生健康委员会"),
    ("市卫生健康委", "温州市卫生健康委员会"),
    ("温州市文广旅局", "温州市文化广电旅游局"),
    ("市人防办", "温州市人民防空办公室"),
    ("市金融办", "温州市人民政府金融工作办公室"),
    ("市政府金融工作办公室", "温州市人民政府金融工作办公室"),
    ("市国资委", "温州市人民政府国有资产监督管理委员会"),
    ("市民族宗教事务局", "温州市民族宗教事务局"),
    ("市公共资源管委办", "温州市公共资源交易管理委员会办公室"),
]


@pytest.mark.parametrize("short,full", ATTESTED_PAIRS)
def test_attested_short_form_is_the_full_name(short, full):
    r = resolver(full)
    assert r.organization(short).canonical == full
    assert r.organization(full).canonical == full


def test_rules_are_named():
    r = resolver("温州市财政局")
    assert r.organization("市发改委").rule == "alias-table"
    assert r.organization("市财政局").rule == "city-prefix"
    assert r.organization("温州市财政局").rule == "exact"


def test_abbreviation_rule_matches_one_attested_full_name():
    # 市自规局 is in no table: its characters appear in order only in 温州市自然资源和规划局.
    r = resolver("温州市自然资源和规划局", "温州市财政局")
    res = r.organization("市自规局")
    assert (res.canonical, res.rule) == ("温州市自然资源和规划局", "abbreviation")


def test_abbreviation_rule_refuses_ambiguity():
    r = resolver("温州市交通运输局", "温州市交通建设局")
    assert r.organization("市交通局").rule == "city-prefix"      # two candidates: left alone


def test_abbreviation_never_invents_a_body_not_attested():
    # no printed or tabled full name carries 海, 经, 局 in order after 市海: nothing to match
    assert resolver().organization("市海经局").canonical == "温州市海经局"


def test_parenthesised_second_name_is_an_alias_of_one_body():
    r = resolver("温州市综合行政执法局（城市管理局）")
    assert r.organization("温州市综合行政执法局（城市管理局）").canonical == "温州市综合行政执法局"
    assert r.organization("温州市城市管理局").canonical == "温州市综合行政执法局"
    assert r.organization("市城市管理局").rule == "parenthesised-alias"


def test_parenthesised_second_name_from_seed_000():
    name = "温州市行政审批管理办公室（市公共资源交易管理委员会办公室）"
    assert name in load_seed("000").text.replace(" ", "")
    r = resolver(name)
    assert r.organization("温州市公共资源交易管理委员会办公室").canonical == "温州市行政审批管理办公室"


def test_defined_short_form_in_seed_002():
    pairs = defined_short_forms(load_seed("002").text)
    # pairs are relative to the level (市…); the resolver adds the city
    assert ("市公共资源管委办", "市公共资源交易管理委员会办公室") in pairs
    assert ("市住建委", "市住房和城乡建设委员会") in pairs
    # definitions of things that are not bodies (职工医保, 保证金) are not taken
    assert all(short.endswith(("办", "局", "委", "会", "室", "中心")) for short, _ in pairs)


def test_defined_short_form_rule_inline():
    r = resolver(text="温州市海洋经济发展示范区管理委员会（以下简称市海经委）负责")
    res = r.organization("市海经委")
    assert (res.canonical, res.rule) == ("温州市海洋经济发展示范区管理委员会", "defined-short-form")


def test_reformed_body_is_linked_not_merged():
    r = resolver()
    old, new = "温州市卫生和计划生育委员会", "温州市卫生健康委员会"
    assert r.organization(old).canonical == old
    assert r.organization(new).canonical == new
    assert r.predecessors(new) == [(old, "2019 机构改革")]
    assert (new, "2019 机构改革") in r.successors(old)


def test_persons_match_by_name_only():
    assert Resolver.person("汪 驰").canonical == "汪驰"
    assert Resolver.person("汪驰").rule == "same-name"


def test_user_alias_file_from_environment(tmp_path, monkeypatch):
    extra = tmp_path / "mine.tsv"
    extra.write_text("# mine\n市海经办\t市海洋经济发展局\n", encoding="utf-8")
    assert resolver().organization("市海经办").canonical == "温州市海经办"
    monkeypatch.setenv("GOVKG_ALIASES", str(extra))
    res = resolver().organization("市海经办")
    assert (res.canonical, res.rule, res.detail) == ("温州市海洋经济发展局", "alias-table", str(extra))


@pytest.mark.parametrize(
    "name,kind",
    [
        ("中共温州市委员会", "party"),
        ("温州市委人才工作领导小组办公室", "party"),
        ("温州市城市发展集团有限公司", "enterprise"),
        ("温州广播电视传媒集团", "enterprise"),
        ("温州市财政局", "government"),
        ("温州市人民政府", "government"),
        ("温州市中级人民法院", "government"),
        ("温州医科大学", "other"),
        ("温州市各有关单位", "other"),
    ],
)
def test_org_kind(name, kind):
    assert org_kind(name) == kind


def test_explain_lists_every_merged_name():
    ex = explain(resolver("温州市发展和改革委员会"), "市发改委")
    names = {r.name: r.rule for r in ex.merged}
    assert ex.resolution.canonical == "温州市发展和改革委员会"
    assert names["市发改委"] == "alias-table"
    assert names["温州市发展和改革委员会"] == "exact"
    assert "市发展改革委" in names or "温州市发展改革委" in names


def test_explain_entity_command():
    out = CliRunner().invoke(main, ["explain-entity", "市发改委"])
    assert out.exit_code == 0, out.output
    assert "温州市发展和改革委员会" in out.output and "alias-table" in out.output
    out = CliRunner().invoke(main, ["explain-entity", "市卫健委"])
    assert "predecessor: 温州市卫生和计划生育委员会" in out.output


def test_explain_entity_with_alias_option(tmp_path):
    extra = tmp_path / "a.tsv"
    extra.write_text("市海经办\t市海洋经济发展局\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["explain-entity", "市海经办", "--aliases", str(extra)])
    assert out.exit_code == 0 and "温州市海洋经济发展局" in out.output


def test_explain_entity_bad_alias_file_is_one_line_error(tmp_path):
    out = CliRunner().invoke(main, ["explain-entity", "市发改委", "--aliases", str(tmp_path / "none.tsv")])
    assert out.exit_code == 1
    assert "no such file" in out.output


def test_explain_entity_help_has_example():
    out = CliRunner().invoke(main, ["explain-entity", "--help"])
    assert "Example:" in out.output and "govkg explain-entity 市发改委" in out.output


@pytest.mark.parametrize(
    "printed,body,title",
    [
        ("市委书记", "中共温州市委员会", "书记"),          # 市委 by the alias table
        ("温州市政府常务副市长", "温州市人民政府", "常务副市长"),
        ("副市长", "温州市人民政府", "副市长"),            # the title implies the body (post_bodies.tsv)
        ("国家档案局副局长", "国家档案局", "副局长"),        # a body-like ending before a known title
        ("总书记", None, "总书记"),
        ("新加坡驻沪总领事", None, "新加坡驻沪总领事"),     # unknown title: left whole
    ],
)
def test_split_post_printed_beside_a_name(printed, body, title):
    assert resolver().split_post(printed) == (body, title)


def test_a_government_leader_after_a_bare_division_is_in_its_government():
    # 中新网: "张文杰同志任温州市副市长、代市长" names the body 温州市人民政府 prints in full
    r = resolver("温州市财政局")
    assert r.body_of_post("温州市", "副市长").canonical == "温州市人民政府"
    assert r.body_of_post("温州市", "代理市长").rule == "government-of-division"
    assert r.body_of_post("泰顺县", "县长").canonical == "泰顺县人民政府"
    # Not a government leader's title, or not a division: as organization() resolves it.
    assert r.body_of_post("温州市", "书记").canonical == r.organization("温州市").canonical == "温州市"
    assert r.body_of_post("温州市财政局", "局长").canonical == "温州市财政局"
    assert r.body_of_post("温州", "市长").canonical == "温州"
