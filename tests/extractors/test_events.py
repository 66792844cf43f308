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


def _diary(text: str) -> list[tuple[str | None, str]]:
    return [(e.date, e.text[:8]) for e in events.extract(normalize(text))]


def test_province_diary_dated_under_its_heading_with_days_in_chinese_numerals():
    # 山东省人民政府大事记 (gb.shandong.gov.cn, 2011): the month on the line under the heading,
    # days in Chinese numerals with the day's first item after them, then △ items.
    text = (
        "山东省人民政府大事记\n"
        "(2011年6月)\n"
        "一日 省委书记、省人大常委会主任姜异康在淄博会见中国海外集团有限公司副董事长、总经理孔庆平一行。\n"
        "△副省长才利民在济南会见日本JFE信息系统公司社长菊川裕幸先生一行。\n"
        "二日 全国地市级公共文化服务体系建设现场经验交流会在烟台召开。\n"
    )
    assert _diary(text) == [
        ("2011-06-01", "省委书记、省人大"), ("2011-06-01", "副省长才利民在济"), ("2011-06-02", "全国地市级公共文"),
    ]


def test_city_diary_with_the_item_after_the_day_and_spans_of_days():
    # 济宁市人民政府2007年5月大事记 (dlrk.jining.gov.cn): "1日 …", "△ …", "8—9日 …".
    text = (
        "济宁市人民政府2007年5月大事记\n"
        "1日 市委副书记、市长张振川,市委常委、政法委书记步士金,副市长韩军等走访慰问公安干警。\n"
        "8日 全市加快市属困难工业企业改革脱困动员大会召开,市委副书记、市长张振川讲话,副市长周洪主持。\n"
        "△ 市委常委、副市长崔洪刚等到济宁日报社考察指导工作。\n"
        "8—9日 省政协常委、港澳台侨和外事委员会副主任邢德茂带领省政协调研组一行,在济宁调研留学归国人员创业及工作生活情况。\n"
    )
    assert _diary(text) == [
        ("2007-05-01", "市委副书记、市长"), ("2007-05-08", "全市加快市属困难"),
        ("2007-05-08", "市委常委、副市长"), ("2007-05-08", "省政协常委、港澳"),
    ]


def test_diary_items_labelled_with_month_and_day_on_consecutive_lines():
    # 淮北市人民政府公报 2020年第1期, 大事记 (a mirror of the gazette site): each item opens
    # with "1月6日 " or "1月6日,", line after line; no item may run into the one before.
    text = (
        "2020年1月大事記\n"
        "1月6日 淮北市第十六屆人民代表大會第三次會議在淮北礦業會議中心隆重開幕。市長戴啟遠向大會作政府工作報告。\n"
        "1月6日 市委副書記、市長戴啟遠來到市十六屆人大三次會議相山區代表團,與代表們一起審議《政府工作報告》,聽取大家的意見建議。\n"
        "1月6日,市委副書記、市長戴啟遠來到市政協十屆三次會議第六組,與中共、民建、工商聯、經濟界別的委員一起討論《政府工作報告》。\n"
    )
    assert [d for d, _ in _diary(text)] == ["2020-01-06"] * 3


def test_bulleted_day_labels_with_a_comma():
    # 1998年12月份杭州市政务大事记 (hangzhou.gov.cn): "△1日,…".
    text = (
        "1998年12月份杭州市政务大事记\n"
        "△3日,省政府召开全省煤炭待业关闭非法和布局不合理煤矿工作会议。副市长丁德明参加会议并代表杭州市政府签订了责任状。\n"
        "△6日,我市绕城公路北线建设正式开工。市领导吴键、李松春、丁德明、陈继松、施锦祥等出席开工典礼。\n"
    )
    got = [(e.date, e.attendees) for e in events.extract(normalize(text))]
    assert got == [("1998-12-03", ("丁德明",)), ("1998-12-06", ())]


