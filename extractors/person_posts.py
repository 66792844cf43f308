"""Extractor: posts stated beside names outside the 人事任免 section.

In: a normalized `Issue`. Out: `PersonPost` records, one per distinct (person, post) of the
issue, each citing the first passage that states it, e.g.
- "△ 市长姚高员，常务副市长陈建明，副市长汪驰、孙维国参加…": a post governs the names after
  it until the next post (姚高员 市长; 陈建明 常务副市长; 汪驰, 孙维国 副市长);
- "省委常委、市委书记陈伟俊": posts joined by 、 all govern the name;
- "海西州委副书记、格尔木市委书记王勇", "中国工商银行副行长胡浩": the body printed before a
  title stays part of the post, as printed;
- "孙维国副市长参加…", "习近平总书记": a post printed after the name (titles marked `after`
  in data/leader_titles.txt);
- "组  长：陈建明（温州市政府常务副市长）" and the lines that continue such a list: the role
  and the post in brackets.

The personnel section is skipped: its acts are appointments. `date` is the diary day or the
news dateline ("12月12日，…") of the passage when it has one.

Names are 2 or 3 characters after a surname from data/surnames.txt (shared with the
appointments extractor; when that file is absent any CJK character may start a name) and must
be followed by a word that ends a name (punctuation, 参加, 出席, 等, 先生…).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .lexicons import lexicon
from .layout import Issue
from .records import PersonPost

EXTRACTOR = "person_posts"

_CJK = re.compile(r"[\u4e00-\u9fff]")

#: Words that may follow a name: the verbs of diary items and news reports, honorifics and
#: conjunctions. A name is accepted only where one of these (or punctuation) follows it.
NAME_ENDERS = (
    "参加", "出席", "主持", "陪同", "会见", "会同", "调研", "赴", "带队", "率", "等", "先生", "女士",
    "同志", "一行", "代表", "表示", "指出", "强调", "讲话", "致辞", "在", "作", "宣读", "听取",
    "考察", "视察", "检查", "看望", "慰问", "走访", "召开", "参观", "研究", "旁听", "前往", "到",
    "对", "向", "与", "和", "及", "为", "说", "介绍", "提出", "要求", "希望", "主讲", "同", "见证",
    "分别", "一起", "共同", "也", "还", "就", "专程", "亲切", "接待", "签署", "出访", "关于",
    "重要", "所", "寄予", "任", "兼", "来", "深入", "通报", "传达", "部署", "宴请", "接见", "颁发",
    "为", "的", "是", "进行", "对接", "交流", "座谈", "汇报", "答", "回答", "发表", "作出", "批示",
    "督查", "督导", "列席", "开展", "指导", "巡查", "暗访", "接访", "约谈", "带领", "率领", "调度",
    "察看", "踏勘", "现场", "接受", "出征", "赶赴", "主审", "收看", "收听", "会商", "推进", "签约",
)
#: Words that may stand just before a name printed ahead of its post ("学习习近平总书记").
NAME_LEADERS = (
    "学习", "落实", "贯彻", "传达", "会见", "陪同", "按照", "根据", "了", "对", "向", "与", "和",
    "及", "同", "在", "是", "听取", "遵循", "践行", "领会", "以", "把", "将", "用",
)
#: Printed before a post phrase: a verb whose object is the official ("会见新加坡驻沪总领事…").
POST_LEADERS = ("会见", "会同", "陪同", "接见", "宴请", "看望", "慰问", "欢迎", "邀请", "听取", "与", "和", "及", "同", "向", "请")
#: Roles of a leading-group list (组长：陈建明（…）).
GROUP_ROLES = ("组长", "副组长", "常务副组长", "成员", "组员", "总指挥", "副总指挥", "召集人", "副召集人")
#: Characters that end a post phrase when walking back from its title.
_PHRASE_STOP = set("，,、。；;：:！？!?“”\"'（）()《》〈〉【】[]△▲●■◆ \n")


@lru_cache(maxsize=1)
def leader_titles() -> tuple[tuple[str, ...], frozenset[str]]:
    """(titles longest first, titles that may follow a name) from data/leader_titles.txt."""
    titles, after = [], set()
    for row in lexicon("leader_titles.txt"):
        parts = row.split("\t")
        titles.append(parts[0].strip())
        if len(parts) > 1 and parts[1].strip() == "after":
            after.add(parts[0].strip())
    return tuple(sorted(set(titles), key=len, reverse=True)), frozenset(after)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Single-character surnames from data/surnames.txt."""
    return frozenset(s for s in lexicon("surnames.txt") if len(s) == 1)


def _may_start_name(ch: str) -> bool:
    known = surnames()
    return bool(_CJK.match(ch)) and (not known or ch in known)


# --- despaced text with offsets ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of Issue.text with its spaces removed: `text[i]` stood at `offsets[i]`."""

    text: str
    offsets: tuple[int, ...]

    def origin(self, i: int, j: int) -> tuple[int, int]:
        """Issue.text span of self.text[i:j]."""
        if not self.offsets:
            return 0, 0
        i = min(i, len(self.offsets) - 1)
        return self.offsets[i], self.offsets[max(i, min(j, len(self.offsets)) - 1)] + 1


