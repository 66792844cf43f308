"""The grammar of personnel acts (任免): Chinese text in, `Act`s out. Pure functions, no spaCy.

In: any text that may print personnel acts, and optionally the (start, end) spans of persons a
recogniser found in it. Out: one `Act` per person and post, with offsets into the text.

Two ways of reading (`parse_acts(..., scan=...)`):
- list (`scan=False`): the whole text is a personnel list, e.g. a gazette's 人事任免 section.
  Every clause is read; PDF line wraps are joined; a "…：" line is a preamble that sets the
  default verb ("免去：" makes "X的A职务" a removal).
- scan (`scan=True`): prose (a news report, a web page, a single notice). Only paragraphs that
  hold a trigger word (data/act_triggers.txt: 任命, 免去, 辞去, 代理, …) are read, and in them only
  the clauses that hold one; "X任A" and "X为A" count only after an act preamble ("经研究决定：",
  "任命：", "会议决定：") or with 同志 ("X同志任A"). Headlines (a paragraph with no punctuation)
  are not read: the body states the same act in full. Clauses with a blocker
  (data/act_blockers.txt: 补选, 被任命, 曾任 …) narrate history or elect deputies: no acts.

A clause is cut at top-level commas into pieces; each piece either opens an act or continues
the one before:
- lead verb + persons: "任命X为A", "决定任命X同志为A", "任命甲、乙等18人为A", "任命甲、乙两位同志为A",
  "免去X（同志）（的）A、B（的）职务", "接受X辞去A职务（的请求）", "晋升X为A", "同意X同志任A"
  (data/act_verbs.tsv, where=lead); a lead after 被 is narrated history; the person's present
  post may stand between verb and name ("任命县委副书记X同志为A": 同志 or 为 after the name);
- a body, 由, persons + verb: "国务院三峡地区经济开发办公室由李伯宁同志任主任，陈光健同志兼任副主任" (the
  pieces after it take the same body);
- persons + verb: "X任A", "X、Y为A", "X同志任A", "X的A职务", "X不再担任A职务", "X辞去A职务",
  "X代理A市长职务" (→ 代理市长), "X主持A工作" (→ post 主持工作), "X晋升为A" (where=name);
- a verb carrying the same persons: "，兼任B", "，免去其C职务", "，并决定为代理市长",
  "，接受其辞去D职务的请求" (where=segment); "，乙为B主任" after "任命甲为A主任" (one verb for
  several people);
- more objects of the open act ("免去X的A，B（兼）职务"); a piece that is only a qualifier
  ("，试用期一年") qualifies the acts of the piece before;
- a title before or after the name: "…副市长X代理…市长职务", "决定X副区长代理…", and in a list
  "市委常委X兼任B".
Objects are "organization + post (qualifiers)" separated by 、. An object ending in 职务 (or 的请求)
closes the act: text after it is not an object ("…的职务,报…备案"). A nomination
("提名为…候选人") and a deputy's seat ("…人大代表") are no posts. In prose an object must name a
body or a known title, and a bare title after a removal is printed without its body (the body
of the new post is not borrowed).

An object is split into organization and post by the longest post title (data/post_titles.txt)
that ends it, else at the last body ending (data/body_endings.tsv, use `split`); "代理" before a title joins
the post (代理市长); a title alone takes the organization of the object before it. Parentheses
holding a qualifier (试用期一年, 终止试用期, 副县长级, 兼) are lifted out; any other parenthesis is a
second name of the body and stays in it. 职务 and 职级 are never part of a post.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from .bodies import body_endings
from .lexicons import lexicon, longest_first
from .names import minority_name_at, name_lengths, tibetan_name_at

CJK = r"\u4e00-\u9fff"
#: A parenthesis holding one of these is a qualifier, not part of a body's name.
QUALIFIER_RE = re.compile(r"^(?:试用期[一二三四五六七八九十两半0-9]+[年个月]*|终止试用期|[正副]?[省厅市县处科乡镇局部]+[长级]?级|"
                          r"[正副](?:县|处|科|厅|局|市|乡)(?:长)?级|兼|兼职|挂职[^）)]*|主持工作|正职|副职|"
                          r"[一二三四]级[^）)]{0,6})$")
#: A line ending in one of these closes a clause; in a list any other line end is a PDF wrap.
CLOSERS = "；;。：:！？!?"
#: Clause ends: a clause is read up to one of these (a "：" ends a preamble).
CLAUSE_RE = re.compile(r"[^；;。！？!?\n：:]+[；;。！？!?\n：:]?")
#: An enumerator opening a clause: "一、", "1.", "（二）".
ENUMERATOR_RE = re.compile(r"(?:[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十0-9]+[、.．])")
#: Sentence punctuation: a paragraph without any is a headline or a title.
SENTENCE_MARK = re.compile(r"[，,。；;：:！？!?]")
#: A preamble that opens a list of acts: "经研究决定：", "任命：", "市人民政府决定免去：", "决定接受：".
PREAMBLE_WORDS = ("决定", "任命", "免去", "免职", "聘任", "接受", "任免")
#: How a preamble of any length ends: "…第七次会议决定", "任免名单如下", "宣布市委决定".
PREAMBLE_ENDS = ("决定", "任命", "免去", "免职", "聘任", "接受", "名单")
#: A parenthesised note after 职务 ("（另有任用）", "（退休）") that is no qualifier.
NOTE_AFTER_POST = re.compile(r"职务[（(][^（）()]*[）)]$")
#: What ends an object and closes its act; stripped from the object, longest first.
OBJECT_CLOSERS = ("的请求", "请求", "的辞呈", "辞呈", "的职务", "职务", "职级", "的决定")
#: A name printed in a list without a known surname (list reading only): 2–4 characters.
LOOSE_NAME_LENGTHS = (2, 3, 4)
#: First characters of a body printed right after a name with nothing between
#: ("免去王伟市公安局局长职务"): they end the name.
BODY_OPENERS = ("市", "省", "县", "区", "州", "镇", "乡", "中共", "中国", "国家")
#: A deputy to a people's congress is elected, not appointed: not a post of an act.
DEPUTY_RE = re.compile(r"(?:人大|人民代表大会)代表$")
#: A nomination ("提名为…区长候选人", "…人选") names no post held.
NOMINEE_ENDS = ("候选人", "人选")
#: Longest post (characters) read in prose; a longer "post" is a misread sentence.
MAX_POST = 10


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


# --- lexicons ---------------------------------------------------------------------------


def post_titles() -> tuple[str, ...]:
    """Post titles, longest first (so 副调研员 wins over 调研员)."""
    return longest_first("post_titles.txt")


def org_suffixes() -> tuple[str, ...]:
    return body_endings("split")


@functools.cache
def _title_set() -> frozenset[str]:
    return frozenset(post_titles())


@functools.cache
def _titles_by_length() -> tuple[tuple[int, frozenset[str]], ...]:
    """The post titles grouped by length, longest first: the longest title a phrase ends with
    is found by one set look-up per length, not a test per title."""
    lengths = sorted({len(t) for t in post_titles()}, reverse=True)
    return tuple((n, frozenset(t for t in post_titles() if len(t) == n)) for n in lengths)


@functools.cache
def verbs(where: str) -> tuple[tuple[str, str], ...]:
    """(word, action) of data/act_verbs.tsv for one position (lead | name | segment), longest first."""
    rows = []
    for line in lexicon("act_verbs.tsv"):
        word, action, place = line.split()
        if place == where:
            rows.append((word, action))
    return tuple(sorted(rows, key=lambda r: (-len(r[0]), r[0])))


@functools.cache
def trigger_re() -> re.Pattern:
    """Any trigger word of data/act_triggers.txt (a short literal alternation)."""
    return re.compile("|".join(map(re.escape, longest_first("act_triggers.txt"))))


@functools.cache
def blockers() -> tuple[str, ...]:
    return lexicon("act_blockers.txt")


@functools.cache
def _lead_re() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w, _ in verbs("lead")))


def has_trigger(text: str) -> bool:
    return trigger_re().search(text) is not None


# --- objects ------------------------------------------------------------------------------


def split_post(phrase: str) -> tuple[str | None, str]:
    """"温州市公安局禁毒支队支队长" -> ("温州市公安局禁毒支队", "支队长"); a title alone -> (None, title);
    "济源市人民政府代理市长" -> ("济源市人民政府", "代理市长"); "代理杭州市市长" (the object of
    "，代理杭州市市长职务") -> ("杭州市", "代理市长"); "代市长", the short form of 代理市长
    ("任温州市副市长、代市长") -> (None, "代理市长"): the body is the item's before it."""
    org, post = _split_post(phrase)
    if org and org.endswith("代") and not org.endswith("代理"):
        # No body's name ends in 代: it is the acting title's short form, 代市长 for 代理市长.
        org, post = org[:-1] or None, "代理" + post
    elif org and org.endswith("代理"):
        org, post = org[:-2] or None, "代理" + post
    elif org and org.startswith("代理") and len(org) > 2:
        org, post = org[2:], "代理" + post
    return org, post


