"""Pairings (山海协作, 对口支援) on the seeds and on one inline case per rule."""
import json

import pytest

from govkg.extractors import pairings
from govkg.extractors.layout import normalize
from govkg.extractors.records import to_json
from tests.helpers import GOLD, load_seed, scorer, seed_file


def _f1(prefix: str) -> float:
    """score.py's F1 for this extractor's records alone against the seed's gold."""
    judge = scorer()
    name = seed_file(prefix).stem
    gold = json.loads((GOLD / f"{name}.json").read_text("utf-8"))
    pred = {"pairings": [to_json(r) for r in pairings.extract(load_seed(prefix))]}
    row = judge.score(pred, gold).get("pairings")
    if row is None:   # neither side has any: nothing to get wrong
        return 1.0
    return judge.prf(row["tp"], row["pred"], row["gold"])[2]


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_pairings_floor_against_gold(prefix):
    assert _f1(prefix) >= 0.90


def _pairs(text: str, name="温州市人民政府公报"):
    issue = normalize(f"{name}（总第1期） 政务简讯\n{text}")
    return [(p.a, p.b, p.kind) for p in pairings.extract(issue)]


def _text(text: str):
    """Pairs of a text that is no gazette issue (no home city)."""
    return sorted((p.a, p.b, p.kind) for p in pairings.extract(normalize(text)))


def test_home_city_from_the_gazette_name():
    issue = normalize("温州市人民政府公报（总第1期） 政务简讯\n正文。")
    assert pairings.home_city(issue).full == "温州市"


def test_dash_pair_before_enclave_word():
    assert _pairs("推动鹿城—泰顺“飞地”总部经济园区建设。") == [("鹿城区", "泰顺县", "山海协作")]


def test_one_character_abbreviations_before_enclave_word():
    assert _pairs("推动鹿—泰“飞地”创新平台建设。") == [("鹿城区", "泰顺县", "山海协作")]


def test_counterpart_support_meeting_title():
    assert _pairs("温州市—格尔木市对口支援工作座谈会召开。") == [("温州市", "格尔木市", "对口支援")]


def test_a_with_b_established_counterpart_support():
    assert _pairs("温州与格尔木于2010年建立对口支援关系。") == [("温州市", "格尔木市", "对口支援")]


def test_both_places_pairs_home_with_the_place_of_the_report():
    text = "青海省格尔木市党政代表团来温考察。\n格尔木市委书记出席。两地自启动对口支援工作以来，成效显著。"
    assert _pairs(text) == [("温州市", "格尔木市", "对口支援")]


def test_a_dash_without_partnership_word_is_not_a_pair():
    # A meeting named after two places, as in seed 000's diary.
    assert _pairs("△ 副市长苗伟伦参加阿拉尔市-温州市产业对接会。") == []


def test_shredded_table_row_with_the_kind_of_the_document_above():
    above = "关于打造山海协作工程升级版的实施意见\n" + "推进山海协作工程。\n" * 2
    table = "1\n泰\n顺\n-鹿\n城\n2.\n06\n5"
    assert _pairs(above + table + "\n结束了的一段话很长很长。") == [("泰顺县", "鹿城区", "山海协作")]


def test_shredded_run_without_a_partnership_document_is_not_a_pair():
    table = "1\n泰\n顺\n-鹿\n城\n2.\n06"
    assert _pairs("某某统计表\n" + table + "\n结束了的一段话很长很长。") == []


def test_seed_000_table_pairs_cite_their_raw_lines():
    found = {(p.a, p.b): p for p in pairings.extract(load_seed("000"))}
    assert found[("苍南县", "龙湾区")].source.line == 406
    assert found[("平阳县", "乐清市")].source.quote == "平阳-乐清"


def test_a_with_b_paired_within_the_province():
    assert _pairs("鹿城区与泰顺县结对以来，合作不断深化。") == [("鹿城区", "泰顺县", "山海协作")]


