"""Diary events (政府记事) on seed 004's 12月份市政府记事 and on inline diaries."""
import functools

from govkg.extractors import events
from govkg.extractors.layout import normalize
from tests.helpers import load_seed


@functools.cache
def _events(prefix: str):
    return list(events.extract(load_seed(prefix)))


def test_every_triangle_item_of_the_diary_is_one_event():
    for prefix in ("000", "002", "003", "004"):
        issue = load_seed(prefix)
        items = sum(issue.text.count("△", s.start, s.end) for s in issue.sections_of("diary"))
        assert items > 40
        assert len(_events(prefix)) == items


def test_day_heading_month_and_year_make_the_date():
    found = _events("004")
    assert found[0].date == "2019-12-02"
    assert found[0].text == "市长姚高员参加指导乐清市委常委会专题民主生活会。"
    assert found[-1].date == "2019-12-31"
    assert all(e.date.startswith("2019-12-") for e in found)
    # 002 is the January issue: its diary is 1月份市政府记事.
    assert {e.date[:7] for e in _events("002")} == {"2018-01"}


def test_attendees_in_print_order():
    second = _events("004")[1]
    assert second.attendees == ("姚高员", "陈建明", "汪驰", "殷志军", "孙维国", "娄绍光", "李无文", "汤筱疏")
    assert second.source.line == 3628


def test_spaced_out_item_is_read():
    found = [e for e in _events("004") if e.text.startswith("副市长汤筱疏参加全省全域旅游")]
    assert len(found) == 1 and found[0].attendees == ("汤筱疏",) and found[0].date == "2019-12-25"


def test_inline_diary():
    text = (
        "温州市人民政府公报（总第1期） 政务简讯\n"
        "3月份市政府记事\n"
        "3日\n"
        "△ 市长张三、常务副市长李四参加全市会议。\n"
        "△ 王五副市长参加庆典。\n"
        "12日\n"
        "△ 副市长赵六督查安全生产工作。\n"
    )
    issue = normalize(text)
    assert issue.sections_of("diary")
    got = [(e.date, e.attendees) for e in events.extract(issue)]
    # No year is printed in this tiny issue: the date is unknown rather than guessed.
    assert got == [(None, ("张三", "李四")), (None, ("王五",)), (None, ("赵六",))]


def test_inline_diary_with_year_gets_iso_dates():
    text = (
        "2020 年第3 期 政务简讯\n"
        "温州市人民政府公报（总第1期） 政务简讯\n"
        "3月份市政府记事\n"
        "3日\n"
        "△ 市长张三参加全市会议。\n"
        "12日\n"
        "△ 副市长赵六督查安全生产工作。\n"
    )
    got = [(e.date, e.text) for e in events.extract(normalize(text))]
    assert got == [("2020-03-03", "市长张三参加全市会议。"), ("2020-03-12", "副市长赵六督查安全生产工作。")]


def test_attendees_with_compound_surnames_and_acting_posts():
    # Excerpts of 人大 news (泉州 2018) and a division of work (湖南 2013), as diary items.
    text = (
        "温州市人民政府公报（总第1期） 政务简讯\n"
        "3月份市政府记事\n"
        "3日\n"
        "△ 副主任许文贵主持会议,副主任张建生、朱团能,秘书长欧阳秋虹出席会议。\n"
        "△ 代省长杜家毫领导省政府全面工作。\n"
    )
    got = [e.attendees for e in events.extract(normalize(text))]
    assert got == [("许文贵", "张建生", "朱团能", "欧阳秋虹"), ("杜家毫",)]
