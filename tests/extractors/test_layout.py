"""Layout normalization on real passages of the seeds and on tiny hand-written issues.

In: the bundled seed issues (via conftest) and inline texts. Out: assertions that sentences
interrupted by headings and page furniture are rejoined, title blocks are lifted and kept,
furniture never reaches the text or any record, and every character cites its real line.
"""
from __future__ import annotations

import re

import pytest

from govkg.extractors.layout import _column_widths, _commonest_full_width, _Line, input_kind, normalize
from govkg.extractors.patterns import despace
from govkg.extractors.registry import extract_all, schema_json
from tests.helpers import extracted as all_extracted
from tests.helpers import load_seed


def extracted(prefix: str) -> dict:
    """The documents and catalog of a seed as SCHEMA JSON (this room's extractors only)."""
    issue = load_seed(prefix)
    return schema_json(issue, extract_all(issue, only=["documents", "catalog"]))

PAGE_NUMBER_IN_TEXT = re.compile(r"[·•]\s*\d{1,3}\s*[·•]")
RUNNING_HEAD_IN_TEXT = re.compile(r"(?:19|20)\d\d\s*年\s*第\s*[\d ]{1,5}期|公报\s*[（(]\s*总第")


@pytest.mark.parametrize(
    "prefix, name, year, issue, total",
    [
        ("000", "温州市人民政府公报", 2018, 12, 196),
        ("002", None, 2018, 1, None),      # 002 prints no name and no total number
        ("003", "温州市人民政府公报", 2020, 6, 214),
        ("004", "温州市人民政府公报", 2019, 12, 208),
    ],
)
def test_gazette_metadata_of_each_seed(prefix, name, year, issue, total):
    g = load_seed(prefix).gazette
    assert (g.name, g.year, g.issue, g.total_issue) == (name, year, issue, total)


def test_sentence_interrupted_by_the_personnel_heading_is_rejoined():
    text = load_seed("000").text
    assert "郑邦良的温州市人民政府经济合作交流办公室主任、温州市人民政府副秘书长（兼）职务" in text
    assert "12月份市政府人事任免" not in text


def test_title_block_printed_mid_sentence_is_lifted_and_kept():
    issue = load_seed("000")
    assert "协商成立开发公司，首期到位注册资金" in issue.text
    (block,) = [b for b in issue.title_blocks if b.doc_number == "温政发〔2018〕26号"]
    assert block.title == "温州市人民政府关于打造山海协作工程升级版的实施意见"
    assert (block.line, block.end_line) == (126, 130)
    # The block is remembered where it stood: between "开发" and "公司".
    assert issue.text[block.offset - 2:block.offset + 2] == "开发公司"


def test_spaced_out_title_ending_still_makes_a_block():
    # 000 prints "通  知" on its own line under 温政办〔2018〕133号.
    issue = load_seed("000")
    (block,) = [b for b in issue.title_blocks if b.doc_number == "温政办〔2018〕133号"]
    assert block.title == "温州市人民政府办公室关于公布2018年度温州市信用管理示范企业名单的通知"


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_page_furniture_never_in_the_text(prefix):
    text = load_seed(prefix).text
    assert not PAGE_NUMBER_IN_TEXT.search(text)
    assert not RUNNING_HEAD_IN_TEXT.search(text)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_page_furniture_never_in_a_record(prefix):
    # Every extractor's records, not only this room's: they all read Issue.text.
    found = all_extracted(prefix)
    for section in ("documents", "catalog", "appointments", "responsibilities", "person_posts", "pairings", "events"):
        for record in found.get(section, []):
            for s in _strings(record):
                assert not PAGE_NUMBER_IN_TEXT.search(s), (section, s)
                assert not RUNNING_HEAD_IN_TEXT.search(s), (section, s)


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_every_character_comes_from_the_line_it_cites(prefix):
    issue = load_seed(prefix)
    assert len(issue.line_of) == len(issue.text)
    for i, ch in enumerate(issue.text):
        if ch.isspace():
            continue      # whitespace runs are normalized to one space; the rest is as printed
        assert ch in issue.lines[issue.line_of[i] - 1], (i, ch, issue.line_of[i])


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_record_quotes_match_the_file_modulo_whitespace(prefix):
    issue = load_seed(prefix)
    for section in ("documents", "catalog"):
        for record in extracted(prefix)[section]:
            quote = despace(record["quote"])
            assert quote
            lines = issue.lines[record["line"] - 1:record["line"] + 40]
            assert quote in despace("".join(lines)), (section, record["quote"])


