"""The 领导分工 extractor on the notice 温政发〔2020〕10号 (seed 003) and on tiny inline notices.

The expectations below are our own reading of the notice (there is no reference answer for
responsibilities): every leader, every relation, every object.
"""
from collections import Counter

from tests.helpers import load_seed

from govkg.extractors import responsibilities
from govkg.extractors.layout import normalize


def _records(prefix="003"):
    return list(responsibilities.extract(load_seed(prefix)))


def _of(records, person, relation=None):
    return [r.object for r in records if r.person == person and (relation is None or r.relation == relation)]


def test_every_leader_of_the_notice_with_his_count_of_duties():
    counts = Counter((r.person, r.relation) for r in _records())
    assert counts == Counter({
        ("姚高员", "responsible_for"): 3, ("姚高员", "supervises"): 2,
        ("陈建明", "responsible_for"): 11, ("陈建明", "assists"): 2, ("陈建明", "supervises"): 8, ("陈建明", "liaises"): 30,
        ("苗伟伦", "none"): 1,
        ("汪驰", "responsible_for"): 8, ("汪驰", "supervises"): 10, ("汪驰", "liaises"): 10,
        ("殷志军", "responsible_for"): 6, ("殷志军", "supervises"): 4, ("殷志军", "liaises"): 14,
        ("孙维国", "none"): 1,
        ("娄绍光", "responsible_for"): 8, ("娄绍光", "assists"): 1, ("娄绍光", "supervises"): 6, ("娄绍光", "liaises"): 8,
        ("李无文", "responsible_for"): 8, ("李无文", "supervises"): 8, ("李无文", "liaises"): 6,
        ("汤筱疏", "responsible_for"): 5, ("汤筱疏", "supervises"): 6, ("汤筱疏", "liaises"): 10,
        ("陈应许", "responsible_for"): 8, ("陈应许", "supervises"): 6, ("陈应许", "liaises"): 8,
    })


def test_the_mayor_complete():
    records = _records()
    assert _of(records, "姚高员", "responsible_for") == ["市政府全面工作", "财政", "审计"]
    assert _of(records, "姚高员", "supervises") == ["市财政局", "市审计局"]
    assert _of(records, "姚高员", "liaises") == []


def test_a_vice_mayor_complete_with_aliases_kept_attached():
    records = _records()
    assert _of(records, "娄绍光", "responsible_for") == [
        "生态环境", "水利", "农业农村", "人民武装", "退役军人事务", "粮食和物资储备", "供销", "扶贫"]
    assert _of(records, "娄绍光", "assists") == ["防汛抗旱工作"]
    assert _of(records, "娄绍光", "supervises") == [
        "市生态环境局（温瑞塘河保护管委会）", "市水利局", "市农业农村局（渔业局）", "市退役军人事务局",
        "市粮食和物资储备局", "市供销社"]
    assert _of(records, "娄绍光", "liaises") == [
        "温州军分区", "各驻温部队", "市信访局", "市气象局", "市农科院", "省海洋水产研究所",
        "省亚热带作物研究所", "中央储备粮温州直属库"]


def test_executive_vice_mayor_assists_and_a_list_cut_by_a_line_break_reads_on():
    records = _records()
    assert _of(records, "陈建明", "assists") == ["财政", "审计"]
    assert _of(records, "陈建明", "responsible_for")[:3] == ["市政府常务工作", "发展和改革", "交通运输"]
    liaises = _of(records, "陈建明", "liaises")
    # "联系市人大、市政协、市监委、市法院、" ends a paragraph; "市检察院…" continues the list.
    assert liaises[:5] == ["市人大", "市政协", "市监委", "市法院", "市检察院"]
    assert liaises[-1] == "在温各能源单位"


def test_a_list_across_a_lifted_title_block_and_brackets_holding_a_comma():
    records = _records()
    assert "浙南产业集聚区（经开区、瓯飞）管委会" in _of(records, "汪驰", "supervises")
    # The notice's own title block is printed inside 殷志军's 联系 list (lines 109-113).
    liaises = _of(records, "殷志军", "liaises")
    i = liaises.index("温州机场边防检查站")
    assert liaises[i + 1] == "市国资运营公司"


def test_no_division_and_signature_date():
    records = _records()
    none = [r for r in records if r.relation == "none"]
    assert [(r.person, r.object) for r in none] == [("苗伟伦", None), ("孙维国", None)]
    assert {r.date for r in records} == {"2020-06-24"}
    # Provenance: the object is quoted from the text at its line.
    first = records[0]
    assert first.source.quote == "市政府全面工作" and first.source.line == 9


def test_inline_notice_with_each_rule():
    text = (
        "关于调整市政府领导分工的通知\n"
        "张 三 领导市政府全面工作。负责财政等方面工作。\n"
        "分管市财政局、市外办（港澳办）。\n"
        "联系市人大、\n"
        "市政协。\n"
        "李小四 协助有关副市长工作，暂不分工。\n"
        "王五 负责教育、体育工作，协助常务副市长负责防汛抗旱、安全生产工作。\n"
        "某某市人民政府\n"
        "2021年3月5日\n"
        "王六 负责别的事情。\n"
    )
    records = list(responsibilities.extract(normalize(text)))
    got = [(r.person, r.relation, r.object) for r in records]
    assert got == [
        ("张三", "responsible_for", "市政府全面工作"),
        ("张三", "responsible_for", "财政"),
        ("张三", "supervises", "市财政局"),
        ("张三", "supervises", "市外办（港澳办）"),
        ("张三", "liaises", "市人大"),
        ("张三", "liaises", "市政协"),
        ("李小四", "none", None),
        ("王五", "responsible_for", "教育"),
        ("王五", "responsible_for", "体育"),
        ("王五", "assists", "防汛抗旱"),
        ("王五", "assists", "安全生产"),
    ]
    assert {r.date for r in records} == {"2021-03-05"}


def test_chinese_numeral_signature_date():
    assert responsibilities.signature_date("二〇二〇年六月二十四日") == "2020-06-24"
    assert responsibilities.signature_date("2019年12月5日") == "2019-12-05"
    assert responsibilities.signature_date("2019年12月5日起施行") is None


def test_no_notice_no_records():
    assert list(responsibilities.extract(load_seed("004"))) == []
