"""Extractor: the division of work among a government's leaders (领导分工).

In: a normalized `Issue`. Out: `Responsibility` records, one per (leader, relation, object)
of every notice whose text speaks of 领导分工 ("温州市人民政府关于调整市政府领导分工的通知"):

    姚高员 领导市政府全面工作。负责财政、审计等方面工作。
    分管市财政局、市审计局。
    孙维国 协助有关副市长工作，暂不分工。

- 负责 / 领导 X、Y等方面工作  -> responsible_for X, Y  ("等方面工作" dropped)
- 分管 A、B（C）               -> supervises A, "B（C）" (a bracketed alias stays attached)
- 联系 A、B                    -> liaises A, B
- 协助 … 负责 X、Y工作         -> assists X, Y
- 不作分工 / 暂不分工           -> none (object None)

Each leader's block is his name line plus the lines that continue it (分管…, 联系…, or a list
that a page break cut after 、). `date` is the notice's signature date (the date line that
closes it), ISO.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .layout import Issue
from .records import Responsibility

EXTRACTOR = "responsibilities"

#: A leader's line: a 2-3 character name (printed spaced out when short: "汪 驰"), a space,
#: then his duties.
_LEADER_LINE = re.compile(r"^(?P<name>[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,2}) +(?P<duties>\S.*)$")
#: The verbs that open a clause of the division of work.
_DUTY_VERBS = ("负责", "领导", "分管", "联系", "协助")
_NO_DIVISION = re.compile(r"(?:不作|暂不|不再)分工")
_DATE_LINE = re.compile(r"^(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日$")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "O": 0, "○": 0}
_CN_DATE_LINE = re.compile(r"^(?P<y>[〇零○O一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,3})月(?P<d>[一二三四五六七八九十]{1,3})日$")
#: Endings of an area of work that are not part of its name.
_AREA_TAILS = ("等方面的工作", "等方面工作", "方面的工作", "方面工作", "等工作", "等")
_OPEN, _CLOSE = "（(“《〈【", "）)”》〉】"


def _cn_number(s: str) -> int:
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(s, 0)


def signature_date(text: str) -> str | None:
    """ISO date of a signature date line: "2020年6月24日" or "二〇二〇年六月二十四日"."""
    text = text.replace(" ", "")
    m = _DATE_LINE.match(text)
    if m:
        return f"{int(m['y']):04d}-{int(m['m']):02d}-{int(m['d']):02d}"
    m = _CN_DATE_LINE.match(text)
    if m:
        y = int("".join(str(_CN_DIGITS[c]) for c in m["y"]))
        return f"{y:04d}-{_cn_number(m['m']):02d}-{_cn_number(m['d']):02d}"
    return None


def split_list(s: str) -> list[tuple[int, str]]:
    """Split an enumeration on 、 and ，, never inside brackets or quotes:
    "市外办（港澳办）、浙南产业集聚区（经开区、瓯飞）管委会" -> two items, with offsets."""
    items, depth, start = [], 0, 0
    for i, ch in enumerate(s):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in "、，," and depth == 0:
            items.append((start, s[start:i]))
            start = i + 1
    items.append((start, s[start:]))
    return [(a, t) for a, t in items if t.strip()]


def _strip_area(item: str, last: bool, several: bool) -> str:
    """An area as printed, without "等方面工作"; the 工作 that closes a list of several areas
    ("财政、审计工作") belongs to all of them and is dropped too."""
    for tail in _AREA_TAILS:
        if item.endswith(tail) and len(item) > len(tail):
            return item[: -len(tail)]
    if last and several and item.endswith("工作") and len(item) > 3:
        return item[:-2]
    return item


def clauses(duties: str) -> Iterator[tuple[str, int, str]]:
    """(relation, offset, object) for each object of a leader's duties text."""
    # Sentences end at 。 and ；; within a sentence each 负责/分管/联系/协助… clause runs to
    # the next ， that opens another verb.
    pos = 0
    for sentence in re.split(r"(?<=[。；;])", duties):
        body = sentence.rstrip("。；;")
        base = pos
        pos += len(sentence)
        if not body:
            continue
        if _NO_DIVISION.search(body):
            yield "none", base, ""
            continue
        # Clause starts: a duty verb at the start or after ，.
        starts = [m.start() for m in re.finditer(r"(?:^|(?<=[，,]))(?:" + "|".join(_DUTY_VERBS) + ")", body)]
        if not starts:
            continue
        for k, a in enumerate(starts):
            b = starts[k + 1] - 1 if k + 1 < len(starts) else len(body)
            clause = body[a:b].rstrip("，,")
            yield from _clause(clause, base + a)


