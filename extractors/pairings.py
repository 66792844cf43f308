"""Extractor: paired places (山海协作 partners, 对口支援 partners).

In: a normalized `Issue` (its running text and its raw lines). Out: `Pairing` records, one per
distinct pair and kind of the issue, places written in full from the gazetteer
ontology/places.tsv (泰顺 -> 泰顺县, 鹿 -> 鹿城区):

- "鹿城—泰顺“飞地”", "鹿—泰“飞地”": two places joined by a dash and followed by a word of
  partnership (飞地, 山海协作, 对口支援, 结对…) -> 山海协作 or 对口支援 by that word; one-
  character abbreviations only among the home city's own divisions and only before 飞地;
- "温州市—格尔木市对口支援工作座谈会", "温州与格尔木于2010年建立对口支援关系";
- "两地自启动对口支援工作以来": the home city (from the gazette's name) and the place the
  surrounding report talks about most;
- tables printed one character per line ("泰 / 顺 / -鹿 / 城"): the raw lines of such runs are
  rejoined and read like text; the kind comes from the document around the table.

Precision over recall: a dash between two places with no word of partnership after it (阿拉尔
市-温州市产业对接会, a meeting) is not a pairing.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .layout import Issue
from .records import Pairing, Source

EXTRACTOR = "pairings"

#: word after a pair -> kind of pairing.
KIND_WORDS = (
    ("“飞地”", "山海协作"), ("飞地", "山海协作"), ("山海协作", "山海协作"), ("结对", "山海协作"),
    ("对口支援", "对口支援"), ("对口帮扶", "对口支援"), ("对口合作", "对口支援"), ("对口援建", "对口支援"),
)
_DASH = "—－\\-–~～"


@dataclass(frozen=True, slots=True)
class Place:
    full: str
    short: str
    level: str
    parent: str


@lru_cache(maxsize=1)
def gazetteer() -> tuple[Place, ...]:
    """The places of ontology/places.tsv."""
    text = resources.files("govkg.ontology").joinpath("places.tsv").read_text("utf-8")
    out = []
    for row in text.splitlines():
        if not row.strip() or row.startswith("#") or row.startswith("full_name"):
            continue
        cols = (row.split("\t") + ["", "", "", ""])[:4]
        out.append(Place(*(c.strip() for c in cols)))
    return tuple(out)


@lru_cache(maxsize=1)
def _names() -> dict[str, Place]:
    """Every printed form (full or short) -> place."""
    out: dict[str, Place] = {}
    for p in gazetteer():
        out.setdefault(p.full, p)
        if p.short:
            out.setdefault(p.short, p)
    return out


def resolve(name: str, home: str | None = None) -> Place | None:
    """The place a printed name stands for: full or short name, or (within the home city's
    divisions) a one-character abbreviation that only one of them starts with."""
    name = name.strip()
    place = _names().get(name)
    if place:
        return place
    if len(name) == 1 and home:
        hits = [p for p in gazetteer() if p.parent == home and p.short.startswith(name)]
        if len(hits) == 1:
            return hits[0]
    return None


def province_of(place: Place) -> str | None:
    """The province a place lies in, following the gazetteer's parents."""
    by_full = {p.full: p for p in gazetteer()}
    seen = 0
    while place.level != "province" and place.parent in by_full and seen < 5:
        place, seen = by_full[place.parent], seen + 1
    return place.full if place.level == "province" else None


def settle_kind(kind: str, a: Place, b: Place) -> str:
    """山海协作 is Zhejiang's pairing of its own coastal and mountain counties: a pair said
    to be 结对/飞地 across provinces is some other partnership."""
    if kind == "山海协作" and (province_of(a) is None or province_of(a) != province_of(b)):
        return "other"
    return kind


def home_city(issue: Issue) -> str | None:
    """The city whose gazette this is: "温州市人民政府公报" -> 温州市 (when in the gazetteer)."""
    name = issue.gazette.name or ""
    for p in sorted(gazetteer(), key=lambda p: -len(p.full)):
        if name.startswith(p.full) or (p.short and name.startswith(p.short)):
            return p.full
    return None