def _split_post(phrase: str) -> tuple[str | None, str]:
    for n, titles in _titles_by_length():
        if len(phrase) >= n and phrase[-n:] in titles:   # the longest title phrase ends with
            return (phrase[:-n] or None), phrase[-n:]
    # No known title: the body runs to its last known ending, the rest is the post.
    best = -1
    for suffix in org_suffixes():
        i = phrase.rfind(suffix)
        if i >= 0 and i + len(suffix) < len(phrase):
            best = max(best, i + len(suffix))
    if best > 0:
        return phrase[:best], phrase[best:]
    return None, phrase


def _split_top(s: str, seps: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) pieces of s[start:end] cut at seps outside parentheses, as offsets in s."""
    end = len(s) if end is None else end
    out, depth, a = [], 0, start
    for i in range(start, end):
        ch = s[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            out.append((a, i))
            a = i + 1
    out.append((a, end))
    return out


def _object_items(s: str, a: int, b: int) -> list[tuple[int, int]]:
    """The items of an act's objects s[a:b]: cut at 、 and at 以及, which joins two posts or
    opens the next persons under the same verb ("辞去县人大常委会委员以及甲、乙等15位同志辞去…")."""
    out: list[tuple[int, int]] = []
    for x, y in _split_top(s, "、", a, b):
        k = s.find("以及", x, y)
        while k > x:
            out.append((x, k))
            x = k + 2
            k = s.find("以及", x, y)
        out.append((x, y))
    return out


def _lift_qualifiers(s: str, a: int, b: int) -> tuple[list[int], list[str]]:
    """Positions (in s) of the object s[a:b] without its qualifier parentheses, and the qualifiers."""
    quals: list[str] = []
    pos: list[int] = []
    i = a
    for m in re.finditer(r"[（(]([^（）()]*)[）)]", s[a:b]):
        inner = m.group(1).strip()
        if QUALIFIER_RE.match(inner):
            quals.append("兼" if inner.startswith("兼") else inner)
            pos.extend(range(i, a + m.start()))
            i = a + m.end()
    pos.extend(range(i, b))
    return pos, quals


# --- the cleaned text ---------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _person_note() -> re.Pattern:
    """A bracketed note a personnel list prints after a name: （女）, （女，回族）, （满族）."""
    groups = sorted((g for g in lexicon("ethnic_groups.txt") if g != "各"), key=len, reverse=True)
    note = rf"(?:女|男|(?:汉|{'|'.join(map(re.escape, groups))})族)"
    return re.compile(rf"(?<=[\u4e00-\u9fff])[（(]{note}(?:[，,、]{note})*[)）]")


class _Clean:
    """The parsed text with PDF wraps, spaces and noise (headings inside a list) taken out,
    and for each kept character its offset in the original text. `wrap_min`: a line not ending
    in a closer joins the next only if it is at least this long (0: always, as in a list; in
    prose a short line without a closer is a headline of its own)."""

    def __init__(self, text: str, noise: Iterable[str] = (), wrap_min: int = 0):
        drop = [False] * len(text)
        for word in noise:
            if not word:
                continue
            # only a heading standing on its own line, never the same words inside a name
            for m in re.finditer(rf"(?<=\n){re.escape(word)}(?=\n|$)", text):
                if m.start() > 0:   # a heading at the very start is the section's own title
                    drop[m.start():m.end()] = [True] * (m.end() - m.start())
        # "任命崔天凯、傅莹（女）、翟隽为…": the note is about the person, not part of the list
        for m in _person_note().finditer(text):
            drop[m.start():m.end()] = [True] * (m.end() - m.start())
        chars: list[str] = []
        where: list[int] = []
        line_len = 0
        for i, ch in enumerate(text):
            if drop[i] or ch in " \t\u3000\r\xa0":
                continue
            if ch == "\n":
                prev = chars[-1] if chars else "\n"
                if prev != "\n" and prev not in CLOSERS and line_len >= wrap_min:
                    continue    # a wrap: the sentence goes on
                line_len = 0
                if prev == "\n":
                    continue
            else:
                line_len += 1
            chars.append(ch)
            where.append(i)
        self.text = "".join(chars)
        self.where = where

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of cleaned [start, end)."""
        return self.where[start], self.where[end - 1] + 1


