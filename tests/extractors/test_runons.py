"""Run-on printed lines (extractors/runons.py): each rule on the shape it reads, and on the
prose it must leave alone; then through the layout, as a page set without paragraph ends
prints them (the synthetic whole-issue PDFs in tests/fixtures/inputs show them all)."""
from __future__ import annotations

import re

from govkg.extractors.documents import extract as documents
from govkg.extractors.layout import normalize
from govkg.extractors.registry import extract_all
from govkg.extractors.runons import (
    addressee_cut,
    item_cut,
    known_codes,
    leading_closers,
    lines_that_may_run_on,
    may_run_on,
    run_in_number,
    title_end_cut,
)
from govkg.extractors.titleblocks import joined_lines, lines_matching

# --- each rule ------------------------------------------------------------------------------


def test_closing_punctuation_opening_a_line_is_found_only_before_text():
    assert leading_closers("。娄绍光 负责生态环境、水利") == 1
    assert leading_closers("，为实施乡村振兴战略") == 1
    assert leading_closers("。") == 0               # a table's shredded cell stays as it is
    assert leading_closers("娄绍光 负责") == 0


def test_the_lines_that_may_run_on_are_found_at_once_as_line_by_line():
    lines = [
        "。娄绍光 负责生态环境、水利",             # closing punctuation opens it
        "各县（市、区）人民政府，市各有关单位：",
        "区政府办公室关于印发方案的通知为高水平推进",  # a kind of document with more after it
        "…经过公示，充温综法发〔2020〕 32",        # a number cut by the line's end
        "…视频会议。4日",                          # a day label after a sentence
        "推进国土绿化美化行动，全面提升城乡",        # prose: none of the shapes
        "决定",                                    # a kind word ending the line: nothing after it
        "〕\x0b12\x0c",                            # odd blanks around a cut number
        "全面提升城乡生态环境质量。",
    ]
    expected = {i for i, text in enumerate(lines) if may_run_on(text)}
    assert {0, 1, 2, 3, 4}.issubset(expected) and 5 not in expected
    assert lines_that_may_run_on(lines) == expected
    assert lines_that_may_run_on(lines[5:]) == {i - 5 for i in expected if i >= 5}
    assert lines_that_may_run_on([]) == set()


def test_lines_matching_names_each_line_once_in_order_and_reads_a_line_start():
    lines = ["（2023年5月31日…会议通过）", "温政发〔2020〕1号、2号", "推进（一）", "(二)号", "正文"]
    joined = joined_lines(lines)
    assert lines_matching(re.compile("号"), joined) == [1, 3]            # 1 holds two: named once
    assert lines_matching(re.compile(r"\n[（(]"), joined) == [0, 3]       # opening its line only
    assert lines_matching(re.compile("无"), joined) == []
    assert lines_matching(re.compile("号"), joined_lines([])) == []


TITLE_ABOVE = [("温政办〔2018〕138号", 0), ("温州市人民政府办公室", 0), ("关于印发温州市高水平推进国土绿化美化行", 0)]


def test_title_running_on_into_the_text_is_cut_after_its_kind_word():
    line = "动方案（2018-2022年）的通知为高水平推进温"
    k = title_end_cut(TITLE_ABOVE, line, "州国土绿化美化，进一步优化提升城乡森林生态")
    assert line[:k] == "动方案（2018-2022年）的通知"
    # A title on one line under its issuer's name, running on into the addressee list.
    line = "关于推行“外摆位”试点工作的指导意见各"
    assert line[:title_end_cut([("温州市综合行政执法局", 0)], line, "县（市、区）综合行政执法局：")] == "关于推行“外摆位”试点工作的指导意见"


def test_title_that_goes_on_or_is_quoted_is_not_cut():
    # "要点" ends a kind of document, but the title goes on: "…工作要点的" / "通  知".
    assert title_end_cut([("温州市人民政府办公室", 0)], "关于印发2020年温州市政务公开工作要点的", "通  知") is None
    # A title quoted in a sentence: the quotation closes after it.
    above = [("国务院办公厅政府信息与政务公开办公室关于规范政府信息公开平台有", 0)]
    assert title_end_cut(above, "关事项的通知》（国办公开办函〔2019〕61号）", "要求") is None
    assert title_end_cut([("浙江省人民政府办公厅关于全面推进基层政务公", 0)], "开标准化规范化工作的实施意见》（浙政办发", "〔2020〕16号）") is None
    # The title ended on the line above: this line is the text's ("…的规定" is prose).
    above = [("关于接受庄建球同志辞去济源市人民政府", 0), ("市长职务请求的决定", 0)]
    assert title_end_cut(above, "根据组织法的规定和本人申请", "") is None
    # No head (关于/印发): prose ending a kind word mid-line is no title.
    assert title_end_cut([("全市各级各部门要认真组织", 0)], "学习本通知精神", "") is None