def test_a_pairing_across_provinces_is_not_shanhai_cooperation():
    assert _pairs("瓯海区与格尔木市结对以来，合作不断深化。") == [("瓯海区", "格尔木市", "other")]


# --- other places' texts (real excerpts) ---------------------------------------------------


def test_helper_helps_a_list_of_places_under_their_provinces():
    # 宁波日报 2016-12-08, reprint of Xinhua: the 东西部扶贫协作 pairing list
    text = ("调整后的东西部扶贫协作结对关系为:北京市帮扶内蒙古自治区、河北省张家口市和保定市;"
            "天津市帮扶甘肃省、河北省承德市;辽宁省大连市帮扶贵州省六盘水市。")
    assert _text(text) == sorted([
        ("北京市", "内蒙古自治区", "other"), ("北京市", "张家口市", "other"),
        ("北京市", "保定市", "other"), ("天津市", "甘肃省", "other"),
        ("天津市", "承德市", "other"), ("大连市", "六盘水市", "other")])


def test_a_list_cut_off_by_the_end_of_the_text_loses_its_last_name():
    text = "调整后的东西部扶贫协作结对关系为:宁波市帮扶吉林省延边朝鲜族自治州、贵州省黔西南"
    assert _text(text) == [("宁波市", "延边朝鲜族自治州", "other")]


def test_coordinated_places_are_not_a_pair():
    # same article: 北京市、天津市与河北省 is a coordination, not A与B
    assert _text("落实北京市、天津市与河北省扶贫协作任务。") == []


def test_dash_chain_pairs_the_host_with_each_partner():
    # 浙江在线 2018-11-15: 嘉善 hosts the enclave of 庆元 (浙江, 山海协作) and 九寨沟 (四川)
    text = "山海协作再传喜讯,日前,嘉善—庆元—九寨沟“飞地”产业园在嘉兴市嘉善县动工。"
    assert _text(text) == [("嘉善县", "九寨沟县", "other"), ("嘉善县", "庆元县", "山海协作")]


def test_corps_city_keeps_its_division():
    # 杭州网 2024-03-27
    text = "姚高员说,对口援疆是国家战略,杭州将打好产业援疆组合拳,有效联接杭州和第一师阿拉尔市两地的资源优势。"
    assert _text(text) == [("杭州市", "第一师阿拉尔市", "对口支援")]


def test_a_paired_with_b_by_the_province():
    # 杭州日报 2022-07-06
    text = "去年七月,浙江对山海协作结对关系进行调整,明确由滨江区结对泰顺县,并派遣三名干部赴泰顺挂职。"
    assert _text(text) == [("滨江区", "泰顺县", "山海协作")]


def test_a_and_b_building_a_park_together():
    # 浙江日报 2014-10-26
    assert _text("这就是遂昌与诸暨共建的山海协作产业园,面积约8000亩。") == [("遂昌县", "诸暨市", "山海协作")]


def test_dash_pair_before_a_cut_off_shanhai():
    assert _text("在龙游县的龙游—镇海山海") == [("龙游县", "镇海区", "山海协作")]


def test_city_of_a_province_paired_with_a_county_in_an_aid_sentence():
    # 扬州援疆 report: 对口援疆 in the sentence makes the 帮扶 pair 对口支援
    text = "2011年,根据党中央对口援疆战略部署,江苏省扬州市与新源县结成了帮扶对子。"
    assert _text(text) == [("扬州市", "新源县", "对口支援")]


def test_clause_subject_supports_a_place_by_its_former_name():
    # 库车县 became 库车市 (2019): written as the division in use
    text = "自2010年新一轮援疆工作启动以来,宁波市按照中央和省委省政府的工作部署对口支援新疆阿克苏地区库车县。"
    assert _text(text) == [("宁波市", "库车市", "对口支援")]


def test_a_hospital_is_not_a_place():
    text = "天津医科大学总医院与和田地区人民医院建立“医联体”,开展对口支援。"
    assert _text(text) == []


