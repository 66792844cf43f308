"""Extractor: the division of work among a government's leaders (领导分工), in any layout.

In: a normalized `Issue` (a gazette issue, one notice, or a news report of a division).
Out: `Responsibility` records, one per (leader, relation, object), read from every passage
that a division word introduces (data/division_headings.txt: 领导分工, 工作分工, 领导同志分工…).
In a gazette issue the passage runs from the paragraph that prints the word to the notice's
signature date; a text that is not a gazette issue is read whole.

The leader is named in one of these layouts (names here are placeholders):

    张三  领导市政府全面工作。负责财政、审计等方面工作。     (name, blank, duties; Wenzhou)
    张　三 市长 / 领导市政府全面工作。                       (name and post, duties on the lines after;
    李四常务副市长 / 负责…    一、王五（区长） / 主持…        a padded name, a bracketed post, a number)
    张三 / 省长，主持省政府全面工作。负责…                    (a name alone, then post and duties)
    张三 / 县委常委、常务副县长 / 工作分工：负责…              (a leader's page)
    副省长张三负责住房和城乡建设…方面工作。                    (post, name and verb in one sentence;
    副县长张三：负责…；分管…    主任张三同志主持全面工作，      also after a colon or comma, 同志,
    根据分工，副市长张三分管市交通委员会及…                     several in one sentence, a news lead)
    张三负责交通、机关事务管理等工作                            (a leader already named, then a verb)
    教育、文化等归口由张三副市长负责                            (a report's inverted sentence: the areas
    …等专项工作，均由张三负责                                    before 由, responsible_for)

and the duties read (verbs in data/division_verbs.txt):

- 负责 / 领导 / 主持 X、Y等方面工作 -> responsible_for X, Y ("等方面工作" dropped)
- 分管 A、B（C）                     -> supervises A, "B（C）" (a bracketed alias stays attached)
- 联系 A、B                          -> liaises A, B
- 协助…负责/分管/管理 X              -> assists X; 协助市长…日常工作 -> assists 日常工作
- 兼任…局长                          -> nothing here (a post, not a responsibility)
- 暂不分工, away at a party school   -> none (object None)

Lists split on 、，, and on 及/和 where both sides are bodies ("市公安局及市监狱管理局"); a
trailing 工作 is dropped unless that leaves a fragment (市政府全面工作). A statement repeated
(a news lead, then the list) is recorded once. Each record's source quotes the clause that
states it; `date` is the notice's signature date (ISO) where one is printed.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .bodies import body_endings
from .layout import Issue
from .lexicons import lexicon, longest_first
from .names import (
    CJK_CHAR,
    MINORITY_NAME,
    NAME_DOTS,
    PADDED_NAME,
    name_lengths,
    surname_at,
    unpad,
)
from .patterns import date_line
from .records import Responsibility

EXTRACTOR = "responsibilities"

_OPEN, _CLOSE = "（(“《〈【", "）)”》〉】"
#: Punctuation that ends the phrase before a leader's post ("根据分工，副市长张三…").
_BOUNDARY = "。；;，,：:、！？!?\n （(“\"》"
#: A summary that closes a list of bodies: "市残联等群众团体和部队" -> 市残联 | 部队.
_SUMMARY = re.compile(r"等[^、，,（(]{0,8}?(?:单位|部门|团体|组织|机构|群团|企业)")
#: A list's last item followed by what the whole list is: "水利、海洋等农业口" (two characters at
#: least before 等, so 高等教育 and 中等职业教育 stay whole).
_CLOSING_SUMMARY = re.compile(r"^(\s*[^等]{2,}?)等([^等]{1,8})$")
#: Words that may stand before a duty verb opening a clause: "并负责", "增加联系", "主要负责",
#: "具体分管" (never 不再).
_VERB_LEAD = r"(?:并|同时|还|另|增加|新增|主要|具体)?"
#: Negations before a duty verb: the clause states no duty, and ends the list before it.
_VERB_NOT = r"(?:不再|暂不|不)"


@functools.cache
def _verbs() -> dict[str, str]:
    out = {}
    for line in lexicon("division_verbs.txt"):
        verb, _, relation = line.partition("\t")
        out[verb.strip()] = relation.strip()
    return out


@functools.cache
def _verb_re() -> re.Pattern:
    return re.compile("|".join(sorted(_verbs(), key=lambda v: -len(v))))


@functools.cache
def _clause_start() -> re.Pattern:
    """A duty verb that opens a clause: at a sentence's start or after a comma or colon."""
    return re.compile(r"(?:^|(?<=[，,：:]))(?:" + _VERB_NOT + "|" + _VERB_LEAD + ")(?:" + _verb_re().pattern + ")")


