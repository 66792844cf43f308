"""The documents extractor and its title-block rules, on real seed passages and inline cases.

In: the bundled seeds (via conftest), tiny hand-written lines and texts. Out: assertions on
numbers, titles, issuers, dates, addressees, citations, attachments, spans and scores.
"""
from __future__ import annotations

import json

import pytest
from tests.helpers import GOLD, load_seed, scorer

from govkg.extractors import documents
from govkg.extractors.documents import (
    find_citations,
    is_addressee_line,
    split_addressees,
    split_issuers,
)
from govkg.extractors.layout import normalize
from govkg.extractors.registry import extract_all, schema_json
from govkg.extractors.titleblocks import find_title_blocks, is_issuer_line, title_ends


def _docs(prefix: str) -> dict:
    return {d.doc_number: d for d in documents.extract(load_seed(prefix))}


# --- whole issues against the reference answers ------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_documents_score_at_least_the_floor(prefix):
    judge = scorer()
    issue = load_seed(prefix)
    pred = schema_json(issue, extract_all(issue, only=["documents"]))
    (gold_path,) = sorted(GOLD.glob(f"{prefix}_*.json"))
    gold = json.loads(gold_path.read_text("utf-8"))
    row = judge.score(pred, gold)["documents"]
    _, _, f1 = judge.prf(row["tp"], row["pred"], row["gold"])
    assert f1 >= 0.95, (row["missed"], row["spurious"])
    matched, right = judge.doc_fields(pred["documents"], gold["documents"])
    assert matched and right / matched >= 0.9


def test_003_leader_division_notice():
    d = _docs("003")["温政发〔2020〕10号"]
    assert d.title == "温州市人民政府关于调整市政府领导分工的通知"
    assert d.date == "2020-06-24"
    assert d.issuers == ("温州市人民政府",)


# --- real passages ---------------------------------------------------------------------


def test_joint_notice_with_spaced_out_signature_and_title_without_issuer():
    # 000 lines 6054-6140: four signing bodies, the last two printed "温 州 市 财 政 局 温 州 市 发 改 委";
    # the title has no number beside it; the number is printed pages later under the
    # attached measure's name.
    d = _docs("000")["温卫发〔2018〕250号"]
    assert d.title == "关于印发温州市家庭病床管理实施办法（试行）的通知"
    assert d.issuers == ("温州市卫生和计划生育委员会", "温州市人力资源社会保障局", "温州市财政局", "温州市发改委")
    assert d.date == "2018-12-13"
    assert "温州市家庭病床管理实施办法（试行）" in d.attachments


def test_attached_measure_is_not_a_document_of_its_own():
    titles = {d.title for d in documents.extract(load_seed("000"))}
    assert "温州市家庭病床管理实施办法（试行）" not in titles
    assert "温州市民办学校规范管理和信息公开办法" not in titles


def test_title_printed_without_issuer_above_its_number():
    d = _docs("000")["温人社发〔2018〕242号"]
    assert d.title == "关于印发《温州市高水平打造高技能人才队伍实施细则》的通知"
    assert d.issuers == ("中共温州市委人才工作领导小组办公室", "温州市人力资源和社会保障局", "温州市财政局")


def test_notice_number_on_top_and_title_after_the_signature():
    # 004: "通告〔2019〕5号" opens the issue; its title is printed after the date (lines 65-69).
    d = _docs("004")["通告〔2019〕5号"]
    assert d.title == "温州市人民政府关于划定高排放非道路移动机械禁止使用区的通告"
    assert d.issuers == ("温州市人民政府",) and d.date == "2019-12-27"


def test_signature_joined_to_the_last_sentence_and_two_governments():
    d = _docs("004")["温政发〔2019〕18号"]
    assert d.issuers == ("温州市人民政府", "丽水市人民政府")
    assert d.date == "2019-12-12"
    assert any(c.doc_number == "浙委发〔2018〕78号" and c.title == "浙江省大都市区建设行动计划" for c in d.cites)


def test_issuer_name_broken_over_signature_lines():
    d = _docs("004")["温浙集（开）管〔2019〕71号"]
    assert d.issuers == ("温州浙南沿海先进装备产业集聚区（经开区、瓯飞）管委会",)
    assert d.title.startswith("温州浙南沿海先进装备产业集聚区（经开区、瓯飞）管委会印发《")


def test_addressees_span_and_source():
    issue = load_seed("002")
    d = _docs("002")["温政发〔2018〕1号"]
    assert d.addressees == ("各县（市、区）人民政府", "市政府直属各单位")
    assert d.attachments[0] == "温州市全民基本医疗保险办法"
    start, end = d.span
    assert start < end and "《温州市全民基本医疗保险办法》已经市人民政府" in issue.text[start:end]
    assert d.source.document == "温政发〔2018〕1号"
    assert d.source.quote == issue.text[d.source.start:d.source.end]
    assert d.source.line == 169


