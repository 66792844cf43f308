"""Records -> quads: hand-built records on real seed issues (so sources point at real text),
one rule per test, plus determinism and the real extractors' output on a seed."""
from __future__ import annotations

import random

import pytest
from pyoxigraph import BlankNode, Literal

from govkg.extractors.records import (
    Appointment,
    CatalogEntry,
    Citation,
    Document,
    Event,
    Pairing,
    PersonPost,
    Responsibility,
)
from govkg.graph.build import issue_graph_name
from govkg.graph.ids import ENTITIES_GRAPH, graph_node, issue_node, make_iri, make_node, sorted_nquads
from govkg.graph.mapping import dated, issue_quads
from govkg.graph.vocab import ELI, GKG, OA, ORG, PROV, RDF, RDFS, TIME, XSD
from tests.helpers import load_seed

#: The 行政区划代码 of 温州市, the jurisdiction of the bundled issues: persons are keyed within it.
WENZHOU = "330300"


def src(issue, text: str, extractor: str = "test", document: str | None = None):
    """The Source of the first occurrence of `text` in the issue's normalized text."""
    start = issue.text.index(text)
    return issue.source(start, start + len(text), extractor, document)


def objects(quads, s, p):
    return [q.object for q in quads if q.subject == s and q.predicate == p]


def subjects(quads, p, o):
    return [q.subject for q in quads if q.predicate == p and q.object == o]


def typed(quads, cls):
    return subjects(quads, RDF.type, cls)


@pytest.fixture(scope="module")
def i000():
    return load_seed("000")


@pytest.fixture(scope="module")
def i004():
    return load_seed("004")


def appoint(issue, action="appoint", person="郑邦良", org="温州市人民政府办公室", post="调研员", document=None):
    return Appointment(person, action, org, post, None, src(issue, "人民政府", "appointments", document))


def test_facts_in_the_issue_graph_descriptions_in_the_shared_one(i000):
    quads = issue_quads(i000, {"appointments": [appoint(i000)]})
    assert {q.graph_name for q in quads} == {graph_node(i000.key), ENTITIES_GRAPH}
    assert graph_node(i000.key).value.endswith("/graph/" + i000.key)
    shared = {(q.subject.value.split("/")[-2], q.predicate.value.rsplit("/", 1)[-1]) for q in quads if q.graph_name == ENTITIES_GRAPH}
    # What a person, body, post or tenure IS is shared by every issue naming it...
    assert ("person", "name") in shared and ("org", "core#prefLabel") in shared and ("post", "org#postIn") in shared
    assert ("tenure", "org#member") in shared
    # ...while every fact, and its source, stays in the issue's own graph.
    own = [q for q in quads if q.graph_name != ENTITIES_GRAPH]
    assert {"act", "source"} <= {q.subject.value.split("/")[-2] for q in own}
    described = {q.subject.value.split("/")[-2] for q in own if q.predicate in (RDF.type, RDFS.label)}
    assert not described & {"person", "org", "post", "tenure"}


def test_an_entity_named_by_two_issues_is_described_once(tmp_path, i000):
    from govkg.graph.store import GraphStore

    with GraphStore(tmp_path / "s") as store:
        for issue in (i000, load_seed("004")):
            quads = issue_quads(issue, {"appointments": [appoint(issue)]})
            store.replace_issue(issue_graph_name(quads), quads)
        rows = store.query('SELECT ?t WHERE { ?p foaf:name "郑邦良" ; a ?t }').rows
        assert len(rows) == 1, "the union of issue graphs must not repeat a shared description"


def test_no_blank_nodes(i000):
    quads = issue_quads(i000, {"appointments": [appoint(i000)], "events": [Event("2018-12-03", "会议", ("姚高员",), src(i000, "郑邦良"))]})
    assert not any(isinstance(t, BlankNode) for q in quads for t in (q.subject, q.object))


def test_act_has_person_post_org_source(i000):
    quads = issue_quads(i000, {"appointments": [appoint(i000)]})
    (act,) = typed(quads, GKG.Appointment)
    (person,) = objects(quads, act, GKG.person)
    assert person == make_node("person", WENZHOU, "郑邦良")
    (org,) = objects(quads, act, GKG.organization)
    assert org == make_node("org", "温州市人民政府办公室")
    assert GKG.GovernmentBody in objects(quads, org, RDF.type)
    (post,) = objects(quads, act, GKG.post)
    assert objects(quads, post, ORG.postIn) == [org]
    (source,) = objects(quads, act, PROV.wasDerivedFrom)
    assert objects(quads, source, GKG.issue) == [issue_node(i000.key)]