@functools.cache
def _posts() -> frozenset[str]:
    return frozenset(lexicon("division_posts.txt"))


@functools.cache
def _post_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(p) for p in _posts()}, reverse=True))


def _ends_with_post(s: str) -> bool:
    """Does s end with a leader's post (县委常委、常务副县长; 市政府党组成员; 副县长（挂职）)?"""
    s = re.sub(r"[（(][^）)]{1,8}[）)]$", "", s)
    return any(s.endswith(p) for n in _post_lengths() if len(s) >= n for p in (s[-n:],) if p in _posts())


def _is_post(s: str) -> bool:
    """Is s a printed post and nothing else (常务副市长, 市政府党组成员, 省长助理)?"""
    if not s or len(s) > 16 or not _ends_with_post(s):
        return False
    return not _verb_re().search(s)


@functools.cache
def _heading_words() -> tuple[tuple[str, int], ...]:
    """The division words that print 分工, each with the offset of 分工 in it."""
    return tuple((w, w.index("分工")) for w in longest_first("division_headings.txt") if "分工" in w)


@functools.cache
def _other_heading_words() -> tuple[str, ...]:
    """The division words without 分工 ("分管领域": 广州's news of 2007)."""
    return tuple(w for w in longest_first("division_headings.txt") if "分工" not in w)


@functools.cache
def _none_re() -> re.Pattern:
    return re.compile("|".join(map(re.escape, longest_first("division_none.txt"))))


def signature_date(text: str) -> str | None:
    """ISO date of a signature date line: "2020年6月24日" or "二〇二〇年六月二十四日"."""
    return date_line(text.replace(" ", ""))


# --- lists ---------------------------------------------------------------------------------


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


@functools.cache
def _body_endings() -> tuple[str, ...]:
    # a body in a division of work: what an act's object may end with, and a few more (部队, 联, 协)
    return body_endings("split") + body_endings("division")


def _is_body(s: str) -> bool:
    """Does s name a body: it ends (before a bracketed alias) with a body's ending
    (市监狱管理局, 团市委, 部队（武警部队））?"""
    s = re.sub(r"[（(][^）)]*[）)]$", "", s)
    if len(s) < 2:
        return False
    return s.endswith(_body_endings())


def _split_joined(item: str) -> list[tuple[int, str]]:
    """Split "A及B" / "A和B" where both A and B are bodies; "市残联等群众团体和部队" drops the
    summary. Areas joined by 和 stay whole (人力资源和社会保障, 通信和台湾事务)."""
    m = _SUMMARY.search(item)
    if m and m.start() >= 2:
        rest = item[m.end():]
        if rest[:1] in ("和", "及") and len(rest) > 2:
            return [(0, item[: m.start()]), (m.end() + 1, rest[1:])]
        if not rest:
            return [(0, item[: m.start()])]
    depth = 0
    for i, ch in enumerate(item):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in "及和" and depth == 0 and 2 <= i < len(item) - 2:
            left, right = item[:i], item[i + 1:]
            if _is_body(left) and _is_body(right):
                return [(0, left)] + [(i + 1 + a, t) for a, t in _split_joined(right)]
    return [(0, item)]


