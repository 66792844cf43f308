"""The appointments extractor (人事任免): one inline case per sentence form, real passages of
the seeds, and whole-issue floors scored by the rules of docs/SCHEMA.md against the reference answers."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from govkg.extractors import appointments
from govkg.extractors.act_grammar import act_windows
from govkg.extractors.appointments import parse_acts, split_post
from govkg.extractors.layout import normalize
from govkg.extractors.nlp import recognise
from govkg.extractors.records import to_json
from tests.helpers import GOLD, load_seed, scorer


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
    (gold_path,) = sorted(GOLD.glob(f"{prefix}_*.json"))
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


# --- prose: 人大常委会 news, party notices, single documents of other places -------------------
# Each excerpt is a short passage of a real public text (news reports of 人大常委会 sessions and
# 任免 notices); `prose` reads it as the extractor reads a text that is not a gazette issue.

def prose(text: str) -> list[tuple]:
    doc = recognise(text)
    return [(a.person, a.action, a.organization, a.post, a.qualifier) for a in doc._.acts]


def test_prose_act_inside_an_ordinary_sentence():
    # 台州市路桥区人大常委会 news
    text = "会议听取和审议了区长提请的人事任职议案,以无记名投票的方式,通过了人事任职事项,决定任命蔡建军为台州市路桥区人民政府副区长。"
    assert prose(text) == [("蔡建军", "appoint", "台州市路桥区人民政府", "副区长", None)]


def test_prose_resignation_accepted_and_acting_head_as_a_post():
    # 天津滨海新区人大常委会 news: 接受…辞去 is `other`; 代理区长 takes the body before it
    text = ("会议接受宗国英辞去滨海新区人民政府区长职务的请求。\n"
            "会议任命张勇为滨海新区人民政府副区长、代理区长;任命张铁军为滨海新区人民政府副区长;"
            "任命曹金秋为滨海新区人民政府秘书长,会议还通过了其他人事任免事项。")
    assert prose(text) == [
        ("宗国英", "other", "滨海新区人民政府", "区长", None),
        ("张勇", "appoint", "滨海新区人民政府", "副区长", None),
        ("张勇", "appoint", "滨海新区人民政府", "代理区长", None),
        ("张铁军", "appoint", "滨海新区人民政府", "副区长", None),
        ("曹金秋", "appoint", "滨海新区人民政府", "秘书长", None),
    ]


def test_prose_short_acting_title_takes_the_body_before_it():
    # 中新网 温州, 张文杰任温州市代市长: 代市长 is 代理市长 (not a body named 代), in the city before it
    text = ("温州市第十四届人大常委会12月19日举行第十六次会议,接受张振丰同志辞去温州市市长职务的请求,"
            "决定张文杰同志任温州市副市长、代市长。")
    assert prose(text) == [
        ("张振丰", "other", "温州市", "市长", None),
        ("张文杰", "appoint", "温州市", "副市长", None),
        ("张文杰", "appoint", "温州市", "代理市长", None),
    ]
    assert split_post("温州市代市长") == ("温州市", "代理市长")


def test_a_note_after_a_name_does_not_break_the_list():
    # 国务院任免 (2010, as a 科学网 blog quotes it): "傅莹(女)" in a list of names; a 人大 list's
    # "（女，回族）" likewise
    assert prose("国务院决定任命崔天凯、傅莹(女)、翟隽为外交部副部长,免去何亚非的外交部副部长职务。") == [
        ("崔天凯", "appoint", "外交部", "副部长", None),
        ("傅莹", "appoint", "外交部", "副部长", None),
        ("翟隽", "appoint", "外交部", "副部长", None),
        ("何亚非", "remove", "外交部", "副部长", None),
    ]
    assert prose("会议决定任命李红（女，回族）为市人民政府副市长。") == [("李红", "appoint", "市人民政府", "副市长", None)]


def test_prose_one_acceptance_for_several_resignations():
    # 遂宁 news: each "X辞去…职务" after one 接受
    text = ("会议决定接受杨自力辞去市人民政府市长职务、邓为辞去市人民政府副市长职务、"
            "熊隆东辞去市监察委员会主任职务的请求。")
    assert prose(text) == [
        ("杨自力", "other", "市人民政府", "市长", None),
        ("邓为", "other", "市人民政府", "副市长", None),
        ("熊隆东", "other", "市监察委员会", "主任", None),
    ]


def test_prose_and_decided_to_be_acting_carries_person_and_body():
    # 遂宁 news: "并决定为代理主任" (the person and the body of the act before)
    assert prose("会议决定任命谭晓政为市监察委员会副主任,并决定为代理主任。") == [
        ("谭晓政", "appoint", "市监察委员会", "副主任", None),
        ("谭晓政", "appoint", "市监察委员会", "代理主任", None),
    ]


def test_prose_qi_refers_to_the_person_of_the_sentence():
    # 中山 news: 接受其辞去 … 的请求; a removal in the next sentence
    text = "会议经表决,决定任命陈晖东为中山市人民政府副市长,接受其辞去中山市人大常委会副主任职务的请求。免去刘云梅的中山市人民政府副市长职务。"
    assert prose(text) == [
        ("陈晖东", "appoint", "中山市人民政府", "副市长", None),
        ("陈晖东", "other", "中山市人大常委会", "副主任", None),
        ("刘云梅", "remove", "中山市人民政府", "副市长", None),
    ]


def test_prose_removal_without_de_and_body_printed_short():
    # 泉州 news: no 的 between the name and the body; "的职务" ends the list
    assert prose("免去卢炳椿泉州市人民政府副市长、市公安局局长的职务;") == [
        ("卢炳椿", "remove", "泉州市人民政府", "副市长", None),
        ("卢炳椿", "remove", "市公安局", "局长", None),
    ]


def test_prose_acting_with_title_before_the_name():
    # 泉州 news: "副市长X代理…市长职务" is an appointment as 代理市长
    assert prose("泉州市人民政府副市长王永礼代理泉州市人民政府市长职务。") == [
        ("王永礼", "appoint", "泉州市人民政府", "代理市长", None)]


def test_prose_acting_with_title_after_the_name():
    # 北京通州 news
    assert prose("会议以按表决器表决方式,决定郑皓副区长代理通州区人民政府区长职务。郑皓进行了宪法宣誓。") == [
        ("郑皓", "appoint", "通州区人民政府", "代理区长", None)]


def test_prose_named_persons_of_a_longer_list():
    # 北京通州 news: "甲、乙、丙等18人为…": the named persons; 被任命人员 is no act
    text = "会议以无记名投票方式,任命李春雨、何娇、徐莉等18人为通州区人民法院审判员。赵玉影为被任命人员颁发任命书。"
    assert [r[0] for r in prose(text)] == ["李春雨", "何娇", "徐莉"]
    assert {r[1:] for r in prose(text)} == {("appoint", "通州区人民法院", "审判员", None)}


def test_prose_name_without_a_listed_surname_before_tongzhi():
    # 常州武进 news: 恽 is a rare surname; 同志 and 接受…辞去 fix the name
    text = "会议审议了人事任免案,决定接受恽淇丞同志辞去常州市武进区人民政府区长职务的请求,并报常州市武进区第十七届人民代表大会第五次会议备案。"
    assert prose(text) == [("恽淇丞", "other", "常州市武进区人民政府", "区长", None)]


def test_prose_minority_name_and_deputy_resignations_are_not_acts():
    # 嘉兴南湖 news: a deputy (人大代表) resigning holds no post of an act
    text = ("会议表决通过了有关人事事项,决定免去阿卜杜吉力力·阿卜来提的嘉兴市南湖区人民政府副区长职务。"
            "接受金静、夏峰、徐静辞去嘉兴市南湖区第十届人大代表职务,并由嘉兴市南湖区人民代表大会常务委员会予以公告。")
    assert prose(text) == [("阿卜杜吉力力·阿卜来提", "remove", "嘉兴市南湖区人民政府", "副区长", None)]


def test_prose_by_election_headline_and_ceremony_give_no_acts():
    # 珠海金湾 news: the headline restates the act (the body gives it in full), 补选 elects a
    # deputy, 颁发任命书 is a ceremony
    text = ("祝庆盟任金湾区政府副区长\n"
            "会议以无记名投票方式,补选黄丽娜为珠海市第九届人民代表大会代表。\n"
            "▲区人大常委会主任吴文莱为祝庆盟颁发任命书\n"
            "会议还决定了有关人事任免。会议决定任命祝庆盟为金湾区人民政府副区长。")
    assert prose(text) == [("祝庆盟", "appoint", "金湾区人民政府", "副区长", None)]


def test_prose_narrated_history_is_not_an_act():
    # 山西 news: the removal is the act; the earlier appointment and 曾任 are history
    text = ("省政府决定免去马志强的省太忻经济一体化发展促进中心副主任职务(终止试用期)。\n"
            "马志强,男,汉族,1970年12月生,曾任山西省忻州市忻府区委书记等职,"
            "去年8月31日被任命为省太忻经济一体化发展促进中心副主任(试用期一年),今年8月6日宣告被查。")
    assert prose(text) == [("马志强", "remove", "省太忻经济一体化发展促进中心", "副主任", "终止试用期")]


def test_prose_other_sentences_give_no_acts():
    # seeds 002: "同志为" inside a slogan; a meeting chaired (主持会议 is no 主持…工作)
    assert prose("坚决维护以习近平同志为核心的党中央权威和集中统一领导，") == []
    assert prose("区人大常委会主任赵建国主持会议。区人民检察院代理检察长侯智列席会议。") == []


def test_prose_party_notice_after_a_preamble():
    # 平潭 党工委 notice: "经研究决定：" then "X同志任A、B，兼C，免去其D职务"; party titles whole
    text = ("经研究决定：魏长春同志任平潭旅游股份有限公司党委书记、董事长、法人代表，"
            "兼区旅游集团有限公司党委书记、董事长、总经理、法人代表，"
            "免去其区党工委办公室（区管委会办公室）副主任职务；"
            "万顺灿同志任平潭综合实验区国有资产运营管理有限公司党委书记，免去其岚城片区党工委副书记、开发管理局局长职务；"
            "郑振彩同志任平潭旅游股份有限公司党委委员、纪委书记（试用期一年）。")
    got = prose(text)
    assert got[:3] == [("魏长春", "appoint", "平潭旅游股份有限公司", p, None) for p in ("党委书记", "董事长", "法人代表")]
    assert ("魏长春", "concurrent", "区旅游集团有限公司", "总经理", None) in got
    assert ("魏长春", "remove", "区党工委办公室（区管委会办公室）", "副主任", None) in got
    assert ("万顺灿", "remove", "岚城片区", "党工委副书记", None) in got
    assert ("万顺灿", "remove", "开发管理局", "局长", None) in got
    assert got[-1] == ("郑振彩", "appoint", "平潭旅游股份有限公司", "纪委书记", "试用期一年")


def test_prose_party_committee_members_and_no_longer_holding():
    # 漳州 news: 委员、常委、书记 of a party committee; 不再担任; 提名为…候选人 is no post
    text = ("宣布芗城区主要领导任免决定:胡栋良同志任中共漳州市芗城区委委员、常委、书记;"
            "石振棋同志任中共漳州市芗城区委副书记,提名为漳州市芗城区人民政府区长候选人;"
            "侯为东同志不再担任中共漳州市芗城区委书记、常委、委员职务。")
    got = prose(text)
    assert got[:3] == [("胡栋良", "appoint", "中共漳州市芗城区委", p, None) for p in ("委员", "常委", "书记")]
    assert ("石振棋", "appoint", "中共漳州市芗城区委", "副书记", None) in got
    assert not any(r[3].endswith("候选人") for r in got)
    assert [r[3] for r in got if r[0] == "侯为东"] == ["书记", "常委", "委员"]
    assert {r[1] for r in got if r[0] == "侯为东"} == {"remove"}


def test_list_title_before_name_with_jianren():
    # 漳州 news, under "…任免决定:": "市委常委X兼任…"
    text = "宣布开发区主要领导任免决定:漳州市委常委沈志平兼任中共漳州市委古雷港经济开发区工作委员会委员、书记;"
    assert prose(text) == [
        ("沈志平", "concurrent", "中共漳州市委古雷港经济开发区工作委员会", "委员", None),
        ("沈志平", "concurrent", "中共漳州市委古雷港经济开发区工作委员会", "书记", None),
    ]


def test_prose_removal_names_its_own_bodies_only():
    # 锦州 news: after 免去其 a bare title is printed without its body (not the new post's body)
    text = "宣布市委决定:梁秋同志任市生态环境局党组书记、局长,免去其党工委副书记、管委会主任职务;"
    assert prose(text) == [
        ("梁秋", "appoint", "市生态环境局", "党组书记", None),
        ("梁秋", "appoint", "市生态环境局", "局长", None),
        ("梁秋", "remove", None, "党工委副书记", None),
        ("梁秋", "remove", "管委会", "主任", None),
    ]


def test_prose_list_after_a_preamble_in_a_congress_roster():
    # 襄阳樊城 任命名单: the preamble ends the title line's text, the act needs no trigger
    text = ("樊城区人民代表大会常务委员会任命名单 (2020年7月28日樊城区第六届人民代表大会常务委员会第二十六次会议通过) "
            "决定任命: 余兴军为樊城区人民政府副区长。")
    assert prose(text) == [("余兴军", "appoint", "樊城区人民政府", "副区长", None)]


def test_prose_list_lines_below_a_preamble_line():
    # 泉州 任免名单: preamble lines govern the lines below them
    text = "会议决定:\n任命王永礼为泉州市人民政府副市长、代理市长。\n决定接受:\n康涛辞去泉州市人民政府市长职务;\n"
    assert prose(text) == [
        ("王永礼", "appoint", "泉州市人民政府", "副市长", None),
        ("王永礼", "appoint", "泉州市人民政府", "代理市长", None),
        ("康涛", "other", "泉州市人民政府", "市长", None),
    ]


def test_act_windows_skip_paragraphs_without_trigger_words():
    text = "会议听取了工作报告。\n会议决定任命张勇为滨海新区人民政府副区长。\n会议要求抓好落实。"
    (a, b), = act_windows(text)
    assert text[a:b] == "会议决定任命张勇为滨海新区人民政府副区长。"


def test_extract_records_an_act_stated_twice_once():
    # 中山 news: the lead and the body state the same appointment
    issue = normalize("9月29日下午,中山市十六届人大常委会第二十二次会议召开,决定任命陈晖东为中山市人民政府副市长。\n"
                      "会议经表决,决定任命陈晖东为中山市人民政府副市长。\n")
    rows = [(r.person, r.action, r.organization, r.post) for r in appointments.extract(issue)]
    assert rows == [("陈晖东", "appoint", "中山市人民政府", "副市长")]


# --- forms as SCHEMA.md states them (other, party organs) -----------------------------------

def test_chairing_work_and_rank_promotion_are_other():
    assert prose("经研究决定：张三同志主持市财政局工作。") == [("张三", "other", "市财政局", "主持工作", None)]
    # 职级 is never part of a post; a rank names no body
    assert prose("经研究，决定晋升赵六为一级调研员职级。") == [("赵六", "other", None, "一级调研员", None)]


def test_party_branch_committee_is_the_body_of_its_discipline_member():
    assert prose("经研究决定：陈七同志任中共温州市财政局机关支部委员会纪检委员。") == [
        ("陈七", "appoint", "中共温州市财政局机关支部委员会", "纪检委员", None)]


def test_proposals_and_pre_appointment_notices_are_not_acts():
    assert prose("会议审议了市长关于提请任命张三为市财政局局长的议案。") == []
    assert prose("会议根据市长的提请，决定任命张三为市财政局局长。") == [("张三", "appoint", "市财政局", "局长", None)]


def test_qualifier_printed_as_a_piece_of_its_own():
    assert prose("经研究决定：张三任市财政局局长，试用期一年。") == [("张三", "appoint", "市财政局", "局长", "试用期一年")]


def test_approval_by_the_upper_committee():
    # the 任免通知 template "经研究同意：×××同志任××职务"
    assert prose("经研究，同意张三同志任市财政局党组书记。") == [("张三", "appoint", "市财政局", "党组书记", None)]
    assert prose("经研究，同意李四同志辞去市财政局局长职务。") == [("李四", "other", "市财政局", "局长", None)]


def test_mianzhi_heading_and_a_note_after_zhiwu():
    assert prose("免职：\n王五的市教育局局长职务（另有任用）；") == [("王五", "remove", "市教育局", "局长", None)]


def test_a_notice_that_only_says_tongzhi_ruxia_opens_no_list():
    # 蔡甸 notice: "通知如下:" then tasks ("明确责任") — no names, no acts
    text = ("2023年《区〈政府工作报告〉确定的主要目标任务责任分解方案》已报经区人民政府同意,现印发给你们,并就有关事项通知如下:\n"
            "一、各责任单位要高度重视,切实加强领导,制订工作方案,明确责任,明确措施,明确时间节点,狠抓落实。")
    assert prose(text) == []


def test_acting_post_after_a_comma_names_the_government_after_daili():
    # 杭州 (浙江在线, 2010): "决定任命邵占维为杭州市副市长,代理杭州市市长职务".
    from govkg.extractors.act_grammar import split_post

    assert split_post("代理杭州市市长") == ("杭州市", "代理市长")
    assert split_post("济源市人民政府代理市长") == ("济源市人民政府", "代理市长")


def test_a_passed_decision_to_appoint_reported_by_its_title_is_an_act():
    # 黑河 (2011 news, printed in traditional characters): the session passed the decision.
    from govkg.extractors.appointments import extract
    from govkg.extractors.layout import normalize

    issue = normalize("會議經過分組審議,在第三次全體會議上,表決通過了市人大常委會關於接受張憲軍同志辭職請求的決定;"
                      "表決通過了市人大常委會關於任命張恩亮同志爲市政府代理市長的決定;頒發了任命證書。\n", "heihe.txt")
    acts = [(a.person, a.action, a.organization, a.post) for a in extract(issue)]
    assert acts == [("张恩亮", "appoint", "市政府", "代理市长")]


def test_prose_a_new_person_opens_the_next_item_under_the_same_verb():
    # 四川新闻网 2021-10-11, 西昌市十届人大常委会第三十九次会议
    assert prose("会议决定任命宋莉同志为西昌市人民政府副市长、查中才同志为西昌市人民政府副市长。") == [
        ("宋莉", "appoint", "西昌市人民政府", "副市长", None),
        ("查中才", "appoint", "西昌市人民政府", "副市长", None)]
    assert prose("会议进行了相关人事任免,票决同意免去马廷贵同志西昌市人民政府市长职务、徐阳同志西昌市人民政府副市长职务。") == [
        ("马廷贵", "remove", "西昌市人民政府", "市长", None),
        ("徐阳", "remove", "西昌市人民政府", "副市长", None)]
    # Items without a new person stay objects of the act's own person.
    assert prose("会议决定,免去李四同志的市财政局局长、市财政局党组书记职务。") == [
        ("李四", "remove", "市财政局", "局长", None), ("李四", "remove", "市财政局", "党组书记", None)]


def test_a_restatement_without_the_body_is_the_act_already_recorded():
    issue = normalize(
        "10月9日,西昌市十届人大常委会举行第三十九次会议。会议表决并通过了任命宋莉为西昌市人民政府副市长、代理市长的决定。\n"
        "审议通过了西昌市人大常委会关于市人民政府副市长宋莉代理市长的决定。\n", "news.txt")
    got = [(r.person, r.organization, r.post) for r in appointments.extract(issue)]
    assert got == [("宋莉", "西昌市人民政府", "副市长"), ("宋莉", "西昌市人民政府", "代理市长")]


def read_news(text: str) -> list[tuple]:
    """Acts of a news report through the layout (which reads traditional characters)."""
    issue = normalize(text + "\n", "news.txt")
    return [(a.person, a.action, a.organization, a.post, a.qualifier) for a in appointments.extract(issue)]


def test_prose_a_list_counted_after_its_names_shares_the_verb():
    # 永丰县 (2018 news, printed in traditional characters): the list's own count, no 等.
    assert read_news("會議根據縣監察委提請,經投票表決,決定任命呂靖、李保庚、李超群三位同志為永豐縣監察委員會委員。") == [
        ("吕靖", "appoint", "永丰县监察委员会", "委员", None),
        ("李保庚", "appoint", "永丰县监察委员会", "委员", None),
        ("李超群", "appoint", "永丰县监察委员会", "委员", None)]
    assert [a[0] for a in prose("会议决定免去王五、赵六等2名同志的县监察委员会委员职务。")] == ["王五", "赵六"]


def test_prose_a_new_lead_verb_does_not_lend_its_body_to_a_bare_title():
    # 永丰县 (2018 news): 人民陪审员 are no members of the 监察委员会 named before.
    assert read_news("會議決定任命呂靖同志為永豐縣監察委員會委員,任命肖世強等100名同志為人民陪審員。") == [
        ("吕靖", "appoint", "永丰县监察委员会", "委员", None),
        ("肖世强", "appoint", None, "人民陪审员", None)]


def test_prose_a_resignation_passed_as_a_letter_is_other_and_ends_at_yiji():
    # 永丰县 (2018 news): 通过了关于…辞去…的辞呈; after 以及 come the next persons, whose names
    # are no posts, and a deputy's seat, which is none.
    assert read_news("會議舉手表決通過了關于陳月洪、朱春龍兩位同志辭去縣人大常委會委員以及曾常輝、徐世菊、"
                 "文全善等15位同志辭去縣人大代表的辭呈。") == [
        ("陈月洪", "other", "县人大常委会", "委员", None),
        ("朱春龙", "other", "县人大常委会", "委员", None)]
    assert prose("会议表决接受了张三辞去县人民政府副县长职务的请求。") == [
        ("张三", "other", "县人民政府", "副县长", None)]
    # 以及 joining two posts of one person: two acts.
    assert prose("会议决定免去张三的县财政局局长以及县税务局局长职务。") == [
        ("张三", "remove", "县财政局", "局长", None), ("张三", "remove", "县税务局", "局长", None)]


def test_a_body_then_you_then_persons_and_their_posts():
    # 国办发〔1986〕53号 (a law database's reprint, in traditional characters)
    assert read_news("一、 國務院三峽地區經濟開發辦公室由李伯寧同志任主任,陳光健同志兼任副主任,黃友若同志任副主任。") == [
        ("李伯宁", "appoint", "国务院三峡地区经济开发办公室", "主任", None),
        ("陈光健", "concurrent", "国务院三峡地区经济开发办公室", "副主任", None),
        ("黄友若", "appoint", "国务院三峡地区经济开发办公室", "副主任", None)]
    # A roster's office "由" a post and name: no act (国办发〔2013〕30号)
    assert read_news("领导小组办公室设在统计局,办公室主任由统计局副局长徐一帆兼任。") == []


def test_one_acceptance_governs_resignations_after_a_comma():
    # 四川 (2001 news of a 省人大常委会 session, printed in traditional characters)
    assert read_news("會議決定任命陳文光爲省政府副省長;接受徐世羣、歐澤高辭去省政府副省長職務的請求,"
                     "李永壽辭去省人大常委會副主任職務的請求。") == [
        ("陈文光", "appoint", "省政府", "副省长", None),
        ("徐世群", "other", "省政府", "副省长", None),
        ("欧泽高", "other", "省政府", "副省长", None),
        ("李永寿", "other", "省人大常委会", "副主任", None)]


def test_prose_a_removal_of_a_new_person_after_an_appointment():
    # 中评社 (2020 news of the 全国人大常委会): "，免去乙的…" names a new person, not 其
    assert prose("决定免去苗圩的工业和信息化部部长职务,任命肖亚庆为工业和信息化部部长,免去雒树刚的文化和旅游部部长职务,"
                 "任命胡和平为文化和旅游部部长。") == [
        ("苗圩", "remove", "工业和信息化部", "部长", None), ("肖亚庆", "appoint", "工业和信息化部", "部长", None),
        ("雒树刚", "remove", "文化和旅游部", "部长", None), ("胡和平", "appoint", "文化和旅游部", "部长", None)]
    # without a new person the removal is of the person before
    assert prose("会议决定任命张三为市财政局局长,免去市税务局局长职务。")[1] == ("张三", "remove", "市税务局", "局长", None)


def test_present_post_between_the_verb_and_the_name():
    # 房县 (2016 news of a 县人大常委会 session): the appointee's party post stands after 任命
    got = acts("会议审议表决通过有关人事任免事项,决定接受蔡贤忠同志辞去县人民政府县长职务的请求;"
               "任命县委副书记纪道清同志为县人民政府副县长、代理县长。")
    assert ("纪道清", "appoint", "县人民政府", "副县长", None) in got
    assert ("纪道清", "appoint", "县人民政府", "代理县长", None) in got
    assert not any(g[0].startswith("县委") for g in got)


def test_prose_lead_verb_carried_over_a_semicolon():
    # 中山市政协 (news of a 常委会 session; printed in traditional characters, which normalize()
    # reads as simplified before this grammar): 同意 governs the acts after each semicolon
    got = prose("会议审议有关人事事项,根据工作需要,同意李娟任政协第十三届中山市委员会社会法制和民族宗教委员会副主任;"
                "黎艳萍任政协第十三届中山市委员会经济委员会副主任,免去其政协第十三届中山市委员会提案委员会副主任职务;"
                "免去郑咏梅政协第十三届中山市委员会提案委员会主任职务。")
    assert [(g[0], g[1], g[3]) for g in got] == [
        ("李娟", "appoint", "副主任"), ("黎艳萍", "appoint", "副主任"), ("黎艳萍", "remove", "副主任"),
        ("郑咏梅", "remove", "主任")]
    assert got[1][2] == "政协第十三届中山市委员会经济委员会"
    # without a lead verb before it, "X任A" in prose stays no act
    assert prose("会议听取了报告;李娟任务繁重,黎艳萍任劳任怨。") == []


def test_prose_one_removal_governs_the_persons_after_each_semicolon():
    # 安徽 (2016 news, ahscb.com, of the 省十二届人大常委会第二十七次会议): "分别免去甲的A职务；乙的B职务"
    got = prose("经大会表决通过,免职6人,分别免去张志轩的省十二届人大财政经济委员会副主任委员、"
                "省人大常委会财政经济工作委员会副主任职务;朱勇的省人大常委会内务司法工作委员会主任职务;"
                "张荣国的省十二届人大内务司法工作委员会副主任委员、省人大常委会内务司法工作委员会副主任职务。")
    assert [(g[0], g[1], g[3]) for g in got] == [
        ("张志轩", "remove", "副主任委员"), ("张志轩", "remove", "副主任"), ("朱勇", "remove", "主任"),
        ("张荣国", "remove", "副主任委员"), ("张荣国", "remove", "副主任")]
    assert got[2][2] == "省人大常委会内务司法工作委员会"
    # a clause after the semicolon that names no one goes on no removal
    assert prose("会议决定免去张三的市财政局局长职务;会议的各项议程顺利完成。") == [
        ("张三", "remove", "市财政局", "局长", None)]


def test_prose_decisions_passed_and_quoted_by_their_titles_are_acts():
    # 新疆日报 (2018 news of the 自治区十三届人大常委会第五次会议): each quoted title is one act
    got = prose("会议表决通过了《自治区人大常委会关于接受罗东川辞去自治区监察委员会主任职务的决定》"
                "《自治区人大常委会关于杨鑫代理自治区监察委员会主任的决定》以及有关人事任免事项等议程。")
    assert got == [("罗东川", "other", "自治区监察委员会", "主任", None),
                   ("杨鑫", "appoint", "自治区监察委员会", "代理主任", None)]
    # a title that states no act gives none
    assert prose("会议表决通过了《自治区人大常委会关于代理检察长人选的说明》。") == []


def test_prose_the_office_a_roster_sets_up_is_no_body_of_an_act():
    # 临政办函〔2013〕89号 (临安市 信用建设工作领导小组, as a web page prints it): the group's office
    # and its director are the roster's own, like "办公室主任由…兼任"
    assert prose("领导小组下设办公室,办公室设在市发改局,胡廖明同志兼任办公室主任。") == []
    # a body named in full is a body
    assert prose("领导小组下设办公室,胡廖明同志兼任市发改局办公室主任。") == [
        ("胡廖明", "concurrent", "市发改局办公室", "主任", None)]


def test_prose_an_acceptance_explained_and_an_act_in_a_note():
    # 人民网 (2007 news of the 宁夏 九届人大常委会第二十八次会议): the acceptance is read up to
    # its 请求, and the note's own act up to its closing parenthesis
    got = prose("陈建国在讲话中,对接受马启智辞去自治区人民政府主席职务的请求做了说明(注:27日上午十届全国人大常委会"
                "第二十七次会议决定,任命马启智为第十届全国人民代表大会农业与农村委员会副主任委员),并给予积极评价。")
    assert got == [("马启智", "other", "自治区人民政府", "主席", None),
                   ("马启智", "appoint", "第十届全国人民代表大会农业与农村委员会", "副主任委员", None)]