# --- names --------------------------------------------------------------------------------


class _Names:
    """Where persons' names start and how long they are, from the recogniser's spans (hints)
    and the name rules of names.py."""

    def __init__(self, clean: _Clean, persons: Iterable[tuple[int, int]], loose: bool):
        self.s = clean.text
        self.loose = loose
        # a recogniser span, measured in cleaned characters
        starts = {a: b for a, b in persons}
        self.hints: dict[int, int] = {}
        if starts:
            for i, orig in enumerate(clean.where):
                b = starts.get(orig)
                if b is not None:
                    j = i
                    while j < len(clean.where) and clean.where[j] < b:
                        j += 1
                    self.hints[i] = j - i

    def candidates(self, i: int, end: int, loose: bool | None = None) -> list[int]:
        """Lengths of a name at s[i], the likeliest first; `loose` adds any 2–4 CJK characters
        (a surname missing from the list), which the caller checks by what follows."""
        s = self.s
        out = []
        if i in self.hints:
            out.append(self.hints[i])
        m = minority_name_at(s, i) or tibetan_name_at(s, i)
        if m:
            out.append(m)
        out.extend(name_lengths(s, i))
        if loose or (loose is None and self.loose):
            out.extend(n for n in LOOSE_NAME_LENGTHS if re.fullmatch(f"[{CJK}]+", s[i:i + n]))
        return [n for n in dict.fromkeys(out) if 0 < n and i + n <= end]

    def read(self, i: int, end: int, follow: Callable[[int], bool], strong: bool = False) -> int:
        """Length of the name at s[i] that `follow` accepts after it, or 0. A name without a
        known surname is taken where the context is `strong` (任命…为, 接受…辞去) or 同志 follows."""
        s = self.s
        for n in self.candidates(i, end):
            if follow(i + n):
                return n
        for n in self.candidates(i, end, loose=True):
            if n <= 3 and (strong or s.startswith("同志", i + n)) and follow(i + n):
                return n
        return 0

    def read_bare(self, i: int, end: int) -> int:
        """A name followed directly by a body ("免去卢炳椿泉州市人民政府副市长…职务"): the reading
        after which 同志/的 or a body's first characters follow, else the longest."""
        s = self.s
        cands = self.candidates(i, end)
        for n in cands:
            if s.startswith(("同志", "的"), i + n):
                return n
        for n in cands:
            if s.startswith(BODY_OPENERS, i + n):
                return n
        return cands[0] if cands else 0

    def read_list(self, i: int, end: int, follow: Callable[[int], bool],
                  strong: bool = False) -> tuple[list[tuple[int, int]], int]:
        """Names "X、Y（同志）（等N人）" starting at s[i] that end where `follow` accepts:
        ([(start, end)], next)."""
        s = self.s
        names: list[tuple[int, int]] = []
        while i < end:
            n = self.read(i, end, lambda k: follow(_after_name(s, k)) or s.startswith("、", _after_tongzhi(s, k)), strong)
            if not n:
                return [], i
            names.append((i, i + n))
            k = _after_name(s, i + n)
            if s.startswith("、", k) and not follow(k):
                i = k + 1
                continue
            return names, k
        return [], i


