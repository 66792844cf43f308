"""The 领导分工 extractor on the notice 温政发〔2020〕10号 (seed 003) and on tiny inline notices.

The expectations below are our own reading of the notice (there is no reference answer for
responsibilities): every leader, every relation, every object.
"""
from collections import Counter

from govkg.extractors import responsibilities
from govkg.extractors.layout import normalize
from tests.helpers import load_seed


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
    # SCHEMA.md: a trailing 工作 is dropped unless that leaves a fragment.
    assert _of(records, "娄绍光", "assists") == ["防汛抗旱"]
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
    # Provenance: the clause that states the record is quoted from the text at its line.
    first = records[0]
    assert first.source.quote == "领导市政府全面工作" and first.source.line == 9


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


# --- other governments' layouts (short excerpts of real public texts) -----------------------


def _got(text):
    return [(r.person, r.relation, r.object) for r in responsibilities.extract(normalize(text))]


def test_name_and_post_on_a_line_of_their_own_then_the_duties():
    # 上海市市长、副市长工作分工 (中国上海门户网站), names printed padded.
    text = (
        "市长、副市长工作分工\n"
        "龚　正 市长\n"
        "领导市政府全面工作。\n"
        "陈寅常务副市长\n"
        "负责发展和改革、应急管理等工作。协助分管财政、审计工作。\n"
        "分管市发展和改革委员会(市物价局)及市粮食和物资储备局,市应急管理局。协助分管市财政局,市审计局。\n"
        "舒庆副市长\n"
        "兼市公安局局长,负责公安、司法行政等工作。\n"
        "分管市公安局,市司法局及市监狱管理局。\n"
        "联系市总工会,团市委,市妇联,市残联等群众团体和部队(武警部队)。\n"
    )
    assert _got(text) == [
        ("龚正", "responsible_for", "市政府全面工作"),
        ("陈寅", "responsible_for", "发展和改革"),
        ("陈寅", "responsible_for", "应急管理"),
        ("陈寅", "assists", "财政"),
        ("陈寅", "assists", "审计"),
        ("陈寅", "supervises", "市发展和改革委员会(市物价局)"),
        ("陈寅", "supervises", "市粮食和物资储备局"),
        ("陈寅", "supervises", "市应急管理局"),
        ("陈寅", "assists", "市财政局"),
        ("陈寅", "assists", "市审计局"),
        ("舒庆", "responsible_for", "公安"),
        ("舒庆", "responsible_for", "司法行政"),
        ("舒庆", "supervises", "市公安局"),
        ("舒庆", "supervises", "市司法局"),
        ("舒庆", "supervises", "市监狱管理局"),
        ("舒庆", "liaises", "市总工会"),
        ("舒庆", "liaises", "团市委"),
        ("舒庆", "liaises", "市妇联"),
        ("舒庆", "liaises", "市残联"),
        ("舒庆", "liaises", "部队(武警部队)"),
    ]


def test_post_name_and_verb_in_one_sentence():
    # 湖南省人民政府领导成员工作分工 (浙江在线, 2013).
    text = (
        "印发了《湖南省人民政府领导成员工作分工》的通知,明确了省政府领导分工。\n"
        "代省长杜家毫领导省政府全面工作。负责财政、审计、机构编制方面工作。分管省财政厅、省审计厅、省编办。\n"
        "副省长黄兰香负责工业和信息化、国有资产监管和企业改革、通信和台湾事务方面工作。\n"
        "省长助理袁建尧分管“两烟”工作,协助管理法制、内河港口建设方面工作。\n"
        "秘书长戴道晋负责省政府日常工作,负责省政府办公厅(省政府研究室)、省政府驻外办事处工作。\n"
    )
    assert _got(text) == [
        ("杜家毫", "responsible_for", "省政府全面工作"),
        ("杜家毫", "responsible_for", "财政"),
        ("杜家毫", "responsible_for", "审计"),
        ("杜家毫", "responsible_for", "机构编制"),
        ("杜家毫", "supervises", "省财政厅"),
        ("杜家毫", "supervises", "省审计厅"),
        ("杜家毫", "supervises", "省编办"),
        # Areas joined by 和 stay whole.
        ("黄兰香", "responsible_for", "工业和信息化"),
        ("黄兰香", "responsible_for", "国有资产监管和企业改革"),
        ("黄兰香", "responsible_for", "通信和台湾事务"),
        ("袁建尧", "supervises", "“两烟”"),
        ("袁建尧", "assists", "法制"),
        ("袁建尧", "assists", "内河港口建设"),
        ("戴道晋", "responsible_for", "省政府日常工作"),
        ("戴道晋", "responsible_for", "省政府办公厅(省政府研究室)"),
        ("戴道晋", "responsible_for", "省政府驻外办事处"),
    ]