def test_addressee_list_after_a_sentence_or_a_table_row_is_cut():
    line = "核评估，并通报结果。各县（市、区）人民政府"
    assert line[addressee_cut(line, ["，市各有关单位：", "《…》已经市政府同意"]):] == "各县（市、区）人民政府"
    line = "45 温州龙强机械科技有限公司 项光清 续展各县（市、区）人民"
    assert line[addressee_cut(line, ["政府，市各有关单位：", "现将…印发给你们"]):].startswith("各县")


def test_addressee_like_words_in_a_sentence_are_not_cut():
    # An item of the list ("，市各有关单位"), and a sentence addressing bodies whose colon
    # does not end its line.
    assert addressee_cut("市各有关单位：", [], "，") is None
    assert addressee_cut("各县（市、区）人民政府，市各有关单位：", []) is None
    assert addressee_cut("会议强调。各地各部门要做好以下工作：一是压实责任", ["二是强化督查。"]) is None


def test_item_and_day_label_after_a_sentence_are_cut():
    line = "副市长郑朝阳参加理旧账专项工作。△ 副市长汪驰参加全省对外开放"
    assert line[item_cut(line, [])] == "△"
    line = "等学校毕业生就业创业工作电视电话会议。4日"
    assert line[item_cut(line, ["△ 市长姚高员，副市长汪驰"]):] == "4日"
    line = "级自创区建设，参加风险处置府院联席会议。14"
    assert line[item_cut(line, ["日", "△ 市长姚高员"]):] == "14"
    line = "为促进“信用温州”建设作出新的贡献。附件：20"
    assert line[item_cut(line, ["18年度名单"]):] == "附件：20"
    # A date in a sentence is no day label.
    assert item_cut("本办法自2020年7月1日起实施。14日内报送", ["有关材料。"]) is None
    assert item_cut("会议结束。14日", ["市政府召开常务会议"]) is None


def test_document_number_run_into_a_sentence_is_found_by_its_known_code():
    codes = known_codes(["（温综法发〔2020〕17号）等文件要求", "温政办〔2020〕57号 温州市人民政府办公室关于…"])
    assert codes == {"温综法发", "温政办"}
    # Cut by the end of its line: "号" is on the next one.
    line = "（二）“外摆位”设置方案经过公示，充温综法发〔2020〕32"
    start, borrowed = run_in_number(line, "号", codes)
    assert line[start:] == "温综法发〔2020〕32" and borrowed == 1
    # At the end of its line, a title block below it.
    line = "释放权威政策信号。（责任单位：市温政办〔2020〕57号"
    start, borrowed = run_in_number(line, "温州市人民政府办公室", codes)
    assert line[start:] == "温政办〔2020〕57号" and borrowed == 0


def test_cited_numbers_stay_in_their_sentence():
    codes = {"温政办", "温综法发"}
    assert run_in_number("根据温政办〔2019〕69号", "文件精神，结合实际", codes) is None       # introduced
    assert run_in_number("执行市里的部署温政办〔2019〕69号", "）要求，", codes) is None      # bracket closes
    assert run_in_number("根据《关于…的通知》（温政办〔2019〕69号", "）", codes) is None
    assert run_in_number("设置方案经过公示，充浙政发〔2020〕3号", "分征求意见", codes) is None  # unknown code


# --- through the layout ---------------------------------------------------------------------

RUN_ON_NOTICE = """\
温州市人民政府公报（总第214期） 文件发布
一、建立工作机制
各地要做好相关工作，健全长效机制，形成齐抓
共管的良好局面，确保取得实效，并通报结果。
                    温州市人民政府办公室
                           2018年12月29日
温政办〔2018〕138号
温州市人民政府办公室
关于印发温州市高水平推进国土绿化美化行
动方案（2018-2022年）的通知为高水平推进温
州国土绿化美化，进一步优化提升城乡森林生态
环境，助推乡村振兴战略实施和大花园建设，特
制定本行动方案。
孙维国 协助有关副市长工作，暂不分工
。娄绍光 负责生态环境、水利、农业农村、人
民武装等方面工作。
"""


def test_title_block_whose_last_line_runs_into_the_text_is_lifted_whole():
    issue = normalize(RUN_ON_NOTICE)
    (block,) = issue.title_blocks
    assert block.doc_number == "温政办〔2018〕138号"
    assert block.title == "温州市人民政府办公室关于印发温州市高水平推进国土绿化美化行动方案（2018-2022年）的通知"
    paragraphs = issue.text.split("\n")
    assert "为高水平推进温州国土绿化美化，进一步优化提升城乡森林生态环境，助推乡村振兴战略实施和大花园建设，特制定本行动方案。" in paragraphs
    # The line the title ran into is cited for the text that was on it.
    at = issue.text.index("为高水平")
    assert issue.line_of[at] == issue.title_blocks[0].end_line


