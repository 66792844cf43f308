"""Whose government a text belongs to (extractors/jurisdiction.py), on real wording."""
from __future__ import annotations

from govkg.extractors import documents
from govkg.extractors.jurisdiction import from_doc_number, from_government_named, leading_place, of_document, of_issue
from govkg.extractors.layout import normalize
from tests.helpers import load_seed


def _jurisdiction(text: str):
    issue = normalize(text, "x.txt")
    return of_issue(issue, documents.extract(issue))


def test_a_gazette_issue_belongs_to_the_city_its_name_names():
    j = of_issue(load_seed("000"))
    assert (j.name, j.level, j.province, j.rule) == ("温州市", "prefecture", "浙江省", "gazette-name")
    assert j.region == "温州" and j.level_char == "市"


def test_a_district_document_belongs_to_the_district_that_signs_it():
    j = _jurisdiction(
        "区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知\n"
        "各街道办事处、乡人民政府,区人民政府各部门、各直属机构:\n现印发给你们,请遵照执行。\n"
        "蔡甸区人民政府办公室\n2023年1月3日\n")
    assert (j.name, j.parent, j.rule) == ("蔡甸区", "武汉市", "issuer")
    assert j.level_char == "区"     # so 区财政局 reads as 蔡甸区财政局


def test_a_news_report_belongs_to_the_place_whose_organs_it_names():
    j = _jurisdiction("会议经表决,决定任命王永礼为泉州市人民政府副市长;免去卢炳椿泉州市人民政府副市长、市公安局局长的职务。"
                      "泉州市人大常委会主任李建辉主持会议。\n")
    assert (j.name, j.province, j.rule) == ("泉州市", "福建省", "government-named")


def test_a_place_before_its_heads_title_is_its_government():
    assert from_government_named("上海市长、副市长最新分工公布").name == "上海市"
    assert from_government_named("上海市市政府领导工作分工公布").name == "上海市"
    assert from_government_named("代省长杜家毫领导省政府全面工作。湖南省人民政府领导成员工作分工").name == "湖南省"


def test_a_place_only_mentioned_is_not_a_jurisdiction():
    assert from_government_named("嘉善与庆元结对帮扶,两地合作共建产业园。") is None


def test_province_abbreviation_opens_a_document_number():
    assert from_doc_number("沪府办〔2020〕59号").name == "上海市"
    # 青 opens 青岛's numbers as well as Qinghai's: ambiguous, so not read.
    assert from_doc_number("青政发〔2020〕1号") is None
    assert from_doc_number("温政发〔2020〕10号") is None


def test_leading_place_of_a_body():
    assert leading_place("济源市人民代表大会常务委员会").full == "济源市"
    assert leading_place("区人民政府办公室") is None
    assert leading_place("国家发展改革委办公厅") is None


def test_a_document_signed_by_another_government_keeps_its_own():
    issue = normalize("清远市人民政府关于印发《清远市人民政府工作规则》的通知\n各县(市、区)人民政府,市政府各部门:\n"
                      "现印发给你们。\n清远市人民政府\n2019年11月29日\n", "x.txt")
    (doc,) = documents.extract(issue)
    home = of_issue(load_seed("000"))
    assert of_document(doc, home).name == "清远市"
