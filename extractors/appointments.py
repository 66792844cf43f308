"""Extractor: `appointments` (人事任免). In: a normalized `Issue`. Out: `Appointment` records.

Every act of the issue's personnel section(s) becomes one record per person and post:
"林振江、蒋荣国任温州市公安局调研员" is two records; "X任A，兼任B，免去其C职务" is appoint A,
concurrent B, remove C; under a "免去：" heading "X的A、B（兼）职务" is two removes, the second
with qualifier 兼.

How it reads:
- `parse_acts(text, persons)` is the grammar, a pure function over any personnel text: it
  cuts the text into clauses (；。 and line ends that close a sentence; "…：" lines are
  preambles that set the default verb, e.g. "免去："), reads the persons that open a clause
  (taking the PERSON spans the spaCy pipeline recognised, else a plain 2–4 character name),
  the verb (任/为 appoint, 兼任/兼 concurrent, 免去/的 remove, 聘任/提名/挂职 other) and the
  objects "organization + post (qualifiers)" separated by 、 or ，.
- An object is split into organization and post by the longest post title (data/post_titles.txt)
  that ends it; when no title matches, at the last body ending (data/org_suffixes.txt). An
  object that is a title alone ("董事长、总经理") takes the organization of the one before.
- Parentheses that hold a qualifier (试用期一年, 副县长级, 兼) are lifted out; any other
  parenthesis is a second name of the body and stays in it.
- `extract(issue)` runs the spaCy pipeline of `nlp.py` over each personnel section (whose
  `personnel_acts` component calls `parse_acts` with the recognised persons) and turns the acts
  into records whose Source quotes the clause.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .lexicons import longest_first
from .layout import Issue
from .records import Appointment

EXTRACTOR = "appointments"

#: Verbs that open the objects of a clause, longest first so 兼任 wins over 兼 and 任.
VERBS: tuple[tuple[str, str], ...] = (
    ("免去其", "remove"), ("免去", "remove"), ("不再担任", "remove"), ("兼任", "concurrent"), ("聘任为", "other"),
    ("聘任", "other"), ("聘为", "other"), ("提名为", "other"), ("提名", "other"),
    ("挂职任", "other"), ("挂职", "other"), ("任命为", "appoint"), ("担任", "appoint"),
    ("任", "appoint"), ("为", "appoint"), ("兼", "concurrent"), ("的", "remove"),
)
#: Verbs that may open a later segment of a clause ("，兼任B", "，免去其C职务").
SEGMENT_VERBS = tuple(v for v in VERBS if v[0] not in ("为", "的"))

#: Verbs that stand before the persons: "免去X的A职务", "聘任X为A", "任命X为A".
LEAD_VERBS = (("免去", "remove"), ("聘任", "other"), ("聘请", "other"), ("提名", "other"), ("任命", "appoint"))
#: "市人民政府决定", "市政府研究决定", "经研究决定" before the first act of a clause.
PREAMBLE_RE = re.compile(r"[^，,、；;]{0,12}?决定")

#: A parenthesis holding one of these is a qualifier, not part of a body's name.
QUALIFIER_RE = re.compile(r"^(?:试用期[一二三四五六七八九十两半0-9]+[年个月]*|[正副]?[省厅市县处科乡镇局部]+[长级]?级|"
                          r"[正副](?:县|处|科|厅|局|市|乡)(?:长)?级|兼|兼职|挂职[^）)]*|主持工作|正职|副职|"
                          r"[一二三四]级[^）)]{0,6})$")

#: A line ending in one of these closes a clause; any other line end is a PDF wrap.
CLOSERS = "；;。：:"
CJK = r"\u4e00-\u9fff"
#: A name printed without a recognised PERSON span: 2–4 characters, or a minority name
#: with a middle dot (帕提古丽·阿卜力克木).
FALLBACK_NAME = re.compile(rf"[{CJK}]{{2,6}}[·•．.][{CJK}]{{2,10}}|[{CJK}]{{2,4}}?(?=、|同志|{'|'.join(v for v, _ in VERBS)})")
#: An enumerator opening a clause: "一、", "1.", "（二）".
ENUMERATOR_RE = re.compile(r"^(?:[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十0-9]+[、.．])")


def post_titles() -> tuple[str, ...]:
    """Post titles, longest first (so 副调研员 wins over 调研员)."""
    return longest_first("post_titles.txt")


def org_suffixes() -> tuple[str, ...]:
    return longest_first("org_suffixes.txt")


@dataclass(frozen=True)
class Act:
    """One act for one person and post, with offsets into the parsed text."""

    person: str
    action: str
    organization: str | None
    post: str
    qualifier: str | None
    person_span: tuple[int, int]
    organization_span: tuple[int, int] | None
    post_span: tuple[int, int]
    clause_span: tuple[int, int]


class _Clean:
    """The parsed text with PDF wraps, spaces and noise (headings inside a list) taken out,
    and for each kept character its offset in the original text."""

    def __init__(self, text: str, noise: Iterable[str] = ()):
        drop = [False] * len(text)
        for word in noise:
            if not word:
                continue
            # only a heading standing on its own line, never the same words inside a name
            for m in re.finditer(rf"(?<=\n){re.escape(word)}(?=\n|$)", text):
                if m.start() > 0:   # a heading at the very start is the section's own title
                    drop[m.start():m.end()] = [True] * (m.end() - m.start())
        chars, where = [], []
        for i, ch in enumerate(text):
            if drop[i] or ch in " \t\u3000\r":
                continue
            if ch == "\n":
                # a line end closes a clause only after a closer; otherwise it is a wrap
                prev = chars[-1] if chars else "\n"
                if prev not in CLOSERS and prev != "\n":
                    continue
            chars.append(ch)
            where.append(i)
        self.text = "".join(chars)
        self.where = where

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of cleaned [start, end)."""
        return self.where[start], self.where[end - 1] + 1