def test_source_quotes_a_span_across_a_page_break():
    issue = load_seed("000")
    start = issue.text.index("协商成立开发公司")
    src = issue.source(start, start + 8, "test")
    assert src.quote == "协商成立开发公司"
    assert (src.line, src.end_line) == (124, 131)      # the title block sits between


def test_inline_sentence_split_by_page_number_and_running_head_is_rejoined():
    raw = (
        " 各县（市、区）人民政府，市政府直属各单位：\n\n"
        "为进一步加强城市管理，提高公共服务水平，经\n\n"
        "市政府研究，现就有关事项通知如下：请各地\n\n"
        "·    3    ·\n\n"
        "温州市人民政府公报（总第208期） 文件发布\n\n"
        " 认真贯彻执行，确保各项措施落实到位。\n"
    )
    issue = normalize(raw)
    assert "请各地认真贯彻执行" in issue.text
    assert "·" not in issue.text and "总第" not in issue.text
    assert issue.gazette.total_issue == 208
    at = issue.text.index("认真")
    assert issue.line_at(at) == 11


def test_traditional_characters_are_read_simplified_and_quoted_as_printed():
    from govkg.extractors import documents
    from govkg.extractors.layout import normalize

    text = ("溫州市人民政府關於調整市政府領導分工的通知\n溫政發〔2020〕10號\n各縣（市、區）人民政府，市政府直屬各單位：\n"
            "根據工作需要，經研究決定，對市政府領導分工作如下調整。\n溫州市人民政府\n2020年6月24日\n")
    issue = normalize(text, "trad.txt")
    assert "根据工作需要，经研究决定" in issue.text and issue.printed is not None
    assert len(issue.printed) == len(issue.text)
    (doc,) = documents.extract(issue)
    assert (doc.doc_number, doc.title, doc.issuers, doc.date) == (
        "温政发〔2020〕10号", "温州市人民政府关于调整市政府领导分工的通知", ("温州市人民政府",), "2020-06-24")
    assert doc.source.quote == "各縣（市、區）人民政府，市政府直屬各單位：" and doc.source.line == 3


def test_simplified_text_is_not_converted():
    from govkg.extractors.layout import normalize

    assert normalize("温州市人民政府关于调整市政府领导分工的通知\n", "x.txt").printed is None


def test_a_traditional_character_notice_of_another_city_is_read():
    # 东莞, as a reprint site published it in traditional characters.
    from govkg.extractors import documents
    from govkg.extractors.layout import normalize

    issue = normalize(
        "東府〔2021〕54號\n東莞市人民政府關于貫徹落實《廣東省進一步穩定和擴大就業若干政策措施》的實施意見\n"
        "各鎮人民政府(街道辦事處),市府直屬各單位:\n"
        "為貫徹落實《廣東省人民政府關于印發廣東省進一步穩定和擴大就業若干政策措施的通知》(粵府〔2021〕13號),"
        "強化就業優先政策,提出如下意見:\n", "dongguan.txt")
    (doc,) = documents.extract(issue)
    assert doc.doc_number == "东府〔2021〕54号"
    assert doc.title == "东莞市人民政府关于贯彻落实《广东省进一步稳定和扩大就业若干政策措施》的实施意见"
    assert [c.doc_number for c in doc.cites] == ["粤府〔2021〕13号"]
    assert doc.source.quote == "各鎮人民政府(街道辦事處),市府直屬各單位:"