def test_a_name_alone_then_its_post_and_duties_and_a_lead_stated_once():
    # 广东省政府领导同志分工 (央广网, 2017): the lead repeats the governor's duties.
    text = (
        "8月17日,广东省政府网站公布了新的省政府领导同志分工。根据最新调整,省长马兴瑞主持省政府全面工作,负责省政府机关、编制方面工作。\n"
        "具体分工如下:\n"
        "马兴瑞\n"
        "省长,主持省政府全面工作。负责省政府机关、编制方面工作。\n"
        "李春生\n"
        "副省长兼任省公安厅厅长,负责公安、司法、海防与打私方面工作。\n"
        "陈云贤\n"
        "省政府党组成员,协助省长负责商务、口岸、金融工作。\n"
    )
    assert _got(text) == [
        ("马兴瑞", "responsible_for", "省政府全面工作"),
        ("马兴瑞", "responsible_for", "省政府机关"),
        ("马兴瑞", "responsible_for", "编制"),
        # 兼任 states a post, not a responsibility.
        ("李春生", "responsible_for", "公安"),
        ("李春生", "responsible_for", "司法"),
        ("李春生", "responsible_for", "海防与打私"),
        ("陈云贤", "assists", "商务"),
        ("陈云贤", "assists", "口岸"),
        ("陈云贤", "assists", "金融"),
    ]


def test_news_headline_and_lead_name_a_leader_before_the_verb():
    # A news reprint of 上海市市长、副市长工作分工 (2021): headline and lead.
    text = (
        "原标题:上海市长、副市长最新分工公布,张为负责交通、机关事务管理等工作\n"
        "中国上海门户网站今天公布了上海市市长、副市长工作分工。根据分工,副市长张为分管市交通委员会及市道路运输管理局、市机关事务管理局。\n"
        "具体分工情况如下:\n"
    )
    records = list(responsibilities.extract(normalize(text)))
    assert [(r.person, r.relation, r.object) for r in records] == [
        ("张为", "responsible_for", "交通"),
        ("张为", "responsible_for", "机关事务管理"),
        ("张为", "supervises", "市交通委员会"),
        ("张为", "supervises", "市道路运输管理局"),
        ("张为", "supervises", "市机关事务管理局"),
    ]
    # The source quotes the whole clause, not only the body's name.
    assert records[2].source.quote == "分管市交通委员会及市道路运输管理局、市机关事务管理局"
    assert records[2].source.line == 2


def test_a_department_s_leaders_in_one_sentence():
    # 苏家屯区人民政府办公室领导同志工作分工 (sjtq.gov.cn, 2023).
    text = (
        "沈阳市苏家屯区人民政府办公室关于印发区政府办公室相关领导工作分工的解读\n"
        "根据工作需要,区政府办公室主任华毅同志主持全面工作,副主任杨烨同志分管文秘科和督查科工作,"
        "副主任刘文超同志分管综合三科和综合二科工作。\n"
    )
    assert _got(text) == [
        ("华毅", "responsible_for", "全面工作"),
        ("杨烨", "supervises", "文秘科"),
        ("杨烨", "supervises", "督查科"),
        ("刘文超", "supervises", "综合三科"),
        ("刘文超", "supervises", "综合二科"),
    ]