def despaced(text: str, start: int, end: int) -> Span:
    """text[start:end] without the spaces a PDF puts between CJK characters
    ("副 市 长 汤 筱 疏" -> "副市长汤筱疏"); spaces between Latin letters/digits stay."""
    segment = text[start:end]
    if " " not in segment and "\u3000" not in segment and "\t" not in segment:
        return Span(segment, tuple(range(start, end)))
    chars, offs = [], []
    for i in range(start, end):
        ch = text[i]
        if ch in " \u3000\t":
            prev = text[i - 1] if i > start else ""
            nxt = text[i + 1] if i + 1 < end else ""
            if not (prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum()):
                continue
        chars.append(ch)
        offs.append(i)
    return Span("".join(chars), tuple(offs))


# --- names ------------------------------------------------------------------------------


def _ends_name(s: str, j: int) -> bool:
    """Does a name end just before s[j]?"""
    if j >= len(s):
        return True
    if not _CJK.match(s[j]):
        return True
    if _title_at(s, j):
        return True
    return s.startswith(NAME_ENDERS, j)


@lru_cache(maxsize=1)
def _title_regex() -> re.Pattern:
    """One alternation of every title, longest first, so a match is the longest title.
    Compiled once: it is tried at every position of every paragraph."""
    titles, _ = leader_titles()
    return re.compile("|".join(map(re.escape, titles)))


def _title_at(s: str, j: int) -> str | None:
    """The post phrase (body + title) starting at s[j], if one does, e.g. 常务副市长."""
    m = _title_regex().match(s, j)
    return m.group() if m else None


def name_at(s: str, j: int) -> int:
    """Length (2 or 3) of the person's name starting at s[j], or 0 if none does."""
    if j >= len(s) or not _may_start_name(s[j]) or _title_at(s, j):
        return 0
    for n in (2, 3):
        cand = s[j : j + n]
        if len(cand) == n and all(_CJK.match(c) for c in cand) and _ends_name(s, j + n):
            if _holds_title(cand):
                return 0   # "副市长任组长": 任组长 is a role, not a name
            return n
    return 0


@lru_cache(maxsize=1)
def _long_title_regex() -> re.Pattern:
    titles, _ = leader_titles()
    return re.compile("|".join(re.escape(t) for t in titles if len(t) >= 2))


def _holds_title(cand: str) -> bool:
    return bool(_long_title_regex().search(cand))


@lru_cache(maxsize=1)
def _after_title_regexes() -> tuple[tuple[str, re.Pattern], ...]:
    """Titles that may follow a name, longest first, each with its compiled pattern."""
    _, after = leader_titles()
    return tuple((t, re.compile(re.escape(t))) for t in sorted(after, key=len, reverse=True))


# --- post phrases -----------------------------------------------------------------------


def _post_phrase_start(s: str, title_start: int) -> int:
    """Walk back from a title over the body printed before it (格尔木|市委书记), stopping at
    punctuation, at a verb whose object the official is, and after 14 characters."""
    k = title_start
    while k > 0 and title_start - k < 14 and s[k - 1] not in _PHRASE_STOP and _CJK.match(s[k - 1]):
        if s.endswith(POST_LEADERS, 0, k):
            break   # "会见新加坡…总领事": the verb is not part of the post
        k -= 1
    return k


@dataclass(frozen=True, slots=True)
class Mention:
    person: str
    post: str
    start: int     # offsets into the Span text: the whole mention (posts and name)
    end: int
    at: int = 0    # where the name itself starts


def _titles_ending_at(s: str, end: int) -> str | None:
    titles, _ = leader_titles()
    for t in titles:
        if s.endswith(t, 0, end):
            return t
    return None


def mentions(s: str) -> Iterator[Mention]:
    """Every (person, post) stated in the despaced passage s."""
    titles, after = leader_titles()
    title_re = _title_regex()
    taken: set[int] = set()   # name starts already claimed by a post before them
    pos = 0
    while True:
        m = title_re.search(s, pos)
        if not m:
            break
        pos = m.end()
        # Extend to the longest title here (regex alternation is longest-first already).
        j = m.end()
        if _title_at(s, j) or (j < len(s) and s[j] == "、" and _title_at(s, j + 1)):
            continue   # a chain of posts: the last one carries the names
        # The posts of this chain: walk back over "POST、POST、".
        posts: list[tuple[int, str]] = []
        start = _post_phrase_start(s, m.start())
        posts.append((start, s[start : m.end()]))
        k = start
        while k >= 2 and s[k - 1] == "、":
            t = _titles_ending_at(s, k - 1)
            if not t:
                break
            p_start = _post_phrase_start(s, k - 1 - len(t))
            posts.append((p_start, s[p_start : k - 1]))
            k = p_start
        names: list[tuple[int, int]] = []
        j = m.end()
        while True:
            n = name_at(s, j)
            if not n:
                break
            names.append((j, j + n))
            j += n
            if j < len(s) and s[j] == "、" and not _title_at(s, j + 1):
                n = name_at(s, j + 1)
                # "市长姚高员、殷志军副市长": a name with its own title after it is not governed
                # by the title before the list.
                if n and not _title_at(s, j + 1 + n):
                    j += 1
                    continue
            break
        for a, b in names:
            taken.add(a)
            for p_start, post in reversed(posts):
                yield Mention(s[a:b], post, min(p_start, a), b, a)
        if names:
            pos = names[-1][1]
    # Names printed before their post: 孙维国副市长, 习近平总书记.
    for t, t_re in _after_title_regexes():
        if t not in s:
            continue
        for m in t_re.finditer(s):
            a = _name_before(s, m.start())
            if a is None or a in taken:
                continue
            # The full title here, not a shorter one inside a longer (常务副市长 ⊃ 副市长).
            full = _title_at(s, m.start())
            if full != t:
                continue
            if not _ends_name(s, m.end()) and not s.startswith(("关于", "重要", "所", "寄予", "在"), m.end()):
                continue
            taken.add(a)
            yield Mention(s[a : m.start()], t, a, m.end(), a)