def _after_tongzhi(s: str, k: int) -> int:
    return k + 2 if s.startswith("同志", k) else k


#: "李春雨、何娇、徐莉等18人为…", "魏长春等同志": the named persons stand for the list.
OTHERS_RE = re.compile(r"等(?:[0-9一二三四五六七八九十百]+(?:名同志|位同志|名|人)|同志)")


#: "吕靖、李保庚、李超群三位同志为…", "王五、赵六两名同志": the list's own count, no 等.
COUNT_RE = re.compile(r"[0-9两二三四五六七八九十]+(?:位|名)(?:同志)?")


def _after_name(s: str, k: int) -> int:
    """Where the text after a name goes on: past 同志, 等N人 and the list's count (三位同志)."""
    k = _after_tongzhi(s, k)
    m = OTHERS_RE.match(s, k) or COUNT_RE.match(s, k)
    return m.end() if m else k


def _verb_at(s: str, i: int, table: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    for word, action in table:
        if s.startswith(word, i):
            return word, action
    return None


# --- clauses ------------------------------------------------------------------------------


@dataclass
class _State:
    """What a clause carries from one piece to the next."""

    subject: list[tuple[int, int]]
    action: str | None = None
    lead: str | None = None            # the lead verb's action: "任命甲为A，乙为B", "免去甲的A，乙的B"
    open: bool = False                 # objects may continue after a comma
    kind: str = ""                     # "acting" (代理 → 代理 + title) | "chair" (主持…工作)
    last_org: tuple[str, tuple[int, int] | None] | None = None
    accepting: bool = False            # "接受甲辞去A职务的请求，乙辞去B职务的请求": one 接受


#: A list item's number before its text: "一、", "1.", "（二）".
ENUMERATION_RE = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）])\s*")
#: Verbs after "title + name" that make it an act: "…副市长X代理…", "市委常委X兼任…".
TITLED_NAME_VERB = re.compile("代理|兼任|不再担任|任")
#: Characters after 任 that make a word of it (任务, 任何, 任期), not the verb "X任A".
TASK_AFTER_REN = tuple("务何期")
#: Verbs after a name that stand alone in prose (no preamble, no 同志 needed).
STRONG_NAME_VERBS = ("代理", "不再担任", "不再主持", "晋升为", "晋升")