@lru_cache(maxsize=1)
def _pair_re() -> re.Pattern:
    names = sorted(_names(), key=len, reverse=True)
    alt = "|".join(map(re.escape, names))
    # A one-character abbreviation is allowed on both sides only; resolve() checks it.
    return re.compile(rf"(?P<a>{alt}|[\u4e00-\u9fff])\s*[{_DASH}]{{1,2}}\s*(?P<b>{alt}|[\u4e00-\u9fff])")


def _kind_after(text: str, end: int, window: int = 8) -> str | None:
    """The kind named right after a pair ("…“飞地”", "…对口支援工作座谈会")."""
    tail = text[end : end + window]
    best = None
    for word, kind in KIND_WORDS:
        i = tail.find(word)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, kind)
    return best[1] if best else None


def _dash_matches(text: str) -> Iterator[re.Match]:
    """The matches `_pair_re().finditer(text)` gives, found from the dashes instead.

    A place name holds no dash, so a match's dash is the first dash after its start: only
    the few characters before each dash (after the previous one) can start a match. Trying
    the name alternation there, not at every character, is what makes this fast.
    """
    rx = _pair_re()
    pos = prev_dash = 0
    for d in _DASH_RE.finditer(text):
        lo = max(pos, prev_dash, d.start() - 16)
        prev_dash = d.end()
        for start in range(lo, d.start()):
            m = rx.match(text, start)
            if m:
                yield m
                pos = m.end()
                break


_DASH_RE = re.compile(f"[{_DASH}]")


def dashed_pairs(text: str, home: str | None) -> Iterator[tuple[int, int, Place, Place, str]]:
    """(start, end, a, b, kind) for "A—B" followed by a word of partnership."""
    for m in _dash_matches(text):
        kind = _kind_after(text, m.end())
        if not kind:
            continue
        a_txt, b_txt = m["a"], m["b"]
        if (len(a_txt) == 1) != (len(b_txt) == 1):
            continue   # "鹿—泰" abbreviates both sides or neither
        if len(a_txt) == 1 and not text.startswith(("“飞地”", "飞地"), m.end()):
            continue
        a, b = resolve(a_txt, home), resolve(b_txt, home)
        if a and b and a != b:
            yield m.start(), m.end(), a, b, kind




@lru_cache(maxsize=1)
def _joined_re() -> re.Pattern:
    names = sorted(_names(), key=len, reverse=True)
    alt = "|".join(map(re.escape, names))
    return re.compile(
        rf"(?P<a>{alt})[与和同](?P<b>{alt})(?P<rest>[^。；，]{{0,24}}?)(?:建立|结成|开展)?"
        rf"(?:(?P<kw>对口支援|对口帮扶|山海协作)(?:关系|结对|协作)|(?P<pair>结对))")


@lru_cache(maxsize=1)
def _any_place_re() -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(_names(), key=len, reverse=True))))


def joined_pairs(text: str, home: str | None) -> Iterator[tuple[int, int, Place, Place, str]]:
    """"温州与格尔木于2010年建立对口支援关系": A与B … 对口支援/山海协作 in one clause."""
    for m in _joined_re().finditer(text):
        a, b = resolve(m["a"]), resolve(m["b"])
        if a and b and a != b:
            kind = "对口支援" if (m["kw"] or "").startswith("对口") else "山海协作"
            yield m.start(), m.end(), a, b, kind


def both_places(issue: Issue, home: str | None) -> Iterator[tuple[int, int, Place, Place, str]]:
    """"两地…对口支援": the home city and the place the surrounding report names most."""
    if not home:
        return
    text = issue.text
    alt = _any_place_re()
    home_place = _names()[home]
    for m in re.finditer(r"两地[^。]{0,20}?(对口支援|对口帮扶|山海协作)", text):
        # The report around it: from a few paragraphs before to the end of this one.
        a = m.start()
        for _ in range(4):
            a = max(0, text.rfind("\n", 0, a - 1))
        b = text.find("\n", m.end())
        b = len(text) if b < 0 else b
        counts: dict[str, int] = {}
        for pm in alt.finditer(text, a, b):
            p = resolve(pm.group())
            if p is None or p.full == home or p.level == "province" or p.parent == home:
                continue
            counts[p.full] = counts.get(p.full, 0) + 1
        if not counts:
            continue
        other = max(counts, key=lambda k: counts[k])
        yield m.start(), m.end(), home_place, _names()[other], "对口支援" if m[1].startswith("对口") else "山海协作"