@pytest.mark.parametrize(
    "head, name, year, issue, total",
    [
        # A corpus note describing wuhan.gov.cn's PDF P020240425384835203138.pdf: the name, a
        # double issue and the total number on one line.
        ("《武汉市人民政府公报》2024年第5、6期（总第738期）", "武汉市人民政府公报", 2024, 5, 738),
        # Where a public citation of the 2023 政府工作报告 says it was printed ("载《国务院公报》
        # 2023年第8号"): the State Council's gazette numbers its issues with 号.
        ("《国务院公报》2023年第8号", "国务院公报", 2023, 8, None),
        # 四川要闻 (scdfz.sc.gov.cn): the total number in brackets after the issue.
        ("2019年第17期(总第30期)", None, 2019, 17, 30),
    ],
)
def test_issue_label_of_other_gazettes(head, name, year, issue, total):
    body = "各县（市、区）人民政府，市政府直属各单位：\n现将有关事项通知如下。\n"
    parsed = normalize(head + "\n" + body)
    g = parsed.gazette
    assert (g.name, g.year, g.issue, g.total_issue) == (name, year, issue, total)
    assert head not in parsed.text      # an issue label is page furniture


def test_a_notice_numbered_like_an_issue_is_no_issue():
    # "2019年第3号" under a 公告's name is the form of the 公告's own number (国家税务总局
    # 公告 are numbered so); only a gazette's name or a total number makes it an issue label.
    g = normalize("国家税务总局公告\n2019年第3号\n现将有关事项公告如下。\n").gazette
    assert (g.year, g.issue) == (None, None)


@pytest.mark.parametrize(
    "heading, year, month",
    [
        ("1998年12月份杭州市政务大事记", 1998, 12),           # hangzhou.gov.cn
        ("济宁市人民政府2007年5月大事记", 2007, 5),            # dlrk.jining.gov.cn
        ("2007年5月政府大事记", 2007, 5),                     # 连云港 (a mirror of its site)
        ("山东省人民政府大事记\n(2011年6月)", 2011, 6),         # gb.shandong.gov.cn
    ],
)
def test_diary_headings_of_other_governments(heading, year, month):
    issue = normalize(heading + "\n1日 市长张三参加全市会议。\n2日 副市长李四督查安全生产工作。\n")
    assert (issue.gazette.year, issue.gazette.month) == (year, month)
    assert [h.kind for h in issue.headings] == ["diary"] * (heading.count("\n") + 1)
    assert heading.split("\n")[0] not in issue.text
    assert [s.kind for s in issue.sections] == ["diary"]
    assert input_kind(issue) == "issue"


def test_a_body_named_with_diary_but_undated_is_no_heading():
    # The dated line under "…大事记" makes it a heading; a line naming a diary alone does not.
    issue = normalize("山东省人民政府大事记\n各市人民政府，省政府各部门：\n")
    assert issue.headings == [] and issue.gazette.month is None


def test_undated_diary_heading_over_its_first_day():
    # 淮南市人民政府大事記 (2022, a mirror of the city's site): no date under the heading,
    # but its first day follows.
    issue = normalize("淮南市人民政府大事記\n1日淮南市委書記任澤鋒,市委副書記汪謙慎前往壽縣小甸鎮開展主題黨日活動。\n")
    assert [h.kind for h in issue.headings] == ["diary"]
    assert [s.kind for s in issue.sections] == ["diary"]