class _Reader:
    def __init__(self, clean: _Clean, names: _Names, scan: bool):
        self.clean = clean
        self.s = clean.text
        self.names = names
        self.scan = scan
        self.carried = False                 # the clause read goes on a lead carried over "；"
        self.last_lead: str | None = None    # the lead of the last clause read, if it gave acts
        self.clause_at = (0, 0)              # the clause being read, as offsets in the text

    # one clause -------------------------------------------------------------------------
    def clause(self, a: int, b: int, listed: bool, default: str | None,
               lead: str | None = None) -> list[Act]:
        """Acts of clause s[a:b]. `listed`: inside a list of acts (a preamble governs it);
        `lead`: the lead verb's action carried over a semicolon ("同意甲任A；乙任B")."""
        s = self.s
        m = ENUMERATOR_RE.match(s, a)
        if m:
            a = m.end()
        st = _State(subject=[], lead=lead)
        self.carried = lead is not None
        self.clause_at = (a, b)
        acts: list[Act] = []
        last: list[Act] = []
        span = self.clean.span(a, b) if b > a else (0, 0)
        # in prose a quoted title ends a piece: "表决通过了《…关于接受X辞去A职务的决定》《…》"
        for pa, pb in _split_top(s, "，,《》" if self.scan else "，,", a, b):
            if pa >= pb:
                continue
            if self.scan and any(w in s[pa:pb] for w in blockers()):
                st = _State(subject=[])
                continue
            if QUALIFIER_RE.match(s[pa:pb]) and last:
                # "X任A局局长，试用期一年": a qualifier printed as a piece of its own covers the
                # acts of the piece before it
                q = s[pa:pb]
                acts[-len(last):] = [replace(x, qualifier="；".join(filter(None, (x.qualifier, q)))) for x in last]
                continue
            last = self._piece(pa, pb, st, listed, default, span, first=pa == a and not self.carried)
            acts.extend(last)
        self.last_lead = st.lead if acts else None
        return acts

    def _piece(self, a, b, st: _State, listed, default, span, first) -> list[Act]:
        s = self.s
        names = self.names
        # 1. a lead verb opening the piece: "，任命乙为B" (before 任 of "，任B")
        m = _lead_re().match(s, a)
        seg = _verb_at(s, a, verbs("segment")) if st.subject else None
        # 免去其 is a segment verb; "，免去乙的C职务" names a new person (的 or 同志 after the name)
        if m and (not (seg and len(seg[0]) >= len(m.group(0)))
                  or (len(seg[0]) == len(m.group(0)) and self._names_new_person(a + len(m.group(0)), b))):
            got = self._lead(a, m.group(0), b, st, span)
            if got is not None:
                return got
        # 2. a verb carrying the persons of the act before: "，兼任B", "，免去其C职务"
        if st.subject:
            v = _verb_at(s, a, verbs("segment"))
            if v:
                self._open(st, v[0], v[1])
                return self._objects(a + len(v[0]), b, st, span)
        # 3. persons + verb at the start: "X任A", "X同志为A", "X的A职务"
        name_verbs = verbs("name")

        def follows_verb(k: int) -> bool:
            return _verb_at(s, k, name_verbs) is not None

        found, k = ([], a) if _lead_re().match(s, a) else names.read_list(a, b, follows_verb)
        v = _verb_at(s, k, name_verbs) if found else None
        if found and v is not None:
            tongzhi = s.startswith("同志", found[-1][1])
            # "分别免去甲的A职务；乙的B职务": one 免去 governs the next persons, in prose too
            removal_goes_on = st.lead == "remove" and not first and v[0] == "的"
            allowed = (listed or tongzhi or v[0] in STRONG_NAME_VERBS or removal_goes_on
                       or (st.lead not in (None, "remove") and not first and v[0] in ("为", "任"))
                       or (st.accepting and not first and v[0] == "辞去"))
            if v[0] == "的" and not removal_goes_on and (not listed or (default and default != "remove")):
                allowed = False
            if v[0] == "任" and s[k + 1:k + 2] in TASK_AFTER_REN:
                allowed = False     # 责任, 任务, 任何: the words, not a name and the verb
            if allowed:
                action = st.lead if (st.lead not in (None, "remove") and v[0] in ("为", "任")) else v[1]
                st.subject = found
                self._open(st, v[0], action)
                return self._objects(k + len(v[0]), b, st, span)
        # 3b. "国务院三峡地区经济开发办公室由李伯宁同志任主任": the body before 由 holds the post
        got = self._body_by_persons(a, b, st, listed, span)
        if got is not None:
            return got
        # 4. a lead verb inside the piece: "任命X为A", "免去X的A职务", "接受X辞去A职务"
        for m in _lead_re().finditer(s, a, b):
            got = self._lead(m.start(), m.group(0), b, st, span)
            if got is not None:
                return got
        # 5. more objects of the open act: "免去X的A，B（兼）职务"
        if st.subject and st.open and st.action:
            return self._objects(a, b, st, span)
        # 6. "…副市长X代理A市长职务", "决定X副区长代理A区长职务": a title before or after the name
        for m in TITLED_NAME_VERB.finditer(s, a + 1, b):
            if m.group(0) != "代理" and not listed:
                continue    # in prose only 代理 is an act there; "副市长X兼任…" may describe
            got = self._name_after_title(a, m.start(), m.group(0), b, st, span)
            if got is not None:
                return got
        st.open = False
        return []

    def _names_new_person(self, j: int, b: int) -> bool:
        """Does a name followed by 的 or 同志 stand at s[j] ("免去雒树刚的…", "免去乙同志…")?"""
        return any(self.s.startswith(("的", "同志"), j + n) for n in self.names.candidates(j, b, loose=False))

    def _body_by_persons(self, a, b, st: _State, listed, span) -> list[Act] | None:
        """"ORG由X（同志）任A" / "…兼任A": the persons after 由 take a post of the body printed
        before it, and the pieces after it ("，乙同志兼任副主任") take the same body. Only a body
        (a known ending) before 由, and in prose only with 同志 after the name ("办公室主任由统计局
        副局长徐一帆兼任" names a roster's office, not a body)."""
        s = self.s
        by = s.find("由", a, b)
        if by <= a:
            return None
        head = ENUMERATION_RE.match(s, a)
        start = head.end() if head else a
        org = s[start:by]
        if not org or not org.endswith(org_suffixes()) or not re.fullmatch(f"[{CJK}（）()]+", org):
            return None
        name_verbs = verbs("name")
        found, k = self.names.read_list(by + 1, b, lambda e: _verb_at(s, e, name_verbs) is not None)
        v = _verb_at(s, k, name_verbs) if found else None
        if v is None or v[0] not in ("任", "兼任", "担任", "兼"):
            return None
        if not (listed or s.startswith("同志", found[-1][1])):
            return None
        st.subject, st.lead = found, None
        self._open(st, v[0], v[1])
        st.last_org = (org, self.clean.span(start, by))
        return self._objects(k + len(v[0]), b, st, span)

    def _open(self, st: _State, word: str, action: str) -> None:
        if action != st.action and action in ("remove", "other"):
            # a removal or resignation is of an earlier post: a bare title there is printed
            # without its body, not in the body just named ("任A局局长，免去其副局长职务")
            st.last_org = None
        st.action = action
        st.open = True
        st.kind = "acting" if word == "代理" else "chair" if word.endswith("主持") else ""

    def _lead(self, i, word, b, st: _State, span) -> list[Act] | None:
        s = self.s
        if i > 0 and s[i - 1] == "被":        # 被任命: narrated, not an act of the text
            return None
        action = dict(verbs("lead"))[word]
        j = i + len(word)
        if self.scan:
            # in prose a new lead verb opens a new act of new persons: a bare title there is
            # printed without a body, not in the body of the act before ("决定任命甲为永丰县监察
            # 委员会委员，任命乙等100名同志为人民陪审员")
            st.last_org = None
        if word.endswith("免去"):
            n = self.names.read_bare(j, b)
            if not n:
                return None
            found = [(j, j + n)]
            k = _after_name(s, j + n)
            # "免去X、Y的A职务", "免去X、Y等2名同志的…", "免去X、Y两位同志的…"
            while s.startswith("、", k):
                n2 = self.names.read(k + 1, b, lambda e: s.startswith(("的", "、"), _after_name(s, e)) or s.startswith("同志", e))
                if not n2:
                    break
                found.append((k + 1, k + 1 + n2))
                k = _after_name(s, k + 1 + n2)
            if s.startswith("的", k):
                k += 1
            st.subject, st.lead = found, "remove"
            self._open(st, word, action)
            return self._objects(k, b, st, span)
        if word.endswith(("接受", "接受了", "关于")):
            # "接受X辞去A职务", "接受了X辞去…", "通过了关于X、Y两位同志辞去A的辞呈": only a
            # resignation follows these leads
            found, k = self.names.read_list(j, b, lambda e: s.startswith("辞去", e), strong=True)
            if not found:
                return None
            st.subject, st.lead = found, None
            self._open(st, "辞去", "other")
            st.accepting = True
            return self._objects(k + 2, b, st, span)
        # 任命 / 聘任 / 决定 / 晋升 / 同意 X 为 A: the lead's action; "同意X辞去A职务": the verb's
        name_verbs = verbs("name")
        found, k = self.names.read_list(j, b, lambda e: _verb_at(s, e, name_verbs) is not None and not s.startswith("的", e),
                                        strong=word.endswith("任命"))
        if not found:
            # "任命县委副书记纪道清同志为县人民政府副县长": the person's present post stands
            # between the verb and the name; the name must be followed by 同志 or 为 there
            found, k = self._names_after_post(j, b, name_verbs)
        at = _verb_at(s, k, name_verbs) if found else None
        if at is None:
            return None
        verb, verb_action = at
        if verb not in ("为", "任", "任命为", "担任") and word not in ("决定", "同意", "批准"):
            return None     # "任命X兼任…" is not a form; a lead of its own only fits 为/任
        st.subject = found
        st.lead = action if verb in ("为", "任", "任命为", "担任") else None
        self._open(st, verb, st.lead or verb_action)
        return self._objects(k + len(verb), b, st, span)

    def _names_after_post(self, j: int, b: int, name_verbs) -> tuple[list[tuple[int, int]], int]:
        """Names after a post phrase at s[j] ("县委副书记纪道清同志为…"): the shortest phrase of
        at most 16 CJK characters that ends in a post title and is followed by a name with a
        known surname and 同志 or 为 (so a body's name is not read as a title)."""
        s = self.s
        titles = post_titles()
        limit = min(b, j + 16)
        m = re.match(f"[{CJK}]+", s[j:limit])
        if not m:
            return [], j
        for p in range(j + 2, j + m.end()):
            if not s[j:p].endswith(titles):
                continue
            found, k = self.names.read_list(
                p, b, lambda e: (s.startswith("为", e) or s.startswith("同志", e - 2))
                and _verb_at(s, e, name_verbs) is not None)
            if found:
                return found, k
        return [], j

    def _name_after_title(self, a, k, word, b, st: _State, span) -> list[Act] | None:
        """The act of "…副市长X代理A市长职务", "市委常委X兼任B", "决定X副区长代理A区长职务":
        the name ends at k (before 同志), where `word` stands, with a post title before it, or
        after it when 决定/会议 opens the piece."""
        s = self.s
        action = dict(verbs("name"))[word]
        end = k - 2 if s.startswith("同志", k - 2) else k
        title = next((t for t in post_titles() if s.startswith(t, end - len(t))), None)
        if title and end - len(title) > a:
            # "决定郑皓副区长代理…": the name stands before the title when a verb precedes it
            e2 = end - len(title)
            for n in (3, 2):
                i = e2 - n
                if i >= a and n in self.names.candidates(i, e2, loose=False) and s[a:i].endswith(("决定", "会议")):
                    st.subject, st.lead = [(i, e2)], None
                    self._open(st, word, action)
                    return self._objects(k + len(word), b, st, span)
        for n in (3, 2, 4):
            i = end - n
            if i < a or n not in self.names.candidates(i, end, loose=False):
                continue
            before = s[a:i]
            if before and not before.endswith(post_titles()) and not before.endswith("关于"):
                continue    # "…关于杨鑫代理自治区监察委员会主任的决定": a decision's title names the act
            st.subject, st.lead = [(i, end)], None
            self._open(st, word, action)
            return self._objects(k + len(word), b, st, span)
        return None

    # objects ------------------------------------------------------------------------------
    def _objects(self, a: int, b: int, st: _State, span) -> list[Act]:
        s = self.s
        items: list[tuple[str, Any, int, int]] = []
        for x, y in _object_items(s, a, b):
            if x >= y:
                continue
            # A new person may open an item, under the same verb: "接受A辞去X职务、B辞去Y职务",
            # "任命A（同志）为X、B（同志）为Y", "免去A同志X职务、B同志Y职务".
            n_found: list[tuple[int, int]] = []
            if x > a:
                n_found, k = self._item_persons(x, y, st)
            if n_found:
                items.append(("persons", n_found, k, y))
                x = k
            items.append(("object", None, x, y))
        out: list[Act] = []
        # each object: positions without qualifiers, closers stripped
        objs: list[tuple[str, Any, int, int, list[int], list[str]]] = []
        for kind, found, x, y in items:
            if kind == "persons":
                objs.append(("persons", found, x, y, [], []))
                continue
            pos, quals = _lift_qualifiers(s, x, y)
            core = "".join(s[p] for p in pos)
            note = NOTE_AFTER_POST.search(core)
            if note:        # "…副局长职务（另有任用）": a note after 职务, not part of the body
                core, pos = core[:note.start() + 2], pos[:note.start() + 2]
            if self.scan:
                core, pos = _cut_after_request(core, pos)
            closed = False
            stripped = True
            while stripped:
                stripped = False
                for c in OBJECT_CLOSERS:
                    if core.endswith(c) and len(core) > len(c):
                        core, pos = core[: -len(c)], pos[: -len(c)]
                        closed = stripped = True
                        break
            objs.append(("object", closed, x, y, pos, quals))
        # A trailing qualifier other than 兼 (试用期一年, a rank) covers the titles listed before
        # it that have none of their own: "董事长、总经理（试用期一年）".
        obj_rows = [o for o in objs if o[0] == "object"]
        if obj_rows:
            trailing = [q for q in obj_rows[-1][5] if q != "兼"]
            for o in obj_rows[:-1]:
                if not o[5] and trailing:
                    o[5].extend(trailing)
        for kind, info, _x, _y, pos, quals in objs:
            if kind == "persons":
                st.subject = info
                st.open = True
                continue
            if not st.open or not st.subject or not pos:
                continue
            act_rows = self._object(pos, quals, st, span)
            out.extend(act_rows)
            if info:            # closed by 职务: what follows is not an object
                st.open = False
        return out

    def _item_persons(self, x: int, y: int, st: _State) -> tuple[list[tuple[int, int]], int]:
        """Persons opening the list item s[x:y] and where its object starts, or ([], x)."""
        s = self.s
        if st.action == "other":
            found, k = self.names.read_list(x, y, lambda e: s.startswith("辞去", e))
            return (found, k + 2) if found else ([], x)
        if st.lead not in (None, "remove"):       # 任命A为X、B为Y
            found, k = self.names.read_list(x, y, lambda e: s.startswith("为", e))
            return (found, k + 1) if found else ([], x)
        if st.action == "remove":     # 免去A同志X职务、B同志Y职务 (同志 or 的 marks the name)
            found, k = self.names.read_list(
                x, y, lambda e: s.startswith("的", e) or (s.startswith("同志", e - 2) and e - 2 > x))
            if found and (s.startswith("同志", found[-1][1]) or s.startswith("的", k)):
                return found, k + 1 if s.startswith("的", k) else k
        return [], x

    def _object(self, pos: list[int], quals: list[str], st: _State, span) -> list[Act]:
        s = self.s
        core = "".join(s[p] for p in pos)
        if DEPUTY_RE.search(core) or core.endswith(NOMINEE_ENDS):
            return []
        if st.kind == "chair":
            if not core.endswith("工作"):
                return []
            org = core[:-2] or None
            post, post_span = "主持工作", self.clean.span(pos[-2], pos[-1] + 1)
            org_span = self.clean.span(pos[0], pos[len(org) - 1] + 1) if org else None
        else:
            org, post = split_post(core)
            if st.kind == "acting" and not post.startswith("代理"):
                post = "代理" + post
            if not post:
                return []
            n_org = len(org) if org else 0
            if post.startswith("代理") and n_org + len(post) > len(core):   # 代理 added, not printed
                post_span = self.clean.span(pos[n_org], pos[-1] + 1)
            else:
                post_span = self.clean.span(pos[len(core) - len(post)], pos[-1] + 1)
            org_span = self.clean.span(pos[0], pos[n_org - 1] + 1) if org else None
        # in prose a "post" with 的 or past MAX_POST is a misread sentence ("以…同志为核心的党中央")
        if self.scan and (len(post) > MAX_POST or "的" in core or not re.fullmatch(f"[{CJK}（）()]+", core)):
            return []
        if self.scan and not org and st.kind != "chair" and post.removeprefix("代理") not in _title_set() \
                and (not st.last_org or not post.endswith(post_titles())):
            # in prose an object names a body or a known title ("明确责任，明确措施" is none); a
            # bare word after an earlier body borrows it only if it ends in a title ("…委员以及
            # 曾常辉、徐世菊…辞去…": the names of the next persons are no posts)
            return []
        if self.scan and org and _generic_body(org) and "下设" + org in s[self.clause_at[0]:self.clause_at[1]]:
            # "领导小组下设办公室，…胡廖明同志兼任办公室主任": the office the sentence sets up
            # under a roster is the roster's own (a roster matter, not an act of a body)
            return []
        if org:
            st.last_org = (org, org_span)
        elif st.last_org:
            org, org_span = st.last_org
        out = []
        for na, nb in st.subject:
            out.append(Act(person=s[na:nb], action=st.action or "other", organization=org, post=post,
                           qualifier="；".join(quals) or None,
                           person_span=self.clean.span(na, nb), organization_span=org_span,
                           post_span=post_span, clause_span=span))
        return out


