"""The documents extractor and its title-block rules, on real seed passages and inline cases.

In: the bundled seeds (via conftest), tiny hand-written lines and texts. Out: assertions on
numbers, titles, issuers, dates, addressees, citations, attachments, spans and scores.
"""
from __future__ import annotations

import json

import pytest

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
from tests.helpers import GOLD, load_seed, scorer


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


# --- single documents and web pages of other governments ---------------------------------


def _one_doc(text: str) -> dict:
    issue = normalize(text, "page.txt")
    (doc,) = schema_json(issue, extract_all(issue, only=["documents"]))["documents"]
    return doc


def test_number_in_brackets_under_a_one_line_web_title():
    # 肇庆, as a law database prints a notice: the whole title on one line, the number under it.
    doc = _one_doc(
        "肇庆市人民政府办公室关于成立肇庆市申报“中国人居环境范例奖”和创建“中国人居环境奖”工作领导小组的通知\n"
        "(肇府办〔2008〕62号)\n"
        "端州区、鼎湖区人民政府,市府直属有关单位:\n"
        "为进一步提升城市品位,创建和谐宜居城市,促进城市可持续发展,我市决定申报。\n"
    )
    assert doc["doc_number"] == "肇府办〔2008〕62号"
    assert doc["title"].startswith("肇庆市人民政府办公室关于成立") and doc["title"].endswith("工作领导小组的通知")
    # No signature in the excerpt: the issuer is the body the title names.
    assert doc["issuers"] == ["肇庆市人民政府办公室"] and doc["date"] is None


def test_peoples_congress_decision_without_number_titled_over_three_lines():
    # 济源: a 人大常委会 decision printed with its passing note under the title, signed and dated.
    doc = _one_doc(
        "会议经过审议和表决,决定任命张宏义同志为济源市人民政府代理市长。\n【资料图】\n"
        "济源市人民代表大会常务委员会\n关于接受庄建球同志辞去济源市人民政府\n市长职务请求的决定\n"
        "(2023年5月31日济源市第十五届人民代表大会常务委员会第七次会议通过)\n"
        "根据组织法的规定和本人申请,会议决定,接受庄建球同志辞去济源市人民政府市长职务的请求。\n"
        "济源市人民代表大会常务委员会\n2023年5月31日\n"
    )
    assert doc["doc_number"] is None
    assert doc["title"] == "济源市人民代表大会常务委员会关于接受庄建球同志辞去济源市人民政府市长职务请求的决定"
    assert doc["issuers"] == ["济源市人民代表大会常务委员会"] and doc["date"] == "2023-05-31"


def test_page_heading_repeating_the_title_is_not_part_of_it():
    # 清远, as a law database prints it: a heading with the revision note, then the title.
    doc = _one_doc(
        "清远市人民政府关于印发《清远市人民政府工作规则》的通知(2019修订)\n\n"
        "清远市人民政府关于印发《清远市人民政府工作规则》的通知\n\n"
        "各县(市、区)人民政府,市政府各部门、各直属机构:\n"
        "  新修订的《清远市人民政府工作规则》已经市政府常务会议审议通过。现印发给你们,请认真贯彻执行。\n"
        "清远市人民政府\n  2019年11月29日\n"
    )
    assert doc["title"] == "清远市人民政府关于印发《清远市人民政府工作规则》的通知"
    assert doc["issuers"] == ["清远市人民政府"] and doc["date"] == "2019-11-29"


def test_number_only_in_the_page_metadata_table():
    # 蔡甸: the district site prints the number in its metadata table, not in the body.
    doc = _one_doc(
        "区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知\n\n"
        "区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知\n\n"
        "2023-01-05 10:00 区人民政府办公室\n"
        "索 引 号 MB1534522/2023-05475 发文日期 2023-01-03\n"
        "发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号\n"
        "分   类 政务公开 有 效 性 有效\n\n"
        "各街道办事处、乡人民政府,区人民政府各部门、各直属机构:\n\n"
        "2023年《区〈政府工作报告〉确定的主要目标任务责任分解方案》已报经区人民政府同意,现印发给你们。\n\n"
        "蔡甸区人民政府办公室\n\n2023年1月3日    \n"
    )
    assert doc["doc_number"] == "蔡政办〔2023〕1号"
    assert doc["issuers"] == ["蔡甸区人民政府办公室"] and doc["date"] == "2023-01-03"