@functools.cache
def _asides() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(comment openers, connectives) of data/division_asides.tsv, longest first."""
    kinds: dict[str, list[str]] = {"opens": [], "joins": []}
    for row in lexicon("division_asides.tsv"):
        kind, _, word = row.partition("\t")
        kinds[kind.strip()].append(word.strip())
    return tuple(sorted(kinds["opens"], key=len, reverse=True)), tuple(sorted(kinds["joins"], key=len, reverse=True))


def _strip_area(item: str) -> str:
    """An area or body as printed, without "等方面工作" or a trailing 工作 that belongs to the
    list ("财政、审计工作"), unless that leaves a fragment (市政府全面工作, 日常工作)."""
    for tail in longest_first("division_area_tails.txt"):
        if item.endswith(tail) and len(item) > len(tail):
            item = item[: -len(tail)]
            break
    if item.endswith("工作") and len(item) > 3:
        head = item[:-2]
        if not head.endswith(lexicon("division_work_fragments.txt")):
            return head
    return item


# --- clauses -------------------------------------------------------------------------------


#: A condition right before a verb clause: "市长外出时，" (not 同时，).
_CONDITION = re.compile(r"(?<!同)时[，,]\s*$")


def clauses(duties: str) -> Iterator[tuple[str, int, int, int, str]]:
    """(relation, clause start, clause end, object offset, object) for each object of a
    leader's duties text; relation "none" (object "") where the text says he has none."""
    # Sentences end at 。 and ；; within a sentence each verb clause runs to the next ，
    # that opens another verb.
    pos = 0
    for sentence in re.split(r"(?<=[。；;])", duties):
        body = sentence.rstrip("。；; ")
        base = pos
        pos += len(sentence)
        if not body:
            continue
        if _none_re().search(body):
            yield "none", base, base + len(body), base, ""
            continue
        starts = [m.start() for m in _clause_start().finditer(body) if _is_verb_at(body, m.start())]
        for k, a in enumerate(starts):
            if _CONDITION.search(body, 0, a):
                continue   # "市长外出时，主持市政府工作": a stand-in on occasion, not a duty held
            b = starts[k + 1] - 1 if k + 1 < len(starts) else len(body)
            clause = body[a:b].rstrip("，,：: ")
            for relation, off, obj in _clause(clause):
                yield relation, base + a, base + a + len(clause), base + a + off, obj


def _is_verb_at(s: str, i: int) -> bool:
    """Is the verb at s[i] a verb (not 负责人, 领导小组, 联系人, 主持人)?"""
    return not re.match(r"负责人|负责同志|领导(?:小组|班子|干部|同志|职数)|联系(?:人|电话|方式)|主持人|分管(?:负责|领导|副)", s[i:i + 5])


def _clause(clause: str) -> Iterator[tuple[str, int, str]]:
    if re.match(_VERB_NOT, clause):
        return   # 不再分管市体育局: a duty taken away, not one held
    opener = re.match(_VERB_LEAD, clause)    # matches at least the empty string
    verb = _verb_re().match(clause, opener.end() if opener else 0)
    if not verb:
        return
    relation, start = _verbs()[verb.group()], verb.end()
    if relation == "post":
        return   # 兼任市公安局局长: a post (person_posts reads it)
    if verb.group() == "协助":
        # 协助分管 / 协助管理 / 协助常务副市长负责 X: he assists in X.
        m = re.match(r"协助[^，,。；]*?(?:负责|分管|管理|主管|抓好|做好|抓)", clause)
        if m:
            start = m.end()
        elif "日常工作" in clause:
            yield "assists", clause.index("日常工作"), "日常工作"
            return
        else:
            return   # 协助有关副市长工作: no area of his own
    elif verb.group() in ("主持", "领导"):
        # "主持市政府全面工作，各位副市长的分工明确": a report goes on after the comma
        head = re.split(r"[，,]", clause, maxsplit=1)[0]
        if not head.endswith("工作") or re.search(r"、|召开|会议", head):
            return   # 主持召开市政府常务会议，部署…工作: not a duty; 主持…全面工作 is one object
        clause = head
    if clause.startswith("工作中", start):
        return   # "张三的分管工作中，…": the duties follow in clauses of their own
    label = re.match(r"(?:单位|部门|工作(?:为|是|包括|有))?[：: ]*", clause[start:])
    start += label.end() if label else 0   # 分管：区政府办公室、… / 联系单位：… / 分管工作为：…
    if clause.startswith("和", start) or clause.startswith("及", start):
        return   # 分管和联系单位：… does not say which is which
    rest = clause[start:]
    m = re.fullmatch(r"与(.+?)(?:的)?联系(?:工作)?", rest)
    if relation == "responsible_for" and m:
        relation, start, rest = "liaises", start + 1, m[1]   # 负责与区人大、区政协联系
    if relation == "assists" and rest.endswith("日常工作"):
        yield relation, start + len(rest) - 4, "日常工作"
        return
    opens, joins = _asides()
    items = split_list(rest)
    for n, (off, item) in enumerate(items):
        if item.lstrip().startswith(opens):
            break   # "…，有利于推进城乡统筹发展": the reporter's comment ends the list
        # The list's last item: the clause ends after it, or a comment or a connective
        # ("以及…", "此外还有…") opens the next part.
        last = n + 1 == len(items) or items[n + 1][1].lstrip().startswith(opens + joins)
        summary = _CLOSING_SUMMARY.match(item) if last and n > 0 else None
        if summary and not _is_body(summary[2]):
            item = summary[1]   # "水利、海洋等农业口": the list's last item, then what the list is
        for word in joins:
            if item.lstrip().startswith(word) and len(item.strip()) > len(word) + 1:
                off, item = off + item.index(word) + len(word), item[item.index(word) + len(word):]
                break
        lead = len(item) - len(item.lstrip())
        # The list's tail belongs to the whole item: "文秘科和督查科工作" is two bodies.
        for off2, part in _split_joined(_strip_area(item.strip())):
            obj = _strip_area(part.strip())
            if obj and CJK_CHAR.search(obj):
                yield relation, start + off + lead + off2, obj