#: What ends a resignation's object for good in prose: "接受X辞去A职务的请求做了说明".
REQUEST_ENDS = ("职务的请求", "职务请求", "职务的辞呈", "职务辞呈")


def _cut_after_request(core: str, pos: list[int]) -> tuple[str, list[int]]:
    """An object cut after "…职务的请求" when the sentence goes on ("…的请求做了说明"), and
    without a closing parenthesis the object did not open ("(注:…任命X为A委员)")."""
    for end in REQUEST_ENDS:
        k = core.find(end)
        if k > 0:
            core, pos = core[:k + len(end)], pos[:k + len(end)]
            break
    while core.endswith((")", "）")) and core.count(core[-1]) > core.count("(" if core[-1] == ")" else "（"):
        core, pos = core[:-1], pos[:-1]
    return core, pos


def _open_paren(text: str) -> bool:
    """Does `text` leave a parenthesis open ("…做了说明(注")?"""
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def _generic_body(org: str) -> bool:
    """Is `org` made of body endings only ("办公室", "领导小组办公室"), naming no one's body?"""
    endings = org_suffixes()
    while org:
        e = next((x for x in endings if org.endswith(x)), None)
        if e is None:
            return False
        org = org[: -len(e)]
    return True


def _preamble_verb(body: str) -> str | None:
    """The default action a preamble sets for the lines below it."""
    if "免去" in body or "免职" in body:
        return "remove"
    if "接受" in body or "辞" in body:
        return "other"
    if "任命" in body or "聘" in body:
        return "appoint"
    return None


