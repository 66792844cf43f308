"""Facts, bodies and persons belong to their government (gkg:jurisdiction), from real wording."""
from __future__ import annotations

import re

from pyoxigraph import Quad

from govkg.extractors.layout import normalize
from govkg.extractors.records import Appointment
from govkg.extractors.registry import extract_all
from govkg.graph.ids import make_node
from govkg.graph.mapping import issue_quads
from govkg.graph.vocab import GKG, OWL, RDFS

QUANZHOU_NOTICE = (
    "泉州市人民政府关于卢炳椿等同志职务任免的通知\n"
    "各县（市、区）人民政府，市政府各部门：\n"
    "经研究决定：\n王永礼同志任市公安局局长；\n"
    "泉州市人民政府\n2018年7月27日\n"
)
WENZHOU_NOTICE = (
    "温州市人民政府关于王永礼等同志职务任免的通知\n"
    "各县（市、区）人民政府，市政府直属各单位：\n"
    "经研究决定：\n王永礼同志任市公安局局长。\n"
    "温州市人民政府\n2019年12月2日\n"
)


def _quads(text: str, name: str) -> list[Quad]:
    """The text's documents as extracted, and its acts as records read from the lines that
    state them (this layer maps records; the act grammar has its own tests)."""
    issue = normalize(text, name)
    found = extract_all(issue, only=["documents"])
    (doc,) = found["documents"]
    acts = []
    for m in re.finditer(r"(?P<person>[\u4e00-\u9fff]{3})(?:同志)?任(?P<org>.+?)(?P<post>局长|副市长)[。；]", issue.text):
        src = issue.source(m.start(), m.end(), "appointments", document=doc.doc_number or doc.title)
        acts.append(Appointment(m["person"], "appoint", m["org"], m["post"], None, src))
    found["appointments"] = acts
    return issue_quads(issue, found)


def _objects(quads, s, p):
    return [q.object for q in quads if q.subject == s and q.predicate == p]


def _label(quads, node):
    return next(str(q.object.value) for q in quads if q.subject == node and q.predicate == RDFS.label)


def test_short_forms_resolve_within_each_government():
    quanzhou = _quads(QUANZHOU_NOTICE, "quanzhou.txt")
    wenzhou = _quads(WENZHOU_NOTICE, "wenzhou.txt")
    q_orgs = {_label(quanzhou, q.object) for q in quanzhou if q.predicate == GKG.organization}
    w_orgs = {_label(wenzhou, q.object) for q in wenzhou if q.predicate == GKG.organization}
    assert "泉州市公安局" in q_orgs and "温州市公安局" in w_orgs
    # The two 市公安局 are two bodies, each in its own jurisdiction.
    assert make_node("org", "泉州市公安局") != make_node("org", "温州市公安局")
    place = _objects(quanzhou, make_node("org", "泉州市公安局"), GKG.jurisdiction)
    assert place == [make_node("place", "泉州市")]


def test_same_name_in_two_cities_is_two_people():
    quanzhou = _quads(QUANZHOU_NOTICE, "quanzhou.txt")
    wenzhou = _quads(WENZHOU_NOTICE, "wenzhou.txt")
    q_people = {q.object for q in quanzhou if q.predicate == GKG.person}
    w_people = {q.object for q in wenzhou if q.predicate == GKG.person}
    wang_q = make_node("person", "350500", "王永礼")   # 350500: 泉州市
    wang_w = make_node("person", "330300", "王永礼")   # 330300: 温州市
    assert wang_q in q_people and wang_w in w_people and wang_q != wang_w
    assert not [q for q in quanzhou + wenzhou if q.predicate == OWL.sameAs]


def test_an_act_naming_another_governments_body_joins_the_person():
    # A province's decision on a city post: the person known in the province and in the city is one.
    text = ("福建省人民政府关于王永礼职务任免的通知\n各市、县（区）人民政府：\n"
            "经研究决定：\n王永礼任泉州市人民政府副市长。\n福建省人民政府\n2018年7月27日\n")
    quads = _quads(text, "fujian.txt")
    same = [(q.subject, q.object) for q in quads if q.predicate == OWL.sameAs]
    assert same == [(make_node("person", "350000", "王永礼"), make_node("person", "350500", "王永礼"))]


def test_every_fact_and_the_text_name_their_jurisdiction():
    quads = _quads(QUANZHOU_NOTICE, "quanzhou.txt")
    acts = {q.subject for q in quads if q.predicate == GKG.person}
    assert acts and all(_objects(quads, a, GKG.jurisdiction) == [make_node("place", "泉州市")] for a in acts)
    text_node = next(q.subject for q in quads if q.predicate == GKG.inputKind)
    assert [str(o.value) for o in _objects(quads, text_node, GKG.inputKind)] == ["document"]
    assert [str(o.value) for o in _objects(quads, text_node, GKG.jurisdictionRule)] == ["issuer"]
    assert [str(o.value) for o in _objects(quads, make_node("place", "泉州市"), GKG.divisionCode)] == ["350500"]


def test_acts_are_dated_by_their_document_else_by_the_texts_dateline():
    from govkg.graph.vocab import GKG as G

    quads = _quads(QUANZHOU_NOTICE, "quanzhou.txt")
    dates = {str(q.object.value) for q in quads if q.predicate == G.date and (q.subject, GKG.person) and
             any(x.subject == q.subject and x.predicate == GKG.person for x in quads)}
    assert dates == {"2018-07-27"}
    # A news report with no document: its dateline dates what it reports.
    issue = normalize("2023年5月31日上午,济源市第十五届人民代表大会常务委员会第七次会议召开。"
                      "会议决定任命张宏义同志为济源市人民政府代理市长。\n", "news.txt")
    src = issue.source(0, 20, "appointments")
    act = Appointment("张宏义", "appoint", "济源市人民政府", "代理市长", None, src)
    quads = issue_quads(issue, {"appointments": [act]})
    acts = [q.subject for q in quads if q.predicate == GKG.person]
    assert {str(q.object.value) for q in quads if q.subject in acts and q.predicate == G.date} == {"2023-05-31"}
    assert _objects(quads, acts[0], GKG.jurisdiction) == [make_node("place", "济源市")]


def test_text_date_from_page_metadata_or_dateline():
    from govkg.extractors.pagemeta import text_date

    assert text_date(["标题: 平潭综合实验区党工委关于魏长春等同志职务任免的通知", "发布时间: 2019-08-14 16:27"]) == "2019-08-14"
    assert text_date(["2018年7月27日，泉州市十六届人大常委会第七次会议召开。"]) == "2018-07-27"
    assert text_date(["会议决定任命张宏义同志为济源市人民政府代理市长。"]) is None


def test_a_pdf_records_its_hash_format_and_each_facts_page():
    import hashlib

    from govkg.extractors.layout import load_issue
    from tests.helpers import FIXTURES

    path = FIXTURES / "inputs" / "397.pdf"
    issue = load_issue(path)
    quads = issue_quads(issue, extract_all(issue))
    text_node = next(q.subject for q in quads if q.predicate == GKG.fileSha256)
    assert [str(o.value) for o in _objects(quads, text_node, GKG.fileSha256)] == [hashlib.sha256(path.read_bytes()).hexdigest()]
    assert [str(o.value) for o in _objects(quads, text_node, GKG.inputFormat)] == ["pdf"]
    assert [str(o.value) for o in _objects(quads, text_node, GKG.textOrigin)] == ["read"]
    pages = {int(q.object.value) for q in quads if q.predicate == GKG.page}
    assert pages == {1, 5}     # the notice opens on page 1; its signature stands on page 5