def test_spans_do_not_overlap():
    for prefix in ("000", "004"):
        spans = sorted(d.span for d in documents.extract(load_seed(prefix)))
        for (a, b), (c, _) in zip(spans, spans[1:]):
            assert a < b <= c


# --- rules, one inline case each ------------------------------------------------------------


def test_split_issuers_of_a_spaced_out_signature():
    assert split_issuers("温 州 市 财 政 局 温 州 市 发 改 委") == ["温州市财政局", "温州市发改委"]
    assert split_issuers("温州市人民政府  丽水市人民政府") == ["温州市人民政府", "丽水市人民政府"]
    assert split_issuers("温州市人民政府办公室") == ["温州市人民政府办公室"]
    assert split_issuers("中共温州市委人才工作领导小组办公室") == ["中共温州市委人才工作领导小组办公室"]


def test_addressees_split_outside_brackets():
    assert split_addressees("各县（市、区）人民政府，市政府直属各单位") == ["各县（市、区）人民政府", "市政府直属各单位"]
    # An attachment's name joined by the PDF before the list is cut off.
    assert split_addressees("温州都市区建设协同发展领导小组成员名单各县（市、区）人民政府，市政府直属各单位")[0] == "各县（市、区）人民政府"
    assert is_addressee_line("各局（室）、街道办事处、直属企事业单位：")
    assert not is_addressee_line("附件：温州市清单")
    assert not is_addressee_line("主要任务：加强管理。")


def test_citations_keep_numbers_and_skip_own_title_and_slogans():
    text = "根据《浙江省社会救助条例》和《关于推进改革的意见》（浙委发〔2018〕3号），开展“最多跑一次”《温州市办法》"
    cites = find_citations(text, own={"温州市办法"})
    assert [(c.title, c.doc_number) for c in cites] == [
        ("浙江省社会救助条例", None),
        ("关于推进改革的意见", "浙委发〔2018〕3号"),
    ]


def _lines(*texts):
    return [(n + 1, t, 0, False) for n, t in enumerate(texts)]


def test_block_title_after_number():
    lines = _lines("通告〔2018〕1号", "温州市人民政府", "关于做好春节期间安全管理的通告", "为确保广大市民欢度春节，根")
    assert find_title_blocks(lines) == [(1, 3, "通告〔2018〕1号", "温州市人民政府关于做好春节期间安全管理的通告")]


def test_block_title_above_number_stops_at_the_signature_date():
    lines = _lines("认真遵照执行。", "温州市人民政府", "2018年1月8日", "温州市人民政府关于印发", "温州市医疗保险办法的通知", "温政发〔2018〕1号")
    assert find_title_blocks(lines) == [(4, 6, "温政发〔2018〕1号", "温州市人民政府关于印发温州市医疗保险办法的通知")]


def test_block_prefers_the_notice_title_over_the_attached_measure_name():
    lines = _lines("温州市教育局关于印发温州市学校管理", "办法的通知", "温教民〔2018〕111号", "温州市学校管理办法", "第一章 总则")
    assert find_title_blocks(lines) == [(1, 3, "温教民〔2018〕111号", "温州市教育局关于印发温州市学校管理办法的通知")]


def test_block_keeps_issuer_line_but_not_a_chapter_heading_above_it():
    lines = _lines("附 则", "温州市商务局 温州市财政局", "关于印发《资金管理办法》的通知", "温商务联发〔2019〕130号")
    assert find_title_blocks(lines) == [(2, 4, "温商务联发〔2019〕130号", "温州市商务局温州市财政局关于印发《资金管理办法》的通知")]


def test_block_with_issuer_broken_inside_brackets():
    lines = _lines("温州浙南产业集聚区（经开", "区、瓯飞）管委会印发《关于支持", "产业发展的若干意见》的通知", "温浙集（开）管〔2019〕71号")
    (block,) = find_title_blocks(lines)
    assert block[3] == "温州浙南产业集聚区（经开区、瓯飞）管委会印发《关于支持产业发展的若干意见》的通知"


def test_unnumbered_block_after_a_signature_date():
    lines = _lines("温州市卫生健康委员会", "2018年12月13日", "关于印发温州市家庭病床管理办法", "（试行）的通知", "为积极应对人口老龄化，妥善")
    assert find_title_blocks(lines) == [(3, 4, None, "关于印发温州市家庭病床管理办法（试行）的通知")]


def test_block_title_ends_at_an_attachment_mark_and_spaced_ending():
    lines = _lines("温政办〔2018〕133号", "温州市人民政府办公室关于公布", "示范企业名单的", "通  知", "附件", "示范企业公布名单")
    assert find_title_blocks(lines)[0][3] == "温州市人民政府办公室关于公布示范企业名单的通知"
    assert title_ends("名单的通  知")
    assert is_issuer_line("温 州 市 财 政 局") and not is_issuer_line("关于印发办法的通知")


