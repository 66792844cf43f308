"""person_posts on the seeds (floors against gold with score.py) and one inline case per rule."""
import functools
import json

import pytest

from govkg.extractors import person_posts
from govkg.extractors.layout import normalize
from govkg.extractors.records import to_json
from tests.helpers import GOLD, load_seed, scorer, seed_file


@functools.cache
def _records(prefix: str):
    return list(person_posts.extract(load_seed(prefix)))


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_person_posts_floor_against_gold(prefix):
    judge = scorer()
    gold = json.loads((GOLD / f"{seed_file(prefix).stem}.json").read_text("utf-8"))
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


# --- forms of other places' texts (excerpts of real public texts) -------------------------


def _extracted(text: str):
    return [(r.person, r.post) for r in person_posts.extract(normalize(text))]


def test_post_name_verb_of_a_division_of_work():
    # 湖南省人民政府领导成员工作分工 (2013), as reported.
    assert _posts("常务副省长陈肇雄负责省政府常务工作。") == [("陈肇雄", "常务副省长")]
    assert _posts("省长助理袁建尧分管“两烟”工作") == [("袁建尧", "省长助理")]
    assert _posts("秘书长戴道晋负责省政府日常工作") == [("戴道晋", "秘书长")]


def test_dai_is_the_acting_post_unless_a_name_stands_before_it():
    assert _posts("代省长杜家毫领导省政府全面工作。") == [("杜家毫", "代省长")]
    assert _posts("代市长项敏代表市政府作表态发言") == [("项敏", "代市长")]
    # SCHEMA.md's "X代市长Y作报告": X acts on behalf of the mayor Y (names of a 2010 杭州 report).
    assert _posts("受市长委托，副市长于辉达代市长邵占维作报告") == [("于辉达", "副市长"), ("邵占维", "市长")]
    # 代理 is always the acting post.
    assert _posts("决定任命邵占维为杭州市副市长,代理市长邵占维说") == [("邵占维", "代理市长")]


def test_attendees_with_a_compound_surname():
    assert _posts("副主任张建生、朱团能、曾巍、吴友才、蔡思红,秘书长欧阳秋虹出席会议。") == [
        ("张建生", "副主任"), ("朱团能", "副主任"), ("曾巍", "副主任"), ("吴友才", "副主任"),
        ("蔡思红", "副主任"), ("欧阳秋虹", "秘书长")]


def test_a_verb_or_preposition_before_the_post_is_not_its_body():
    assert _posts("受市委书记、市人大常委会党组书记、主任马正勇委托,") == [
        ("马正勇", "市委书记"), ("马正勇", "市人大常委会党组书记"), ("马正勇", "主任")]
    assert _posts("会议听取了上海市发展计划委员会主任李良园关于") == [("李良园", "上海市发展计划委员会主任")]
    assert _posts("我市专门成立了以市委书记张美文为指挥长") == [("张美文", "市委书记")]
    assert _posts("新任副省长黄宁生负责教育") == [("黄宁生", "副省长")]
    assert sorted(_posts("会见了由新疆生产建设兵团第一师阿拉尔市党委书记、政委丁翊强率领的代表团")) == [
        ("丁翊强", "政委"), ("丁翊强", "新疆生产建设兵团第一师阿拉尔市党委书记")]


def test_reporters_are_not_officials():
    assert _extracted("广州日报讯 (全媒体记者魏丽娜 通讯员穗仁宣)10月29日,市人大常委会主任王衍诗主持。") == [
        ("王衍诗", "市人大常委会主任")]
    assert _extracted("责任编辑:白子璐\n") == []


def test_roster_with_names_and_posts_on_lines():
    text = ("领导小组组成人员如下:\n组 长:龚 正 市长\n副组长:陈 寅 常务副市长\n汤志平 副市长\n"
            "成 员:马春雷 市政府副秘书长、市发展改革委主任\n黄 融 市政府副秘书长\n余旭峰 青浦区区长\n"
            "领导小组下设办公室(设在市规划资源局),办公室主任由徐毅松同志兼任。\n")
    assert _extracted(text) == [
        ("龚正", "市长"), ("陈寅", "常务副市长"), ("汤志平", "副市长"), ("马春雷", "市政府副秘书长"),
        ("马春雷", "市发展改革委主任"), ("黄融", "市政府副秘书长"), ("余旭峰", "青浦区区长")]