def test_full_stop_opening_a_line_ends_the_paragraph_before_it():
    issue = normalize(RUN_ON_NOTICE)
    paragraphs = issue.text.split("\n")
    assert "孙维国 协助有关副市长工作，暂不分工。" in paragraphs
    assert any(p.startswith("娄绍光 负责生态环境") for p in paragraphs)
    # The full stop is cited on the line it is printed on.
    at = issue.text.index("暂不分工。") + len("暂不分工")
    assert issue.lines[issue.line_of[at] - 1].startswith("。娄绍光")


# Printed lines of the synthetic 003 PDF (a column 21 characters wide), as PDFium reads them.
NUMBER_RUN_IN = """\
温州市人民政府公报（总第214期） 文件发布
业发展的工作部署，全力支持和服务我市“月光
经济”产业培育与发展，根据《推行服务“月光
经济”发展十项举措》（温综法发〔2020〕17号
）等文件要求，现就“外摆位”试点提出如下指
导意见：
（一）“外摆位”设置由商户（法人）提出
申请，属地街镇牵头，充分调研评估，确定允许
设置的区域、规模、数量和时间，并制定本辖区
“外摆位”具体可行性设置方案；（二）“外摆
位”设置方案经过公示，充温综法发〔2020〕32
号
分征求意见无异议后，由属地街镇报县（市
、区、功能区）综合行政执法局（城市管理局）
进行审核；
"""


def test_document_number_run_into_a_sentence_is_lifted_and_the_sentence_rejoined():
    issue = normalize(NUMBER_RUN_IN)
    numbers = [b.doc_number for b in issue.title_blocks]
    assert numbers == ["温综法发〔2020〕32号"]
    assert "经过公示，充分征求意见无异议后" in issue.text
    assert "温综法发〔2020〕17号" in issue.text        # the cited number stays where it is


def test_diary_items_run_together_are_read_one_by_one_with_their_day():
    issue = normalize(
        "温州市人民政府公报（总第214期） 政务简讯\n"
        "6月份市政府记事\n"
        "3日\n"
        "△ 市政府党组成员陈应许参加全国普通高\n"
        "等学校毕业生就业创业工作电视电话会议。4日\n"
        "△ 市长姚高员参加市委理论学习中心组专题学\n"
        "习会。△ 副市长汪驰参加全省对外开放工作会\n"
        "议。\n"
        "                           2020年6月24日\n"
    )
    events = {e.text: e.date for e in extract_all(issue)["events"]}
    assert events == {
        "市政府党组成员陈应许参加全国普通高等学校毕业生就业创业工作电视电话会议。": "2020-06-03",
        "市长姚高员参加市委理论学习中心组专题学习会。": "2020-06-04",
        "副市长汪驰参加全省对外开放工作会议。": "2020-06-04",
    }
    # No running head prints the year: it is the year of the issue's dates in its month.
    assert issue.gazette.year == 2020 and issue.gazette.issue is None


def test_title_whose_last_character_wrapped_above_its_number_is_found():
    issue = normalize(
        "温州市人民政府公报（总第214期） 文件发布\n"
        "温州市综合行政执法局\n"
        "关于开展2020年夏季执法专项整治行动的通\n"
        "知\n"
        "温综法发〔2020〕36号\n"
        "各县（市、区、功能区）综合行政执法局（\n"
        "城市管理局），督察支队、瓯江口综合行政执法\n"
        "大队，市局扫黑办：\n"
        "为认真贯彻落实《温州市综合行政执法\n"
        "局2020年工作要点》，有效防控夏季城市管\n"
        "理风险，全面提升城市环境秩序，经研究决定于\n"
        "2020年6月—9月，开展夏季执法专项整治行动。\n"
    )
    (doc,) = documents(issue)
    assert doc.doc_number == "温综法发〔2020〕36号"
    assert doc.title == "温州市综合行政执法局关于开展2020年夏季执法专项整治行动的通知"
    assert doc.addressees == ("各县（市、区、功能区）综合行政执法局（城市管理局）", "督察支队", "瓯江口综合行政执法大队", "市局扫黑办")
    # The quoted title goes on over the short first line of its paragraph.
    assert "为认真贯彻落实《温州市综合行政执法局2020年工作要点》，有效防控" in issue.text


def test_signature_name_cut_by_a_narrow_column_is_rejoined():
    issue = normalize(
        "温州市人民政府公报（总第214期） 文件发布\n"
        "温卫发〔2018〕250号\n"
        "温州市卫生和计划生育委员会等四部门关于印发温州市家庭病床管理实施办法（试行）的通知\n"
        "各县（市、区）卫生计生局、人社局、财政局、发改局：\n"
        "现将《温州市家庭病床管理实施办法（试行）》印发给你们，请认真遵照执行。\n"
        "                                                  温州市卫生和计划生育委员会 温州市人\n"
        "力资源社会保障局\n"
        "温 州 市 财 政 局 温 州 市 发 改 委\n"
        "                          2018年12月13日\n"
    )
    (doc,) = documents(issue)
    assert doc.issuers == ("温州市卫生和计划生育委员会", "温州市人力资源社会保障局", "温州市财政局", "温州市发改委")
    assert doc.date == "2018-12-13"
