"""person_posts on the seeds (floors against gold with score.py) and one inline case per rule."""
import functools
import json

import pytest
from conftest import SHARED, load_seed, scorer, seed_file

from govkg.extractors import person_posts
from govkg.extractors.layout import normalize
from govkg.extractors.records import to_json


@functools.cache
def _records(prefix: str):
    return list(person_posts.extract(load_seed(prefix)))


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_person_posts_floor_against_gold(prefix):
    judge = scorer()
    gold = json.loads((SHARED / "gold" / f"{seed_file(prefix).stem}.json").read_text("utf-8"))
    row = judge.score({"person_posts": [to_json(r) for r in _records(prefix)]}, gold)["person_posts"]
    assert judge.prf(row["tp"], row["pred"], row["gold"])[2] >= 0.90, (row["missed"], row["spurious"])


def _posts(text: str):
    return [(m.person, m.post) for m in person_posts.mentions(text)]


def test_a_post_governs_the_names_after_it_until_the_next_post():
    assert _posts("△市长姚高员，常务副市长陈建明，副市长汪驰、孙维国参加会议。") == [
        ("姚高员", "市长"), ("陈建明", "常务副市长"), ("汪驰", "副市长"), ("孙维国", "副市长")]


def test_posts_joined_by_a_pause_comma_all_govern_the_name():
    assert sorted(_posts("省委常委、市委书记陈伟俊出席。")) == [("陈伟俊", "市委书记"), ("陈伟俊", "省委常委")]
    assert sorted(_posts("市委常委、秘书长王军出席会议。")) == [("王军", "市委常委"), ("王军", "秘书长")]


def test_the_body_before_a_title_stays_in_the_post():
    assert sorted(_posts("海西州委副书记、格尔木市委书记王勇出席。")) == [
        ("王勇", "格尔木市委书记"), ("王勇", "海西州委副书记")]
    assert _posts("中国工商银行副行长胡浩表示，") == [("胡浩", "中国工商银行副行长")]
    assert _posts("。国家档案局副局长付华出席会议") == [("付华", "国家档案局副局长")]


def test_a_verb_before_the_post_is_not_part_of_it():
    assert _posts("△副市长殷志军会见新加坡驻沪总领事罗德伟先生一行。") == [
        ("殷志军", "副市长"), ("罗德伟", "新加坡驻沪总领事")]


def test_a_post_printed_after_the_name():
    assert _posts("△孙维国副市长参加庆典。") == [("孙维国", "副市长")]
    assert _posts("深入贯彻落实习近平总书记关于深化改革的重要论述") == [("习近平", "总书记")]
    # Bare 书记 after a name is a title of address: read, marked, and kept by extract only
    # when the text gives that person no fuller post (市委书记).
    assert [(m.person, m.post, m.address) for m in person_posts.mentions("陈伟俊书记指出，")] == [("陈伟俊", "书记", True)]
    assert _posts("全面落实李希书记调研清远讲话要求") == [("李希", "书记")]
    assert _posts("县(市、区)长，纪委书记；") == []


def test_a_listed_name_with_its_own_post_after_it_is_not_governed_by_the_first():
    assert _posts("△市长姚高员、殷志军副市长参加仪式。") == [("姚高员", "市长"), ("殷志军", "副市长")]


def test_roles_and_words_that_look_like_names_are_not_names():
    assert _posts("市政府分管副市长任组长，办公室设在市农业局。") == []
    assert _posts("常务副市长、城建口副市长分别挂钩联系") == []
    assert _posts("市委常委会议，研究工作。") == []
    assert _posts("市领导王军、姜军参加座谈。") == []


def test_three_character_names_and_spaced_out_print():
    span = person_posts.despaced("△ 副 市 长 汤 筱 疏 参 加 全 省 会议", 0, 22)
    assert span.text.startswith("△副市长汤筱疏参加")
    assert _posts(span.text) == [("汤筱疏", "副市长")]


def test_leading_group_list_with_a_continued_role():
    paragraphs = ["组长：陈建明（温州市政府常务副市长）", "杜兴林（丽水市政府常务副市长）", "副组长：温州市政府联系副秘书长"]
    got = [(m.person, m.post) for _, m in person_posts.group_mentions(paragraphs)]
    assert got == [("陈建明", "温州市政府常务副市长"), ("陈建明", "组长"),
                   ("杜兴林", "丽水市政府常务副市长"), ("杜兴林", "组长")]


def test_personnel_section_is_skipped_and_pairs_are_listed_once():
    records = _records("004")
    keys = [(r.person, r.post) for r in records]
    assert len(keys) == len(set(keys))
    personnel = load_seed("004").sections_of("personnel")[0]
    assert not any(personnel.start <= r.source.start < personnel.end for r in records)


def test_diary_posts_carry_the_diary_day():
    by_key = {(r.person, r.post): r for r in _records("004")}
    assert by_key[("陈建明", "常务副市长")].date == "2019-12-02"
    assert by_key[("陈建明", "常务副市长")].source.line == 3628


def test_news_dateline_dates_the_passage():
    issue = normalize("2019 年第12 期 政务简讯\n温州市人民政府公报（总第1期） 政务简讯\n"
                      "12月12日，国家档案局副局长付华出席会议并讲话。")
    records = list(person_posts.extract(issue))
    assert [(r.person, r.post, r.date) for r in records] == [("付华", "国家档案局副局长", "2019-12-12")]


def test_a_paragraph_without_dateline_is_undated():
    by_key = {(r.person, r.post): r for r in _records("004")}
    assert by_key[("王军", "市委常委")].date is None   # "市委常委、秘书长王军出席会议。" stands alone


def test_news_item_of_seed_004_is_dated():
    by_key = {(r.person, r.post): r for r in _records("004")}
    assert by_key[("付华", "国家档案局副局长")].date == "2019-12-12"