def test_roster_role_alone_on_its_line_then_bracketed_entries():
    text = ("该领导小组由如下人员组成:\n组 长:\n刘惠祥(市委常委、常务副市长)\n副组长:\n梁为东(市政府副秘书长)\n"
            "成 员:\n唐建明(市财政局副局长)\n")
    assert _extracted(text) == [("刘惠祥", "市委常委"), ("刘惠祥", "常务副市长"), ("梁为东", "市政府副秘书长"),
                                ("唐建明", "市财政局副局长")]


def test_roster_roles_are_not_posts_outside_gazette_issues():
    # 东府办函[2003]248号: the role on the entry's line; a body alone in brackets is no post.
    text = ("领导小组成员名单如下:\n  组 长:张顺彩(市政府副市长)\n  副组长:\n  周华驹(市政府副秘书长)\n"
            "  成员:\n  何伟森(市市政局)\n")
    assert _extracted(text) == [("张顺彩", "市政府副市长"), ("周华驹", "市政府副秘书长")]
    got = [(m.person, m.post) for _, m in person_posts.group_mentions(["组 长:张顺彩(市政府副市长)"], keep_roles=False)]
    assert got == [("张顺彩", "市政府副市长")]


def test_roster_entry_reader():
    assert person_posts._roster_entry("龚 正 市长") == ("龚正", 0, ["市长"], False)
    assert person_posts._roster_entry("朱芝松 市政府副秘书长、临港新片区管委会常务副主任")[2] == [
        "市政府副秘书长", "临港新片区管委会常务副主任"]
    # Division of work lines "name  duties" (温州 2020): no post is printed.
    assert person_posts._roster_entry("姚高员 领导市政府全面工作。负责财政、") is None
    assert person_posts._roster_entry("第一章 总 则") is None


def test_division_of_work_headers():
    text = ("具体分工如下:\n龚正市长\n领导市政府全面工作。\n舒庆副市长\n兼市公安局局长,负责公安、司法行政等工作。\n"
            "彭沉雷副市长\n负责农业农村等工作。\n")
    assert sorted(_extracted(text)) == sorted([("龚正", "市长"), ("舒庆", "副市长"), ("舒庆", "市公安局局长"), ("彭沉雷", "副市长")])


def test_a_name_alone_on_a_line_then_its_post():
    text = ("具体分工如下:\n马兴瑞\n省长,主持省政府全面工作。\n李春生\n副省长兼任省公安厅厅长,负责公安、司法方面工作。\n"
            "陈云贤\n省政府党组成员,协助省长负责商务、口岸、自贸、侨务、金融工作。\n")
    assert _extracted(text) == [("马兴瑞", "省长"), ("李春生", "副省长"), ("李春生", "省公安厅厅长"),
                                ("陈云贤", "省政府党组成员")]


def test_name_then_post_with_its_body_opening_a_line():
    text = "具体分工如下:\n梁伟发省政府党组副书记,兼任省公安厅厅长。\n李容根省政府党组成员,省扶贫开发领导小组副组长,分管扶贫工作。\n"
    assert _extracted(text) == [("梁伟发", "省政府党组副书记"), ("梁伟发", "省公安厅厅长"), ("李容根", "省政府党组成员")]
    assert person_posts.name_and_post("常务副省长") is None


def test_a_former_post():
    text = "马志强,男,汉族,1970年12月生,曾任山西省忻州市忻府区委书记等职,去年8月31日被任命为省太忻经济一体化发展促进中心副主任(试用期一年)。\n"
    assert _extracted(text) == [("马志强", "山西省忻州市忻府区委书记")]


def test_a_title_of_address_is_kept_only_without_a_fuller_post():
    text = ("省委常委、市委书记陈伟俊出席。\n△ 副市长殷志军陪同陈伟俊书记调研国家级自创区建设。\n"
            "全面落实李希书记调研清远讲话要求。\n")
    assert _extracted(text) == [("陈伟俊", "省委常委"), ("陈伟俊", "市委书记"), ("殷志军", "副市长"), ("李希", "书记")]


