"""Extractor: `appointments` (人事任免). In: a normalized `Issue`. Out: `Appointment` records.

Every personnel act becomes one record per person and post: "林振江、蒋荣国任温州市公安局调研员"
is two records; "X任A，兼任B，免去其C职务" is appoint A, concurrent B, remove C; "接受X辞去A职务"
is `other`; "X代理Y市人民政府市长职务" is appoint 代理市长.

Where the acts are read:
- a gazette issue (`layout.input_kind(issue) == "issue"`): its personnel section(s), found by
  sections.py, each read whole as a list of acts;
- any other text (a single notice, a web page, a news report): the windows of the text that
  hold a trigger word (`act_grammar.act_windows`, a cheap scan), read as prose: only the
  sentences a trigger opens give acts.
Both run the spaCy pipeline of `nlp.py` (whose `govkg_personnel_acts` component calls the
grammar of `act_grammar.py` with the persons it recognised), so `govkg explain` shows what was
used. An act stated several times (a news lead, the decision, the 任免名单) is recorded once,
with its body where one statement names it.
The Source of each record quotes the clause that states it.
"""
from __future__ import annotations

from collections.abc import Iterator

from .act_grammar import Act, act_windows, parse_acts, split_post
from .layout import Issue, input_kind
from .nlp import ACT_COMPONENTS, recognise
from .records import Appointment

__all__ = ["EXTRACTOR", "Act", "extract", "parse_acts", "split_post"]

EXTRACTOR = "appointments"


def _passages(issue: Issue) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_list) of the parts of the issue that are read for acts."""
    if input_kind(issue) == "issue":
        for section in issue.sections_of("personnel"):
            yield section.start, section.end, True
    else:
        for a, b in act_windows(issue.text):
            yield a, b, False


def extract(issue: Issue) -> Iterator[Appointment]:
    noise = tuple({h.text for h in issue.headings} | {s.heading for s in issue.sections if s.heading})
    seen: set[tuple] = set()
    found: list[tuple[int, Act]] = []
    for start, end, is_list in _passages(issue):
        doc = recognise(issue.text[start:end], personnel=is_list, noise=noise if is_list else (), only=ACT_COMPONENTS)
        for act in doc._.acts:
            key = (act.person, act.action, act.organization, act.post)
            if key in seen:
                continue
            seen.add(key)
            found.append((start, act))
    # A restatement that leaves out the body ("关于市人民政府副市长宋莉代理市长的决定" after
    # "任命宋莉为西昌市人民政府副市长、代理市长") is the act already recorded with it.
    with_body = {(act.person, act.action, act.post) for _, act in found if act.organization}
    for start, act in found:
        if act.organization is None and (act.person, act.action, act.post) in with_body:
            continue
        a, b = act.clause_span
        yield Appointment(
            person=act.person, action=act.action, organization=act.organization, post=act.post,
            qualifier=act.qualifier,
            source=issue.source(start + a, start + b, EXTRACTOR),
        )