def _clause(clause: str, base: int) -> Iterator[tuple[str, int, str]]:
    m = re.match(r"协助[^，,。]*?负责", clause)
    if m:
        relation, start = "assists", m.end()
    elif clause.startswith("协助"):
        return   # "协助有关副市长工作": no area of his own
    elif clause.startswith("分管"):
        relation, start = "supervises", 2
    elif clause.startswith("联系"):
        relation, start = "liaises", 2
    else:   # 负责 / 领导
        relation, start = "responsible_for", 2
    items = split_list(clause[start:])
    several = len(items) > 1
    for k, (off, item) in enumerate(items):
        item = item.strip()
        if relation in ("responsible_for", "assists"):
            item = _strip_area(item, k == len(items) - 1, several)
        if item:
            yield relation, base + start + off, item


def _notice_start(issue: Issue) -> list[int]:
    """Offsets in Issue.text where a 领导分工 notice's body speaks of itself."""
    catalog = issue.sections_of("catalog")
    out = []
    for m in re.finditer(r"领导(?:同志)?(?:工作)?分工", issue.text):
        if any(s.start <= m.start() < s.end for s in catalog):
            continue
        para_start = issue.text.rfind("\n", 0, m.start()) + 1
        if not out or para_start > out[-1]:
            out.append(para_start)
    return out


def extract(issue: Issue) -> Iterator[Responsibility]:
    text = issue.text
    done_until = -1
    for start in _notice_start(issue):
        if start < done_until:
            continue
        records: list[tuple[str, str, str | None, int, int]] = []
        leader: str | None = None
        block: list[tuple[int, int]] = []    # (start, end) spans of the leader's paragraphs
        date = None
        end_of_notice = len(text)
        paragraphs = list(issue.paragraphs(start))

        def flush():
            if leader and block:
                records.extend(_read_block(issue, leader, block))

        for n, (a, b) in enumerate(paragraphs):
            if n > 8 and not records and leader is None:
                break   # a passing mention of 领导分工, not a notice listing the leaders
            para = text[a:b]
            d = signature_date(para)
            if d:
                date, end_of_notice = d, b
                break
            m = _LEADER_LINE.match(para)
            if m and m["duties"].startswith(_DUTY_VERBS) or (m and _NO_DIVISION.search(para)) or (
                m and re.match(r"[\u4e00-\u9fff]{2,8}工作[，,]", m["duties"])
            ):
                flush()
                leader = m["name"].replace(" ", "")
                block = [(a + m.start("duties"), b)]
                continue
            if leader is None:
                continue
            prev_text = text[block[-1][0] : block[-1][1]] if block else ""
            continues = para.startswith(_DUTY_VERBS) or not prev_text.endswith(("。", "；"))
            if continues:
                block.append((a, b))
            else:
                flush()
                leader, block = None, []
        else:
            flush()
            leader = None
        if leader is not None:
            flush()
        done_until = end_of_notice
        notice = _notice_number(issue, start, end_of_notice)
        for person, relation, obj, a, b in records:
            yield Responsibility(person=person, relation=relation, object=obj,
                                 source=issue.source(a, b, EXTRACTOR, document=notice), date=date)


def _notice_number(issue: Issue, start: int, end: int) -> str | None:
    """The number (or, unnumbered, the title) of the 领导分工 notice whose body runs from
    start to end: its title block stands in the notice, often after its first page."""
    near = [b for b in issue.title_blocks if "分工" in b.title and start - 2000 <= b.offset <= end]
    if not near:
        return None
    block = min(near, key=lambda b: abs(b.offset - start))
    return block.doc_number or block.title


def _read_block(issue: Issue, leader: str, block: list[tuple[int, int]]) -> Iterator[tuple[str, str, str | None, int, int]]:
    """The records of one leader: his paragraphs joined as one text (a list cut by a page
    break after 、 reads on), each object mapped back to its span in Issue.text."""
    joined, offsets = [], []
    for a, b in block:
        for i in range(a, b):
            joined.append(issue.text[i])
            offsets.append(i)
    duties = "".join(joined)
    for relation, off, obj in clauses(duties):
        if relation == "none":
            yield leader, "none", None, offsets[0], offsets[-1] + 1
            continue
        # Find the printed object at its offset (stripping may have shortened it).
        a = offsets[min(off + (len(duties[off:]) - len(duties[off:].lstrip())), len(offsets) - 1)]
        b = offsets[min(off + len(obj), len(offsets)) - 1] + 1
        yield leader, relation, obj, a, b