def test_source_carries_line_quote_and_position(i000):
    s = src(i000, "人民政府")
    quads = issue_quads(i000, {"appointments": [appoint(i000)]})
    (source,) = typed(quads, GKG.SourceRecord)
    assert objects(quads, source, GKG.line) == [Literal(s.line)]
    assert objects(quads, source, GKG.endLine) == [Literal(s.end_line)]
    assert objects(quads, source, GKG.extractor) == [Literal("appointments")]
    selectors = objects(quads, source, OA.hasSelector)
    (quote,) = [x for x in selectors if OA.TextQuoteSelector in objects(quads, x, RDF.type)]
    (pos,) = [x for x in selectors if OA.TextPositionSelector in objects(quads, x, RDF.type)]
    exact = objects(quads, quote, OA.exact)[0].value
    start, end = int(objects(quads, pos, OA.start)[0].value), int(objects(quads, pos, OA.end)[0].value)
    assert exact == "人民政府" == i000.text[start:end]
    # the quote really is on that line of the file
    assert "人民政府" in "".join(i000.lines[s.line - 1: s.end_line]).replace(" ", "")


def test_act_without_printed_day_is_dated_by_issue_month(i000):
    quads = issue_quads(i000, {"appointments": [appoint(i000)]})
    (act,) = typed(quads, GKG.Appointment)
    assert objects(quads, act, GKG.date) == [Literal("2018-12", datatype=XSD.gYearMonth)]
    assert objects(quads, act, GKG.datePrecision) == [GKG.MonthPrecision]


def test_act_in_a_dated_document_takes_its_date(i000):
    doc = Document("温政干〔2018〕1号", "关于郑邦良等职务任免的通知", ("温州市人民政府",), "2018-12-05", src(i000, "郑邦良"))
    quads = issue_quads(i000, {"documents": [doc], "appointments": [appoint(i000, document="温政干〔2018〕1号")]})
    (act,) = typed(quads, GKG.Appointment)
    assert objects(quads, act, GKG.date) == [Literal("2018-12-05", datatype=XSD.date)]
    assert objects(quads, act, GKG.datePrecision) == [GKG.DayPrecision]


def test_appointment_and_later_removal_share_one_tenure(i000, i004):
    # appointed under the full name in 2018-12, removed under the short form in 2019-12
    a = issue_quads(i000, {"appointments": [appoint(i000, org="温州市人民政府办公室")]})
    b = issue_quads(i004, {"appointments": [appoint(i004, action="remove", org="市府办")]})
    (ta,) = typed(a, GKG.Tenure)
    (tb,) = typed(b, GKG.Tenure)
    assert ta == tb == make_node("tenure", make_node("person", WENZHOU, "郑邦良").value, "温州市人民政府办公室", "调研员")
    (start_act,) = objects(a, ta, GKG.startedBy)
    (end_act,) = objects(b, tb, GKG.endedBy)
    assert GKG.Removal in objects(b, end_act, RDF.type)
    (interval,) = objects(a, ta, ORG.memberDuring)
    assert objects(b, tb, ORG.memberDuring) == [interval]
    (begin,) = objects(a, interval, TIME.hasBeginning)
    (end,) = objects(b, interval, TIME.hasEnd)
    assert objects(a, begin, TIME.inXSDgYearMonth) == [Literal("2018-12", datatype=XSD.gYearMonth)]
    assert objects(b, end, TIME.inXSDgYearMonth) == [Literal("2019-12", datatype=XSD.gYearMonth)]
    assert objects(a, ta, ORG.member) == [make_node("person", WENZHOU, "郑邦良")]


def test_a_deputy_mayor_of_the_bare_city_is_one_tenure_with_the_government_printed_in_full(i000, i004):
    # A news report prints "任温州市副市长", the removal "免去…温州市人民政府副市长职务": one post
    a = issue_quads(i000, {"appointments": [appoint(i000, org="温州市", post="副市长")]})
    b = issue_quads(i004, {"appointments": [appoint(i004, action="remove", org="温州市人民政府", post="副市长")]})
    (ta,) = typed(a, GKG.Tenure)
    (tb,) = typed(b, GKG.Tenure)
    assert ta == tb
    assert objects(a, ta, ORG.organization) == [make_node("org", "温州市人民政府")]


def test_other_acts_have_no_tenure(i000):
    quads = issue_quads(i000, {"appointments": [appoint(i000, action="other")]})
    assert typed(quads, GKG.OtherPersonnelAct) and not typed(quads, GKG.Tenure)