def test_pinyin_readings_a_web_page_prints_after_characters_are_dropped():
    # 上海 沪府发〔2017〕92号 as a mirror site prints it (htgfsre.cn): a reading in brackets after
    # some traditional characters ("發(fā)") cut the number and the title apart.
    from govkg.extractors import documents, pairings
    from govkg.extractors.layout import normalize

    issue = normalize(
        "滬府發(fā)〔2017〕92號\n"
        "上海市人民政府印發(fā)《關(guān)於本市加強(qiáng)政務(wù)誠信建設(shè)的實(shí)施意見》的通知\n"
        "各區(qū)人民政府，市政府各委、辦、局：\n"
        "現(xiàn)將《關(guān)於本市加強(qiáng)政務(wù)誠信建設(shè)的實(shí)施意見》印發(fā)給你們，請認(rèn)真按照執(zhí)行。\n"
        "上海市人民政府\n2017年12月20日\n", "shanghai.txt")
    (doc,) = documents.extract(issue)
    assert (doc.doc_number, doc.title, doc.date) == (
        "沪府发〔2017〕92号", "上海市人民政府印发《关于本市加强政务诚信建设的实施意见》的通知", "2017-12-20")
    assert doc.source.line == 3 and "(" not in doc.source.quote
    # 晋安区 news (2017, same kind of page): the readings split the places' names.
    issue = normalize("東西部扶貧協(xié)作：晉安區(qū)與渭源縣攜手共進(jìn)\n", "jinan.txt")
    assert {(p.a, p.b, p.kind) for p in pairings.extract(issue)} == {("晋安区", "渭源县", "other")}
    # a list marker or a word in brackets is no reading
    assert "(a)" in normalize("第一条(a)款\n", "x.txt").text


def test_a_word_dotted_to_slip_past_filters_is_read_whole():
    # 中新网 reprint of 国办 on a forum archiver (2013, 地理国情普查领导小组): "党.委.书.记." hides a
    # word from keyword filters; the roster after it is read only once the word is whole
    issue = normalize("成员:吴恒权中央宣传部副部长张业遂外交部.党.委.书.记.、副部长杜鹰发展改革委副主任\n")
    assert "外交部党委书记、副部长" in issue.text
    # a dotted name and a numbered heading keep their dots
    issue = normalize("一.概述\n阿沛.阿旺.晋美出席会议。\n")
    assert "一.概述" in issue.text and "阿沛.阿旺.晋美" in issue.text


def test_a_stray_comma_before_another_mark_is_dropped():
    # 长阳 (2022 news of a 自治县人大常委会 主任会议, printed in traditional characters): the page
    # put a half-width comma before each pause mark of the list of names
    issue = normalize("縣人大常委會副主任龍泰、佘克先、廖忠勛,、皮業康,、張旭東出席會議,。\n")
    assert "廖忠勋、皮业康、张旭东出席会议。" in issue.text
    assert "廖忠勛、皮業康" in issue.printed
    # a comma between words stays
    assert "甲,乙" in normalize("甲,乙\n").text


def _printed(no: int, width: int, page: int, indent: int = 0) -> _Line:
    return _Line(no, "字" * (width // 2), indent, False, width, page)


def test_column_width_is_the_commonest_full_width_on_each_page():
    # page 1: a column 30 cells wide, with a wider table row and a paragraph's short last line
    # in it, and a signature set far to the right; page 2: a narrower column
    page1 = [_printed(k, 30, 1) for k in range(10)]
    page1[3] = _printed(3, 40, 1)
    page1[5] = _printed(5, 12, 1)
    signature = _printed(10, 44, 1, indent=20)
    page2 = [_printed(11 + k, 24, 2) for k in range(10)]
    assert _column_widths(page1 + [signature] + page2) == [30] * 11 + [24] * 10


def test_the_commonest_full_width_counts_full_looking_lines_only():
    # as common as a narrower width: the wider is the column; short lines (under 0.6 of the
    # widest) do not count however many; far-indented lines (-1) never count
    assert _commonest_full_width([30, 30, 30, 28, 28, 28, 10, 10, 10, 10, 10]) == 30
    assert _commonest_full_width([28, 28, 28, 30, 30, -1, -1, -1, -1]) == 28
    assert _commonest_full_width([32, 32, 32, 20]) == 32
    assert _commonest_full_width([-1, -1]) == -1