# --- leaders -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Mention:
    name: str
    start: int        # where the mention (post and name) starts in Issue.text
    duties: int       # where its duties start
    alone: bool = False   # a name alone on a line: its post and duties follow


_PADDED_BEFORE_POST = re.compile(r"[\u4e00-\u9fff][ \u3000]{1,4}[\u4e00-\u9fff]")


def _names_at(s: str) -> list[tuple[str, int]]:
    """Names that may open s, with their printed length: a padded one ("龚 正"), a dotted
    minority one, or a surname and one or two characters (longest first)."""
    out = []
    m = PADDED_NAME.match(s)
    if m and surname_at(s, 0):
        out.append((unpad(m.group()), m.end()))
    else:
        # "韩 斌副主任联系…": a padded name run together with the post after it
        m = _PADDED_BEFORE_POST.match(s)
        if m and surname_at(s, 0) and any(s.startswith(p, m.end()) for p in _posts()):
            out.append((unpad(m.group()), m.end()))
    m = MINORITY_NAME.match(s)
    if m:
        out.append((m.group(), m.end()))
    out.extend((s[:n], n) for n in name_lengths(s, 0))
    return out


@functools.cache
def _between() -> re.Pattern:
    """What may stand between a name opening a line and its first duty verb: "同志", blanks,
    a bracketed post, a colon, a post ("张三（副市长）：负责", "李四 副县长，分管")."""
    return re.compile(r"(?:同志)?[ ]*(?:[（(][^）)]{1,20}[）)])?[ ]*[：:]?[ ]*"
                      r"(?:(?P<post>[^\s：:，,。；（()）]{2,20}?)[ ]*[：:，,]?[ ]*)??(?=" + _VERB_LEAD + "(?:" + _verb_re().pattern + "))")


def _bare_post(s: str) -> str:
    """A post printed after a name, without blanks, 同志 or brackets: " （副市长）" -> 副市长."""
    s = s.strip(" ")
    if s.startswith("同志"):
        s = s[2:].strip(" ")
    m = re.fullmatch(r"[（(]([^）)]{2,16})[）)]", s)
    return m[1] if m else s


#: A list marker before a leader's line: "一、", "（二）", "3.".
_MARKER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、])\s*")

_POST_FIRST = re.compile(r"^(?P<post>[^\s：:，,。]{2,16}?)[ ：:]*(?P<rest>[\u4e00-\u9fff][\u4e00-\u9fff ·•．]{1,12})$")