def test_enterprise_and_party_bodies_are_typed(i000):
    quads = issue_quads(i000, {"appointments": [
        appoint(i000, org="温州市城市建设发展集团有限公司", post="董事长"),
        appoint(i000, org="中共温州市委办公室", post="副主任"),
    ]})
    assert make_node("org", "温州市城市建设发展集团有限公司") in typed(quads, GKG.StateEnterprise)
    assert make_node("org", "中共温州市委办公室") in typed(quads, GKG.PartyBody)


def test_reformed_body_linked_to_predecessor(i004):
    quads = issue_quads(i004, {"appointments": [appoint(i004, org="温州市卫生健康委员会", post="副主任")]})
    new, old = make_node("org", "温州市卫生健康委员会"), make_node("org", "温州市卫生和计划生育委员会")
    assert objects(quads, new, PROV.wasRevisionOf) == [old]
    assert new != old


def test_document_fields_cites_and_catalog(i000):
    doc = Document(
        "温政发〔2018〕26号", "温州市人民政府关于打造山海协作工程升级版的实施意见", ("温州市人民政府",), "2018-12-07",
        src(i000, "山海协作"), addressees=("各县（市、区）人民政府",),
        cites=(Citation("浙江省山海协作工程升级版实施意见", "浙政发〔2018〕5号"), Citation("某办法", None)),
        attachments=("投资计划表",),
    )
    entry = CatalogEntry("温政发〔2018〕26号", "温州市人民政府关于打造山海协作工程升级版的实施意见", src(i000, "山海协作"))
    quads = issue_quads(i000, {"documents": [doc], "catalog": [entry]})
    node = make_node("doc", "number", "温政发〔2018〕26号")
    assert objects(quads, node, ELI.id_local) == [Literal("温政发〔2018〕26号")]
    assert objects(quads, node, ELI.date_document) == [Literal("2018-12-07", datatype=XSD.date)]
    assert objects(quads, node, ELI.passed_by) == [make_node("org", "温州市人民政府")]
    assert objects(quads, node, ELI.published_in) == [issue_node(i000.key)]
    assert objects(quads, node, GKG.attachmentTitle) == [Literal("投资计划表")]
    cited = set(objects(quads, node, ELI.cites))
    assert cited == {make_node("doc", "number", "浙政发〔2018〕5号"), make_node("doc", "title", "某办法")}
    (cat,) = typed(quads, GKG.CatalogEntry)
    assert objects(quads, cat, GKG.listsDocument) == [node]


def test_catalog_entry_without_number_finds_the_printed_document_by_title(i000):
    doc = Document("温政发〔2018〕26号", "某实施意见", ("温州市人民政府",), None, src(i000, "山海协作"))
    entry = CatalogEntry(None, "某实施意见", src(i000, "山海协作"))
    quads = issue_quads(i000, {"documents": [doc], "catalog": [entry]})
    (cat,) = typed(quads, GKG.CatalogEntry)
    assert objects(quads, cat, GKG.listsDocument) == [make_node("doc", "number", "温政发〔2018〕26号")]


def test_responsibility_object_is_body_or_work_area(i000):
    s = src(i000, "郑邦良")
    quads = issue_quads(i000, {"responsibilities": [
        Responsibility("汪驰", "supervises", "市发改委", s, "2018-12-10"),
        Responsibility("汪驰", "responsible_for", "安全生产", s, "2018-12-10"),
    ]})
    (sup,) = typed(quads, GKG.Supervises)
    assert objects(quads, sup, GKG.responsibilityObject) == [make_node("org", "温州市发展和改革委员会")]
    (resp,) = typed(quads, GKG.ResponsibleFor)
    (area,) = objects(quads, resp, GKG.responsibilityObject)
    assert GKG.WorkArea in objects(quads, area, RDF.type)
    assert objects(quads, resp, GKG.date) == [Literal("2018-12-10", datatype=XSD.date)]