def test_flattened_web_page_keeps_its_blocks_and_cites_the_file_line():
    # 平潭: a crawler wrote the page's body on one line, its blocks separated by spaces.
    body = ("当前位置： 首页政务公开人事任免 平潭综合实验区党工委关于魏长春等同志职务任免的通知 时间：2019-08-14 16:27 微信 "
            "平潭综合实验区党工委关于魏长春等同志职务任免的通知 各片区党工委，区党工委各部、委、办，各乡镇党委：经研究决定："
            + "郑胜同志任平潭综合实验区国有资产运营管理有限公司副总经理（试用期一年）；" * 6
            + " 平潭综合实验区党工委 2019年7月26日 来源：平潭综合实验区党工委党群工作部 附件下载")
    issue = normalize("标题: 平潭综合实验区党工委关于魏长春等同志职务任免的通知\n文号: \n" + body + "\n", "page.txt")
    (doc,) = schema_json(issue, extract_all(issue, only=["documents"]))["documents"]
    assert doc["title"] == "平潭综合实验区党工委关于魏长春等同志职务任免的通知"
    assert doc["issuers"] == ["平潭综合实验区党工委"] and doc["date"] == "2019-07-26"
    assert doc["line"] == 3       # the file's line, though the layout cut it into blocks
    assert "区党工委各部、委、办" in doc["addressees"]


def test_page_metadata_rows_in_both_layouts():
    from govkg.extractors.pagemeta import read_meta

    meta = read_meta(["标题: 平潭综合实验区党工委关于魏长春等同志职务任免的通知", "发布时间: 2019-08-14 16:27", "文号: ",
                      "栏目: 人事任免", "原文链接: https://www.pingtan.gov.cn/zwgk/t20190814_15471.htm"])
    assert meta.title.endswith("职务任免的通知") and meta.doc_number is None
    assert meta.published == "2019-08-14" and meta.column == "人事任免" and meta.url.startswith("https://")
    meta = read_meta(["索 引 号 MB1534522/2023-05475 发文日期 2023-01-03", "发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号"])
    assert meta.doc_number == "蔡政办〔2023〕1号" and meta.date == "2023-01-03" and meta.issuer == "区人民政府办公室"


@pytest.mark.parametrize("text, kind", [
    ("沪府办〔2020〕59号\n上海市人民政府办公厅关于成立上海市新城规划建设推进协调领导小组的通知\n各区人民政府:\n经市政府研究,决定成立。\n", "document"),
    ("5月31日上午,济源市人大常委会召开会议。会议经过审议和表决,决定任命张宏义同志为济源市人民政府代理市长。\n", "article"),
])
def test_input_kind_of_a_single_text(text, kind):
    from govkg.extractors.layout import input_kind

    assert input_kind(normalize(text, "x.txt")) == kind


def test_bundled_issue_is_read_as_an_issue():
    from govkg.extractors.layout import input_kind

    assert input_kind(load_seed("000")) == "issue"


def test_page_metadata_with_keys_and_values_on_their_own_lines():
    from govkg.extractors.pagemeta import read_meta

    # 镇巴县 (陕西) publishes its metadata as a bulleted list, each value under its key.
    meta = read_meta(["镇巴县人民政府工作规则", "", "  • 索引号:", "", "    6107280000/2024-001005", "  • 主题分类:", "",
                      "  • 来源:", "", "  • 发文机构:", "", "    县政府网站", "  • 发文字号:", "", "    镇政发〔2024〕7号",
                      "  • 发文日期:", "", "    2024年04月06日 16:40", "  • 有效性:", "", "  • 发布日期:", "",
                      "    2024年04月06日 16:34"])
    assert meta.doc_number == "镇政发〔2024〕7号"
    assert meta.date == "2024-04-06" and meta.published == "2024-04-06"
    assert meta.issuer == "县政府网站" and meta.source is None


def test_regulation_passed_by_a_peoples_congress_is_a_document():
    # 陕西, as a provincial site reprints it: the title twice, then the session that passed it.
    doc = _one_doc(
        "陕西省机关运行保障条例\n陕西省机关运行保障条例\n"
        "(2025年7月30日陕西省第十四届人民代表大会常务委员会第十七次会议通过)\n"
        "目 录\n第一章 总 则\n第二章 保障事项\n第一章 总 则\n"
        "第一条 为了规范和加强机关运行保障工作,提升保障服务效能,建设节约型机关,根据有关法律、行政法规,结合本省实际,制定本条例。\n"
    )
    assert (doc["doc_number"], doc["title"]) == (None, "陕西省机关运行保障条例")
    assert doc["issuers"] == ["陕西省人民代表大会常务委员会"] and doc["date"] == "2025-07-30"