def test_day_label_run_into_its_item_and_same_day_items():
    # 淮北 大事记 (dsdfz.huaibei.gov.cn, 2024): "同日" keeps the day before. 淮南市人民政府
    # 大事记 (2022, a mirror; cut before the pinyin it adds): the label runs into the item.
    text = (
        "2024年4月大事记\n"
        "1日 2024年全省第二批重大项目开工动员会举行。市委书记覃卫国视频汇报全市重大项目开工有关情况。\n"
        "同日 市委书记覃卫国深入濉溪县刘桥工业园、老濉河、凤栖湖,督导生态环境保护工作。\n"
        "2日淮南市委書記任澤鋒,市委副書記、市政府黨組書記張志強\n"
    )
    assert _diary(text) == [("2024-04-01", "2024年全省第"), ("2024-04-01", "市委书记覃卫国深"), ("2024-04-02", "淮南市委书记任泽")]


def test_a_notice_after_the_diary_is_not_read_as_its_days():
    # Seed 000's diary items, then a notice printed after them whose paragraphs open with a
    # deadline ("1日起，…", "15日前，…"): a day run into its text goes on a diary only right
    # after one of its items, and the notice's addressee line ends the diary.
    from govkg.extractors import documents

    text = ("温州市人民政府公报\n2018 年第1 2 期\n12月份市政府记事\n10日\n△ 市长姚高员参加杭州温州商会活动。\n"
            "11日\n△ 副市长殷志军赴苍南督查行政争议化解工作。\n温州市人民政府关于公布2019年度重大建设项目的通知\n"
            "各县（市、区）人民政府，市政府直属各单位：\n现将有关事项通知如下：\n1日起，各项目单位按月报送进度。\n"
            "15日前，市发改委汇总上报市政府。\n温州市人民政府\n2018年12月20日\n")
    issue = normalize(text)
    assert [(e.date, e.text) for e in events.extract(issue)] == [
        ("2018-12-10", "市长姚高员参加杭州温州商会活动。"), ("2018-12-11", "副市长殷志军赴苍南督查行政争议化解工作。")]
    assert [(d.title, d.date) for d in documents.extract(issue)] == [("温州市人民政府关于公布2019年度重大建设项目的通知", "2018-12-20")]


def test_attendees_read_from_the_paragraph_equal_the_item_read_alone():
    """events takes a bulleted item's attendees from its paragraph's mentions (read once, by
    person_posts): they must be those of the item read alone, with and without person_posts
    run first, and also where the item follows a day label or opens with 、."""
    from govkg.extractors import person_posts

    for prefix in ("000", "002", "003", "004"):
        issue = load_seed(prefix)
        list(person_posts.extract(issue))   # fills the paragraphs' mentions, as extract_all does
        found = list(events.extract(issue))
        assert sum(bool(e.attendees) for e in found) > 20
        assert [e.attendees for e in found] == [events.attendees(e.text) for e in found]
        assert [e.attendees for e in found] == [e.attendees for e in events.extract(load_seed(prefix))]
    text = ("12月份市政府记事\n1日\n△ 市长姚高员、副市长汪驰参加会议。\n"
            "2日 副市长孙维国调研。\n△ 、副市长殷志军参加活动。\n")
    issue = normalize(text)
    list(person_posts.extract(issue))
    found = list(events.extract(issue))
    assert [e.attendees for e in found] == [events.attendees(e.text) for e in found]
    assert ("姚高员", "汪驰") in [e.attendees for e in found]


def test_a_diary_read_again_after_its_text_changed_is_read_afresh():
    # events reuses person_posts' reading of a diary paragraph (Issue.derived); the reading
    # is kept with the text it was made from, so a changed text is never answered from it.
    text = ("2019年第12期\n温州市人民政府公报\n\n12月份市政府记事\n\n10日\n\n"
            "△ 市长姚高员参加杭州温州商会活动。\n\n△ 副市长苗伟伦参加温州市女企业家协会五届五次会员大会。\n")
    issue = normalize(text)
    assert list(events.extract(issue))[0].attendees == ("姚高员",)
    issue.text = issue.text.replace("姚高员", "张三丰")
    first = list(events.extract(issue))[0]
    assert first.attendees == ("张三丰",) and "张三丰" in first.text