def test_ambiguous_district_read_near_its_partner():
    # 新华社 2023: 西湖区 of 杭州 (not of 南昌), so the pair stays within 浙江
    text = "一个坐拥千年锦绣的西湖,杭州淳安县与西湖区借“山海协作”牵手多年。"
    assert _text(text) == [("淳安县", "西湖区", "山海协作")]


def test_one_character_abbreviations_need_a_home_city():
    assert _text("推动鹿—泰“飞地”创新平台建设。") == []


def test_one_subject_for_two_verbs_and_no_pair_among_the_objects():
    # the pattern of 深圳's 对口支援 (新疆喀什, 西藏林芝) and 对口帮扶 (广西百色, 河池) reports
    text = "深圳市对口支援新疆喀什地区和西藏林芝市，对口帮扶广西百色市、河池市。"
    assert _text(text) == sorted([
        ("深圳市", "喀什地区", "对口支援"), ("深圳市", "林芝市", "对口支援"),
        ("深圳市", "百色市", "对口支援"), ("深圳市", "河池市", "对口支援")])


def test_corps_division_in_a_list_of_supported_places():
    text = "根据中央部署，浙江省对口支援新疆阿克苏地区、兵团第一师阿拉尔市。"
    assert _text(text) == [("浙江省", "第一师阿拉尔市", "对口支援"), ("浙江省", "阿克苏地区", "对口支援")]


def test_governments_of_two_places_stand_for_the_places():
    assert _text("温州市人民政府与格尔木市人民政府签订对口支援合作协议。") == [("温州市", "格尔木市", "对口支援")]


def test_a_city_helping_its_own_county_is_no_pairing():
    assert _text("温州市帮扶泰顺县低收入农户增收，推进山海协作。") == []


def test_two_places_listed_in_a_sentence_on_cooperation_are_not_paired():
    # 浙江日报 2014-10-26: 衢州、丽水 are both 山海协作's mountain side
    assert _text("据测算,衢州、丽水两市高达七成五的工业项目都是山海协作的结晶。") == []


def test_short_verb_bang_between_two_places():
    # 农民日报 2021-08-02, on the 1996 东西部扶贫协作 list; "帮助" pairs nothing
    text = "确定了对口帮扶关系:北京帮内蒙古;天津帮甘肃;深圳、青岛、大连、宁波等四个计划单列市帮贵州。"
    assert _text(text) == [("北京市", "内蒙古自治区", "other"), ("天津市", "甘肃省", "other")]
    assert _text("杭州市与衢州市携手帮助企业纾困。") == []


def test_counterpart_help_takes_the_kind_of_its_sentence():
    # 对口帮扶 in a sentence on 援疆 is 对口支援; alone it is other
    assert _text("按照对口援疆部署，深圳市对口帮扶喀什地区。") == [("深圳市", "喀什地区", "对口支援")]
    assert _text("广州市对口帮扶清远市。") == [("广州市", "清远市", "other")]


def test_middle_dot_joins_two_places_in_a_meeting_name():
    # 曲松县 site, 2021-10-14
    text = "湖北省党政代表团在山南市进行考察调研,并举行湖北·西藏对口支援工作座谈会,深化鄂藏两地交流合作。"
    assert _text(text) == [("湖北省", "西藏自治区", "对口支援")]


def test_city_supports_a_county_of_another_city():
    # 中国江苏网 2017-09-19
    text = "自1995年起苏州市对口支援拉萨市林周县,在江苏省委、省政府的统一领导下,认真选派援藏干部。"
    assert _text(text) == [("苏州市", "林周县", "对口支援")]