def _header(unit: str, next_unit: str) -> tuple[str, int, bool] | None:
    """A leader named at the start of a line: (name, offset of his duties in the line,
    name alone?), or None. The forms: "张三  领导…", "张 三 市长", "李四常务副市长",
    "张三（副市长）：负责…", "副市长 张三", and a name alone followed by "省长，主持…"."""
    marker = _MARKER.match(unit)
    if marker:   # "一、", "（二）", "3." before the leader
        got = _header(unit[marker.end():], next_unit)
        return (got[0], got[1] + marker.end(), got[2]) if got else None
    names = _names_at(unit)
    lead = re.match(r"[^\s，,：:。]{2,16}?(?=[，,：: 兼])", unit)
    if lead and _is_post(lead.group()) and (
            lead.group() in _posts() or not any(lead.group()[n:] in _posts() for _, n in names)):
        return None   # "常务副省长，负责…": a post opens the line, not a name ("张伦副市长：" does)
    # A name and post on a line of their own head the duties printed on the lines after
    # (a roster's "组长：张三 市长" has none).
    duties_follow = bool(_verb_re().match(_MARKER.sub("", next_unit)) or _none_re().search(next_unit[:40]))
    # "王五副市长": of the names that leave exactly a post, the shortest (longest post).
    exact = [(name, end) for name, end in names if _bare_post(unit[end:]) in _posts()]
    if exact:
        return (min(exact, key=lambda ne: ne[1])[0], len(unit), False) if duties_follow else None
    found = []   # (post exact?, name, offset of the duties)
    for name, end in names:
        rest = unit[end:]
        tail = rest.strip(" ")
        if not tail:
            # A name alone: his post and duties open the next line.
            nxt = re.match(r"[^\s，,：:。]{2,16}?(?=[，,：: 兼]|$)", next_unit)
            if nxt and _is_post(nxt.group()) or _verb_re().match(next_unit):
                return name, len(unit), True
            continue
        if _is_post(_bare_post(tail)):
            if duties_follow:
                return name, len(unit), False
            continue
        m = _between().match(rest)
        if m and m.end() and (not m["post"] or _is_post(m["post"])):
            found.append((m["post"] in _posts(), name, end + m.end()))
            continue
        if rest[0] == " " and _none_re().search(rest):
            return name, end + len(rest) - len(rest.lstrip(" ")), False   # 苗伟伦   援藏工作，不作分工。
    if found:
        # "李四常务副市长负责…": the name that leaves a whole post wins over a longer one.
        # "韩斌副主任联系…": of two readings leaving a whole post, the shorter name (副主任, not
        # 韩斌副 + 主任)
        _, name, at = max(found, key=lambda f: (f[0], -len(f[1])))
        return name, at, False
    m = _POST_FIRST.match(unit)
    if m and _is_post(m["post"]) and duties_follow:
        for name, end in _names_at(m["rest"]):
            if end == len(m["rest"]):
                return name, len(unit), False
    return None


def _inline(text: str, a: int, b: int, known: set[str]) -> list[_Mention]:
    """Leaders named in the running text of text[a:b] right before a duty verb: "副省长张三
    负责", "县委常委、常务副县长李四负责", "副县长王五：负责", or a name already known."""
    out = []
    for m in _verb_re().finditer(text, a, b):
        v = m.start()
        if _verbs()[m.group()] == "post" or not _is_verb_at(text, v):
            continue
        j = v
        # "林文生副市长则负责…", "李栋梁副市长除了负责…，还分管…": a report's words before the verb
        if text[j - 1:j] in ("则", "也", "还"):
            j -= 1
        elif text[j - 2:j] == "除了":
            j -= 2
        if text[j - 1:j] in ("他", "她") and (j - 1 == a or text[j - 2] in "，,；;。：:\n"):
            # "同时，他还分管…": the leader named before goes on (the name is filled in by _read)
            out.append(_Mention("", j - 1, v))
            continue
        after = _name_then_post(text, a, j)
        if after is not None:
            out.append(_Mention(text[after[0]:after[1]], after[0], v))   # "李栋梁副市长除了负责…"
            continue
        if text[j - 1:j] in ("：", ":", "，", ","):
            j -= 1
            named = _name_as_post(text, a, j)
            if named is not None:     # "郑云峰作为常务副市长，负责市政府常务工作"
                out.append(_Mention(text[named[0]:named[1]], named[0], v))
                continue
        elif text[j - 1:j] == "的" and text.startswith("分管工作", v):
            j -= 1   # 现任副市长张三的分管工作中，…
        if text[j - 2:j] == "同志":
            j -= 2
        dot = max(text.rfind(d, max(a, j - 11), j - 2) for d in NAME_DOTS)
        if dot > a and CJK_CHAR.fullmatch(text[dot - 1]) and all(CJK_CHAR.fullmatch(c) for c in text[dot + 1:j]):
            # 阿依古丽·买买提: the part before the dot is 2-6 characters, the post before it.
            starts = [dot - n for n in range(2, 7)]
        else:
            starts = [j - n for n in (3, 2, 4) if j - n >= a and n in name_lengths(text, j - n)]
        for i in starts:
            if i < a:
                continue
            k = i
            while k > a and k > i - 24 and text[k - 1] not in _BOUNDARY:
                k -= 1
            while k > a and text[k - 1] in "、（()）" and k > i - 40:   # 县委常委、常务副县长; 副县长（挂职）
                k -= 1
                while k > a and text[k - 1] not in _BOUNDARY:
                    k -= 1
            prefix = re.sub(r"^(?:新任|现任|时任)", "", text[k:i])
            name = text[i:j]
            if name in lexicon("division_not_names.txt"):
                continue   # 校长全面负责…
            if (prefix and _is_post(prefix)) or (not prefix and name in known):
                out.append(_Mention(name, k, v))
                break
    for m in _none_re().finditer(text, a, b):
        away = _away(text, a, m.start())
        if away and not any(o.start <= away.start < o.duties for o in out):
            out.append(away)
    return sorted(out, key=lambda o: o.start)