def test_a_district_list_with_colons_summaries_and_liaising_by_负责与():
    # 区政府领导分工 (liangyuan.gov.cn; a district page on rumenshu.com), leader's line ours.
    text = (
        "区政府领导班子成员分工\n"
        "张三 常务副区长\n"
        "协助区长负责区政府日常工作。负责综合协调、经济运行等工作。\n"
        "分管:区政府办公室、发改委、财政局等单位;协助区长分管审计工作。\n"
        "联系:区人大、区政协,金融、保险、证券等企业。\n"
        "李四 副区长\n"
        "分管区发改局、区财政局。协助区长管理区政府办公室。\n"
        "负责与区人大、区政协、区武装部、驻区企业联系。\n"
    )
    assert _got(text) == [
        ("张三", "assists", "日常工作"),
        ("张三", "responsible_for", "综合协调"),
        ("张三", "responsible_for", "经济运行"),
        ("张三", "supervises", "区政府办公室"),
        ("张三", "supervises", "发改委"),
        ("张三", "supervises", "财政局"),
        ("张三", "assists", "审计"),
        ("张三", "liaises", "区人大"),
        ("张三", "liaises", "区政协"),
        ("张三", "liaises", "金融"),
        ("张三", "liaises", "保险"),
        ("张三", "liaises", "证券"),
        ("李四", "supervises", "区发改局"),
        ("李四", "supervises", "区财政局"),
        ("李四", "assists", "区政府办公室"),
        ("李四", "liaises", "区人大"),
        ("李四", "liaises", "区政协"),
        ("李四", "liaises", "区武装部"),
        ("李四", "liaises", "驻区企业"),
    ]


def test_no_duties_while_away_and_a_post_held_concurrently():
    text = (
        "关于调整县政府领导分工的通知\n"
        "王五 县长\n"
        "主持县政府全面工作。\n"
        "赵六 副县长\n"
        "在省委党校学习期间，暂不分工。\n"
        "某某县人民政府\n"
        "2023年4月1日\n"
    )
    records = list(responsibilities.extract(normalize(text)))
    assert [(r.person, r.relation, r.object) for r in records] == [
        ("王五", "responsible_for", "县政府全面工作"),
        ("赵六", "none", None),
    ]
    assert {r.date for r in records} == {"2023-04-01"}


def test_and_splits_two_bodies_but_not_two_areas():
    assert [o for _r, _a, _b, _o, o in responsibilities.clauses("分管市市场监督管理局及市药品监督管理局。")] == [
        "市市场监督管理局", "市药品监督管理局"]
    assert [o for *_x, o in responsibilities.clauses("负责中国(上海)自由贸易试验区及临港新片区建设等工作。")] == [
        "中国(上海)自由贸易试验区及临港新片区建设"]
    assert [o for *_x, o in responsibilities.clauses("负责住房和城乡建设工作。")] == ["住房和城乡建设"]


def test_no_division_word_no_records():
    # A diary line names a vice mayor and a verb, but no division of work is printed.
    assert _got("副市长张三负责会议组织工作。\n") == []


def test_numbered_leaders_a_bracketed_post_and_a_labelled_list():
    # Forms of county and district notices: "一、" before the leader, the post in brackets,
    # "并负责", "分管单位：".
    text = (
        "关于调整区政府领导工作分工的通知\n"
        "一、张三（区长）\n"
        "主持区政府全面工作。分管区审计局。\n"
        "二、李小四 常务副区长\n"
        "负责区政府常务工作，并负责财政、税务工作。\n"
        "分管单位：区财政局、区税务局。\n"
    )
    assert _got(text) == [
        ("张三", "responsible_for", "区政府全面工作"),
        ("张三", "supervises", "区审计局"),
        ("李小四", "responsible_for", "区政府常务工作"),
        ("李小四", "responsible_for", "财政"),
        ("李小四", "responsible_for", "税务"),
        ("李小四", "supervises", "区财政局"),
        ("李小四", "supervises", "区税务局"),
    ]