def test_block_title_whose_last_character_wraps_onto_its_own_line():
    # 000 as a two-column PDF prints it: the title's last character alone on the next line.
    blocks = find_title_blocks(_lines("温政办〔2018〕133号", "温州市人民政府办公室关于公布", "2018年度温州市信用管理示范企业名单的通", "知", "附件"))
    assert [(b[2], b[3]) for b in blocks] == [("温政办〔2018〕133号", "温州市人民政府办公室关于公布2018年度温州市信用管理示范企业名单的通知")]


def test_a_number_whose_brackets_came_out_as_low_quotes():
    # A reprint of 湘政办发〔2009〕24号: text copied from a Word file set in the official fonts
    # prints 〔〕 as „‟ in the number it cites.
    doc = _one_doc(
        "湘政办发〔2009〕24号\n"
        "湖南省人民政府办公厅关于加强普通高等学校\n毕业生就业工作的通知\n"
        "各市州、县市区人民政府,省政府各厅委、各直属机构:\n"
        "根据《国务院办公厅关于加强普通高等学校毕业生就业工作的通知》(国办发„2009‟3号)精神,结合我省实际,"
        "经省人民政府同意,现就加强普通高等学校毕业生就业工作有关问题通知如下:\n"
    )
    assert doc["title"] == "湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知"
    assert doc["cites"] == [{"title": "国务院办公厅关于加强普通高等学校毕业生就业工作的通知", "doc_number": "国办发〔2009〕3号"}]


def test_a_headless_title_and_a_number_only_in_the_metadata_table():
    # 镇巴县 (陕西) county site, 2024: a work rule (no 关于) whose number is printed only in the
    # page's metadata; the page heading repeats the title above the table.
    text = ("返回顶部\n\n镇巴县人民政府工作规则\n\n  • 索引号:\n\n    6107280000/2024-001005\n  • 发文机构:\n\n"
            "    县政府网站\n  • 发文字号:\n\n    镇政发〔2024〕7号\n  • 发文日期:\n\n    2024年04月06日 16:40\n"
            "  • 内容概述:\n\n镇巴县人民政府工作规则\n\n第一章总则\n\n一、根据《中华人民共和国宪法》,结合本县实际,制定本规则。\n\n"
            "二、县政府实行县长负责制。县长主持县政府全面工作。\n")
    docs = list(documents.extract(normalize(text, "zhenba.txt")))
    assert [(d.doc_number, d.title, d.issuers, d.date) for d in docs] == [
        ("镇政发〔2024〕7号", "镇巴县人民政府工作规则", ("镇巴县人民政府",), "2024-04-06")]
    # Without a number anywhere, a headless title is no document.
    assert list(documents.extract(normalize(text.replace("镇政发〔2024〕7号", ""), "zhenba.txt"))) == []


def test_web_page_heading_with_the_number_in_brackets_after_the_title():
    # 岳阳 (2017 joint notice of the 市委办公室 and 市人民政府办公室 on a city portal): the
    # heading prints the number after the title; the attached 实施意见 is not the document
    text = ("中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知(岳办发〔2017〕2号)\n\n"
            "来源:岳阳市政府门户网 日期:2017-01-12 17:08 字号:【\n视力保护色:\n浏览量:\n\n"
            "各县市区委、人民政府,市直各单位,中央、省驻岳单位:\n\n"
            "《关于全面推进政务公开工作的实施意见》已经市委、市人民政府同意,现印发给你们,请结合实际认真贯彻执行。\n\n"
            "中共岳阳市委办公室\n\n岳阳市人民政府办公室\n\n2017年1月10日\n\n关于全面推进政务公开工作的实施意见\n\n"
            "根据有关要求,结合我市实际,现就全面推进政务公开工作提出如下实施意见。\n")
    got = [(d.doc_number, d.title, d.issuers, d.date) for d in documents.extract(normalize(text))]
    assert got == [("岳办发〔2017〕2号", "中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知",
                    ("中共岳阳市委办公室", "岳阳市人民政府办公室"), "2017-01-10")]