def test_a_role_assigned_with_you_is_not_a_post_and_name():
    # "办公室主任由X同志兼任" assigns a roster role: 由 starts no name.
    assert _posts("领导小组下设办公室,办公室主任由徐毅松同志兼任。") == []
    assert _posts("办公室主任由民政部部长李纪恒兼任;常务副主任由民政部副部长高晓兵兼任;") == [
        ("李纪恒", "民政部部长"), ("高晓兵", "民政部副部长")]


def test_adverbs_end_a_name():
    assert _posts("习近平总书记先后4次对温州工作作出重要指示批示") == [("习近平", "总书记")]


def test_report_byline_post_then_name():
    text = ("温州市政府工作报告(2021年2月2日 姚高员)\n2021年2月2日在温州市第十三届人民代表大会第六次会议上\n"
            "温州市市长 姚高员\n各位代表:\n现在,我代表市人民政府向大会报告工作,请予审议,并请市政协委员和其他列席人员提出意见。\n")
    assert _extracted(text) == [("姚高员", "温州市市长")]


def test_national_roster_layout():
    # 国办函〔2022〕33号: roles alone on their lines, names unpadded, 兼 inside an entry, ordinals.
    text = ("二、组成人员\n组长:\n孙春兰 国务院副总理\n第一副组长:\n王勇 国务委员\n副组长:\n"
            "苟仲文 体育总局局长、第19届亚运会组委会主席、第4届亚残运会组委会主席\n成员:\n"
            "孔绍逊 中央办公厅副主任兼秘书局局长\n欧文汉 财政部部长助理\n")
    assert _extracted(text) == [
        ("孙春兰", "国务院副总理"), ("王勇", "国务委员"), ("苟仲文", "体育总局局长"),
        ("苟仲文", "第19届亚运会组委会主席"), ("苟仲文", "第4届亚残运会组委会主席"),
        ("孔绍逊", "中央办公厅副主任"), ("孔绍逊", "秘书局局长"), ("欧文汉", "财政部部长助理")]


def test_printed_lines_split_a_joined_roster():
    issue = normalize("成员:\n王浩 浙江省省长、第19届亚运会组委会主席、第4届亚残运会组委会主席\n孔绍逊 中央办公厅副主任兼秘书局局长\n")
    lines = [issue.text[a:b] for p in issue.paragraphs() for a, b in person_posts.printed_lines(issue, *p)]
    assert "孔绍逊 中央办公厅副主任兼秘书局局长" in lines


def test_roster_entries_run_into_a_sentence():
    s = "组长:张顺彩(市政府副市长),副组长:周华驹(市政府副秘书长)、洪耀坚(市卫生局局长)。领导小组办公室设在市卫生局(市爱卫办)。"
    assert [(m.person, m.post) for m in person_posts.bracket_mentions(s)] == [
        ("张顺彩", "市政府副市长"), ("周华驹", "市政府副秘书长"), ("洪耀坚", "市卫生局局长")]


def test_a_roster_a_crawler_ran_together_is_read_entry_by_entry():
    # 中新网 2013-06-13, reprinting 国务院办公厅关于成立第一次全国地理国情普查领导小组的通知 with
    # its roster flattened: nothing between one entry's post and the next entry's name.
    s = ("二、组成人员组长:张高丽国务院副总理副组长:姜大明国土资源部部长丁向阳国务院副秘书长"
         "成员:张业遂外交部党委书记、副部长杜鹰发展改革委副主任朱宏任工业和信息化部总工程师"
         "王宏海洋局副局长黄海辉武警部队副参谋长三、工作机构及其职责")
    got = [(m.person, m.post) for m in person_posts.run_on_roster_mentions(s)]
    assert got == [
        ("张高丽", "国务院副总理"), ("姜大明", "国土资源部部长"), ("丁向阳", "国务院副秘书长"),
        ("张业遂", "外交部党委书记"), ("张业遂", "副部长"),      # posts joined by 、: one person
        ("杜鹰", "发展改革委副主任"),      # 杜鹰|发展…, not 杜鹰发|展…: the split at a word boundary
        ("朱宏任", "工业和信息化部总工程师"),   # a post never starts with 任
        ("王宏", "海洋局副局长"),          # not 王宏海 + 洋局: a body is not one character
        ("黄海辉", "武警部队副参谋长")]
    # The post-before-name reading would give each name the post of the entry before it.
    issue = normalize("国务院成立地理国情普查领导小组\n" + s + "。\n")
    found = {(r.person, r.post) for r in person_posts.extract(issue)}
    assert ("杜鹰", "发展改革委副主任") in found and not any("杜鹰" in post for _, post in found)