def test_post_name_colon_or_comma_then_duties_and_a_dotted_name():
    # "副县长袁永庆:负责工业与企业工作,分管工业局…" is the shape of county lists read aloud.
    text = (
        "县政府领导班子成员分工如下：\n"
        "副县长王五：负责工业与企业工作；分管县工业局、县商务局；联系县邮政局。\n"
        "常务副县长赵六，负责县政府常务工作。\n"
        "副县长阿依古丽·买买提负责教育、卫生健康工作。\n"
    )
    assert _got(text) == [
        ("王五", "responsible_for", "工业与企业"),
        ("王五", "supervises", "县工业局"),
        ("王五", "supervises", "县商务局"),
        ("王五", "liaises", "县邮政局"),
        ("赵六", "responsible_for", "县政府常务工作"),
        ("阿依古丽·买买提", "responsible_for", "教育"),
        ("阿依古丽·买买提", "responsible_for", "卫生健康"),
    ]


def test_a_roster_is_not_a_division():
    # A leading group's roster may print 分工, but "组长：张三 市长" heads no duties.
    text = (
        "领导小组成员工作分工\n"
        "组长：张三 市长\n"
        "副组长：李四 副市长\n"
        "领导小组办公室设在市发改委，负责日常工作。\n"
    )
    assert _got(text) == []


def test_a_leader_page_name_then_post_line_then_labelled_duties_and_a_date_above():
    # A county leader's page (四川, 工作分工：负责…。分管…等单位。联系…等单位。), name ours.
    text = (
        "县政府领导\n"
        "2013年5月2日\n"
        "张三\n"
        "县委常委、常务副县长\n"
        "工作分工:负责教育科技、卫生、食品安全等工作。分管县教育和科学技术局(县知识产权局)、县卫生局(县中医药管理局)等单位。"
        "联系县精神文明办、团县委、县红十字会等单位。\n"
    )
    records = list(responsibilities.extract(normalize(text)))
    assert [(r.person, r.relation, r.object) for r in records] == [
        ("张三", "responsible_for", "教育科技"),
        ("张三", "responsible_for", "卫生"),
        ("张三", "responsible_for", "食品安全"),
        ("张三", "supervises", "县教育和科学技术局(县知识产权局)"),
        ("张三", "supervises", "县卫生局(县中医药管理局)"),
        ("张三", "liaises", "县精神文明办"),
        ("张三", "liaises", "团县委"),
        ("张三", "liaises", "县红十字会"),
    ]
    assert {r.date for r in records} == {"2013-05-02"}


def test_prose_of_a_leader_s_share_of_the_work():
    # News wording of an adjusted division: "现任副市长X的分管工作中，…", "X的分管工作为：…";
    # "不再分管" takes nothing away here and adds nothing.
    text = (
        "市政府领导分工调整后，现任副市长张三的分管工作中，增加联系市科协、市侨联，不再分管市体育局。\n"
        "副市长李四的分管工作为：市教育局、市卫生健康委。\n"
    )
    assert _got(text) == [
        ("张三", "liaises", "市科协"),
        ("张三", "liaises", "市侨联"),
        ("李四", "supervises", "市教育局"),
        ("李四", "supervises", "市卫生健康委"),
    ]


def test_a_sentence_that_gives_a_leader_no_duties():
    text = (
        "市政府领导分工如下：\n"
        "副市长张三在中央党校学习，暂不分工。\n"
        "副市长李小明挂职期间不分管具体工作。\n"
        "副市长王五负责教育工作。\n"
    )
    assert _got(text) == [("张三", "none", None), ("李小明", "none", None), ("王五", "responsible_for", "教育")]