#: "…等归口由国桂荣副市长负责", "…等专项工作，均由郑云峰负责": the areas before 由, the leader
#: after it (a report's inverted sentence).
_BY_LEADER = re.compile(r"(?:均|都|统一|全部)?(?:归口)?由(?P<who>[\u4e00-\u9fff]{2,12}?)(?:同志)?负责(?=[，,。；;])")
#: A list's summary after 等 inside an inverted sentence: "国有资产等宏观经济管理，…".
_INNER_SUMMARY = re.compile(r"等[^、，,。；;等]{0,8}(?=[，,]|$)")


def _leader_named(who: str, known: set[str]) -> str | None:
    """The leader's name in "国桂荣副市长", "副市长国桂荣" or a bare "郑云峰", or None."""
    if who in known:
        return who
    for n in _post_lengths():
        if len(who) > n and who[-n:] in _posts():
            name = who[:-n]
            return name if len(name) in name_lengths(name, 0) else None
    for k in range(2, len(who) - 1):
        if _is_post(who[:k]) and len(who) - k in name_lengths(who, k):
            return who[k:]
    if len(who) in name_lengths(who, 0) and not _is_body(who) and not re.search(r"[省市县区镇乡村局委办]$", who):
        return who
    return None


def _assigned(text: str, a: int, b: int, known: set[str]) -> list[tuple[str, str, str | None, int, int]]:
    """Records of "X、Y等…由NAME（post）负责": each area before 由 is the leader's."""
    out: list[tuple[str, str, str | None, int, int]] = []
    for m in _BY_LEADER.finditer(text, a, b):
        name = _leader_named(m["who"], known)
        if name is None or name in lexicon("division_not_names.txt"):
            continue
        s0 = max(a, max(text.rfind(c, a, m.start()) for c in "。；;\n") + 1)
        areas = _INNER_SUMMARY.sub("", text[s0:m.start()]).strip("，, ")
        if not areas:
            continue
        for relation, _ca, _cb, _off, obj in clauses("负责" + areas):
            if relation == "responsible_for" and obj:
                out.append((name, relation, obj, s0, m.end()))
    return out


def _name_as_post(text: str, a: int, j: int) -> tuple[int, int] | None:
    """(start, end) of the name in "郑云峰作为常务副市长" (name, 作为, a leader's post ending at j),
    the name opening a sentence or clause, or None."""
    for n in _post_lengths():
        e = j - n - 2
        if e <= a or text[j - n:j] not in _posts() or text[e:e + 2] != "作为":
            continue
        for k in (3, 2, 4):
            i = e - k
            if i >= a and k in name_lengths(text, i) and (i == a or text[i - 1] in "。；;，,：:\n "):
                return i, e
        return None
    return None