def test_a_run_that_does_not_read_whole_gives_nothing():
    # A sentence after the colon, not a roster: no entries rather than wrong ones.
    assert person_posts.run_on_roster_mentions("组长:由县政府分管副县长担任成员单位由各乡镇组成") == []


def test_a_title_governing_the_name_after_it_is_not_read_after_a_name_before_it():
    assert _posts("根据通知,由国务院副总理张高丽任组长。") == [("张高丽", "国务院副总理")]


def test_words_that_look_like_names_after_a_title():
    assert _posts("实行校长负责制,校长全面负责学校工作。") == []
    assert _posts("24日,市委副书记、市长、市政府党组书记吴开华主持召开市政府党组会议") == [
        ("吴开华", "市委副书记"), ("吴开华", "市长"), ("吴开华", "市政府党组书记")]


def test_npc_session_attendees_and_guests():
    # 浙江在线 2010-07-29 (杭州市十一届人大常委会第二十四次会议).
    s = ("杭州市人大常委会主任王国平,副主任于辉达、顾树森、陈重华出席会议,市政协副主席张鸿建应邀参加会议。"
         "受主任会议委托,秘书长俞宝祥作关于本次会议议程草案的说明。")
    assert _posts(s) == [("王国平", "杭州市人大常委会主任"), ("于辉达", "副主任"), ("顾树森", "副主任"),
                         ("陈重华", "副主任"), ("张鸿建", "市政协副主席"), ("俞宝祥", "秘书长")]
    assert _posts("蔡奇市长因工作变动向会议提出书面辞职报告。") == [("蔡奇", "市长")]
    assert _extracted("时报记者 张秉璐 杭州日报记者 傅一览\n") == []


def test_a_longer_role_label_with_its_entry():
    got = [(m.person, m.post) for _, m in person_posts.group_mentions(["第一副组长:王勇 国务委员"])]
    assert got == [("王勇", "国务委员")]


def test_name_and_post_before_an_adverb_in_a_reporters_prose():
    # 厦门 (a 2017 news analysis of the division of work, in traditional characters).
    from govkg.extractors.layout import normalize
    from govkg.extractors.person_posts import extract

    issue = normalize("林文生副市長則負責農村、農業、水利、海洋等農業口;李棟梁副市長除了負責工業經濟和信息化等,還分管民政、雙擁等。\n", "xm.txt")
    assert {(p.person, p.post) for p in extract(issue)} == {("林文生", "副市长"), ("李栋梁", "副市长")}


def test_a_name_before_yiji_ends_there():
    # 南皮县 (2019 news of a 人大常委会 session; printed in traditional characters, which the
    # layout reads as these)
    got = _posts("县人民法院院长李茹、县人民检察院检察长李国庆以及县人大各委室负责人列席会议。")
    assert got == [("李茹", "县人民法院院长"), ("李国庆", "县人民检察院检察长")]


def test_an_adverb_after_the_name_ends_it():
    # 四川 (2001 news): 已经 after the name
    assert ("欧泽高", "副省长") in _posts("省人大常委会主任谢世杰说,副省长欧泽高已经中央批准担任省委常委。")