def _name_before(s: str, k: int) -> int | None:
    """Start of a 2- or 3-character name ending at s[k] ("△ 孙维国|副市长"), or None."""
    for n in (3, 2):
        a = k - n
        if a < 0:
            continue
        cand = s[a:k]
        if not all(_CJK.match(c) for c in cand) or not _may_start_name(cand[0]):
            continue
        if _title_at(s, a) or _holds_title(cand):
            continue   # "，常务|副市长": the "name" is the head of a longer title
        before = s[:a]
        if not before or not _CJK.match(before[-1]) or before.endswith(NAME_LEADERS):
            return a
    return None


# --- leading-group lists ----------------------------------------------------------------

_GROUP_LINE = re.compile(r"^(?:(?P<role>[\u4e00-\u9fff]{2,4})[：:])?(?P<name>[\u4e00-\u9fff]{2,3})[（(](?P<post>[^（）()]{2,30})[)）]$")


def group_mentions(paragraphs: list[str]) -> Iterator[tuple[int, Mention]]:
    """(paragraph index, mention) for lists such as "组长：陈建明（温州市政府常务副市长）"
    followed by "杜兴林（丽水市政府常务副市长）": the role carries over to the lines
    that continue it."""
    role = None
    for i, para in enumerate(paragraphs):
        m = _GROUP_LINE.match(para)
        if not m:
            role = None if "：" in para or ":" in para or not para else role
            if not para.startswith(tuple(r for r in GROUP_ROLES)):
                role = None
            continue
        if m["role"]:
            role = m["role"] if m["role"] in GROUP_ROLES else None
            if role is None:
                continue
        elif role is None:
            continue
        if not _may_start_name(m["name"][0]):
            continue
        at = m.start("name")
        yield i, Mention(m["name"], m["post"], 0, len(para), at)
        yield i, Mention(m["name"], role, 0, len(para), at)


# --- dates ------------------------------------------------------------------------------

_DAY_HEADING = re.compile(r"^(?P<d>\d{1,2})日$")
_DATELINE = re.compile(r"^(?P<m>\d{1,2})月(?P<d>\d{1,2})日")


def diary_month(issue: Issue) -> int | None:
    """The month the diary covers: its heading ("12月份市政府记事"), else the issue's month."""
    for h in issue.headings:
        if h.kind == "diary":
            m = re.match(r"(\d{1,2})\s*月", h.text)
            if m:
                return int(m[1])
    return issue.gazette.month


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if not year or not month:
        return None
    if not day:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


# --- the extractor ----------------------------------------------------------------------


def extract(issue: Issue) -> Iterator[PersonPost]:
    seen: set[tuple[str, str]] = set()
    year = issue.gazette.year
    dmonth = diary_month(issue)
    for section in issue.sections:
        if section.kind in ("personnel", "catalog", "colophon", "statistics"):
            continue
        spans = [despaced(issue.text, a, b) for a, b in issue.paragraphs(section.start, section.end)]
        day: int | None = None
        found: list[tuple[Span, Mention, str | None]] = []
        for sp in spans:
            if section.kind == "diary":
                m = _DAY_HEADING.match(sp.text)
                if m:
                    day = int(m[1])
                    continue
            # A report's dateline ("12月12日至13日，…") dates its own paragraph; in documents
            # such a phrase is a deadline, not the passage's date.
            m = _DATELINE.match(sp.text)
            news_date = _iso(year, int(m["m"]), int(m["d"])) if m and section.kind not in ("documents", "policy") else None
            date = _iso(year, dmonth, day) if section.kind == "diary" and day else news_date
            for mention in mentions(sp.text):
                found.append((sp, mention, date))
        for i, mention in group_mentions([sp.text for sp in spans]):
            found.append((spans[i], mention, None))
        for sp, mention, date in found:
            key = (mention.person, mention.post)
            if key in seen:
                continue
            seen.add(key)
            a, b = sp.origin(mention.start, mention.end)
            yield PersonPost(person=mention.person, post=mention.post, source=issue.source(a, b, EXTRACTOR), date=date)
