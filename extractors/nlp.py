"""The spaCy recognition pipeline: text in, a `Doc` with PERSON, POST, ORG, PLACE, DATE and
DOCNO entities out (and, for personnel text, `doc._.acts`: the appointment acts read from it).

`spacy.blank("zh")` with its default character segmenter (one token per character; no model
download is possible here), then:
1. `entity_ruler`: POST titles (data/post_titles.txt) and any phrase patterns of
   entity_patterns.jsonl ({"label", "pattern"}), over character tokens;
2. `govkg_regex_entities`: DATE, DOCNO and PLACE from the regexes of data/entity_patterns.jsonl
   (the longer of two overlapping matches wins);
3. `govkg_persons`: PERSON names, i.e. a surname of data/surnames.txt plus one or two
   characters, where the context of an act or a title shows it is a name (before 任/为/的/兼任/、,
   after 免去 or a post title);
4. `govkg_personnel_acts`: the act grammar of act_grammar.py reads the personnel acts using
   the PERSON spans (`doc._.acts`) and marks the persons, organizations and posts it found; its
   spans win over the earlier guesses. A personnel list (`recognise(..., personnel=True)`, a
   gazette's 人事任免 section) is read whole; any other text (`scan=True`, the default) only
   where a trigger word (任命, 免去, 辞去, 代理 …) opens an act, so a news report or a single
   notice shows its acts too and its other sentences none; `scan=False` reads no acts.
The person and act components keep earlier entities that do not overlap their own.

`recognise(text)` builds the pipeline once (cached) and runs it.
"""
from __future__ import annotations

import functools
import json
import re
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .act_grammar import parse_acts
from .lexicons import lexicon, longest_first
from .patterns import longest_word_regex

#: Verbs that follow "title + name" in news and diary items (副市长汪驰参加…): they end the name.
ACTIVITY_VERBS = ("参加", "出席", "主持", "同志", "督查", "调研", "检查", "会见", "看望", "走访", "带队", "率队",
                  "慰问", "考察", "视察", "接待", "召开", "听取", "指出", "强调", "一行", "在", "到", "赴", "等")

LABELS = ("PERSON", "POST", "ORG", "PLACE", "DATE", "DOCNO")

if not Doc.has_extension("acts"):
    Doc.set_extension("acts", default=[])
if not Doc.has_extension("personnel"):
    Doc.set_extension("personnel", default=False)
if not Doc.has_extension("scan"):
    Doc.set_extension("scan", default=False)
if not Doc.has_extension("noise"):
    Doc.set_extension("noise", default=())
if not Doc.has_extension("source_text"):
    Doc.set_extension("source_text", default=None)


def _text(doc: Doc) -> str:
    """The doc's text. `Doc.text` makes a Token object for every character each time it is
    read; `recognise` keeps the text it made the doc from (the tokenizer keeps every
    character, so the two are equal)."""
    kept = doc._.source_text
    return kept if kept is not None else doc.text


@functools.cache
def entity_patterns() -> tuple[dict, ...]:
    """The rows of data/entity_patterns.jsonl: {"label", "regex"} or {"label", "pattern"}."""
    return tuple(json.loads(ln) for ln in lexicon("entity_patterns.jsonl"))


@functools.cache
def surnames() -> tuple[str, ...]:
    return longest_first("surnames.txt")


@functools.cache
def person_regexes() -> tuple[re.Pattern, ...]:
    """Names in the contexts that show they are names. Given names are one or two characters,
    so "王造任…" is 王造 (the regex backtracks until the verb follows)."""
    cjk = "\u4e00-\u9fff"
    # The single-character surnames as one character class after the longer ones: the same
    # matches, in the same order, as their alternation (one at most fits a position), found
    # without trying each; the titles one branch per first character (longest_word_regex).
    longer = [re.escape(s) for s in surnames() if len(s) > 1]
    single = "".join(re.escape(s) for s in surnames() if len(s) == 1)
    surname = "|".join(longer + ([f"[{single}]"] if single else []))
    titles = longest_word_regex(longest_first("post_titles.txt"))
    name = rf"(?:{surname})[{cjk}]{{1,2}}"
    minority = rf"[{cjk}]{{2,6}}·[{cjk}]{{2,10}}"
    verbs = "、|兼任|任|为|的|兼|同志"
    after_title = "|".join(ACTIVITY_VERBS)
    before = r"(?:^|(?<=[\n、：:；;。，,（(])|(?<=免去))"
    return (
        re.compile(rf"{before}(?P<name>{minority}|{name})(?=(?:{verbs}))"),
        # after a title, before punctuation or a verb of attending: 副市长汪驰、…参加
        re.compile(rf"(?:{titles})(?P<name>{name})(?=[，,、。；;）)\n]|{after_title})"),
        re.compile(rf"(?<=、)(?P<name>{name})(?=(?:{after_title}))"),
    )