def test_tibetan_names_have_no_surname():
    # 宁波日报 (2018 news from 那曲): Tibetan names are two given-name parts
    got = _posts("西藏自治区副主席多吉次珠会见了宁波市委副书记、市长裘东耀一行。西藏自治区政府副秘书长达瓦次仁,"
                 "那曲市委书记松吉扎西,市委常委、常务副市长白玛罗布,宁波市政府秘书长张良才等参加相关活动。")
    assert ("多吉次珠", "西藏自治区副主席") in got and ("达瓦次仁", "西藏自治区政府副秘书长") in got
    assert ("松吉扎西", "那曲市委书记") in got and ("白玛罗布", "常务副市长") in got
    assert ("张良才", "宁波市政府秘书长") in got


def test_a_name_as_a_post():
    # 厦门 (2016 news analysis of a division of work): "NAME作为POST，…"
    assert _posts("记者发现,郑云峰作为常务副市长,负责市政府常务工作。") == [("郑云峰", "常务副市长")]


def test_on_behalf_after_tongzhi():
    # 肇东 (2018 news of a 人大常委会 session): "X同志代市长Y作…报告": Y is 市长
    got = _posts("会上,吕江同志代市长李延春作关于熊福春等同志拟任免职的提请报告。")
    assert got == [("李延春", "市长")]


def test_a_tibetan_name_in_a_list_of_leaders():
    # 中评社 (2020 news of the 全国人大常委会): the list goes on past a Tibetan name
    got = _posts("全国人大常委会副委员长王东明、白玛赤林、丁仲礼、郝明金,秘书长杨振武出席会议")
    assert [g[0] for g in got] == ["王东明", "白玛赤林", "丁仲礼", "郝明金", "杨振武"]


def test_weiyuanzhang_after_the_name():
    # 中评社 (2020 news of the 全国人大常委会)
    assert _posts("国家主席习近平分别签署第51、52号主席令。栗战书委员长主持会议。") == [
        ("习近平", "国家主席"), ("栗战书", "委员长")]


def test_a_name_ending_in_a_verb_character_inside_a_list():
    # 漳州 (2018 news of a 市人大常委会 session): 刘加来 is a name, not 刘加 + 来
    got = _posts("副主任吴达金、李珊珊、刘加来,秘书长沈茂欣及委员出席会议。")
    assert [g[0] for g in got] == ["吴达金", "李珊珊", "刘加来", "沈茂欣"]
    # the verb still ends a name where no name or title follows
    assert _posts("副市长张三、李四说，要加强管理。") == [("张三", "副市长"), ("李四", "副市长")]


def test_the_proposer_after_genju_and_a_rank_beside_a_post():
    # 漳州 (2018) and 惠安 (news of a 县人大常委会 session, 2020s)
    assert _posts("会议根据市中级人民法院院长罗雄提请,免去部分审判人员职务。") == [("罗雄", "市中级人民法院院长")]
    got = _posts("县人大常委会党组成员、二级调研员刘宗斌,县政府副县长陈剑虹等列席会议。")
    assert ("刘宗斌", "县人大常委会党组成员") in got and ("刘宗斌", "二级调研员") in got
    assert ("陈剑虹", "县政府副县长") in got


def test_the_present_post_after_renming_is_not_part_of_the_verb():
    # 房县 (2016 news of a 县人大常委会 session)
    assert _posts("任命县委副书记纪道清同志为县人民政府副县长、代理县长。") == [("纪道清", "县委副书记")]


def test_a_phrase_before_de_is_not_part_of_the_post():
    # 宁德 (2025 news of a 市人大常委会 session)
    got = _posts("由省十四届人大常委会第十四次会议批准任命的宁德市人民检察院检察长陈颖在会上进行宪法宣誓。")
    assert got == [("陈颖", "宁德市人民检察院检察长")]


def test_he_before_a_verb_ends_the_name():
    # 乐清 (2018 news of a 山海协作 signing in 平阳; printed in traditional characters, which
    # normalize() reads as simplified before this extractor)
    got = _posts("平阳县委书记董智武,县委副书记、县长陈永光,副县长王文胜、林月和参加了仪式。")
    assert [g[0] for g in got][-2:] == ["王文胜", "林月和"]