def test_chairing_a_meeting_and_an_adverb_after_a_post_are_no_duties():
    # News of a meeting (温州 gazette, 政务动态) and an education rule, in a text that speaks of 分工.
    text = (
        "各部门要按照工作分工抓好落实。\n"
        "12月2日，市委副书记、市长张三主持召开市政府常务会议，学习传达贯彻全国安全生产电视电话会议精神，部署安全生产及冬春火灾防控工作。\n"
        "坚持和完善校长负责制，校长全面负责学校的教育教学和行政管理工作。\n"
    )
    assert _got(text) == []


def test_a_reporters_account_of_a_division_of_work():
    # A 2016 news analysis of 厦门's 《关于市人民政府领导成员工作分工的通知》 (printed in traditional
    # characters; shortened): name before post in running text, 则/除了 before the verb, 他 for
    # the leader of the sentence, 以及/此外还有 before items, and the reporter's comments.
    text = ("廈門市政府近日發出《關于市人民政府領導成員工作分工的通知》。\n"
            "林文生副市長則負責農村、農業、水利、海洋等農業口,以及長泰枋洋水庫建設,有利于推進城鄉統籌發展;"
            "同時,他還分管火炬高新區,以及安全生產、應急管理,此外還有信訪、審計等。"
            "李棟梁副市長除了負責工業經濟和信息化等,還分管民政、雙擁等,體現更好地服務和保障民生。"
            "教育、文化等歸口由國桂榮副市長負責,將有利于統籌推進社會事業發展,她還負責醫藥衛生體制改革。\n")
    assert _got(text) == [
        ("林文生", "responsible_for", "农村"), ("林文生", "responsible_for", "农业"),
        ("林文生", "responsible_for", "水利"), ("林文生", "responsible_for", "海洋"),
        ("林文生", "responsible_for", "长泰枋洋水库建设"),
        ("林文生", "supervises", "火炬高新区"), ("林文生", "supervises", "安全生产"),
        ("林文生", "supervises", "应急管理"), ("林文生", "supervises", "信访"), ("林文生", "supervises", "审计"),
        ("李栋梁", "responsible_for", "工业经济和信息化"),
        ("李栋梁", "supervises", "民政"), ("李栋梁", "supervises", "双拥"),
        # the inverted sentence: the areas before 由, the leader after it
        ("国桂荣", "responsible_for", "教育"), ("国桂荣", "responsible_for", "文化")]
    # 她 has no leader named before it in its sentence (国桂荣 is the object of 由): nothing,
    # rather than 李栋梁's.


def test_areas_assigned_by_you_to_a_leader_and_a_lead_that_goes_on():
    # The same 2016 厦门 news analysis: "…等专项工作，均由郑云峰负责" (a bare name), the summary
    # after 等 dropped; the mayor's 主持…全面工作 followed by the report's words after a comma.
    text = ("廈門市政府近日發出《關于市人民政府領導成員工作分工的通知》顯示,市長裴金佳主持市政府全面工作,各位副市長的分工明確。\n"
            "發展改革、財稅金融等宏觀經濟管理,以及老廠房改造提升等專項工作,均由鄭云峰負責。\n")
    assert _got(text) == [
        ("裴金佳", "responsible_for", "市政府全面工作"),
        ("郑云峰", "responsible_for", "发展改革"), ("郑云峰", "responsible_for", "财税金融"),
        ("郑云峰", "responsible_for", "老厂房改造提升")]
    # "NAME作为POST，负责…"; "市长外出时，主持市政府工作" stands in on occasion: no duty
    got = _got("关于市人民政府领导成员工作分工的通知显示：\n"
               "鄭云峰作為常務副市長,負責市政府常務工作;市長外出時,主持市政府工作。\n")
    assert got == [("郑云峰", "responsible_for", "市政府常务工作")]
    # "由" a body is no leader: "…工作由市财政局负责"
    assert _got("关于市政府领导工作分工的通知\n预算编制工作由市财政局负责。\n") == []


def test_a_closing_summary_after_the_last_item_is_no_area():
    got = _got("关于市政府领导工作分工的通知\n副市长张三负责财政、审计、统计等经济管理工作。\n副市长李四负责高等教育、中等职业教育。\n")
    assert ("张三", "responsible_for", "统计") in got and ("李四", "responsible_for", "高等教育") in got
    assert ("李四", "responsible_for", "中等职业教育") in got