@Language.component("govkg_regex_entities")
def regex_entities(doc: Doc) -> Doc:
    spans = []
    text = _text(doc)   # Doc.text joins every token anew: read it once, not once per pattern
    for row in entity_patterns():
        if "regex" not in row:
            continue
        for m in re.finditer(row["regex"], text, flags=re.MULTILINE):
            span = doc.char_span(m.start(), m.end(), label=row["label"], alignment_mode="expand")
            if span is not None and span.text.strip():
                spans.append(span)
    # lexicon phrases and regex matches compete on length: 温州市人民政府 (ORG) beats 温州市 (PLACE)
    doc.ents = filter_spans(list(doc.ents) + spans)
    return doc


@Language.component("govkg_persons")
def persons(doc: Doc) -> Doc:
    spans = []
    text = _text(doc)
    for rx in person_regexes():
        for m in rx.finditer(text):
            span = doc.char_span(m.start("name"), m.end("name"), label="PERSON", alignment_mode="expand")
            if span is not None:
                spans.append(span)
    return _merge(doc, spans)


@Language.component("govkg_personnel_acts")
def personnel_acts(doc: Doc) -> Doc:
    if not doc._.personnel and not doc._.scan:
        return doc
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    acts = parse_acts(_text(doc), persons, noise=doc._.noise, scan=not doc._.personnel)
    doc._.acts = acts
    spans = []
    for act in acts:
        for span, label in ((act.person_span, "PERSON"), (act.organization_span, "ORG"), (act.post_span, "POST")):
            if span:
                s = doc.char_span(span[0], span[1], label=label, alignment_mode="expand")
                if s is not None:
                    spans.append(s)
    return _merge(doc, spans)


def _merge(doc: Doc, new: list[Span]) -> Doc:
    """New spans (longest of overlapping ones) plus the existing entities they do not touch."""
    new = filter_spans(new)
    taken: set[int] = set()
    for s in new:
        taken.update(range(s.start, s.end))
    keep = [e for e in doc.ents if taken.isdisjoint(range(e.start, e.end))]
    doc.ents = sorted(keep + new, key=lambda s: s.start)
    return doc


@functools.cache
def build_nlp() -> Language:
    """The pipeline, built once per process."""
    nlp = spacy.blank("zh")
    ruler: EntityRuler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})  # type: ignore[assignment]
    patterns: list[dict[str, Any]] = [{"label": "POST", "pattern": t} for t in lexicon("post_titles.txt")]
    patterns += [{"label": r["label"], "pattern": r["pattern"]} for r in entity_patterns() if "pattern" in r]
    ruler.add_patterns(patterns)
    nlp.add_pipe("govkg_regex_entities")
    nlp.add_pipe("govkg_persons")
    nlp.add_pipe("govkg_personnel_acts")
    return nlp


#: The components the acts need: the act grammar reads only the PERSON spans, which the
#: person component makes whatever the ruler and the regexes found (its spans win).
ACT_COMPONENTS = ("govkg_persons", "govkg_personnel_acts")


def recognise(text: str, personnel: bool = False, noise: tuple[str, ...] = (), scan: bool = True,
              only: tuple[str, ...] | None = None) -> Doc:
    """Run the pipeline. `personnel=True` reads `text` as a personnel list (doc._.acts);
    otherwise `scan` reads the acts that trigger words open in prose. `noise` are headings to
    skip where they interrupt a sentence of the personnel list. `only` runs just the named
    components (`ACT_COMPONENTS`: the acts without the other entities)."""
    nlp = build_nlp()
    doc = nlp.make_doc(text)
    doc._.source_text = text
    doc._.personnel = personnel
    doc._.scan = scan
    doc._.noise = tuple(n for n in noise if len(n) >= 4)
    for name, proc in nlp.pipeline:
        if only is None or name in only:
            doc = proc(doc)
    return doc