def test_a_sentence_giving_a_roster_role_is_no_post():
    # 平原县 (2013 news of a 县委 leading group, printed in traditional characters): no person
    # is named; 平原 (a place) is not a name and the sentence is not a post
    assert not person_posts.is_post("县委对台湾工作领导小组由县委书记任组长")
    assert person_posts.is_post("市人大财政经济委员会主任委员")
    issue = normalize("平原縣委對臺灣工作領導小組由縣委書記任組長,分管對臺工作的副書記、副縣長任副組長。")
    assert list(person_posts.extract(issue)) == []


def test_the_executive_deputy_of_a_county_is_a_title_not_a_name():
    # 镇巴县人民政府工作规则 (镇政发〔2024〕7号): 常 is a surname, but 常务副县长 is one title
    assert _posts("县政府实行县长负责制。县长主持县政府全面工作。常务副县长协助县长处理县政府日常工作。") == []
    assert _posts("会议由县委常委、常务副县长王小明主持。") == [("王小明", "县委常委"), ("王小明", "常务副县长")]


def test_a_dotted_name_in_running_text_ends_before_the_verb():
    # 新疆 (2021 news of the 自治区人大常委会, hts.gov.cn; the page pads the dot with spaces, the
    # extractor reads the text despaced): neither the title nor 主持会议 is part of the name
    got = _posts("自治区人大常委会主任肖开提·依明主持会议。秘书长穆塔里甫·肉孜出席会议。")
    assert got == [("肖开提·依明", "自治区人大常委会主任"), ("穆塔里甫·肉孜", "秘书长")]
    # in a list the name still runs to the mark after it
    assert _posts("副主任祖木热提·吾布力、托乎提·亚克夫出席。") == [
        ("祖木热提·吾布力", "副主任"), ("托乎提·亚克夫", "副主任")]


def test_a_verb_or_link_word_around_a_title_is_not_part_of_the_post():
    # 西藏 (2025 news of a 自治区人大常委会 decision, xinjiapo.news)
    got = _posts("赵鹏已参与此次会议,并坐在自治区人大常委会副主任刘柏呈和自治区政协副主席卓嘎之间。")
    assert got == [("刘柏呈", "自治区人大常委会副主任"), ("卓嘎", "自治区政协副主席")]
    got = _posts("其他副主席依次为甲热·洛桑丹增、罗梅、张洪波和张利。")
    assert got == [("甲热·洛桑丹增", "副主席"), ("罗梅", "副主席"), ("张洪波", "副主席"), ("张利", "副主席")]
    # 雲林縣 (2026 news of a 縣務會議, read as simplified by normalize())
    got = _posts("会议首先介绍新任主管,包括副县长陈璧君、副秘书长黄凯达及行政处处长李重毅。")
    assert got == [("陈璧君", "副县长"), ("黄凯达", "副秘书长"), ("李重毅", "行政处处长")]
    # 和 alone after one name does not extend a post to the next name
    assert _posts("副市长张三和李四的讲话稿。") == [("张三", "副市长")]


def test_danren_after_a_name_ends_it():
    # 新华社 (2013, 国务院 领导小组 adjusted): the present post, then the roster role taken
    got = _posts("国务院总理李克强担任国务院西部地区开发领导小组组长,张高丽副总理担任副组长。")
    assert got == [("李克强", "国务院总理"), ("张高丽", "副总理")]


def test_a_verb_or_a_second_title_after_a_surname_is_no_name():
    # 上海黄浦 (news reprinted by shcafe.org, the given names lost in the page): 石 then the verb
    assert _posts("会议由区人大常委会主任石主持。区人大常委会党组成员涂应邀出席会议。") == []
    # zxxww.com (news of a 县人大 主席团 meeting): "常务主席和执行主席" joins two titles
    assert _posts("会议推定了主席团常务主席和执行主席分组名单。") == []
    # a real name after a title still reads, with 和 as its surname
    assert _posts("副县长和晓红出席会议。") == [("和晓红", "副县长")]