def _name_then_post(text: str, a: int, j: int) -> tuple[int, int] | None:
    """(start, end) of a name printed before a leader's post that ends at j, the pair opening
    a sentence or clause of running text ("。林文生副市长则负责…"), or None."""
    for n in _post_lengths():
        post = text[j - n:j]
        if j - n <= a or post not in _posts():
            continue
        e = j - n
        for k in (3, 2, 4):
            i = e - k
            if i >= a and k in name_lengths(text, i) and (i == a or text[i - 1] in "。；;，,：:\n "):
                name = text[i:e]
                if name not in lexicon("division_not_names.txt") and not _ends_with_post(name):
                    return i, e
        return None
    return None


def _away(text: str, a: int, at: int) -> _Mention | None:
    """The leader of a sentence that gives him no duties: "副市长张三在中央党校学习，暂不分工"
    (post and name open the sentence, a word such as 在 or 因 follows the name)."""
    s0 = max(text.rfind(c, a, at) for c in "。；;\n") + 1
    s0 = max(s0, a)
    for i in range(s0 + 2, min(at, s0 + 17)):
        if not _is_post(re.sub(r"^(?:新任|现任)", "", text[s0:i])):
            continue
        for n in name_lengths(text, i):
            if re.match(r"同志|[在赴到因，,：:]|挂职|参加|学习", text[i + n:i + n + 2]):
                return _Mention(text[i:i + n], s0, i + n)
    return None


# --- regions -------------------------------------------------------------------------------


def _starts(issue: Issue) -> list[int]:
    """Offsets of the paragraphs that print a division word, outside the catalog."""
    text = issue.text
    catalog = issue.sections_of("catalog")
    found = [m.start() for m in re.finditer("分工", text)
             if any(text.startswith(w, m.start() - k) for w, k in _heading_words())]
    for word in _other_heading_words():
        at = text.find(word)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1)
    out: list[int] = []
    for at in sorted(found):
        if any(s.start <= at < s.end for s in catalog):
            continue
        para = text.rfind("\n", 0, at) + 1
        if not out or para > out[-1]:
            out.append(para)
    return out


def _units(issue: Issue, a: int, b: int) -> Iterator[tuple[int, int, bool]]:
    """The printed lines of text[a:b]: (start, end, opens a paragraph?), as they are read (a
    passage stops long before the end of a long text: listing every line after each passage
    made an issue's time grow with the square of its length). A paragraph that joined several
    printed lines is split back at its line breaks (Issue.line_of)."""
    text, line_of = issue.text, issue.line_of
    for pa, pb in issue.paragraphs(a, b):
        s = pa
        for i in range(pa + 1, pb):
            if line_of[i] != line_of[i - 1]:
                if text[s:i].strip():
                    yield s, i, s == pa
                s = i
        if text[s:pb].strip():
            yield s, pb, s == pa


def extract(issue: Issue) -> Iterator[Responsibility]:
    from .layout import input_kind

    starts = _starts(issue)
    if not starts:
        return
    whole = input_kind(issue) != "issue"
    if whole:
        starts = [0]   # a single notice or a news report: its headline and lead count too
    done_until = -1
    for start in starts:
        if start < done_until:
            continue
        records, date, end = _read(issue, start, set(), whole)
        known = {r[0] for r in records}
        if known:
            records, date, end = _read(issue, start, known, whole)
        records += _assigned(issue.text, start, end, known)
        done_until = end
        notice = _notice_number(issue, start, end)
        seen = set()
        for person, relation, obj, a, b in records:
            if (person, relation, obj) in seen:
                continue
            seen.add((person, relation, obj))
            yield Responsibility(person=person, relation=relation, object=obj,
                                 source=issue.source(a, b, EXTRACTOR, document=notice), date=date)