def test_a_date_printed_alone_under_the_text_dates_a_document_signed_only_in_its_header():
    # 瑞安市人民政府办公室 (2011 notice on the city portal): the issuer is printed above the title
    # only; the date "二○一一年八月九日" stands alone, right-aligned, under the text
    text = ("瑞政办〔2011〕129号\n\n\n\n瑞安市人民政府办公室\n\n转发温州市推行说理性行政处罚文书\n\n指导意见及操作规范的通知\n\n\n"
            "市政府直属各单位:\n\n为深入贯彻落实科学发展观,加快法治政府建设,市政府决定在全市推行说理性行政处罚文书。"
            "现将《关于印发温州市推行说理性行政处罚文书的指导意见及操作规范的通知》(温法建领办〔2011〕14号)转发给你们,"
            "请认真贯彻执行。\n\n\n\n                              二○一一年八月九日\n")
    got = [(d.doc_number, d.issuers, d.date) for d in documents.extract(normalize(text, "ruian.txt"))]
    assert got == [("瑞政办〔2011〕129号", ("瑞安市人民政府办公室",), "2011-08-09")]
    # A date printed as a field's value (a meeting notice's 会议时间) is not the document's.
    meeting = text.replace("请认真贯彻执行。\n\n\n\n                              二○一一年八月九日\n",
                           "请认真贯彻执行。\n\n一、会议时间\n\n2011年9月15日\n\n二、会议地点\n\n市行政中心\n")
    assert [d.date for d in documents.extract(normalize(meeting, "ruian.txt"))] == [None]
    # A date inside a sentence dates nothing.
    dated_in_text = text.replace("\n\n\n\n                              二○一一年八月九日\n", "自2011年9月1日起施行。\n")
    assert [d.date for d in documents.extract(normalize(dated_in_text, "ruian.txt"))] == [None]


def test_a_page_title_without_issuer_and_a_signature_that_prints_only_its_date():
    # 海口 海府〔2011〕33号 on the city's gazette site (haikou.gov.cn, hkszfgb): the page's title
    # starts with 关于 (the body it names is the rule's, not the issuer) and the seal stood for
    # the signing body, so only the date is printed, in Chinese numerals with ○ for zero.
    text = ("关于印发《海口市人民政府工作规则》的通知\n2011-06-18 00:00:00 来源： 本站原创\n【字体：\n\n"
            "海府〔2011〕33号\n\n各区人民政府，市政府直属各单位：\n"
            "    《海口市人民政府工作规则》已于2011年3月24日经市政府第74次常务会议修订通过，现予印发。\n\n"
            "                                                 二○一一年四月八日\n\n \n\n"
            "海口市人民政府工作规则\n\n第一章  总  则\n\n    一、根据《中华人民共和国宪法》的规定，结合本市实际，制定本规则。\n")
    (doc,) = documents.extract(normalize(text, "haikou.txt"))
    assert (doc.doc_number, doc.title, doc.issuers, doc.date) == (
        "海府〔2011〕33号", "关于印发《海口市人民政府工作规则》的通知", (), "2011-04-08")


def test_a_page_heading_over_a_title_printed_in_two_lines_and_a_date_signed_by_the_seal():
    # 内蒙古 内政发〔2024〕19号 as a policy site reprints it: the page heading repeats the title,
    # which is printed again over two lines (issuer, then 关于…); the date stands alone.
    text = ("内蒙古自治区人民政府关于印发《内蒙古自治区公共数据管理暂行办法》的通知\n"
            "内蒙古自治区人民政府\n关于印发《内蒙古自治区公共数据管理暂行办法》的通知\n内政发〔2024〕19号\n"
            "盟行政公署、市人民政府,自治区各委、办、厅、局,各大企业、事业单位:\n"
            "现将《内蒙古自治区公共数据管理暂行办法》印发给你们,请结合实际,认真遵照执行。\n"
            "2024年6月4日\n(此件公开发布)\n内蒙古自治区公共数据管理暂行办法\n第一章 总 则\n")
    (doc,) = documents.extract(normalize(text, "neimenggu.txt"))
    assert (doc.doc_number, doc.title, doc.issuers, doc.date) == (
        "内政发〔2024〕19号", "内蒙古自治区人民政府关于印发《内蒙古自治区公共数据管理暂行办法》的通知",
        ("内蒙古自治区人民政府",), "2024-06-04")
    # 重庆 (渝府令第121号, 法律资料网 reprint, 2001): signed "市 长" without a name
    title = "重庆市人民政府关于控制主城区采(碎)石场和小水泥厂尘污染的通告"
    text = (f"{title}\n\n作者:法律资料网 时间:2024-06-16 05:10:14   浏览:9355   来源:法律资料网\n"
            f"下载地址: 点击此处下载\n\n{title}\n\n重庆市人民政府\n\n\n渝府令第 121 号\n\n\n"
            f"《{title}》已经2001年12月13日市人民政府第97次常务会议审议通过,现予发布,自2002年1月1日起施行。\n\n"
            f"市 长\n\n二○○一年十二月三十日\n\n\n{title}\n\n"
            "第一条 为有效控制主城区尘污染,改善大气环境质量,根据《中华人民共和国大气污染防治法》等法律、法规规定,"
            "制定本通告。\n")
    docs = list(documents.extract(normalize(text, "chongqing.txt")))
    assert [(d.issuers, d.date) for d in docs] == [(("重庆市人民政府",), "2001-12-30")]