def test_mongolian_names_and_names_inside_a_list_need_no_surname():
    # 乌审旗 (2025 news of a 旗人大 preparatory meeting): Mongolian names have no surname
    got = _posts("旗委书记王雪峰,旗委副书记、政府旗长希尼,旗人大常委会主任宝音满都呼,旗政协主席郝伟参加会议。")
    assert ("希尼", "政府旗长") in got and ("宝音满都呼", "旗人大常委会主任") in got and ("郝伟", "旗政协主席") in got
    # 赤峰 旗 news (2013, a 旗人大常委会 session): 宝玉 stands between two names of the list
    got = _posts("旗人大常委会主任齐双义、副主任于丽华、巴图、宝玉、李占鹏及17位人大常委会组成人员出席会议。")
    assert [g[0] for g in got if g[1] == "副主任"] == ["于丽华", "巴图", "宝玉", "李占鹏"]
    # a word after a title that no name follows is no name
    assert _posts("副主任于丽华、讲话稿、会议纪要出席。") == [("于丽华", "副主任")]


def test_what_befalls_a_person_after_the_name_ends_it_and_an_honour_is_no_post():
    # 2015 news of 任前公示 (湖南, 河北, 雲南; read as simplified by normalize())
    got = _posts("河北省邢台市威县县委书记吕志成已晋升为河北省衡水市领导,云南省洱源县委书记杨承贤拟任大理州副州长。")
    assert got == [("吕志成", "河北省邢台市威县县委书记"), ("杨承贤", "云南省洱源县委书记")]
    got = _posts("引人关注的是全国优秀县委书记、湖南省怀化市中方县县委书记张霞。")
    assert ("张霞", "湖南省怀化市中方县县委书记") in got
    assert not any("优秀" in p or p.startswith("是") for _, p in got)


def test_a_post_taken_or_held_then_de_names_its_holder():
    # 人民网 (2007 news of the 宁夏 人大常委会) and 新时报 (2020 news of 山东's mayors)
    assert _posts("出任自治区人民政府副主席的郝林海也做了表态发言。") == [("郝林海", "自治区人民政府副主席")]
    assert _posts("原任山东省应急管理厅党委书记、厅长的赵豪志,公开亮相。") == [
        ("赵豪志", "山东省应急管理厅党委书记"), ("赵豪志", "厅长")]
    # 的 after a post with no such verb before it names no holder
    assert _posts("县长的职责是什么,市长的讲话很重要。") == []


def test_a_nomination_among_the_posts_does_not_break_the_chain():
    # 新时报 (2020 news of 山东's mayors): 提名市长候选人 is no post; the posts around it are
    got = _posts("滨州市委副书记、提名市长候选人、市政府党组书记宋永祥主持会议。")
    assert sorted(got) == [("宋永祥", "市政府党组书记"), ("宋永祥", "滨州市委副书记")]


def test_a_post_already_held_after_the_name():
    # 网易号 (2025, 广灵县人大常委会 appointment; read as simplified by normalize())
    issue = normalize("網上有信息顯示,在履新副縣長之前,潘長江已擔任廣靈縣政府黨組成員。\n")
    got = [(r.person, r.post) for r in person_posts.extract(issue)]
    assert got == [("潘长江", "广灵县政府党组成员")]


def test_despaced_keeps_every_characters_offset():
    """despaced drops each space, tab or ideographic space unless it stands alone between
    Latin letters or digits, and Span.at gives where each kept character stood."""
    from govkg.extractors.person_posts import despaced

    def by_character(text: str, start: int, end: int) -> tuple[str, list[int]]:
        kept = []
        for i in range(start, end):
            ch = text[i]
            if ch in " \u3000\t":
                prev = text[i - 1] if i > start else ""
                nxt = text[i + 1] if i + 1 < end else ""
                if not (prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum()):
                    continue
            kept.append(i)
        return "".join(text[i] for i in kept), kept

    text = "x 副 市 长　汤筱疏  参加\t会议，COVID 19 与 2019 年 a  b 　 ，末 "
    for start, end in ((0, len(text)), (1, len(text) - 1), (2, 9), (16, 30), (0, 0), (4, 5)):
        span = despaced(text, start, end)
        want, offsets = by_character(text, start, end)
        assert span.text == want
        assert [span.at(i) for i in range(len(span.text))] == offsets
    assert despaced(text, 0, len(text)).text.startswith("x副市长汤筱疏参加会议，COVID 19与2019年ab，末")