def test_assignments_of_one_notice_share_one_division_of_work(i000, i004):
    s = src(i000, "郑邦良", "responsibilities", "温政发〔2020〕10号")
    quads = issue_quads(i000, {"responsibilities": [
        Responsibility("汪驰", "supervises", "市发改委", s, "2020-06-24"),
        Responsibility("姚高员", "responsible_for", "安全生产", s, "2020-06-24"),
    ]})
    (division,) = typed(quads, GKG.DivisionOfWork)
    # Keyed by city and notice number: no issue, no date, so a reprint lands on the same node.
    assert division == make_node("division", "温州市", "number", "温政发〔2020〕10号")
    assert len(subjects(quads, GKG.division, division)) == 2
    assert objects(quads, division, GKG.city) == [Literal("温州市")]
    assert objects(quads, division, GKG.date) == [Literal("2020-06-24", datatype=XSD.date)]
    (notice,) = objects(quads, division, GKG.notice)
    assert notice == make_node("doc", "number", "温政发〔2020〕10号")
    assert objects(quads, notice, ELI.id_local) == [Literal("温政发〔2020〕10号")]
    (source,) = objects(quads, division, PROV.wasDerivedFrom)
    assert objects(quads, source, GKG.line)        # traceable like every fact
    again = issue_quads(i004, {"responsibilities": [
        Responsibility("汪驰", "supervises", "市发改委", src(i004, "人民政府", "responsibilities", "温政发〔2020〕10号"), "2020-06-24")]})
    assert typed(again, GKG.DivisionOfWork) == [division]


def test_a_notice_without_number_has_a_division_by_city_and_date(i000):
    s = src(i000, "郑邦良", "responsibilities", None)
    quads = issue_quads(i000, {"responsibilities": [Responsibility("汪驰", "supervises", "市发改委", s, "2020-06-24")]})
    (division,) = typed(quads, GKG.DivisionOfWork)
    assert division == make_node("division", "温州市", "date", "2020-06-24")
    assert objects(quads, division, GKG.notice) == []
    assert objects(quads, division, PROV.wasDerivedFrom) == objects(quads, typed(quads, GKG.Supervises)[0], PROV.wasDerivedFrom)


def test_event_attendance_and_person_post(i000):
    s = src(i000, "郑邦良")
    quads = issue_quads(i000, {
        "events": [Event("2018-12-03", "市长姚高员会见客人", ("姚高员", "汪驰"), s)],
        "person_posts": [PersonPost("汪驰", "副市长", s, "2018-12-03")],
    })
    (event,) = typed(quads, GKG.Event)
    attendances = subjects(quads, GKG.event, event)
    assert {objects(quads, a, GKG.person)[0] for a in attendances} == {make_node("person", WENZHOU, "姚高员"), make_node("person", WENZHOU, "汪驰")}
    assert all(objects(quads, a, PROV.wasDerivedFrom) for a in attendances)
    (obs,) = typed(quads, GKG.PersonPostObservation)
    assert objects(quads, obs, GKG.date) == [Literal("2018-12-03", datatype=XSD.date)]


def test_pairing_kinds_and_places(i000):
    s = src(i000, "山海协作")
    quads = issue_quads(i000, {"pairings": [Pairing("苍南县", "龙湾区", "山海协作", s), Pairing("温州市", "阿克苏", "对口支援", s)]})
    (ms,) = typed(quads, GKG.MountainSeaCooperation)
    assert objects(quads, ms, GKG.firstParty) == [make_node("place", "苍南县")]
    assert objects(quads, ms, GKG.secondParty) == [make_node("place", "龙湾区")]
    assert typed(quads, GKG.CounterpartSupport)


def test_dated_precisions():
    assert dated("2019-05-01")[1] == GKG.DayPrecision
    assert dated("2019-05")[0] == Literal("2019-05", datatype=XSD.gYearMonth)
    assert dated("2019")[1] == GKG.YearPrecision
    assert dated("五月") is None and dated(None) is None


def test_ids_normalise_spaces_and_width():
    assert make_iri("person", "汪 驰") == make_iri("person", "汪驰")
    assert make_iri("doc", "温政发〔2018〕26号") == make_iri("doc", " 温政发〔2018〕26号 ")
    assert make_iri("person", "汪驰") != make_iri("org", "汪驰")


def test_same_records_any_order_give_identical_nquads(i000, i004):
    from govkg.extractors.registry import extract_all

    found0, found4 = extract_all(i000), extract_all(i004)
    one = sorted_nquads(issue_quads(i000, found0) + issue_quads(i004, found4))
    shuffled = {k: random.Random(7).sample(v, len(v)) for k, v in found0.items()}
    two = sorted_nquads(issue_quads(i004, found4) + issue_quads(i000, shuffled))
    assert one == two
    assert one.count("\n") > 1000


