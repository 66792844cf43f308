"""Extractor: posts stated beside names outside the 人事任免 section.

In: a normalized `Issue` (a gazette issue, a single document or a news report). Out:
`PersonPost` records, one per distinct (person, post) of the text, each citing the first
passage that states it. The forms read:
- post before names: "△ 市长姚高员，常务副市长陈建明，副市长汪驰、孙维国参加…" (a post governs
  the names after it until the next post), "常务副省长陈肇雄负责…", "副主任张建生、朱团能，
  秘书长欧阳秋虹出席会议";
- posts joined by 、 all govern the name: "省委常委、市委书记陈伟俊";
- the body printed before a title stays part of the post: "海西州委副书记、格尔木市委书记王勇",
  "中国工商银行副行长胡浩";
- a post printed after the name (titles marked `after` / `address` in data/leader_titles.txt):
  "孙维国副市长参加…", "习近平总书记", "落实李希书记调研…要求", "郑云峰作为常务副市长，负责…";
- "代省长杜家毫" is the acting post 代省长; in "张三代市长李四作报告" 代 means "on behalf of"
  and 李四 is 市长;
- rosters, line by line, in every layout: "组  长：龚　正  市长", "成  员：马春雷  市政府副秘书长、
  市发展改革委主任", "汤志平  副市长", "刘惠祥（市委常委、常务副市长）" under a role line
  ("组  长：" alone). Roster roles (data/roster_roles.txt) are not posts; the Wenzhou gazette's
  own layout "组  长：陈建明（温州市政府常务副市长）" keeps the role, as its reference answers do
  (gazette issues only); entries run into a sentence: "组长：张顺彩（市政府副市长），副组长：…";
  entries a crawler ran together with nothing between them: "副组长：姜大明国土资源部部长丁向阳国务院
  副秘书长…" (a name's length settled at a word boundary, extractors/segment.py);
- headers of a division of work: "龚正市长" / "陈寅常务副市长" on a line, a following
  "兼市公安局局长，…" line; a name alone on a line, then "省长，主持…" or
  "副省长兼任省公安厅厅长，负责…";
- a post held before: "马志强，男，…，曾任山西省忻州市忻府区委书记等职".

Reporters, editors and photographers (data/press_roles.txt) are not recorded. The personnel
section is skipped: its acts are appointments. `date` is the diary day or the news dateline
("12月12日，…") of the passage when it has one.

Names follow extractors/names.py (compound surnames, four-character names, padded names
"龚　正" written 龚正) and, in running text, must be followed by a word that ends a name
(data/person_name_enders.txt), punctuation or a title; words such as 全面 are never names
(data/not_names.txt). Rosters and headers are read per printed line (`printed_lines`), since
a web page's lines may reach us joined into one paragraph.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import names as N
from .layout import Issue, input_kind
from .lexicons import lexicon
from .names import CJK_CHAR
from .patterns import longest_word_regex
from .records import PersonPost

EXTRACTOR = "person_posts"

#: Characters that end a post phrase when walking back from its title.
#: Marks that end an item of a list of names ("李珊珊、刘加来，秘书长…").
_LIST_MARKS = frozenset("、，,；;")
#: Ends of a nomination printed among a person's posts ("提名市长候选人"): no post.
_NOMINEE_ENDS = ("候选人", "人选")
_PHRASE_STOP = set("，,、。；;：:！？!?“”\"'（）()《》〈〉【】[]△▲●■◆ \n")


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], frozenset[str], tuple[str, ...],
                      tuple[str, ...]]:
    """(name enders, name leaders, post leaders, roster roles, press roles, links between a
    title and its names) from extractors/data."""
    return (
        tuple(lexicon("person_name_enders.txt")),
        tuple(lexicon("person_name_leaders.txt")),
        tuple(lexicon("post_leaders.txt")),
        frozenset(lexicon("roster_roles.txt")),
        tuple(lexicon("press_roles.txt")),
        tuple(lexicon("post_name_links.txt")),
    )


@lru_cache(maxsize=1)
def _title_table() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """(titles longest first, titles that may follow a name, titles of address)."""
    titles, after, address = [], set(), set()
    for row in lexicon("leader_titles.txt"):
        parts = row.split("\t")
        title = parts[0].strip()
        titles.append(title)
        flag = parts[1].strip() if len(parts) > 1 else ""
        if flag in ("after", "address"):
            after.add(title)
        if flag == "address":
            address.add(title)
    return tuple(sorted(set(titles), key=len, reverse=True)), frozenset(after), frozenset(address)


def leader_titles() -> tuple[tuple[str, ...], frozenset[str]]:
    """(titles longest first, titles that may follow a name) from data/leader_titles.txt."""
    titles, after, _ = _title_table()
    return titles, after


def address_titles() -> frozenset[str]:
    """Titles also used to address a person after the name (李希书记)."""
    return _title_table()[2]


def surnames() -> frozenset[str]:
    """Single-character surnames (kept for callers; names.py is the home of name rules)."""
    return N.single_surnames()


# --- despaced text with offsets ---------------------------------------------------------


@dataclass(slots=True)   # not frozen: one is built per paragraph, and a frozen init costs 3x
class Span:
    """A piece of Issue.text with its spaces removed, kept as the runs of characters between
    the removed spaces: run k starts at `text[run_starts[k]]`, which stood at Issue.text
    offset `run_origins[k]` (a run may be empty where two spaces were removed together).
    Most paragraphs are one run: no tuple of every character's offset is built. Shared
    (events reads the diary's spans through `diary_paragraph`): never changed once made."""

    text: str
    run_starts: tuple[int, ...]
    run_origins: tuple[int, ...]

    def at(self, i: int) -> int:
        """The Issue.text offset of self.text[i]."""
        k = bisect_right(self.run_starts, i) - 1   # the last run starting at or before i
        return self.run_origins[k] + i - self.run_starts[k]

    def origin(self, i: int, j: int) -> tuple[int, int]:
        """Issue.text span of self.text[i:j]."""
        n = len(self.text)
        if not n:
            return 0, 0
        i = min(i, n - 1)
        return self.at(i), self.at(max(i, min(j, n) - 1)) + 1


_SPACE = re.compile(r"[ \u3000\t]")
#: A space despacing removes: any space, tab or ideographic space, except one alone between
#: Latin letters or digits ("2019 年" loses its space, "COVID 19" keeps it). The space comes
#: first, so that the engine skips to the next space; the look-behind then checks the
#: character before it.
_REMOVED_SPACE = re.compile(r"[ \u3000\t](?:(?<![A-Za-z0-9][ \u3000\t])|(?![A-Za-z0-9]))")


def despaced(text: str, start: int, end: int) -> Span:
    """text[start:end] without the spaces a PDF puts between CJK characters
    ("副 市 长 汤 筱 疏" -> "副市长汤筱疏"); spaces between Latin letters/digits stay."""
    segment = text[start:end]
    if " " not in segment and "\u3000" not in segment and "\t" not in segment:
        return Span(segment, (0,), (start,))
    # The regex engine finds the spaces and removes them: a Python loop per character (or
    # per space, with a tuple of every offset) was this module's hottest spot. The segment is
    # read alone, so that a space at its edge has no Latin neighbour, as the text ends there.
    removed = [m.start() for m in _REMOVED_SPACE.finditer(segment)]
    # Run k + 1 starts after the k + 1 removed spaces before it.
    run_starts = (0, *[at - k for k, at in enumerate(removed)])
    run_origins = (start, *[start + at + 1 for at in removed])
    return Span(_REMOVED_SPACE.sub("", segment), run_starts, run_origins)


# --- names ------------------------------------------------------------------------------


def _ends_name(s: str, j: int) -> bool:
    """Does a name end just before s[j]?"""
    if j >= len(s):
        return True
    if not CJK_CHAR.match(s, j):
        return True
    if _title_at(s, j):
        return True
    if s[j] == "代" and _title_at(s, j + 1):
        return True   # "张三代市长李四作报告": 张三 acts on behalf of the mayor
    return s.startswith(_words()[0], j)


@lru_cache(maxsize=1)
def _title_regex() -> re.Pattern:
    """Every title, so a match is the longest title at its position. Compiled once: it is
    tried at every position of every paragraph."""
    titles, _ = leader_titles()
    return re.compile(longest_word_regex(titles))


def _title_at(s: str, j: int) -> str | None:
    """The title starting at s[j], if one does, e.g. 常务副市长."""
    m = _title_regex().match(s, j)
    return m.group() if m else None


def name_at(s: str, j: int) -> int:
    """Length of the person's name starting at s[j] (2 to 4 characters, or a dotted minority
    name), or 0 if none does: the shortest candidate after which a name may end."""
    if j >= len(s) or not CJK_CHAR.match(s, j) or _title_at(s, j) or s[j] in _not_name_starts():
        return 0   # every name (its surname, a Tibetan, Mongolian or dotted name) opens with CJK
    dotted = _dotted_name_at(s, j) or N.tibetan_name_at(s, j)
    if dotted and _ends_name(s, j + dotted):
        return dotted
    mongolian = N.mongolian_name_at(s, j)
    if mongolian and _ends_name(s, j + mongolian):
        return mongolian
    if not N.surname_at(s, j):
        return 0
    for n in (2, 3, 4):
        if N.is_name_shape(s, j, n) and _ends_name(s, j + n):
            cand = s[j : j + n]
            if _holds_title(cand) or _holds_role(cand) or cand in _not_names():
                return 0   # "副市长任组长": 任组长 is a role, not a name
            if n > 2 and s.startswith(_multi_char_enders(), j + N.surname_at(s, j)):
                return 0   # "主任石主持": a page that lost the given name; 主持 is the verb
            k = j + n + 1
            if n < 4 and k <= len(s) and s[k - 1] in "和与及" and N.is_name_shape(s, j, n + 1) and \
                    any(s.startswith(w, k) for w in _words()[0] if len(w) > 1):
                # "副县长王文胜、林月和参加了仪式": a conjunction cannot stand before a verb,
                # so 和 ends the name
                return n + 1
            if n < 4 and k < len(s) and s[k] in _LIST_MARKS and N.is_name_shape(s, j, n + 1) and \
                    (s[k] == "、" or (s[j - 1:j] == "、" and _title_at(s, k + 1))):
                # "副主任吴达金、李珊珊、刘加来，秘书长…": in a list of names, where the next
                # name or the next title follows, a one-character "verb" (来) ends the name
                return n + 1
            return n
    return 0


@lru_cache(maxsize=1)
def _holding_verbs() -> tuple[str, ...]:
    """Verbs before a post that say the person holds or held it (出任, 现任, 原任): the words of
    data/post_leaders.txt ending in 任 (任命 names an act, not a holder)."""
    return tuple(w for w in _words()[2] if len(w) > 1 and w.endswith("任"))


def _listed_name_at(s: str, j: int) -> int:
    """Length of a name of two or three characters with no known surname at s[j] (宝玉), read
    only inside a list of names: a 、 follows it and a name follows that
    ("副主任于丽华、巴图、宝玉、李占鹏"), or 0."""
    for n in (2, 3):
        cand = s[j:j + n]
        if len(cand) < n or not all(CJK_CHAR.match(c) for c in cand) or not s.startswith("、", j + n):
            continue
        if cand[0] in _not_name_starts() or _holds_title(cand) or _holds_role(cand) or cand in _not_names():
            continue
        if name_at(s, j + n + 1):
            return n
    return 0


def _dotted_name_at(s: str, j: int) -> int:
    """Length of a dotted minority name at s[j], or 0. In running text nothing marks where
    it ends ("主任肖开提·依明主持会议"): the part after the dot stops before a word that ends a
    name (主持, 出席), and no title stands in the part before it (会主任肖开提 is no name)."""
    n = N.minority_name_at(s, j)
    if not n:
        return 0
    dot = next(i for i in range(j, j + n) if s[i] in N.NAME_DOTS)
    if _holds_title(s[j:dot]):
        return 0
    enders = _multi_char_enders()
    for e in range(dot + 3, j + n):
        if s.startswith(enders, e):
            return e - j
    return n


@lru_cache(maxsize=1)
def _multi_char_enders() -> tuple[str, ...]:
    """Words of two or more characters that end a name (主持, 出席): one-character ones (和, 为)
    may stand inside a transliterated given name."""
    return tuple(w for w in _words()[0] if len(w) > 1)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(lexicon("not_names.txt"))


@lru_cache(maxsize=1)
def _not_name_starts() -> frozenset[str]:
    return frozenset(lexicon("not_name_starts.txt"))


@lru_cache(maxsize=1)
def _long_title_regex() -> re.Pattern:
    titles, _ = leader_titles()
    return re.compile(longest_word_regex(t for t in titles if len(t) >= 2))


def _holds_title(cand: str) -> bool:
    return bool(_long_title_regex().search(cand))


@lru_cache(maxsize=1)
def _role_regex() -> re.Pattern:
    return re.compile(longest_word_regex(_words()[3]))


def _holds_role(cand: str) -> bool:
    return bool(_role_regex().search(cand))


def is_full_name(s: str) -> bool:
    """Is s, as a whole, a person's name (龚正, 欧阳秋虹, 帕提古丽·阿卜力克木)?"""
    if N.MINORITY_NAME.fullmatch(s):
        return True
    return (2 <= len(s) <= 4 and N.is_name_shape(s, 0, len(s)) and not _title_at(s, 0) and not _holds_title(s)
            and s not in _not_names())


@lru_cache(maxsize=1)
def _after_title_regexes() -> tuple[tuple[str, re.Pattern], ...]:
    """Titles that may follow a name, longest first, each with its compiled pattern."""
    _, after = leader_titles()
    return tuple((t, re.compile(re.escape(t))) for t in sorted(after, key=len, reverse=True))


@lru_cache(maxsize=1)
def _any_after_title() -> re.Pattern:
    """Any title that may follow a name: a paragraph without one has no name before a title."""
    return re.compile(longest_word_regex(t for t, _ in _after_title_regexes()))


# --- post phrases -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _post_end_regex() -> re.Pattern:
    """A post phrase ends with a leader title or a post title of the personnel acts."""
    titles = set(leader_titles()[0]) | set(lexicon("post_titles.txt"))
    return re.compile("(?:" + "|".join(map(re.escape, sorted(titles, key=len, reverse=True))) + ")$")


@lru_cache(maxsize=1)
def _bare_titles() -> frozenset[str]:
    return frozenset(leader_titles()[0]) | frozenset(lexicon("post_titles.txt"))


#: A post phrase is CJK, with digits in a body's ordinal ("第19届亚运会组委会主席").
_POST_CHARS = re.compile(r"[\u4e00-\u9fff0-9]+")


@lru_cache(maxsize=1)
def _role_given() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """("任组长", "任成员", …) ending a sentence that gives a roster role, and the titles that
    end the same way ("主任委员")."""
    roles = sorted(_words()[3])
    return tuple("任" + r for r in roles), tuple("主任" + r for r in roles)


def is_post(p: str) -> bool:
    """Is p, as a whole, a post phrase: a body (optional) and a title, in CJK only
    (市政府副秘书长, 嘉定区区长, 省政府党组成员)? Roster roles alone are not posts."""
    if not (2 <= len(p) <= 30) or not _POST_CHARS.fullmatch(p) or p[0].isdigit() or p in _words()[3]:
        return False
    if p.endswith(_role_given()[0]) and not p.endswith(_role_given()[1]):
        return False   # "…领导小组由县委书记任组长": a sentence giving a roster role, not a post
    return bool(_post_end_regex().search(p))


def _post_phrase_start(s: str, title_start: int, floor: int = 0) -> int:
    """Walk back from a title over the body printed before it (格尔木|市委书记), stopping at
    punctuation, at a verb whose object the official is, at a name already read (`floor`)
    and after 20 characters."""
    leaders = _words()[2]
    k = title_start
    while k > floor and s[k - 1] not in _PHRASE_STOP and CJK_CHAR.match(s[k - 1]):
        if s.endswith(leaders, 0, k):
            return k   # "会见新加坡…总领事": the verb is not part of the post
        if title_start - k >= 20:
            # No boundary in 20 characters: what precedes is a sentence, not the post's
            # body ("我市专门成立了以市委书记张美文为指挥长"): the title alone is the post.
            return title_start
        k -= 1
    return k


@dataclass(frozen=True, slots=True)
class Mention:
    person: str
    post: str
    start: int     # offsets into the Span text: the whole mention (posts and name)
    end: int
    at: int = 0    # where the name itself starts
    address: bool = False   # a title of address after the name (李希书记)


def _titles_ending_at(s: str, end: int) -> str | None:
    titles, _ = leader_titles()
    for t in titles:
        if s.endswith(t, 0, end):
            return t
    return None


def mentions(s: str) -> Iterator[Mention]:
    """Every (person, post) stated in the despaced passage s. (events takes a diary item's
    attendees from its whole paragraph's mentions, relying on every walk back stopping at a
    character that is not CJK, as at the passage's start: `events._item_attendees`.)"""
    title_re = _title_regex()
    if not title_re.search(s):
        return   # most passages: no title, before or after a name (after-titles are titles)
    press = _words()[4]
    taken: set[int] = set()   # name starts already claimed by a post before them
    name_ends: set[int] = set()
    floor = 0                 # a post phrase never reaches back over names already read
    pos = 0
    while True:
        m = title_re.search(s, pos)
        if not m:
            break
        pos = m.end()
        j = m.end()
        if _title_at(s, j) or (j < len(s) and s[j] == "、" and _title_at(s, j + 1)):
            continue   # a chain of posts: the last one carries the names
        if s.startswith(press, j):
            continue   # "主任记者魏丽娜": a byline, not an official
        # The posts of this chain: walk back over "POST、POST、".
        posts: list[tuple[int, str]] = []
        start = _post_phrase_start(s, m.start(), floor)
        posts.append((start, s[start : m.end()]))
        k = start
        while k - 1 > floor and s[k - 1] == "、":
            t = _titles_ending_at(s, k - 1)
            if not t:
                # "市委副书记、提名市长候选人、市政府党组书记宋永祥": a nomination in the chain is
                # no post, but the posts before it still name the person
                q = k - 1
                if s.endswith(_NOMINEE_ENDS, 0, q):
                    while q > floor and s[q - 1] not in _PHRASE_STOP and CJK_CHAR.match(s[q - 1]):
                        q -= 1
                    if q - 1 > floor and s[q - 1] == "、":
                        k = q
                        continue
                break
            p_start = _post_phrase_start(s, k - 1 - len(t), floor)
            posts.append((p_start, s[p_start : k - 1]))
            k = p_start
        names: list[tuple[int, int]] = []
        j = m.end()
        links = _words()[5]
        if s.startswith(links, j):     # "副主席依次为甲、乙": the link word is neither post nor name
            j += len(next(w for w in links if s.startswith(w, j)))
        elif s.startswith("的", j) and s.endswith(_holding_verbs(), 0, k):
            j += 1     # "出任自治区人民政府副主席的郝林海": the post the person holds, then 的
        read_ahead = 0   # the length of the name at j, when read already past a 、 or 和
        while True:
            n = read_ahead or name_at(s, j) or (_listed_name_at(s, j) if names and s[j - 1] == "、" else 0)
            read_ahead = 0
            if not n:
                break
            if not names and s[j] in "和与及" and _title_at(s, j + n):
                break      # "主席团常务主席和执行主席": two titles joined, 和执行 is no name
            names.append((j, j + n))
            j += n
            if j < len(s) and s[j] == "、" and not _title_at(s, j + 1):
                n = name_at(s, j + 1) or _listed_name_at(s, j + 1)
                # "市长姚高员、殷志军副市长": a name with its own title after it is not governed
                # by the title before the list.
                if n and not _title_at(s, j + 1 + n):
                    j += 1
                    read_ahead = n   # what the loop's first line would read at j
                    continue
            if len(names) >= 2 and s[j:j + 1] in ("和", "及") and s[names[-1][0] - 1] == "、":
                # "副主席甲、乙和丙": 和 before the last name of a list joined by 、
                n = name_at(s, j + 1)
                if n and not _title_at(s, j + 1 + n):
                    j += 1
                    read_ahead = n   # (after 和 no listed name is read: name_at alone)
                    continue
            break
        if not names:
            continue
        # "张三代市长李四": 代 right after a name means "on behalf of"; elsewhere (代省长杜家毫)
        # it is the acting post as printed.
        # "吕江同志代市长李延春作报告": 同志 after the name, then 代 (the phrase may start inside 同志)
        posts = [(p + post.index("代"), post[post.index("代"):]) if _STAND_IN.match(post) else (p, post)
                 for p, post in posts]
        posts = [(p + 1, post[1:]) if _on_behalf(post) and (p in name_ends or s[p - 1:p] == "志")
                 else (p, post) for p, post in posts]
        for a, b in names:
            taken.add(a)
            name_ends.add(b)
            for p_start, post in reversed(posts):
                yield Mention(s[a:b], post, min(p_start, a), b, a)
        pos = floor = names[-1][1]
    # Names printed before their post: 孙维国副市长, 习近平总书记.
    if not _any_after_title().search(s):
        return   # (most paragraphs: one scan instead of a test per title)
    leaders = _words()[1]
    address = address_titles()
    for t, t_re in _after_title_regexes():
        if t not in s:
            continue
        for m in t_re.finditer(s):
            if m.end() in taken:
                continue   # "国务院副总理张高丽": the title governs the name after it
            name_end = m.start()
            found = _name_before(s, name_end, leaders)
            if found is None and s.startswith("作为", m.start() - 2):
                name_end = m.start() - 2   # "郑云峰作为常务副市长，负责…"
                found = _name_before(s, name_end, leaders)
            if found is None or found[0] in taken:
                continue
            a, led = found
            # The full title here, not a shorter one inside a longer (常务副市长 ⊃ 副市长).
            if _title_at(s, m.start()) != t:
                continue
            # A name introduced by a verb ("落实李希书记调研…") needs no ending word after it.
            if not led and not _ends_name(s, m.end()) and not s.startswith(("关于", "重要", "所", "寄予", "在"), m.end()):
                continue
            # A title of address needs a verb on one side: "，纪委书记；" is an organ's post.
            if t in address and not led and not s.startswith(_words()[0], m.end()):
                continue
            taken.add(a)
            yield Mention(s[a:name_end], t, a, m.end(), a, t in address)


#: The key of the diary paragraphs read (`diary_paragraph`) in `Issue.derived`.
DIARY_READ = "person_posts.diary_paragraph"


def diary_paragraph(issue: Issue, a: int, b: int) -> tuple[Span, tuple[Mention, ...]]:
    """The diary paragraph issue.text[a:b] despaced and its `mentions`, read once per issue
    text: events reads the paragraph again for its item and the item's attendees. What was
    read is kept with the very text it was read from, so a changed text is read afresh."""
    kept = issue.derived.get(DIARY_READ)
    if kept is None or kept[0] is not issue.text:
        kept = issue.derived[DIARY_READ] = (issue.text, {})
    read: dict[tuple[int, int], tuple[Span, tuple[Mention, ...]]] = kept[1]
    found = read.get((a, b))
    if found is None:
        sp = despaced(issue.text, a, b)
        found = read[(a, b)] = (sp, tuple(mentions(sp.text)))
    return found


#: "同志代" opening a post phrase: the 同志 of the name before it, then the acting post.
_STAND_IN = re.compile(r"(?:同志|志)代")


def _on_behalf(post: str) -> bool:
    """代 + title, read "on behalf of" where a name precedes it; 代理 is always the acting post."""
    return post.startswith("代") and not post.startswith("代理")


def _name_before(s: str, k: int, leaders: tuple[str, ...]) -> tuple[int, bool] | None:
    """(start, introduced by a verb) of a name ending at s[k] ("△ 孙维国|副市长"), or None."""
    for n in (4, 3, 2):
        a = k - n
        if a < 0 or not N.is_name_shape(s, a, n):
            continue
        cand = s[a:k]
        if _title_at(s, a) or _holds_title(cand) or cand in _not_names():
            continue   # "，常务|副市长": the "name" is the head of a longer title
        before = s[:a]
        if not before or not CJK_CHAR.match(before[-1]):
            return a, False
        if before.endswith(leaders):
            return a, True
    return None


# --- rosters and headers, line by line ----------------------------------------------------

#: "组  长：" / "成 员:" / "副组长：" at the start of a line; group 2 is what follows.
_LABEL = re.compile(r"^([\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,6}) ?[：:] ?(.*)$")
#: "刘惠祥（市委常委、常务副市长）", "龚 正（市长）".
_BRACKET_ENTRY = re.compile(r"^(.{2,16}?) ?[（(]([^（）()]{2,60})[)）]$")
_LIST_SEP = re.compile(r"[、，,]")
_CONCURRENT = re.compile(r"兼任|兼")


def _posts_of(text: str) -> list[str] | None:
    """The posts of "市政府副秘书长、市发展改革委主任", or None unless every part is a post."""
    parts = []
    for part in _LIST_SEP.split(text.replace(" ", "").replace("\u3000", "")):
        # "中央办公厅副主任兼秘书局局长": two posts, where both halves are posts.
        halves = [h for h in _CONCURRENT.split(part) if h]
        parts.extend(halves if len(halves) > 1 and all(is_post(h) for h in halves) else [part] if part else [])
    return parts if parts and all(is_post(p) for p in parts) else None


def _roster_entry(text: str) -> tuple[str, int, list[str], bool] | None:
    """(name, where it starts, posts, bracketed) of one roster entry: "龚 正 市长",
    "马春雷 市政府副秘书长、市发展改革委主任", "刘惠祥（市委常委、常务副市长）"."""
    m = _BRACKET_ENTRY.match(text)
    if m:
        name = N.unpad(m[1])
        posts = _posts_of(m[2])
        if posts and is_full_name(name):
            return name, 0, posts, True
        return None
    tokens = text.split(" ")
    if len(tokens) < 2:
        return None
    # A two-character name padded to the width of three: "黄 融 市政府副秘书长".
    if len(tokens) >= 3 and len(tokens[0]) == 1 and len(tokens[1]) == 1:
        name, rest = tokens[0] + tokens[1], tokens[2:]
    else:
        name, rest = tokens[0], tokens[1:]
    posts = _posts_of("".join(rest))
    if posts and is_full_name(name):
        return name, 0, posts, False
    return None


def group_mentions(lines: list[str], keep_roles: bool = True) -> Iterator[tuple[int, Mention]]:
    """(line index, mention) for the entries of rosters, one entry a line: "组  长：龚 正 市长",
    "副组长：陈 寅 常务副市长" then "汤志平 副市长"; "组  长：" alone then
    "刘惠祥（市委常委、常务副市长）"; and "name post" lines such as a division of work's
    "龚 正 市长". Roles are not posts, except in the Wenzhou gazette's layout, a role and a
    bracketed entry on one line ("组  长：陈建明（温州市政府常务副市长）"), whose role also covers
    the bracketed lines that continue it, as the Wenzhou reference answers record it
    (`keep_roles`: the extractor keeps them for gazette issues only; single documents and
    news follow the common convention)."""
    roles = tuple(_words()[3])
    role: str | None = None   # the role a bracketed entry on the label's line opened
    for i, raw in enumerate(lines):
        line = raw.strip()
        label = _LABEL.match(line) if "：" in line or ":" in line else None   # (a label has a colon)
        inline = False
        if label:
            head = label[1].replace(" ", "")
            if not head.endswith(roles):   # 组长, 第一副组长, 常务副总指挥
                role = None
                continue
            role = None
            line = label[2].strip()
            if not line:
                continue
            inline = True
        if not (" " in line or "（" in line or "(" in line) or len(line) > 80:
            role = None
            continue
        entry = _roster_entry(line)
        if entry is None:
            role = None
            continue
        name, _, posts, bracketed = entry
        if inline:
            role = head if bracketed and keep_roles else None
        elif not bracketed:
            role = None
        at = len(raw) - len(raw.lstrip()) + (len(raw.strip()) - len(line))
        for post in posts:
            yield i, Mention(name, post, 0, len(raw), at)
        if role:
            yield i, Mention(name, role, 0, len(raw), at)


_HEAD_END = re.compile(r"[，,。；;：:]")


def name_and_post(head: str) -> tuple[str, str] | None:
    """Split a name printed straight before its post: "彭沉雷副市长" -> (彭沉雷, 副市长),
    "梁伟发省政府党组副书记" -> (梁伟发, 省政府党组副书记). The post must be a bare title or
    begin as a body does (data/post_body_starts.txt), which settles the name's length."""
    if not N.surname_at(head, 0) or _title_at(head, 0):
        return None   # "常务副省长": a title, not 常务 + 副省长
    bare, starts = _bare_titles(), _body_starts()
    for n in (2, 3, 4):
        if not N.is_name_shape(head, 0, n):
            continue
        name, post = head[:n], head[n:]
        if (post in bare or post.startswith(starts)) and is_post(post) and is_full_name(name):
            return name, post
    return None


@lru_cache(maxsize=1)
def _body_starts() -> tuple[str, ...]:
    return tuple(lexicon("post_body_starts.txt"))


def _concurrent(clause: str) -> str | None:
    """The post of "兼市公安局局长" / "兼任省公安厅厅长", or None."""
    if not clause.startswith("兼"):
        return None
    post = clause[2:] if clause.startswith("兼任") else clause[1:]
    return post if is_post(post) else None


def header_mentions(lines: list[str]) -> Iterator[tuple[int, Mention]]:
    """(line index, mention) for the headers of a division of work, lines as printed:
    "陈寅常务副市长" or "梁伟发省政府党组副书记，兼任省公安厅厅长。" (name and post opening the
    line, a 兼 clause after it) and a following "兼市公安局局长，负责…" line; a name alone on
    a line, then "省长，主持…" or "副省长兼任省公安厅厅长，负责…"."""
    person: str | None = None   # the person of the header line just read
    lone = False                # that header was a name alone
    for i, raw in enumerate(lines):
        if person is None and not N.surname_at(raw.lstrip(), 0):
            continue   # neither a header nor the line after one
        # Only the line's first clauses are read: despace them, not the whole line.
        clauses = _HEAD_END.split(raw[:60].replace(" ", ""))
        line = raw if len(raw) <= 8 else ""
        if person is not None:
            if lone:
                parts = [p for p in _CONCURRENT.split(clauses[0]) if p]
                posts = parts if parts and all(is_post(p) for p in parts) else []
            else:
                post = _concurrent(clauses[0])
                posts = [post] if post else []
            for p in posts:
                yield i, Mention(person, p, 0, len(raw), 0)
        person, lone = None, False
        line = line.replace(" ", "")
        if line and len(line) <= 4 and is_full_name(line):
            person, lone = line, True
            continue
        head = clauses[0]
        found = name_and_post(head) if len(head) <= 24 else None
        if not found:
            continue
        person = found[0]
        for post in _posts_of(found[1]) or [found[1]]:   # "…副主任兼秘书局局长": two posts
            yield i, Mention(person, post, 0, len(raw), 0)
        for c in clauses[1:]:
            post = _concurrent(c)
            if post:
                yield i, Mention(person, post, 0, len(raw), 0)


#: "（posts）" after a name inside running text: anchored on the bracket, the name is read
#: back to the pause or colon before it.
_INLINE_BRACKET = re.compile(r"[（(]([^（）()]{2,60})[)）]")
_PAUSE = "：:、，,；;。"


def bracket_mentions(s: str) -> Iterator[Mention]:
    """Roster entries run into a sentence, in a despaced passage: "组长：张顺彩（市政府副市长），
    副组长：周华驹（市政府副秘书长）、洪耀坚（市卫生局局长）": a name right after a pause or a
    role's colon, and its posts in brackets."""
    if "（" not in s and "(" not in s:
        return
    for m in _INLINE_BRACKET.finditer(s):
        k = m.start()
        for a in (k - 3, k - 2, k - 4):
            if a >= 0 and (a == 0 or s[a - 1] in _PAUSE) and is_full_name(s[a:k]):
                for post in _posts_of(m[1]) or ():
                    yield Mention(s[a:k], post, a, m.end(), a)
                break


#: Where a run-on roster's entries end: a sentence's end or the next numbered part
#: ("…武警部队副参谋长三、工作机构及其职责").
_RUN_STOP = re.compile(r"[。；;！？!?，,（(]|[一二三四五六七八九十]{1,3}、(?=[\u4e00-\u9fff])")
#: A run-on roster holds CJK only, with 、 between the posts of one person.
_RUN_CHARS = re.compile(r"[\u4e00-\u9fff、]+")
#: Characters a post never starts with: "朱宏任工业和信息化部总工程师" is 朱宏任, not 朱宏 + 任….
_NOT_POST_START = "任兼为是的在、"


def run_on_roster_mentions(s: str) -> list[Mention]:
    """Roster entries printed with nothing between them, as a crawler flattens a roster page:
    "副组长：姜大明国土资源部部长丁向阳国务院副秘书长成员：吴恒权中央宣传部副部长张业遂外交部党委书记、
    副部长…". The run after each role's colon is read as name, posts, name, posts… and kept only
    when it reads whole. Where a name's length is ambiguous (杜鹰|发展改革委副主任 or
    杜鹰发|展改革委副主任), the split at a word boundary is taken (extractors/segment.py), then
    the one whose post's body is not a single character, then the three-character name."""
    if "：" not in s and ":" not in s:
        return []
    labels = list(_role_label_regex().finditer(s))
    runs: list[tuple[int, str]] = []
    for k, label in enumerate(labels):
        a = label.end()
        b = labels[k + 1].start() if k + 1 < len(labels) else len(s)
        stop = _RUN_STOP.search(s, a, b)
        run = s[a : stop.start() if stop else b]
        if len(run) >= 5 and _RUN_CHARS.fullmatch(run):
            runs.append((a, run))
    # The layout is a run-on roster when some role's run holds several entries; a passage
    # whose runs hold one entry each ("组长：龚正市长", printed spaced) is the line readers'.
    if not any(_title_then_name(run) for _, run in runs):
        return []
    out: list[Mention] = []
    for a, run in runs:
        for start, end, name, posts in _read_run(run) or ():
            out.extend(Mention(name, post, a + start, a + end, a + start) for post in posts)
    return out


def _title_then_name(post: str) -> bool:
    """Does a title end inside post with a name after it ("副部长杜鹰发展改革委副主任")? Then
    post is two entries read as one."""
    end = _post_end_regex()
    return any(end.search(post, 0, p) and N.name_lengths(post, p) for p in range(2, len(post) - 2))


def _read_run(run: str) -> list[tuple[int, int, str, tuple[str, ...]]] | None:
    """(start, end, name, posts) of each entry of a run-on roster, or None unless it reads whole."""
    from .segment import word_starts

    n = len(run)
    bounds = word_starts(run)
    memo: dict[int, tuple[tuple[int, int, int], list] | None] = {}

    def chains(k: int) -> Iterator[tuple[int, tuple[str, ...], int]]:
        """(end, posts, cost) of the post chains that start at run[k]."""
        if k >= n or run[k] in _NOT_POST_START or not CJK_CHAR.match(run[k]):
            return
        for j in range(k + 2, min(n, k + 30) + 1):
            post = run[k:j]
            if not is_post(post) or _title_then_name(post):
                continue
            title = _titles_ending_at(run, j) or ""
            cost = 1 if 0 < len(post) - len(title) == 1 else 0   # "洋局副局长": a one-character body
            yield j, (post,), cost
            if j < n and run[j] == "、":
                for j2, more, c2 in chains(j + 1):
                    yield j2, (post, *more), cost + c2

    def best(i: int):
        """The cheapest reading of run[i:]: ((word-boundary misses, one-character bodies,
        two-character names), entries), or None."""
        if i == n:
            return (0, 0, 0), []
        if i in memo:
            return memo[i]
        options = []
        for ln in N.name_lengths(run, i):
            name = run[i : i + ln]
            if not is_full_name(name):
                continue
            for j, posts, cost in chains(i + ln):
                rest = best(j)
                if rest is None:
                    continue
                (misses, singles, shorts), entries = rest
                score = (misses + (i + ln not in bounds), singles + cost, shorts + (ln == 2))
                options.append((score, [(i, j, name, posts), *entries]))
        memo[i] = min(options, key=lambda o: o[0]) if options else None
        return memo[i]

    got = best(0)
    return got[1] if got else None


#: Verbs of a post held before or held now, printed after the person: "曾任…", "现任…",
#: "潘长江已担任广灵县政府党组成员" (网易 2025 news of a 县人大 appointment).
_FORMER = re.compile(r"曾任|历任|现任|已担任")
_SENTENCE_END = re.compile(r"[。；;！？!?]")


def former_mentions(s: str) -> Iterator[Mention]:
    """Posts held before or now, in a despaced passage: "马志强，男，汉族，…，曾任山西省忻州市忻府区
    委书记等职" (the person opens the sentence) or "张三曾任…", "张三已担任…"."""
    if "任" not in s:
        return
    for m in _FORMER.finditer(s):
        person_at = None
        found = _name_before(s, m.start(), ())
        if found is not None:
            person_at = (found[0], m.start())
        else:
            starts = [e.end() for e in _SENTENCE_END.finditer(s, 0, m.start())]
            a = starts[-1] if starts else 0
            for n in N.name_lengths(s, a):
                if s[a + n : a + n + 1] in ("，", ",") and is_full_name(s[a : a + n]):
                    person_at = (a, a + n)
                    break
        if person_at is None:
            continue
        tail = _HEAD_END.split(s[m.end() : m.end() + 80], maxsplit=1)[0]
        tail = re.sub(r"(?:等)?职务?$", "", tail).removesuffix("等")
        for post in (p for p in tail.split("、") if p):
            if is_post(post):
                a, b = person_at
                yield Mention(s[a:b], post, a, m.end() + len(tail), a)


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


#: Line ends after which the next printed line stands on its own, even where the layout
#: joined it to the line before ("…组成人员如下：" + "组  长：龚　正  市长"; a roster entry
#: "组 长:张顺彩(市政府副市长)" + "副组长:").
_LINE_END = re.compile(r"[。：:；;！？!?)）]")


def printed_lines(issue: Issue, a: int, b: int) -> list[tuple[int, int]]:
    """The paragraph text[a:b] cut where a printed line starts after a sentence or a roster
    entry ends, or starts as a roster entry does ("副组长：", "孔绍逊 中央办公厅…"): the
    lines a roster or a division of work prints one entry each."""
    line_of, text = issue.line_of, issue.text
    if line_of[a] == line_of[b - 1]:
        return [(a, b)]
    cuts = [m.end() for m in _LINE_END.finditer(text, a, b)]
    if text.find("：", a, b) >= 0 or text.find(":", a, b) >= 0:
        cuts.extend(m.start() for m in _role_label_regex().finditer(text, a, b))
    if _ENTRY_START.match(text, a, b):
        # A long roster line joined to the next: "…组委会主席" + "孔绍逊 中央办公厅副主任…":
        # a line of the paragraph that starts as an entry does.
        for m in _SPACE.finditer(text, a, b):
            q = m.start()
            cuts.extend(c for c in (q - 4, q - 3, q - 2, q - 1) if _ENTRY_START.match(text, c, b))
    out, s = [], a
    for p in sorted(cuts):   # a cut found twice is passed the second time (s == p)
        if s < p < b and line_of[p] != line_of[p - 1]:
            out.append((s, p))
            s = p
    out.append((s, b))
    return out


#: Where a roster entry "name post" may start: a name (padded or not) and a space.
_ENTRY_START = re.compile(r"[\u4e00-\u9fff](?:[\u4e00-\u9fff]{1,3}| [\u4e00-\u9fff]) [\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _role_label_regex() -> re.Pattern:
    """A roster role and its colon, as printed ("组  长：", "副组长:")."""
    roles = sorted(_words()[3], key=len, reverse=True)
    return re.compile("(?:" + "|".join(" ?".join(map(re.escape, r)) for r in roles) + ") ?[：:]")


def _may_state_post(s: str) -> bool:
    """Could a reader of `extract` find a post in the despaced passage s? `mentions` needs a
    title, `former_mentions` 任, `bracket_mentions` a bracket, `run_on_roster_mentions` a colon."""
    return ("任" in s or "（" in s or "(" in s or "：" in s or ":" in s
            or _title_regex().search(s) is not None)


def extract(issue: Issue) -> Iterator[PersonPost]:
    # The diary is read afresh, and kept for events (diary_paragraph): a second reading of the
    # same issue costs what the first did.
    issue.derived.pop(DIARY_READ, None)
    year = issue.gazette.year
    dmonth = diary_month(issue)
    found: list[tuple[int, int, Mention, str | None]] = []   # (text start, end, mention, date)
    lines: list[tuple[int, int]] = []
    for section in issue.sections:
        if section.kind in ("personnel", "catalog", "colophon", "statistics"):
            continue
        paragraphs = list(issue.paragraphs(section.start, section.end))
        day: int | None = None
        for a, b in paragraphs:
            stated: tuple[Mention, ...] | None = None
            if section.kind == "diary":
                sp, stated = diary_paragraph(issue, a, b)   # (events reads it again)
                m = _DAY_HEADING.match(sp.text)
                if m:
                    day = int(m[1])
                    continue
            else:
                sp = despaced(issue.text, a, b)
            if not _may_state_post(sp.text):
                continue   # most paragraphs: one look instead of four readers
            # A report's dateline ("12月12日至13日，…") dates its own paragraph; in documents
            # such a phrase is a deadline, not the passage's date.
            m = _DATELINE.match(sp.text)
            news_date = _iso(year, int(m["m"]), int(m["d"])) if m and section.kind not in ("documents", "policy") else None
            date = _iso(year, dmonth, day) if section.kind == "diary" and day else news_date
            # A run-on roster is read as such: the post-before-name reading would give each
            # name the post of the entry before it.
            rosters = run_on_roster_mentions(sp.text)
            for mention in rosters:
                found.append((*sp.origin(mention.start, mention.end), mention, None))
            for mention in mentions(sp.text) if stated is None else stated:
                if not any(r.start < mention.end and mention.start < r.end for r in rosters):
                    found.append((*sp.origin(mention.start, mention.end), mention, date))
            for mention in former_mentions(sp.text):
                found.append((*sp.origin(mention.start, mention.end), mention, None))
            for mention in bracket_mentions(sp.text):
                found.append((*sp.origin(mention.start, mention.end), mention, None))
        if section.kind != "diary":
            # Sections are read as one flow of lines: a header's name may end one section and
            # its post start the next ("林少春" / "常务副省长，负责…").
            lines.extend(ab for a, b in paragraphs for ab in printed_lines(issue, a, b))
    line_texts = [issue.text[a:b] for a, b in lines]
    for i, mention in group_mentions(line_texts, input_kind(issue) == "issue"):
        found.append((lines[i][0], lines[i][1], mention, None))
    for i, mention in header_mentions(line_texts):
        found.append((lines[i][0], lines[i][1], mention, None))
    # "陈伟俊书记" restates a post the text already gives in full (市委书记): only a title of
    # address with no fuller post of that person is recorded (李希书记).
    posts_of: dict[str, set[str]] = {}
    for _, _, mention, _ in found:
        posts_of.setdefault(mention.person, set()).add(mention.post)
    seen: set[tuple[str, str]] = set()
    for a, b, mention, date in found:
        key = (mention.person, mention.post)
        if key in seen:
            continue
        if mention.address and any(p != mention.post and p.endswith(mention.post) for p in posts_of[mention.person]):
            continue
        seen.add(key)
        yield PersonPost(person=mention.person, post=mention.post, source=issue.source(a, b, EXTRACTOR), date=date)