def _split_top(s: str, seps: str) -> list[tuple[int, int]]:
    """(start, end) pieces of s cut at seps outside parentheses."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(s):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, len(s)))
    return out


def split_post(phrase: str) -> tuple[str | None, str]:
    """"温州市公安局禁毒支队支队长" -> ("温州市公安局禁毒支队", "支队长"); a title alone -> (None, title)."""
    for title in post_titles():
        if phrase.endswith(title):
            org = phrase[: -len(title)]
            return (org or None), title
    # No known title: the body runs to its last known ending, the rest is the post.
    best = -1
    for suffix in org_suffixes():
        i = phrase.rfind(suffix)
        if i >= 0 and i + len(suffix) < len(phrase):
            best = max(best, i + len(suffix))
    if best > 0:
        return phrase[:best], phrase[best:]
    return None, phrase


def _qualifiers(item: str) -> tuple[str, list[str], list[tuple[int, int]]]:
    """Lift qualifier parentheses out of an object: (object without them, qualifiers, kept
    character ranges of the object in `item`)."""
    quals: list[str] = []
    keep: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"[（(]([^（）()]*)[）)]", item):
        inner = m.group(1).strip()
        if QUALIFIER_RE.match(inner):
            quals.append("兼" if inner.startswith("兼") else inner)
            keep.append((pos, m.start()))
            pos = m.end()
    keep.append((pos, len(item)))
    return "".join(item[a:b] for a, b in keep), quals, keep


def _verb_at(s: str, i: int, verbs=VERBS) -> tuple[str, str] | None:
    for word, action in verbs:
        if s.startswith(word, i):
            return word, action
    return None


def _read_persons(s: str, base: int, persons: list[tuple[int, int]], clean: _Clean) -> tuple[list[tuple[str, int, int]], int]:
    """Names opening clause s (cleaned offsets from base): [(name, start, end)] and where they end."""
    starts = {}
    for a, b in persons:
        starts[a] = b
    names: list[tuple[str, int, int]] = []
    i = 0
    while i < len(s):
        orig = clean.where[base + i]
        end_orig = starts.get(orig)
        length = None
        if end_orig is not None:
            # the PERSON span of the pipeline, measured in cleaned characters
            j = i
            while j < len(s) and clean.where[base + j] < end_orig:
                j += 1
            length = j - i
        if length is None:
            m = FALLBACK_NAME.match(s, i)
            if not m:
                break
            length = m.end() - i
        names.append((s[i:i + length], i, i + length))
        i += length
        if s.startswith("同志", i):     # "任命张三同志为…"
            i += 2
        if i < len(s) and s[i] == "、":
            i += 1
            continue
        break
    return names, i


def parse_acts(text: str, persons: Iterable[tuple[int, int]] = (), noise: Iterable[str] = ()) -> list[Act]:
    """All acts in personnel text. `persons` are (start, end) PERSON spans in `text`;
    `noise` are strings (headings) to skip where they interrupt a sentence."""
    clean = _Clean(text, noise)
    s_all = clean.text
    persons = list(persons)
    acts: list[Act] = []
    default_verb: tuple[str, str] | None = None
    for m in re.finditer(r"[^；;。\n：:]+[；;。\n：:]?", s_all):
        raw = m.group(0)
        body = raw.rstrip("；;。\n：:")
        start = m.start()
        if not body.strip():
            continue
        if raw.endswith(("：", ":")):
            # a preamble: "免去：", "任命：", "市人民政府决定免去：", "市政府决定："
            default_verb = _preamble_verb(body)
            continue
        acts.extend(_parse_clause(body, start, clean, persons, default_verb))
    return acts


def _preamble_verb(body: str) -> tuple[str, str] | None:
    if "免去" in body or "免职" in body:
        return ("", "remove")
    if "聘" in body:
        return ("", "other")
    if "任命" in body:
        return ("", "appoint")
    return None


def _parse_clause(body: str, base: int, clean: _Clean, persons, default_verb) -> list[Act]:
    s = body
    # "市人民政府决定聘任李四为…" : the preamble and its verb in the clause itself
    enum = ENUMERATOR_RE.match(s)
    i = enum.end() if enum else 0
    pre = PREAMBLE_RE.match(s, i)
    i = pre.end() if pre else i
    lead = _verb_at(s, i, LEAD_VERBS)    # "免去X的A职务", "聘任X为A"
    if lead:
        i += len(lead[0])
    names, j = _read_persons(s[i:], base + i, persons, clean)
    if not names:
        return []
    names = [(n, a + i, b + i) for n, a, b in names]
    j += i
    verb = _verb_at(s, j)
    if verb is None:
        return []
    if lead:
        verb = (verb[0], lead[1])
    elif verb[0] == "的" and default_verb and default_verb[1] != "remove":
        return []
    j += len(verb[0])
    clause_span = clean.span(base, base + len(s))
    acts: list[Act] = []
    # segments: "，兼任B" / "，免去其C职务" open a new verb; any other "，" continues the list
    segments: list[tuple[str, int, int]] = []   # (action, start, end) in s
    seg_start, action = j, verb[1]
    for a, b in _split_top(s[j:], "，,"):
        a += j
        b += j
        nxt = _verb_at(s, a, SEGMENT_VERBS) if a > j else None
        if nxt:
            segments.append((action, seg_start, a - 1))
            action, seg_start = nxt[1], a + len(nxt[0])
    segments.append((action, seg_start, len(s)))
    for action, a, b in segments:
        acts.extend(_objects(s, a, b, action, names, base, clean, clause_span))
    return acts


def _objects(s, a, b, action, names, base, clean, clause_span) -> list[Act]:
    seg = s[a:b]
    if seg.endswith("职务"):
        seg = seg[: -2]
    items = []
    for x, y in _split_top(seg, "、，,"):
        item = seg[x:y]
        if not item:
            continue
        core, quals, keep = _qualifiers(item)
        items.append([x, item, core, quals, keep])
    # A trailing qualifier other than 兼 (试用期一年, a rank) covers the titles listed before it
    # that have none of their own: "董事长、总经理（试用期一年）".
    if items:
        trailing = [q for q in items[-1][3] if q != "兼"]
        for it in items[:-1]:
            if not it[3] and trailing:
                it[3] = list(trailing)
    out: list[Act] = []
    last_org: tuple[str, tuple[int, int]] | None = None
    for x, item, core, quals, keep in items:
        org, post = split_post(core)
        # positions: the post ends where the kept text of the object ends
        off = a + x   # offset of item in s
        core_pos = [off + k for (p, q) in keep for k in range(p, q)]
        if not core_pos or not post:
            continue
        post_span = clean.span(base + core_pos[len(core) - len(post)], base + core_pos[len(core) - 1] + 1)
        if org:
            org_span = clean.span(base + core_pos[0], base + core_pos[len(org) - 1] + 1)
            last_org = (org, org_span)
        elif last_org:
            org, org_span = last_org
        else:
            org_span = None
        for name, na, nb in names:
            out.append(Act(person=name, action=action, organization=org, post=post,
                           qualifier="；".join(quals) or None,
                           person_span=clean.span(base + na, base + nb),
                           organization_span=org_span, post_span=post_span, clause_span=clause_span))
    return out


def extract(issue: Issue) -> Iterator[Appointment]:
    from .nlp import recognise

    noise = tuple({h.text for h in issue.headings} | {s.heading for s in issue.sections if s.heading})
    for section in issue.sections_of("personnel"):
        text = issue.text[section.start:section.end]
        doc = recognise(text, personnel=True, noise=noise)
        for act in doc._.acts:
            a, b = act.clause_span
            yield Appointment(
                person=act.person, action=act.action, organization=act.organization, post=act.post,
                qualifier=act.qualifier,
                source=issue.source(section.start + a, section.start + b, EXTRACTOR),
            )