def _is_preamble(body: str) -> bool:
    """"经研究决定", "会议决定", "市委组织部副部长X宣布市委决定", "任免名单如下", "任命"; not an
    addressee line ("各片区党工委，…各乡镇党委")."""
    if body.endswith("如下"):      # "任免名单如下", not "现就有关事项通知如下"
        return any(w in body for w in ("任免", "任命", "免去", "名单"))
    return body.endswith(PREAMBLE_ENDS) or (len(body) <= 20 and any(w in body for w in PREAMBLE_WORDS))


def parse_acts(text: str, persons: Iterable[tuple[int, int]] = (), noise: Iterable[str] = (),
               scan: bool = False) -> list[Act]:
    """All acts in `text`. `persons` are (start, end) spans of names a recogniser found in it;
    `noise` are strings (headings) to skip where they interrupt a sentence of a list; `scan`
    reads prose (see the module's docstring) instead of a personnel list."""
    # prose comes with its wraps already joined (layout.normalize): a line is a paragraph
    clean = _Clean(text, noise, wrap_min=len(text) + 1 if scan else 0)
    reader = _Reader(clean, _Names(clean, persons, loose=not scan), scan)
    s = clean.text
    acts: list[Act] = []
    if not scan:
        default: str | None = None
        for m in CLAUSE_RE.finditer(s):
            raw = m.group(0)
            body = raw.rstrip(CLOSERS + "\n")
            if not body.strip():
                continue
            if raw.endswith(("：", ":")):
                # a preamble: "免去：", "任命：", "市人民政府决定免去：", "市政府决定："
                default = _preamble_verb(body)
                continue
            acts.extend(reader.clause(m.start(), m.start() + len(body), True, default))
        return acts
    listed = False
    default = None
    pos = 0
    for para in s.split("\n"):
        start, pos = pos, pos + len(para) + 1
        if not para:
            continue
        inherited = listed
        if not listed and (not SENTENCE_MARK.search(para) or not has_trigger(para)):
            continue    # no act word, or a headline: the body states the act in full
        found_here = False
        ends_in_preamble = False
        carry: str | None = None
        for m in CLAUSE_RE.finditer(s, start, start + len(para)):
            raw = m.group(0)
            body = raw.rstrip(CLOSERS + "\n")
            ends_in_preamble = False
            if not body.strip():
                continue
            if raw.endswith(("：", ":")) and not _open_paren(body):
                if _is_preamble(body):
                    listed, default = True, _preamble_verb(body)
                    ends_in_preamble = True
                continue
            # a colon inside a parenthesis ("…的请求做了说明(注:…)") ends no preamble: the
            # clause before it is read as any other
            if not listed and not has_trigger(body) and carry is None:
                carry = None
                continue
            got = reader.clause(m.start(), m.start() + len(body), listed, default, carry)
            found_here = found_here or bool(got)
            acts.extend(got)
            # "同意李娟任A；黎艳萍任B，免去其C职务": a lead verb governs the clauses after a
            # semicolon too, in prose as in a list
            carry = reader.last_lead if raw.rstrip("\n").endswith(("；", ";")) else None
        # a list goes on below a preamble that ends the paragraph, and while its lines are acts;
        # a preamble inside a paragraph governs that paragraph only
        listed = ends_in_preamble or (inherited and found_here)
    return acts


def act_windows(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of `text` worth reading for acts, found cheaply: each paragraph with
    a trigger word, and after a paragraph ending in a preamble ("任命：") the lines below it
    while they end like list items. Everything else of the text can hold no act."""
    out: list[tuple[int, int]] = []
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line.strip()))
        pos += len(line) + 1
    def preamble(t: str) -> bool:
        return t.endswith(("：", ":")) and _is_preamble(t[:-1])

    i = 0
    while i < len(lines):
        a, _, t = lines[i]
        if not has_trigger(t) and not preamble(t):
            i += 1
            continue
        j, in_list = i, preamble(t)
        while j + 1 < len(lines):
            nxt = lines[j + 1][2]
            in_list = in_list or preamble(lines[j][2])
            if has_trigger(nxt) or preamble(nxt) or (in_list and (not nxt or len(nxt) < 120)):
                j += 1
                continue
            break
        out.append((a, lines[j][1]))
        i = j + 1
    return out