def _read(issue: Issue, start: int, known: set[str], whole: bool):
    """The records of the division passage from start: (records, date, end)."""
    text = issue.text
    records: list[tuple[str, str, str | None, int, int]] = []
    leader: str | None = None
    leader_at = start   # where the leader was named
    block: list[tuple[int, int]] = []
    listed = False   # the leader heads a list (his name on a line of its own or before a blank)
    date, end = None, len(text)
    ahead = _units(issue, start, len(text))
    nxt_unit = next(ahead, None)
    quiet = 0   # paragraphs read since the last leader
    while nxt_unit is not None:
        a, b, opens = nxt_unit
        nxt_unit = next(ahead, None)
        unit = text[a:b].strip()
        d = signature_date(unit)
        if d and (leader or records):
            date, end = d, b
            break   # the signature closes the notice
        if d:
            date = d   # a page's date above the list (发布日期): the notice's, unless it is signed
            continue
        if opens:
            quiet += 1
            if quiet > 8 and leader is None and not whole:
                end = a
                break   # a passing mention of 分工, or the notice is over
        mentions = _inline(text, a, b, known)
        prev = text[block[-1][0]:block[-1][1]].rstrip() if block else ""
        head = None
        after_alone = leader is not None and not block and listed
        if not after_alone and (opens or prev.endswith(("。", "；", ";", "：", ":")) or leader is None):
            nxt = text[nxt_unit[0]:nxt_unit[1]].strip() if nxt_unit is not None else ""
            head = _header(text[a:b], nxt)
        if head:
            name, at, alone = head
            mentions = [_Mention(name, a, a + at, alone)] + [m for m in mentions if m.start >= a + at]
        if not mentions:
            if leader and _continues(unit, prev, opens, listed):
                block.append((a, b))
                continue
            if leader and block:
                records.extend(_read_block(issue, leader, block))
            if leader and not block:
                continue
            leader, block = None, []
            continue
        quiet = 0
        first = mentions[0].start
        if leader and first > a and _continues(text[a:first], prev, opens, listed):
            block.append((a, first))
        if leader and block:
            records.extend(_read_block(issue, leader, block))
        for k, m in enumerate(mentions):
            stop = mentions[k + 1].start if k + 1 < len(mentions) else b
            who = m.name or leader
            if who is None or (not m.name and "。" in text[leader_at:m.start]):
                leader, block = None, []
                continue   # a pronoun whose leader is not named earlier in its sentence
            if m.name:
                leader_at = m.start
            leader, block = who, ([(m.duties, stop)] if stop > m.duties else [])
            listed = m is mentions[0] and head is not None
            if k + 1 < len(mentions) and block:
                records.extend(_read_block(issue, leader, block))
    else:
        end = len(text)
    if leader and block:
        records.extend(_read_block(issue, leader, block))
    return records, date, end


def _continues(unit: str, prev: str, opens: bool, listed: bool) -> bool:
    """Does a printed line read on from the leader's duties before it? A line that does not
    open a paragraph does; so does one that opens with a duty verb, one that follows a list
    cut after 、 or ，, and, in a list of leaders, one after a sentence left open."""
    if not opens or not prev or _verb_re().match(unit.lstrip()):
        return True
    if prev.endswith(("、", "，", ",")):
        return True
    return listed and not prev.endswith(("。", "；", ";"))


def _notice_number(issue: Issue, start: int, end: int) -> str | None:
    """The number (or, unnumbered, the title) of the 领导分工 notice whose body runs from
    start to end: its title block stands in the notice, often after its first page."""
    near = [b for b in issue.title_blocks if "分工" in b.title and start - 2000 <= b.offset <= end]
    if not near:
        return None
    block = min(near, key=lambda b: abs(b.offset - start))
    return block.doc_number or block.title


def _read_block(issue: Issue, leader: str, block: list[tuple[int, int]]) -> Iterator[tuple[str, str, str | None, int, int]]:
    """The records of one leader: his lines joined as one text (a list cut by a line or
    page break reads on), each record's source the clause that states it in Issue.text."""
    offsets: list[int] = []
    for a, b in block:
        offsets.extend(range(a, b))
    if not offsets:
        return
    duties = "".join(issue.text[a:b] for a, b in block)   # the characters at `offsets`
    last = len(offsets) - 1
    for relation, ca, cb, _off, obj in clauses(duties):
        a, b = offsets[min(ca, last)], offsets[min(max(cb, ca + 1), len(offsets)) - 1] + 1
        yield leader, relation, (obj or None) if relation == "none" else obj, a, b
