"""The spaCy recognition pipeline: each label from its data-file rule, on inline text and on
real passages of the seeds."""
from __future__ import annotations

import subprocess
import sys

from govkg.extractors.nlp import LABELS, build_nlp, recognise
from tests.helpers import load_seed


def ents(text: str, **kw) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in recognise(text, **kw).ents]


def test_pipeline_is_built_once_with_our_components():
    nlp = build_nlp()
    assert nlp is build_nlp()
    assert nlp.pipe_names == ["entity_ruler", "govkg_regex_entities", "govkg_persons", "govkg_personnel_acts"]


def test_date_forms():
    assert ents("2019年12月24日印发") == [("2019年12月24日", "DATE")]
    assert ents("12月5日召开") == [("12月5日", "DATE")]
    assert ents("二〇一九年十二月二十四日") == [("二〇一九年十二月二十四日", "DATE")]


def test_document_number_stops_at_the_verb_before_it():
    assert ("温政发〔2020〕10号", "DOCNO") in ents("温州市人民政府印发温政发〔2020〕10号")


def test_places_but_not_wo_shi():
    found = ents("泰顺县与鹿城区结对，我市全力推进。")
    assert ("泰顺县", "PLACE") in found and ("鹿城区", "PLACE") in found
    assert not any(text == "我市" for text, _ in found)


def test_longer_org_phrase_beats_place_inside_it():
    assert ("温州市人民政府", "ORG") in ents("温州市人民政府决定")


def test_post_titles_from_the_lexicon():
    assert ents("市长姚高员、常务副市长陈建明参加会议") == [
        ("市长", "POST"), ("姚高员", "PERSON"), ("常务副市长", "POST"), ("陈建明", "PERSON")]


def test_person_before_act_verbs_uses_surname_list():
    assert ("郑邦良", "PERSON") in ents("郑邦良任温州市人民政府办公室调研员")
    assert ("王造", "PERSON") in ents("王造任温州市公安局常务副局长")
    # no known surname, no act context: not a person
    assert not any(label == "PERSON" for _, label in ents("会议要求任务分解到人"))


def test_person_after_title_ends_at_activity_verb():
    assert ("苗伟伦", "PERSON") in ents("△ 副市长苗伟伦督查黑臭水体整治工作。")


def test_personnel_mode_marks_org_and_post_of_each_act():
    doc = recognise("郑邦良任温州市人民政府办公室调研员；", personnel=True)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("郑邦良", "PERSON"), ("温州市人民政府办公室", "ORG"), ("调研员", "POST")]
    assert len(doc._.acts) == 1


def test_outside_personnel_mode_no_acts_are_read():
    # "X任A" is an act only in a personnel list (or with 同志, or after a preamble)
    assert recognise("郑邦良任温州市人民政府办公室调研员；")._.acts == []


def test_prose_acts_mark_persons_bodies_and_posts():
    # a news sentence (广州日报, 人大常委会 session): the act and its spans, read by default
    doc = recognise("会议经表决,决定任命胡浩为广州市人民政府副市长。")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("胡浩", "PERSON"), ("广州市人民政府", "ORG"), ("副市长", "POST")]
    assert [(a.person, a.action) for a in doc._.acts] == [("胡浩", "appoint")]
    assert recognise("会议经表决,决定任命胡浩为广州市人民政府副市长。", scan=False)._.acts == []


def test_act_grammar_imports_neither_the_pipeline_nor_the_extractor():
    # the grammar is shared by nlp.py and appointments.py: importing it alone loads neither
    code = ("import sys, govkg.extractors.act_grammar; "
            "print(any(m in sys.modules for m in ('govkg.extractors.nlp', 'govkg.extractors.appointments', 'spacy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_personnel_section_of_000_labels():
    issue = load_seed("000")
    (section,) = issue.sections_of("personnel")
    doc = recognise(issue.text[section.start:section.end], personnel=True)
    labels = {e.label_ for e in doc.ents}
    assert {"PERSON", "ORG", "POST"} <= labels <= set(LABELS)
    persons = {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert {"郑邦良", "林振江", "蒋荣国", "柳瑞海"} <= persons


def test_the_acts_need_only_the_person_and_act_components():
    # The appointments extractor runs ACT_COMPONENTS alone: the acts must be those of the whole
    # pipeline (the ruler's POST and ORG guesses never decide a PERSON span).
    from govkg.extractors.nlp import ACT_COMPONENTS

    for text, kw in [("会议经表决,决定任命胡浩为广州市人民政府副市长。", {}),
                     ("郑邦良任温州市人民政府办公室调研员；免去李明的温州市财政局副局长职务；", {"personnel": True})]:
        whole, lean = recognise(text, **kw), recognise(text, only=ACT_COMPONENTS, **kw)
        assert lean._.acts and lean._.acts == whole._.acts