def test_inline_issue_end_to_end():
    raw = (
        " 各县（市、区）人民政府，市政府直属各单位：\n\n"
        "现将《温州市示范管理办法》印发给你们，请认真遵照执行。\n\n"
        "                                   温州市人民政府办公室\n\n"
        "                                    2019年12月27日\n\n"
        "温政办〔2019〕80号\n\n"
        "温州市人民政府办公室关于印发\n\n"
        "温州市示范管理办法的通知\n\n"
        "第一条 为规范管理，制定本办法。\n"
    )
    (d,) = list(documents.extract(normalize(raw)))
    assert d.doc_number == "温政办〔2019〕80号"
    assert d.title == "温州市人民政府办公室关于印发温州市示范管理办法的通知"
    assert d.issuers == ("温州市人民政府办公室",) and d.date == "2019-12-27"
    assert d.addressees == ("各县（市、区）人民政府", "市政府直属各单位")
    assert d.attachments == ("温州市示范管理办法",)
    assert d.cites == ()     # its own measure is not a citation


def test_department_notice_titled_on_top_with_its_number_alone_mid_page():
    # 003 lines 2540-2648: the title is printed above the addressees with no number; the
    # number 温综法发〔2020〕32号 stands alone at a page foot, inside a sentence.
    issue = load_seed("003")
    d = _docs("003")["温综法发〔2020〕32号"]
    assert d.title == "温州市综合行政执法局关于推行“外摆位”试点工作的指导意见"
    assert d.issuers == ("温州市综合行政执法局",) and d.date == "2020-06-11"
    assert "充分征求意见无异议后" in issue.text      # the lone number no longer splits the sentence


def test_block_title_on_top_of_addressees_and_lone_number():
    lines = _lines(
        "施，有效期10年。", "温州市综合行政执法局", "关于推行试点工作的指导意见", "各县（市、区）综合行政执法局（城",
        "市管理局）：", "为贯彻落实市政府部署，充", "温综法发〔2020〕32号", "分征求意见后报备。",
    )
    assert find_title_blocks(lines) == [
        (2, 3, None, "温州市综合行政执法局关于推行试点工作的指导意见"),
        (7, 7, "温综法发〔2020〕32号", ""),
    ]
    # A title-like line not followed by addressees nor preceded by a date is left in the text.
    assert find_title_blocks(_lines("本办法自印发之日起施行。", "关于推行试点工作的指导意见", "一、总体要求")) == []


def test_signature_dated_in_chinese_numerals():
    raw = (
        " 各有关单位：\n\n"
        "现将《温州市示范管理办法》印发给你们，请认真遵照执行。\n\n"
        "                                   温州市财政局 温州市教育局\n\n"
        "                                    二〇一九年十二月二十七日\n\n"
        "温财教〔2019〕9号\n\n"
        "温州市财政局 温州市教育局关于印发\n\n"
        "温州市示范管理办法的通知\n\n"
        "第一条 为规范管理，制定本办法。\n"
    )
    (d,) = list(documents.extract(normalize(raw)))
    assert d.date == "2019-12-27"
    assert d.issuers == ("温州市财政局", "温州市教育局")
    assert d.doc_number == "温财教〔2019〕9号"


def test_block_opening_a_page_belongs_to_the_document_below_it():
    # The first notice has no title block; the second's block opens a page (the PDF tool's
    # one leading space), so it is not the first notice's title printed at its page foot.
    raw = (
        " 各有关单位：\n\n"
        "现将有关事项通知如下，请遵照执行。\n\n"
        "                                   温州市财政局\n\n"
        "                                    2019年12月20日\n\n"
        " 温财教〔2019〕10号\n\n"
        "温州市财政局关于做好年终工作的通知\n\n"
        "各县（市、区）财政局：\n\n"
        "为做好年终工作，现通知如下。\n\n"
        "                                   温州市财政局\n\n"
        "                                    2019年12月27日\n"
    )
    (d,) = list(documents.extract(normalize(raw)))
    assert d.title == "温州市财政局关于做好年终工作的通知"
    assert d.date == "2019-12-27"
    assert d.addressees == ("各县（市、区）财政局",)


def test_attached_measure_titled_after_the_signature_is_not_a_document():
    raw = (
        " 各有关单位：\n\n"
        "现将《关于支持数字产业发展的若干意见》印发给你们，请遵照执行。\n\n"
        "                                   温州市经济开发区管委会\n\n"
        "                                    2019年12月24日\n\n"
        "关于支持数字产业发展的若干意见\n\n"
        "为深入贯彻落实有关部署，现结合实际，制定本意见。\n\n"
        "温开管〔2019〕71号\n\n"
        "温州市经济开发区管委会关于印发《关于支持\n\n"
        "数字产业发展的若干意见》的通知\n\n"
        "第一条 释义及适用范围\n"
    )
    found = list(documents.extract(normalize(raw)))
    assert [d.doc_number for d in found] == ["温开管〔2019〕71号"]
    assert found[0].attachments == ("关于支持数字产业发展的若干意见",)