def test_a_liaison_list_under_zeren_fengong():
    # 大兴安岭地区政协 (2022 notice on 界别小组): "name + post + 联系" lines under 责任分工
    got = _got("(二)责任分工\n卢新桥副主任联系中共界别小组,特邀人士界别小组;\n"
               "孙金峰副主任联系农工党界别小组,农林界别小组;\n")
    assert got == [("卢新桥", "liaises", "中共界别小组"), ("卢新桥", "liaises", "特邀人士界别小组"),
                   ("孙金峰", "liaises", "农工党界别小组"), ("孙金峰", "liaises", "农林界别小组")]


def test_a_padded_name_run_together_with_its_post():
    # 大兴安岭地区政协 (2022): "韩 斌副主任联系…" is 韩斌, post 副主任 (not 韩斌副 + 主任)
    got = _got("(二)责任分工\n韩 斌副主任联系民盟界别小组,九三学社界别小组;\n")
    assert got == [("韩斌", "liaises", "民盟界别小组"), ("韩斌", "liaises", "九三学社界别小组")]
    assert _got("(二)责任分工\n韩斌副主任联系民盟界别小组;\n") == [("韩斌", "liaises", "民盟界别小组")]


def test_a_numbered_name_and_post_then_colon_and_adverbs_before_the_verbs():
    # 菏泽市副市长最新分工 (a 2020s web article): "1、张伦副市长：主要负责…，具体分管…，同时联系…";
    # "张伦副市长：" opens the line with a name, unlike "常务副市长，负责…".
    got = _got("根据最新分工，菏泽市副市长的主要职责如下：\n"
               "1、张伦副市长：主要负责工业、科技、大数据等方面的工作，具体分管市工业和信息化局、市科学技术局、"
               "市大数据局等单位。\n"
               "2、李长江副市长：主要负责农业、农村、扶贫等方面的工作，分管市农业农村局、市扶贫开发办等单位，"
               "同时联系市气象局。\n")
    assert got == [("张伦", "responsible_for", "工业"), ("张伦", "responsible_for", "科技"),
                   ("张伦", "responsible_for", "大数据"), ("张伦", "supervises", "市工业和信息化局"),
                   ("张伦", "supervises", "市科学技术局"), ("张伦", "supervises", "市大数据局"),
                   ("李长江", "responsible_for", "农业"), ("李长江", "responsible_for", "农村"),
                   ("李长江", "responsible_for", "扶贫"), ("李长江", "supervises", "市农业农村局"),
                   ("李长江", "supervises", "市扶贫开发办"), ("李长江", "liaises", "市气象局")]
    assert _got("市政府领导分工\n常务副市长，负责市政府常务工作。\n") == []


def test_a_news_report_of_adjusted_areas_without_the_word_fengong():
    # 广州 (中国新闻网 2007-08-01): "对市长、副市长的分管领域亦作相应调整", then "post name：duties".
    got = _got("经市政府党组会议研究决定，对市长、副市长的分管领域亦作相应调整。\n"
               "市长张广宁：主持市政府全面工作。\n"
               "常务副市长邬毅敏：协助市长日常工作；分管发展和改革、财政、统计工作。\n"
               "副市长李卓彬：在中共中央党校学习。\n"
               "副市长陈明德：分管外经、外贸工作。联系共青团工作。\n")
    assert got == [("张广宁", "responsible_for", "市政府全面工作"), ("邬毅敏", "assists", "日常工作"),
                   ("邬毅敏", "supervises", "发展和改革"), ("邬毅敏", "supervises", "财政"),
                   ("邬毅敏", "supervises", "统计"), ("李卓彬", "none", None),
                   ("陈明德", "supervises", "外经"), ("陈明德", "supervises", "外贸"),
                   ("陈明德", "liaises", "共青团")]