def test_two_places_that_sign_a_pairing_agreement_are_its_sides():
    # 吕梁 (山西日报, 2010): 孝义市 and 石楼县 signed a 结对帮扶 agreement.
    from govkg.extractors.layout import normalize
    from govkg.extractors.pairings import extract

    issue = normalize("孝义市、石楼县于2006年签订“结对帮扶”协议,在吕梁市乃至全省首开富县和贫县结对带动、和谐共赢之先河。\n", "x.txt")
    assert [(p.a, p.b, p.kind) for p in extract(issue)] == [("孝义市", "石楼县", "other")]
    # One of three places that sign together is not paired with another of them by 、 alone.
    issue = normalize("今年5月,嘉善县与庆元县、九寨沟县共同签订了合作协议,共建“飞地抱团”强村产业园。\n", "x.txt")
    assert ("庆元县", "九寨沟县") not in [(p.a, p.b) for p in extract(issue)]


def test_the_corps_is_not_the_region_its_city_is_printed_under():
    # 2022-05 news, printed in traditional characters: 保定 pairs with a 兵团 city, not with 新疆.
    text = "近日,保定市政府和新疆生產建設兵團第二師鐵門關市就鄉村振興結對幫扶工作簽約,標志著雙方“縣連幫扶”工作按下加速鍵。\n"
    assert _pairs(text) == [("保定市", "第二师铁门关市", "other")]


def test_a_place_respectively_with_another():
    # 绍兴 (2023 news, printed in traditional characters): "…分别与" between the place and 与
    assert _text("自2021年新一輪東西部協作以來,紹興市縣兩級分別與樂山及其所轄縣(區)結對。") == [
        ("绍兴市", "乐山市", "other")]
    assert _text("杭州市分别与恩施州、黔东南州开展东西部协作。") == [
        ("杭州市", "恩施土家族苗族自治州", "other"), ("杭州市", "黔东南苗族侗族自治州", "other")]


def test_each_place_of_a_subject_list_pairs_with_the_object():
    # 晋中 (2021 news of 县际结对帮扶): a zone in the list (even one named after a place) is no place
    assert _text("其中由介休市、综改示范区晋中开发区结对帮扶榆社县,灵石县结对帮扶左权县。") == [
        ("介休市", "榆社县", "other"), ("灵石县", "左权县", "other")]
    assert _text("杭州市、宁波市结对帮扶丽水市。") == [("宁波市", "丽水市", "other"), ("杭州市", "丽水市", "other")]


def test_a_place_towards_places_then_kaizhan():
    # 宁波象山 (2018 news of a delegation to 延边, printed in traditional characters)
    assert _text("寧波象山縣委副書記、縣長黃煥利率象山代表團赴吉林省延邊州龍井市、敦化市開展對口幫扶協作工作。") == [
        ("象山县", "敦化市", "other"), ("象山县", "龙井市", "other")]
    assert _text("象山縣對敦化市開展了多形式、多渠道、多層次的對口幫扶工作。") == [("象山县", "敦化市", "other")]
    # a visit without a word of partnership pairs nothing
    assert _text("象山代表團赴敦化市開展考察調研。") == []


def test_a_village_named_like_a_city_is_no_place():
    # 秀山 (news of 合川区's 对口帮扶 visit): 桂林村 is a village of 岑溪乡, not 桂林市
    assert _text("会上,梅江镇民族村、岑溪乡桂林村分别与合川区太和镇、盐井街道签订了帮扶协议。") == []


def test_a_verb_without_object_takes_the_places_of_the_verb_before():
    # 台州 (2017 news of an East–West cooperation signing, printed in traditional characters)
    got = _text("按照省委、省政府對口支援工作安排,臺州市對口幫扶四川省樂山市峨邊彝族自治縣,由椒江區結對。")
    assert [(a, b) for a, b, _ in got] == [("台州市", "峨边彝族自治县"), ("椒江区", "峨边彝族自治县")]
    # a verb with its own object does not take the places before it
    got = _text("温州市对口支援格尔木市,由鹿城区结对泰顺县。")
    assert [(a, b) for a, b, _ in got] == [("温州市", "格尔木市"), ("鹿城区", "泰顺县")]


