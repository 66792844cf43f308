"""Extractor: paired places (山海协作, 对口支援 and other partnerships between places).

In: a normalized `Issue` (its running text and its raw lines). Out: `Pairing` records, one per
distinct pair and kind, places written in full from the national gazetteer (extractors/places.py:
泰顺 -> 泰顺县, 杭州 -> 杭州市; a 兵团 city keeps its division, 第一师阿拉尔市).

Only sentences holding a word of partnership (extractors/data/pairing_kinds.tsv: 山海协作, 飞地,
对口支援, 援疆, 东西部扶贫协作, 帮扶, 结对, …) are read; in them the places are found by the
gazetteer and read in these shapes:

- "A帮扶B、C和D；E帮扶F", "由滨江区结对泰顺县", "A对口支援B", "北京帮内蒙古": a place, the verb, a
  list of places; a place may be printed under its province or city ("河北省张家口市" is 张家口市);
  the subject may open the verb's clause ("宁波市按照…部署对口支援…库车县") or serve two verbs
  ("…对口支援A，对口帮扶B"); the places a verb lists are not paired with each other; a
  subject list pairs each place that is a whole item of it ("杭州市、宁波市帮扶丽水市", "其中由
  介休市、综改示范区晋中开发区结对帮扶榆社县": not the zone), unless 等 sums it up;
- "鹿城—泰顺“飞地”", "嘉善—庆元—九寨沟“飞地”产业园", "温州市—格尔木市对口支援工作座谈会",
  "湖北·西藏对口支援工作座谈会": places joined by dashes (or a middle dot) right before a word of partnership; the first is paired with each other one
  (the host of an enclave with its partners, not the partners with each other); one-character
  abbreviations ("鹿—泰“飞地”") only among the home city's own divisions and only before 飞地;
- "遂昌与诸暨共建的山海协作产业园", "温州与格尔木于2010年建立对口支援关系", "联接杭州和第一师阿拉尔市
  两地": A与/和/同B in a sentence with a word of partnership (not "A、B与C", a coordination);
  "绍兴市县两级分别与乐山…结对": a few words ending in 分别 may stand between A and 与; two lists
  as long as each other around 分别与 pair item by item ("东丽区、西青区分别与承德县、平泉县");
- "象山县对敦化市开展了…对口帮扶工作", "象山代表团赴龙井市、敦化市开展对口帮扶协作": a place
  (with 代表团), 对/赴, the places listed, then 开展 in the clause of the word of partnership;
- "秦军率襄阳市考察团赴对口援藏的琼结县考察", "日照对口支援的新疆喀什地区麦盖提县": a place (its
  delegation, 赴/到), a word of partnership and 的, then the partner it describes;
- "两地自启动对口支援工作以来": the home city (from the gazette's name) and the place the
  surrounding report names most;
- tables printed one character per line ("泰 / 顺 / -鹿 / 城"): the raw lines of such runs are
  rejoined and read like text; the kind comes from the document around the table.

The kind is that of the sentence's decisive word (东西部扶贫协作, 扶贫协作, 结对帮扶 -> other; 对口支援,
援疆, 援藏 -> 对口支援); 山海协作 across provinces is other. Not recorded: a dash between two places
with no word of partnership after it (阿拉尔市-温州市产业对接会, a meeting); pairs named by two
provinces' abbreviations (粤桂, 闽宁: not in the gazetteer); an agency, hospital or enterprise
paired with a place (only a place right before the verb pairs); a list cut off by the end of
the text; a city and its own county. A place's 人民政府 stands for the place. A name several
places bear (西湖区) is read as the one nearest its partner.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .layout import Issue
from .lexicons import lexicon
from .places import (
    Place,
    ancestors,
    corps_division,
    find_places,
    lookup,
    province_of,
    resolve,
)
from .records import Pairing, Source

EXTRACTOR = "pairings"

_DASH = "—－\\-–~～·•"   # "湖北·西藏对口支援工作座谈会": a middle dot joins places too
_DASH_RE = re.compile(f"[{_DASH}]{{1,2}}")
_SENTENCE_END = "。！？!?\n"


@lru_cache(maxsize=1)
def kind_words() -> dict[str, tuple[str, bool]]:
    """word -> (kind, strong) from data/pairing_kinds.tsv."""
    out = {}
    for row in lexicon("pairing_kinds.tsv"):
        word, kind, strength = row.split("\t")
        out[word] = (kind, strength == "strong")
    return out


@lru_cache(maxsize=1)
def _verb_only() -> frozenset[str]:
    """Words that pair only the places printed right around them (帮 of "北京帮内蒙古")."""
    return frozenset(r.split("\t")[0] for r in lexicon("pairing_kinds.tsv") if r.endswith("\tverb"))


@lru_cache(maxsize=1)
def _kind_re() -> re.Pattern:
    # A few dozen literals: the cheap anchor every shape starts from.
    words = sorted(kind_words(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@lru_cache(maxsize=1)
def _verb_re() -> re.Pattern:
    # The words that stand between two places as a verb: "A帮扶B", "A结对B", "A对口支援B".
    verbs = [w for w in kind_words() if w.startswith(("对口", "结对", "帮"))]
    return re.compile("|".join(map(re.escape, sorted(verbs, key=len, reverse=True))))


def settle_kind(kind: str, a: Place, b: Place) -> str:
    """山海协作 pairs places of one province (Zhejiang's coast and mountains): across
    provinces it is some other partnership (东西部协作)."""
    if kind == "山海协作" and province_of(a) != province_of(b):
        return "other"
    return kind


def home_city(issue: Issue) -> Place | None:
    """The place whose gazette this is: "温州市人民政府公报" -> 温州市."""
    name = issue.gazette.name or ""
    for n in range(min(len(name), 16), 1, -1):
        hits = lookup(name[:n])
        if hits:
            return hits[0]
    return None


# --- places as printed: runs of adjacent names -----------------------------------------


@dataclass(frozen=True)
class Printed:
    """A place as printed, possibly under its province or city: "河北省张家口市" is 张家口市."""
    start: int
    end: int
    place: Place
    name: str      # as the record writes it: the full name, with a 兵团 division if printed


@lru_cache(maxsize=1)
def _org_after() -> re.Pattern:
    words = "|".join(map(re.escape, sorted(lexicon("pairing_org_endings.txt"), key=len, reverse=True)))
    return re.compile(rf"(?:第[一二三四五六七八九十]{{1,2}})?(?:{words})")


def _runs(text: str, start: int, end: int, home: str | None) -> list[Printed]:
    """The places of text[start:end], adjacent names joined into one (the last, read within
    the one before: "杭州滨江" is 滨江区 of 杭州市). A place that opens the name of a hospital,
    school or enterprise ("和田地区人民医院") is left out: such a body is not a place."""
    return [r for r in _adjacent(text, start, end, home) if not _org_after().match(text, r.end)]


def _adjacent(text: str, start: int, end: int, home: str | None) -> list[Printed]:
    out: list[Printed] = []
    for s, e, place in find_places(text, start, end, home):
        if out and out[-1].end == s:
            prev = out.pop()
            place = resolve(text[s:e], prev.place.full) or place
            s0 = prev.start
        else:
            s0 = s
        printed = text[s:e]
        name = corps_division(printed) + place.full
        out.append(Printed(s0, e, place, name))
    return out


def _after_government(text: str, pos: int) -> int:
    """Past the 人民政府 of a place ("温州市人民政府与格尔木市人民政府"): a place's government
    stands for the place."""
    for word in ("人民政府", "政府"):
        if text.startswith(word, pos):
            return pos + len(word)
    return pos


def _list_after(text: str, pos: int, runs: list[Printed], limit: int) -> list[Printed]:
    """The places listed from `pos` on: "内蒙古自治区、河北省张家口市和保定市". A list the end
    of the text cuts off loses its last item (it may be a name cut short)."""
    by_start = {r.start: r for r in runs}
    out: list[Printed] = []
    while pos in by_start:
        r = by_start[pos]
        if r.end >= limit:
            break
        pos = _after_government(text, r.end)
        within = by_start.get(pos + 1) if text.startswith("的", pos) else None
        if within is not None and r.place in ancestors(within.place):
            pos += 1   # "和田地区的和田市、和田县": the places listed are those within it
            continue
        if out and _verb_re().match(text, pos):
            break      # "…张家口、天津帮扶甘肃": the item opens the next clause as its subject
        out.append(r)
        if text.startswith(("、", "和", "及", "与"), pos):
            pos += 1
        else:
            break
    return out


#: One of the characters that end a sentence: the window around a word is scanned once,
#: not once per character.
_SENTENCE_END_RE = re.compile(f"[{re.escape(_SENTENCE_END)}]")


def _sentence(text: str, pos: int, reach: int = 200) -> tuple[int, int]:
    """The sentence around text[pos], at most `reach` characters either side."""
    a = 0
    for m in _SENTENCE_END_RE.finditer(text, max(0, pos - reach), pos):
        a = m.end()   # after the last sentence end before pos
    a = max(a, pos - reach)
    end = _SENTENCE_END_RE.search(text, pos, pos + reach)
    return a, end.start() if end else min(len(text), pos + reach)


def _context_kind(text: str, a: int, b: int, near: int | None = None) -> str | None:
    """The kind named by a decisive word in text[a:b] (nearest `near`, by default the middle,
    when several)."""
    best = None
    mid = (a + b) // 2 if near is None else near
    for m in _kind_re().finditer(text, a, b):
        kind, strong = kind_words()[m.group()]
        if strong and (best is None or abs(m.start() - mid) < best[0]):
            best = (abs(m.start() - mid), kind)
    return best[1] if best else None


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b < 0 else b


def _kind_for(text: str, word: str, sent: tuple[int, int], at: int) -> str:
    """The kind a word of partnership at `at` gives its pair: its own if decisive, else that
    of the decisive word nearest it in the sentence, then in the paragraph."""
    kind, strong = kind_words()[word]
    if strong:
        return kind
    return (_context_kind(text, *sent, near=at) or _context_kind(text, *_paragraph(text, at), near=at)
            or kind)


Found = tuple[int, int, Printed, Printed, str]


def verb_pairs(text: str, runs: list[Printed], sent: tuple[int, int]) -> Iterator[Found]:
    """"A帮扶B、C和D", "由滨江区结对泰顺县", "A对口支援B": A printed right before the verb."""
    by_end = {r.end: r for r in runs}
    subject: Printed | None = None
    objects: list[Printed] = []   # the places the last verb of the sentence paired
    for m in _verb_re().finditer(text, *sent):
        visit = _visit_pairs(text, runs, m.start())
        if visit:
            # "象山县对敦化市开展了…对口帮扶工作", "象山代表团赴龙井市、敦化市开展对口帮扶"
            subject = visit[0][0]
            kind = _kind_for(text, m.group(), sent, m.start())
            for host, partner in visit:
                yield host.start, partner.end, host, partner, kind
            continue
        a = by_end.get(m.start()) or _clause_subject(text, runs, m.start())
        if a is None and subject is not None and text[m.start() - 1] in "，,；;":
            a = subject   # "深圳市对口支援喀什地区，对口帮扶百色市": one subject, two verbs
        listed = _listed_subjects(text, runs, m.start())
        subjects = listed if a is None or a in listed else [a]   # "杭州市、宁波市帮扶丽水市": both
        if not subjects:
            continue
        subject = subjects[-1]
        kind = _kind_for(text, m.group(), sent, m.start())
        partners = _list_after(text, m.end(), runs, len(text))
        if not partners and text[m.end():m.end() + 1] in _CLAUSE_BREAK:
            # "台州市对口帮扶峨边彝族自治县，由椒江区结对": a verb without an object takes the
            # places the verb before it in the sentence named
            partners = [b for b in objects if all(b.place != a.place for a in subjects)]
        for b in partners:
            for a in subjects:
                yield a.start, b.end, a, b, kind
        objects = partners or objects


_CLAUSE_BREAK = "，,；;。：:\n"
#: "象山县对敦化市开展…", "海盐党政代表团赴景宁开展…": a place, a delegation word, 对/赴, the places
#: the work is done for, then 开展 (the verb of partnership later in the same clause).
_VISIT_GROUP = re.compile(r"(?:党政)?(?:代表团|考察团)?[对赴]")


def _visit_pairs(text: str, runs: list[Printed], verb: int) -> list[tuple[Printed, Printed]]:
    """The pairs of "A（代表团）对/赴B、C开展…<verb>" in the verb's clause: A with each of B, C."""
    clause = max(text.rfind(c, 0, verb) for c in _CLAUSE_BREAK) + 1
    for r in runs:
        if not (clause <= r.start and r.end < verb):
            continue
        m = _VISIT_GROUP.match(text, _after_government(text, r.end))
        if not m:
            continue
        listed = _list_after(text, m.end(), runs, verb)
        if not listed:
            continue
        after = _after_government(text, listed[-1].end)
        if text.startswith("开展", after):
            return [(r, b) for b in listed if b.place != r.place]
    return []


#: "秦军率襄阳市考察团赴对口援藏的琼结县考察", "日照对口支援的新疆喀什地区麦盖提县": a place
#: (its delegation, 赴/到), the partnership described (对口 + a word of partnership, 的), then
#: the partner.
_TO_DESCRIBED = re.compile(r"(?:(?:党政)?(?:代表团|考察团|工作组)?[赴到])?(?:对口|结对)?$")


def described_pairs(text: str, runs: list[Printed], sent: tuple[int, int]) -> Iterator[Found]:
    """"A考察团赴对口援藏的B", "A对口支援的B": A paired with the B the partnership word
    describes."""
    by_start = {r.start: r for r in runs}
    by_end = {r.end: r for r in runs}
    for m in _kind_re().finditer(text, *sent):
        if not text.startswith("的", m.end()):
            continue
        partner = by_start.get(m.end() + 1)
        lead = _TO_DESCRIBED.search(text, max(sent[0], m.start() - 10), m.start())
        if partner is None or lead is None:
            continue
        host = by_end.get(lead.start()) or by_end.get(_before_government(text, lead.start()))
        if host is not None and host.place != partner.place:
            yield host.start, partner.end, host, partner, _kind_for(text, m.group(), sent, m.start())


def _before_government(text: str, pos: int) -> int:
    """Where the place before its 人民政府 ends ("琼结县人民政府" ending at pos)."""
    for word in ("人民政府", "政府"):
        if text.endswith(word, 0, pos):
            return pos - len(word)
    return pos


def _clause_subject(text: str, runs: list[Printed], verb: int) -> Printed | None:
    """"宁波市按照中央和省委省政府的工作部署对口支援新疆阿克苏地区库车县": the place that opens
    the verb's clause (after 由 at most), when no other place stands between it and the verb."""
    clause = max(text.rfind(c, 0, verb) for c in _CLAUSE_BREAK) + 1
    before = [r for r in runs if clause <= r.start and r.end <= verb]
    if len(before) != 1:
        return None
    a = before[0]
    return a if a.start - clause <= 1 and text[clause : a.start] in ("", "由") else None


def _listed_subjects(text: str, runs: list[Printed], verb: int) -> list[Printed]:
    """"其中由介休市、综改示范区晋中开发区结对帮扶榆社县": the places that are whole items of the
    list opening the verb's clause (after 其中/由); an item that is a zone or an agency (even one
    named after a place) is no place and pairs nothing."""
    clause = max(text.rfind(c, 0, verb) for c in _CLAUSE_BREAK) + 1
    head = re.match(r"(?:其中)?由?", text[clause:verb])
    start = clause + (head.end() if head else 0)
    if "、" not in text[start:verb] or "等" in text[start:verb].rsplit("、", 1)[1]:
        return []   # "深圳、青岛、大连、宁波等四个计划单列市帮贵州": a summed-up list, read as none
    out, pos = [], start
    by_start = {r.start: r for r in runs}
    for item in text[start:verb].split("、"):
        r = by_start.get(pos)
        if r is not None and _after_government(text, r.end) == pos + len(item):
            out.append(r)
        pos += len(item) + 1
    return out


def dash_pairs(text: str, runs: list[Printed], sent: tuple[int, int], home: str | None) -> Iterator[Found]:
    """"A—B“飞地”", "A—B—C“飞地”产业园", "A—B对口支援工作座谈会": the first paired with each
    other one, when a word of partnership follows the last within a few characters."""
    by_start = {r.start: r for r in runs}
    by_end = {r.end: r for r in runs}
    for d in _DASH_RE.finditer(text, *sent):
        first = by_end.get(d.start())
        if first is None:
            yield from _abbreviated(text, d, home)
            continue
        if first.start and text[first.start - 1] in _DASH:
            continue   # the middle of a chain read from its first place
        chain, pos = [first], d.end()
        while pos in by_start:
            chain.append(by_start[pos])
            pos = by_start[pos].end
            m = _DASH_RE.match(text, pos)
            if not m:
                break
            pos = m.end()
        if len(chain) < 2:
            continue
        m = _kind_re().search(text, chain[-1].end, chain[-1].end + 8)
        if m is None and text.startswith("山海", chain[-1].end):
            kind = "山海协作"   # "龙游—镇海山海[协作…]"
        elif m is None or m.group() in _verb_only():
            continue
        else:
            kind = _kind_for(text, m.group(), sent, m.start())
        for b in chain[1:]:
            yield first.start, b.end, first, b, kind


def _abbreviated(text: str, d: re.Match, home: str | None) -> Iterator[Found]:
    """"鹿—泰“飞地”": one character on each side of the dash, both divisions of the home city."""
    if not home or d.start() < 1 or not text.startswith(("“飞地”", "飞地"), d.end() + 1):
        return
    a_txt, b_txt = text[d.start() - 1], text[d.end()]
    a, b = resolve(a_txt, home), resolve(b_txt, home)
    if a and b and a != b:
        pa = Printed(d.start() - 1, d.start(), a, a.full)
        pb = Printed(d.end(), d.end() + 1, b, b.full)
        yield pa.start, pb.end, pa, pb, "山海协作"


#: Verbs by which two places set up a partnership together (签订…协议, 建立…关系).
_SIGNED = re.compile("签订|签署|建立|结成|缔结|确立")


#: "…分别" between a place and 与: "绍兴市县两级分别与乐山及其所辖县（区）结对".
_RESPECTIVELY = re.compile(r"[^，,。；;、与和同]{0,6}?分别(?=[与和同])")


def joined_pairs(text: str, runs: list[Printed], sent: tuple[int, int],
                 objects: frozenset[int] = frozenset()) -> Iterator[Found]:
    """"遂昌与诸暨共建的山海协作产业园", "联接杭州和第一师阿拉尔市两地": A与/和/同B (and more after
    、) in a sentence with a word of partnership; "A、B与C" is a coordination, not a pair, and so
    is "支援A和B" (A and B at `objects`: the places a verb of the sentence already pairs)."""
    kind = _context_kind(text, *sent)
    if kind is None:
        weak = [m for m in _kind_re().finditer(text, *sent) if m.group() not in _verb_only()]
        kind = kind_words()[weak[0].group()][0] if weak else None
    if kind is None:
        return
    signed = _SIGNED.search(text, *sent) is not None
    for a in runs:
        at = _after_government(text, a.end)
        if text[a.start - 1 : a.start] == "、" or a.start in objects:
            continue
        one_to_one = _respective_lists(text, runs, a, at)
        if one_to_one:
            for x, y in one_to_one:
                yield x.start, y.end, x, y, kind
            continue
        respectively = _RESPECTIVELY.match(text, at)
        if respectively:     # "绍兴市县两级分别与乐山…结对": A (its levels) respectively with B
            at = respectively.end()
        joiner = text[at : at + 1]
        if joiner == "、" and signed and text[a.start - 1 : a.start] not in ("与", "和", "同", "及"):
            # "孝义市、石楼县于2006年签订“结对帮扶”协议": two places, and only two, that sign or
            # set up the partnership together are its two sides.
            listed = _list_after(text, at + 1, runs, len(text))
            if len(listed) == 1:
                yield a.start, listed[0].end, a, listed[0], kind
            continue
        if joiner not in ("与", "和", "同"):
            continue
        for b in _list_after(text, at + 1, runs, len(text)):
            yield a.start, b.end, a, b, kind


def _respective_lists(text: str, runs: list[Printed], a: Printed, at: int) -> list[tuple[Printed, Printed]]:
    """"天津市东丽区、西青区…分别与河北承德市承德县、平泉县…签署…": two lists of places as long
    as each other, paired item by item; [] for any other shape."""
    if not text.startswith("、", at):
        return []
    subjects = [a, *_list_after(text, at + 1, runs, len(text))]
    respectively = _RESPECTIVELY.match(text, _after_government(text, subjects[-1].end))
    if len(subjects) < 2 or not respectively:
        return []
    partners = _list_after(text, respectively.end() + 1, runs, len(text))
    if len(partners) != len(subjects):
        return []
    return [(x, y) for x, y in zip(subjects, partners) if x.place != y.place]


#: "龙游—镇海山海协作…" cut after 山海: a dash pair before 山海 is read even without the rest.
_SHANHAI_AFTER_DASH = re.compile(f"[{_DASH}][^{_DASH}。]{{2,12}}?山海")


def sentence_pairs(text: str, home: str | None) -> Iterator[Found]:
    """Every pair of the sentences that hold a word of partnership."""
    done: set[tuple[int, int]] = set()
    for m in _kind_re().finditer(text):
        sent = _sentence(text, m.start())
        if sent in done:
            continue
        done.add(sent)
        runs = _runs(text, sent[0], sent[1], home)
        by_verb = list(verb_pairs(text, runs, sent))
        yield from by_verb
        yield from dash_pairs(text, runs, sent, home)
        yield from described_pairs(text, runs, sent)
        if len(runs) >= 2:
            yield from joined_pairs(text, runs, sent, frozenset(f[3].start for f in by_verb))
    for m in _SHANHAI_AFTER_DASH.finditer(text):
        sent = _sentence(text, m.start())
        if sent not in done:
            done.add(sent)
            yield from dash_pairs(text, _runs(text, sent[0], sent[1], home), sent, home)


_BOTH = re.compile(r"两地[^。]{0,20}?(对口支援|对口帮扶|山海协作)")


def both_places(text: str, home: Place | None) -> Iterator[Found]:
    """"两地…对口支援": the home city and the place the surrounding report names most; in a
    text of no gazette, the two places the whole text names most."""
    if home is None:
        yield from _two_most_named(text)
        return
    for m in _BOTH.finditer(text):
        # The report around it: from a few paragraphs before to the end of this one.
        a = m.start()
        for _ in range(4):
            a = max(0, text.rfind("\n", 0, a - 1))
        b = text.find("\n", m.end())
        b = len(text) if b < 0 else b
        counts: dict[str, int] = {}
        places: dict[str, Place] = {}
        for _, _, p in find_places(text, a, b, home.full):
            if p.code == home.code or p.level == "province" or p.parent_code == home.code:
                continue
            counts[p.code] = counts.get(p.code, 0) + 1
            places[p.code] = p
        if not counts:
            continue
        other = places[max(counts, key=lambda k: counts[k])]
        kind = kind_words()[m[1]][0]
        yield (m.start(), m.end(), Printed(m.start(), m.end(), home, home.full),
               Printed(m.start(), m.end(), other, other.full), kind)


def _two_most_named(text: str) -> Iterator[Found]:
    """"新疆第一师阿拉尔市党政代表团来我市考察，两地召开对口支援工作座谈会" (台州日报 2023, a text of
    no gazette): "两地" are the two places (not provinces) the text names most, each at least
    twice and clearly more than any third; neither within the other."""
    m = _BOTH.search(text)
    if m is None:
        return
    counts: dict[str, int] = {}
    named: dict[str, str] = {}
    places: dict[str, Place] = {}
    for s, e, p in find_places(text, 0, len(text), None):
        if p.level == "province":
            continue
        counts[p.code] = counts.get(p.code, 0) + 1
        places[p.code] = p
        name = corps_division(text[s:e]) + p.full
        if len(name) > len(named.get(p.code, "")):
            named[p.code] = name   # "第一师阿拉尔市" keeps its division wherever it is printed so
    ranked = sorted(counts, key=lambda k: -counts[k])
    if len(ranked) < 2 or counts[ranked[1]] < 2 or (len(ranked) > 2 and counts[ranked[2]] == counts[ranked[1]]):
        return
    a, b = places[ranked[0]], places[ranked[1]]
    if _nested(a, b):
        return
    kind = kind_words()[m[1]][0]
    yield (m.start(), m.end(), Printed(m.start(), m.end(), a, named[a.code]),
           Printed(m.start(), m.end(), b, named[b.code]), kind)


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
    """The partnership the text before a table is about: the decisive kind word printed
    most often in the `reach` raw lines above it (twice at least)."""
    above = "".join(issue.lines[max(0, line - 1 - reach) : line - 1])
    counts: dict[str, int] = {}
    for m in _kind_re().finditer(above):
        kind, strong = kind_words()[m.group()]
        if strong and m.group() != "飞地":
            counts[kind] = counts.get(kind, 0) + 1
    best = max(counts, key=lambda k: counts[k]) if counts else None
    return best if best and counts[best] >= 2 else None


def table_pairs(issue: Issue, home: str | None) -> Iterator[tuple[int, Place, Place, str, str]]:
    """(line, a, b, kind, printed pair) for "A-B" rows of shredded tables: both sides place
    names of two characters or more (no one-character abbreviations here: too ambiguous)."""
    for first, last, joined in shredded_runs(issue):
        if not _DASH_RE.search(joined):
            continue
        runs = _runs(joined, 0, len(joined), home)
        by_start = {r.start: r for r in runs}
        by_end = {r.end: r for r in runs}
        for d in _DASH_RE.finditer(joined):
            a, b = by_end.get(d.start()), by_start.get(d.end())
            if not (a and b) or a.place == b.place:
                continue
            m = _kind_re().search(joined, b.end, b.end + 8)
            kind = kind_words()[m.group()][0] if m else _document_kind(issue, first)
            if kind:
                # The line of the pair's first character within the run.
                yield (_line_in_run(issue, first, last, a.start), a.place, b.place, kind,
                       joined[a.start : b.end])


def _line_in_run(issue: Issue, first: int, last: int, pos: int) -> int:
    count = 0
    for no in range(first, last + 1):
        s = issue.lines[no - 1].strip().replace(" ", "")
        if count + len(s) > pos:
            return no
        count += len(s)
    return first


# --- the extractor ----------------------------------------------------------------------


def _nested(a: Place, b: Place) -> bool:
    return a.code == b.code or a in ancestors(b) or b in ancestors(a)


def _near(text: str, b: Printed, a: Printed) -> Printed:
    """A partner whose name several places bear (西湖区 of 杭州 and of 南昌) read as the one
    nearest its partner: within its city, else its province."""
    printed = text[b.start : b.end]
    if b.name != b.place.full or len(lookup(printed)) < 2:
        return b
    place = resolve(printed, a.place.parent or a.place.full) or b.place
    return Printed(b.start, b.end, place, place.full)


def extract(issue: Issue) -> Iterator[Pairing]:
    home = home_city(issue)
    home_name = home.full if home else None
    text = issue.text
    seen: set[tuple[frozenset[str], str]] = set()

    def once(a: Place, b: Place, kind: str) -> bool:
        key = (frozenset((a.code, b.code)), kind)
        if key in seen:
            return False
        seen.add(key)
        return True

    found = list(sentence_pairs(text, home_name))
    found.extend(both_places(text, home))
    for start, end, a, b, kind in sorted(found, key=lambda f: f[0]):
        b = _near(text, b, a)
        a = _near(text, a, b)
        if _nested(a.place, b.place):
            continue   # a city and its own county are no partners
        kind = settle_kind(kind, a.place, b.place)
        if once(a.place, b.place, kind):
            yield Pairing(a=a.name, b=b.name, kind=kind, source=issue.source(start, end, EXTRACTOR))
    for line, pa, pb, kind, printed in table_pairs(issue, home_name):
        kind = settle_kind(kind, pa, pb)
        if not _nested(pa, pb) and once(pa, pb, kind):
            # A shredded table row is not in the running text: cite its raw line and the
            # pair as the rejoined characters read.
            start = issue.offset_of_line(line)
            source = Source(issue=issue.key, line=line, end_line=line, start=start, end=start,
                            quote=printed, extractor=EXTRACTOR)
            yield Pairing(a=pa.full, b=pb.full, kind=kind, source=source)
