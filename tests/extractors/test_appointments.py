"""The appointments extractor (人事任免): one inline case per sentence form, real passages of
the seeds, and whole-issue floors scored by shared/eval/score.py against the gold."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SHARED, load_seed, scorer

from govkg.extractors import appointments
from govkg.extractors.appointments import parse_acts, split_post
from govkg.extractors.nlp import recognise
from govkg.extractors.records import to_json


def acts(text: str, noise: tuple[str, ...] = ()) -> list[tuple]:
    """(person, action, organization, post, qualifier) of every act the pipeline reads."""
    doc = recognise(text, personnel=True, noise=noise)
    return [(a.person, a.action, a.organization, a.post, a.qualifier) for a in doc._.acts]


# --- sentence forms, one inline case each ---------------------------------------------------

def test_several_persons_share_one_post_with_ren():
    assert acts("市政府决定：\n林振江、蒋荣国任温州市公安局调研员；") == [
        ("林振江", "appoint", "温州市公安局", "调研员", None),
        ("蒋荣国", "appoint", "温州市公安局", "调研员", None),
    ]


def test_several_persons_share_one_post_with_wei():
    got = acts("任命：\n李伟、邱溢鹏、黄伟军、黄兆举为温州市公安局调研员；")
    assert [g[0] for g in got] == ["李伟", "邱溢鹏", "黄伟军", "黄兆举"]
    assert {g[1:] for g in got} == {("appoint", "温州市公安局", "调研员", None)}


def test_one_person_several_titles_share_body_and_probation():
    assert acts("胡晓阳任温州市融资担保有限公司董事长、总经理（试用期一年）。") == [
        ("胡晓阳", "appoint", "温州市融资担保有限公司", "董事长", "试用期一年"),
        ("胡晓阳", "appoint", "温州市融资担保有限公司", "总经理", "试用期一年"),
    ]


def test_chain_appoint_concurrent_remove():
    assert acts("张三任温州市某某局局长，兼任温州市某某办公室主任，免去其温州市某某中心主任职务。") == [
        ("张三", "appoint", "温州市某某局", "局长", None),
        ("张三", "concurrent", "温州市某某办公室", "主任", None),
        ("张三", "remove", "温州市某某中心", "主任", None),
    ]


def test_bare_jian_after_comma_is_concurrent():
    got = acts("丁建宇为温州市铁路与城市轨道交通建设办公室主任，兼温州市发展和改革委员会副主任；")
    assert got[1] == ("丁建宇", "concurrent", "温州市发展和改革委员会", "副主任", None)


def test_mianqu_x_de_list_with_concurrent_marker():
    assert acts("免去虞立清的温州市人民防空办公室主任，温州市发展和改革委员会副主任（兼）职务。") == [
        ("虞立清", "remove", "温州市人民防空办公室", "主任", None),
        ("虞立清", "remove", "温州市发展和改革委员会", "副主任", "兼"),
    ]


def test_mianqu_heading_governs_x_de_lines():
    assert acts("免去：\n丁建辉的温州市公安局副调研员职务；\n叶明坚、胡光德的温州市公安消防局副局长职务。") == [
        ("丁建辉", "remove", "温州市公安局", "副调研员", None),
        ("叶明坚", "remove", "温州市公安消防局", "副局长", None),
        ("胡光德", "remove", "温州市公安消防局", "副局长", None),
    ]


def test_government_decides_to_remove_preamble():
    assert acts("市人民政府决定免去：\n秦肖的温州市交通投资集团有限公司董事长职务。") == [
        ("秦肖", "remove", "温州市交通投资集团有限公司", "董事长", None),
    ]


def test_preamble_inside_the_clause_with_pinren_is_appoint():
    # SCHEMA.md: 聘任 is an appointment
    assert acts("市人民政府决定聘任李四为温州市人民政府参事；") == [
        ("李四", "appoint", "温州市人民政府", "参事", None),
    ]


def test_parenthesised_second_name_stays_in_body():
    assert acts("柯小敏任温州市行政审批管理办公室（市公共资源交易管理委员会办公室）副调研员；") == [
        ("柯小敏", "appoint", "温州市行政审批管理办公室（市公共资源交易管理委员会办公室）", "副调研员", None),
    ]


def test_sub_unit_title_splits_off_the_unit():
    assert acts("郑章辉为温州市公安局禁毒支队支队长（副县长级）；") == [
        ("郑章辉", "appoint", "温州市公安局禁毒支队", "支队长", "副县长级"),
    ]


def test_rank_and_probation_join_with_semicolon():
    got = acts("林朝进任温州浙南沿海先进装备产业集聚区瑞安阁巷分区管委会主任（副县长级）（试用期一年）；")
    assert got == [("林朝进", "appoint", "温州浙南沿海先进装备产业集聚区瑞安阁巷分区管委会", "主任", "副县长级；试用期一年")]


def test_title_alone_takes_the_body_before_it():
    assert acts("免去：\n余作喜的温州生态园管委会副主任、调研员职务。") == [
        ("余作喜", "remove", "温州生态园管委会", "副主任", None),
        ("余作喜", "remove", "温州生态园管委会", "调研员", None),
    ]


def test_two_bodies_in_one_list_each_keep_their_own():
    got = acts("黄靖为温州市雁荡山风景旅游管委会主任、雁荡山世界地质公园管委会办公室主任；")
    assert [g[2] for g in got] == ["温州市雁荡山风景旅游管委会", "雁荡山世界地质公园管委会办公室"]


def test_two_character_and_compound_surname_names():
    assert acts("王造任温州市公安局常务副局长；欧阳明华为温州市体育局副局长。") == [
        ("王造", "appoint", "温州市公安局", "常务副局长", None),
        ("欧阳明华", "appoint", "温州市体育局", "副局长", None),
    ]


def test_surname_that_is_also_the_verb():
    assert acts("任为民任温州市公安局调研员；")[0][0] == "任为民"


def test_name_with_middle_dot():
    assert acts("帕提古丽·阿卜力克木任温州市民族宗教事务局副局长；")[0][0] == "帕提古丽·阿卜力克木"


def test_sentence_broken_by_a_page_heading_is_joined():
    got = acts("免去：\n王五的温州市体育局副\n12月份市政府人事任免\n局长职务；", noise=("12月份市政府人事任免",))
    assert got == [("王五", "remove", "温州市体育局", "副局长", None)]


def test_line_wrap_inside_a_body_name_is_joined():
    assert acts("郑邦良任温州市人民政\n府办公室调研员；") == [("郑邦良", "appoint", "温州市人民政府办公室", "调研员", None)]


def test_grammar_reads_names_without_the_pipeline():
    # parse_acts alone (no PERSON spans given) falls back to a plain name before the verb
    got = parse_acts("陈琦任中国国际贸易促进委员会温州市委员会副调研员；")
    assert [(a.person, a.organization, a.post) for a in got] == [("陈琦", "中国国际贸易促进委员会温州市委员会", "副调研员")]


def test_split_post_longest_title_then_body_ending():
    assert split_post("温州市统计调查队队长") == ("温州市统计调查队", "队长")
    assert split_post("温州市人民政府副秘书长") == ("温州市人民政府", "副秘书长")
    assert split_post("总经理") == (None, "总经理")
    # a title missing from the lexicon: the body runs to its last known ending
    assert split_post("温州市某某研究院首席专家") == ("温州市某某研究院", "首席专家")


def test_text_without_acts_gives_nothing():
    assert acts("全市上下要认真贯彻落实会议精神。") == []


# --- real passages of the seeds ---------------------------------------------------------------

def _records(prefix: str) -> list[dict]:
    return [to_json(r) for r in appointments.extract(load_seed(prefix))]


def _row(r: dict) -> tuple:
    return (r["person"], r["action"], r["organization"], r["post"], r["qualifier"])


def test_003_appoint_then_remove_two_titles():
    rows = [_row(r) for r in _records("003") if r["person"] == "胡时进"]
    assert rows == [
        ("胡时进", "appoint", "温州建设集团有限公司", "副总经理", None),
        ("胡时进", "remove", "温州市瓯飞开发建设投资集团有限公司", "董事长", None),
        ("胡时进", "remove", "温州市瓯飞开发建设投资集团有限公司", "总经理", None),
    ]


def test_003_rank_and_probation():
    (row,) = [_row(r) for r in _records("003") if r["person"] == "林朝进"]
    assert row[4] == "副县长级；试用期一年"


def test_zheng_zhanghui_career_joins_002_and_004():
    (appointed,) = [r for r in _records("002") if r["person"] == "郑章辉" and r["action"] == "appoint"]
    (removed,) = [r for r in _records("004") if r["person"] == "郑章辉"]
    assert (appointed["organization"], appointed["post"]) == ("温州市公安局禁毒支队", "支队长")
    assert (removed["action"], removed["organization"], removed["post"]) == ("remove", "温州市公安局禁毒支队", "支队长")


def test_source_quotes_the_clause_at_its_line():
    issue = load_seed("000")
    (rec,) = [r for r in appointments.extract(issue) if r.person == "柳瑞海"]
    assert rec.source.quote.startswith("柳瑞海的温州市公用事业投资集团有限公司副总经理职务")
    assert issue.lines[rec.source.line - 1].lstrip().startswith("柳瑞海")


# --- whole issues against the gold ---------------------------------------------------------

@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_gold_floor_strict_f1_and_qualifiers(prefix):
    judge = scorer()
    (gold_path,) = sorted((SHARED / "gold").glob(f"{prefix}_*.json"))
    gold = json.loads(Path(gold_path).read_text("utf-8"))
    mine = {"appointments": _records(prefix)}
    row = judge.score(mine, gold)["appointments"]
    _, _, f1 = judge.prf(row["tp"], row["pred"], row["gold"])
    assert f1 >= 0.97, (row["missed"], row["spurious"])
    # the scorer's key leaves the qualifier out: check it on the matched records
    by_key = {(g["person"], g["action"], g["organization"], g["post"]): g["qualifier"] for g in gold["appointments"]}
    wrong = [(r["person"], r["post"], r["qualifier"]) for r in mine["appointments"]
             if (r["person"], r["action"], r["organization"], r["post"]) in by_key
             and by_key[(r["person"], r["action"], r["organization"], r["post"])] != r["qualifier"]]
    assert wrong == []


def test_tongzhi_after_name_and_enumerated_clauses():
    assert acts("一、市政府决定任命张三同志为温州市某某局局长；\n（二）免去赵六同志的温州市体育局局长职务。") == [
        ("张三", "appoint", "温州市某某局", "局长", None),
        ("赵六", "remove", "温州市体育局", "局长", None),
    ]


def test_buzai_danren_is_a_removal():
    assert acts("李四不再担任温州市某某局副局长职务；") == [("李四", "remove", "温州市某某局", "副局长", None)]


def test_heading_words_inside_a_line_are_not_dropped():
    # noise is dropped only where the heading stands on its own line
    got = acts("张三任温州市某某人事任免办公室主任；", noise=("某某人事任免",))
    assert got == [("张三", "appoint", "温州市某某人事任免办公室", "主任", None)]