def test_a_delegation_goes_to_the_place_the_partnership_word_describes():
    # 中国西藏网 (2017): 襄阳 mayor's delegation to 琼结县, "赴对口援藏的琼结县考察"
    got = _text("近日，湖北省襄阳市委副书记、市长秦军率襄阳市考察团赴对口援藏的琼结县考察。")
    assert got == [("襄阳市", "琼结县", "对口支援")]
    # a visit without a word of partnership before the place pairs nothing
    assert _text("襄阳市考察团赴琼结县考察，对口援藏工作成效显著。") == []
    # 日照 news (2018, printed in traditional characters): the place before the word describes it
    got = _text("12月23日至25日，日照對口支援的新疆喀什地區麥蓋提縣政協主席艾克拜爾·麥麥提明，帶領縣黨政代表團到日照。")
    assert got == [("日照市", "麦盖提县", "对口支援")]


def test_the_places_listed_within_a_prefecture_are_the_partners():
    # 新华网 2010-04-19 (printed in traditional characters): Beijing supports four places of
    # 和田地区, named after "和田地區的"; the 兵团 division's 团场 are no place of the gazetteer.
    got = _text("按照中央的總體部署，北京市對口支援和田地區的和田市、和田縣、墨玉縣、洛浦縣和新疆生產建設兵團農十四師團場。")
    assert sorted(got) == sorted([("北京市", "和田市", "对口支援"), ("北京市", "和田县", "对口支援"),
                                  ("北京市", "墨玉县", "对口支援"), ("北京市", "洛浦县", "对口支援")])
    # "的" before a place not within the one before it does not list it
    assert _text("北京市对口支援和田地区的喀什市。") == [("北京市", "和田地区", "对口支援")]
    # a list item followed by a verb of partnership is the next clause's subject
    assert _text("北京帮扶河北的保定、天津帮扶甘肃。") == [("北京市", "保定市", "other"), ("天津市", "甘肃省", "other")]


def test_two_lists_of_places_around_fenbie_yu_pair_item_by_item():
    # 经济日报 2017-04-06 (天津承德五对区县“结对”帮扶): five districts, 分别与, five counties
    got = _text("天津市东丽区、西青区、津南区、北辰区、武清区日前分别与河北承德市承德县、平泉县、隆化县、兴隆县、"
                "围场满族蒙古族自治县签署了《携手奔小康行动协议书》，建立“一对一”结对关系，相互精准帮扶。")
    assert sorted((a, b) for a, b, _ in got) == sorted([
        ("东丽区", "承德县"), ("西青区", "平泉市"), ("津南区", "隆化县"), ("北辰区", "兴隆县"),
        ("武清区", "围场满族蒙古族自治县")])
    # lists of different lengths are not paired item by item
    assert ("东丽区", "承德县") not in {(a, b) for a, b, _ in _text(
        "天津市东丽区、西青区分别与承德县、平泉县、隆化县签署了结对帮扶协议。")}


def test_two_places_a_text_of_no_gazette_names_most_are_its_liang_di():
    # 台州日报 2023-09-04: "我市" is the paper's city; 台州 and 第一师阿拉尔市 are named most
    text = ("本报讯 8月31日至9月3日，新疆第一师阿拉尔市党政代表团来我市考察，两地召开对口支援工作座谈会。"
            "师市党委书记、政委丁翊强，台州市领导李跃旗等参加相关活动。\n"
            "李跃旗说，自2010年结对以来，台州坚决扛牢扛实对口援疆的光荣使命，走出了一条体现台州特色、"
            "符合阿拉尔实际的援疆之路。\n"
            "丁翊强说，多年来，台州市委市政府始终把对口援疆工作作为一项重大政治任务，在助力阿拉尔市建设"
            "南疆兵团中心城市中发挥了重要作用。\n")
    assert _text(text) == [("台州市", "第一师阿拉尔市", "对口支援")]
    # two places named once each are not enough to say which two "两地" are
    assert _text("新疆第一师阿拉尔市党政代表团来我市考察，两地召开对口支援工作座谈会。台州市领导参加。\n") == []
