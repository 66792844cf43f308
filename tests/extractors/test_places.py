"""The national gazetteer (ontology/divisions.tsv) and its reader extractors/places.py."""
from govkg.extractors import places


def test_gazetteer_is_national_with_codes_levels_and_parents():
    g = places.gazetteer()
    assert len(g) > 3000
    taishun = places.by_code("330329")
    assert (taishun.full, taishun.short, taishun.level, taishun.parent) == ("泰顺县", "泰顺", "county", "温州市")
    assert places.parent_of(taishun).full == "温州市"
    assert places.province_of(taishun).full == "浙江省"
    assert places.province_of(places.by_code("330000")).full == "浙江省"
    assert places.parent_of(places.by_code("330000")) is None


def test_short_forms_of_autonomous_areas_drop_their_nationalities():
    assert places.resolve("新疆").full == "新疆维吾尔自治区"
    assert places.resolve("内蒙古").full == "内蒙古自治区"
    assert places.resolve("海西州").full == "海西蒙古族藏族自治州"
    assert places.resolve("景宁").full == "景宁畲族自治县"
    assert places.resolve("克孜勒苏州").full == "克孜勒苏柯尔克孜自治州"
    # 长白朝鲜族自治县: the 白 of 长白 is no nationality
    assert places.resolve("长白").full == "长白朝鲜族自治县"


def test_former_names_lead_to_the_division_in_use():
    assert places.resolve("洞头县").full == "洞头区"
    assert places.resolve("库车县").full == "库车市"
    assert "崇文区" in places.resolve("东城区").former


def test_ambiguous_names_keep_every_place_and_prefer_home():
    chaoyang = places.lookup("朝阳区")
    assert len(chaoyang) >= 2 and {p.parent for p in chaoyang} >= {"北京市", "长春市"}
    assert places.resolve("朝阳区", home="长春市").parent == "长春市"
    assert places.resolve("朝阳区", home="北京市").parent == "北京市"
    assert places.resolve("西湖区", home="杭州市").parent == "杭州市"
    assert places.resolve("西湖区", home="南昌市").parent == "南昌市"
    assert places.resolve("吉林").full == "吉林省"          # the higher level without context


def test_one_character_abbreviations_only_within_home():
    assert places.resolve("鹿", home="温州市").full == "鹿城区"
    assert places.resolve("鹿") is None
    assert places.resolve("某地") is None


def test_find_places_longest_match_and_corps_prefix():
    # 宁波日报 reprint of Xinhua, 2016 (东西部扶贫协作 list)
    text = "北京市帮扶内蒙古自治区、河北省张家口市和保定市"
    found = [(text[s:e], p.full) for s, e, p in places.find_places(text)]
    assert found == [("北京市", "北京市"), ("内蒙古自治区", "内蒙古自治区"), ("河北省", "河北省"),
                     ("张家口市", "张家口市"), ("保定市", "保定市")]
    # 杭州网, 2024: a 兵团 city printed with its division
    text = "由新疆生产建设兵团第一师阿拉尔市党委书记率领的代表团"
    spans = [(text[s:e], p.full) for s, e, p in places.find_places(text)]
    # 新疆 opens the corps' name (a body), not a mention of the region.
    assert spans == [("新疆生产建设兵团第一师阿拉尔市", "阿拉尔市")]
    assert places.corps_division(spans[-1][0]) == "第一师"
    assert places.corps_division("阿拉尔市") == ""


def test_ordinary_words_are_not_read_as_places():
    # 资源 (资源县), 合作 (合作市) and 公安 (公安县) are words first
    text = "整合资源，加强合作，公安机关依法处置。"
    assert list(places.find_places(text)) == []
    assert places.resolve("资源").full == "资源县"       # still known by name