def test_real_extractors_on_seed_003_map_every_record():
    from govkg.extractors.registry import extract_all

    issue = load_seed("003")
    found = extract_all(issue)
    quads = issue_quads(issue, found)
    facts = sum(len(typed(quads, c)) for c in (GKG.Appointment, GKG.ConcurrentAppointment, GKG.Removal, GKG.OtherPersonnelAct))
    assert facts == len({(a.action, a.person, a.organization, a.post, a.source.start) for a in found["appointments"]})
    assert len(typed(quads, GKG.Event)) == len({(e.date, e.source.start, e.text) for e in found["events"]})
    sources = typed(quads, GKG.SourceRecord)
    assert all(objects(quads, s_, GKG.line) for s_ in sources)


def test_observed_post_is_the_post_an_appointment_names(i000):
    s = src(i000, "人民政府")
    quads = issue_quads(i000, {
        "person_posts": [PersonPost("汪驰", "副市长", s)],
        "appointments": [Appointment("汪驰", "appoint", "温州市人民政府", "副市长", None, s)],
    })
    (obs,) = typed(quads, GKG.PersonPostObservation)
    (act,) = typed(quads, GKG.Appointment)
    assert objects(quads, obs, GKG.post) == objects(quads, act, GKG.post)


def test_replacing_an_issue_prunes_only_the_entities_no_issue_names(tmp_path, i000):
    from govkg.graph.store import GraphStore

    i004 = load_seed("004")
    with GraphStore(tmp_path / "s") as store:
        for issue, person in ((i000, "郑邦良"), (i004, "郑邦良")):
            quads = issue_quads(issue, {"appointments": [appoint(issue, person=person), appoint(issue, person="林某某")]})
            store.replace_issue(issue_graph_name(quads), quads)
        # 000 re-ingested without 林某某: 004 still names him, so nothing goes.
        quads = issue_quads(i000, {"appointments": [appoint(i000)]})
        store.replace_issue(issue_graph_name(quads), quads)
        assert store.prune_entities() == 0
        # 004 re-ingested without him too: now nobody names him, and his description goes;
        # the body and post (named by the remaining act) stay.
        quads = issue_quads(i004, {"appointments": [appoint(i004)]})
        store.replace_issue(issue_graph_name(quads), quads)
        assert store.prune_entities() > 0
        names = store.query("SELECT ?n WHERE { ?p a gkg:Person ; foaf:name ?n }").column("n")
        assert names == ["郑邦良"]
        tenures = store.query("SELECT ?n WHERE { ?t a gkg:Tenure ; org:member/foaf:name ?n }").column("n")
        assert tenures == ["郑邦良"], "his tenure (and its interval) went with him"
        assert not store.query("ASK { ?i a time:Interval FILTER NOT EXISTS { ?t org:memberDuring ?i } }").boolean
        assert store.query('ASK { ?o skos:prefLabel "温州市人民政府办公室" . ?post org:postIn ?o }').boolean
        assert store.prune_entities(everything=True) == 0


def test_literals_are_written_as_nquads_and_read_back_as_printed():
    # The mapping writes N-Quads lines itself (a build bulk-loads them as they are): a quote
    # holding the four characters N-Triples escapes must come back unchanged.
    from pyoxigraph import RdfFormat, parse

    from govkg.graph.mapping import _object

    for text in ['王某说"好"', "C:\\目录", "第一行\n第二行", "回车\r", "", "温州市人民政府"]:
        line = f"<http://example.org/s> <http://example.org/p> {_object(text)} <http://example.org/g> .\n"
        assert next(parse(line.encode("utf-8"), format=RdfFormat.N_QUADS)).object == Literal(text)
    line = f"<http://example.org/s> <http://example.org/p> {_object(7)} <http://example.org/g> .\n"
    assert next(parse(line.encode("utf-8"), format=RdfFormat.N_QUADS)).object == Literal(7)
    assert _object(Literal("2020-01-02", datatype=XSD.date)) == str(Literal("2020-01-02", datatype=XSD.date))
    with pytest.raises(TypeError):
        _object(True)


def test_issue_nquads_are_the_issue_quads_in_one_graph(i000):
    from pyoxigraph import RdfFormat, parse

    from govkg.graph.mapping import issue_nquads

    found = {"appointments": [appoint(i000)], "events": [Event("2018-12-03", "会议", ("姚高员",), src(i000, "郑邦良"))]}
    mapped = issue_nquads(i000, found)
    quads = list(parse(mapped.nquads, format=RdfFormat.N_QUADS))
    assert quads == issue_quads(i000, found) and len(quads) == mapped.triples == len(set(quads))
    assert mapped.graph == graph_node(i000.key).value == issue_graph_name(quads)