# --- tables printed one character per line ---------------------------------------------


def shredded_runs(issue: Issue, max_chars: int = 3, min_lines: int = 3) -> Iterator[tuple[int, int, str]]:
    """(first line, last line, joined text) of runs of raw lines holding at most `max_chars`
    characters each (blank lines between them ignored): how a PDF prints a narrow table
    column, "泰 / 顺 / -鹿 / 城"."""
    run: list[tuple[int, str]] = []
    for no, raw in enumerate(issue.lines, 1):
        s = raw.strip()
        if not s:
            continue
        if len(s.replace(" ", "")) <= max_chars:
            run.append((no, s.replace(" ", "")))
            continue
        if len(run) >= min_lines:
            yield run[0][0], run[-1][0], "".join(t for _, t in run)
        run = []
    if len(run) >= min_lines:
        yield run[0][0], run[-1][0], "".join(t for _, t in run)


def _document_kind(issue: Issue, line: int, reach: int = 600) -> str | None:
    """The partnership the text before a table is about: the kind word printed most often
    in the `reach` raw lines above it."""
    above = "".join(issue.lines[max(0, line - 1 - reach) : line - 1])
    counts = {}
    for word, kind in KIND_WORDS:
        if word in ("结对", "“飞地”"):
            continue
        counts[kind] = counts.get(kind, 0) + above.count(word)
    kind = max(counts, key=lambda k: counts[k]) if counts else None
    return kind if kind and counts[kind] >= 2 else None


def table_pairs(issue: Issue, home: str | None) -> Iterator[tuple[int, Place, Place, str, str]]:
    """(line, a, b, kind, printed pair) for "A-B" rows of shredded tables: both sides full-length place
    names of the gazetteer (no one-character abbreviations here: too ambiguous)."""
    names = sorted((n for n in _names() if len(n) >= 2), key=len, reverse=True)
    alt = "|".join(map(re.escape, names))
    pattern = re.compile(rf"(?P<a>{alt})[{_DASH}]{{1,2}}(?P<b>{alt})")
    for first, last, joined in shredded_runs(issue):
        for m in pattern.finditer(joined):
            a, b = resolve(m["a"]), resolve(m["b"])
            if not (a and b) or a == b:
                continue
            kind = _kind_after(joined, m.end()) or _document_kind(issue, first)
            if kind:
                # The line of the pair's first character within the run.
                yield _line_in_run(issue, first, last, m.start()), a, b, kind, m.group()


def _line_in_run(issue: Issue, first: int, last: int, pos: int) -> int:
    count = 0
    for no in range(first, last + 1):
        s = issue.lines[no - 1].strip().replace(" ", "")
        if count + len(s) > pos:
            return no
        count += len(s)
    return first


# --- the extractor ----------------------------------------------------------------------


def extract(issue: Issue) -> Iterator[Pairing]:
    home = home_city(issue)
    seen: set[tuple[frozenset[str], str]] = set()

    def once(a: Place, b: Place, kind: str) -> bool:
        key = (frozenset((a.full, b.full)), kind)
        if key in seen:
            return False
        seen.add(key)
        return True

    found = []
    for finder in (dashed_pairs, joined_pairs):
        for start, end, a, b, kind in finder(issue.text, home):
            found.append((start, end, a, b, kind))
    found.extend(both_places(issue, home))
    for start, end, a, b, kind in sorted(found, key=lambda f: f[0]):
        kind = settle_kind(kind, a, b)
        if once(a, b, kind):
            yield Pairing(a=a.full, b=b.full, kind=kind, source=issue.source(start, end, EXTRACTOR))
    for line, a, b, kind, printed in table_pairs(issue, home):
        kind = settle_kind(kind, a, b)
        if once(a, b, kind):
            # A shredded table row is not in the running text: cite its raw line and the
            # pair as the rejoined characters read.
            start = issue.offset_of_line(line)
            source = Source(issue=issue.key, line=line, end_line=line, start=start, end=start,
                            quote=printed, extractor=EXTRACTOR)
            yield Pairing(a=a.full, b=b.full, kind=kind, source=source)
