"""Person names as Chinese government texts print them: the one home for name rules.

In: text. Out: where a person's name may start and how long it is, in the forms every
extractor meets:
- a surname from data/surnames.txt (compound ones such as 欧阳, 司马 first) and one or two
  given-name characters: 王永礼, 欧阳秋虹 (four characters with a compound surname);
- a minority name with a middle dot: 帕提古丽·阿卜力克木 (· • ． as printed);
- a Tibetan name, which has no surname: two given-name parts (data/tibetan_name_parts.txt),
  白玛罗布, 达瓦次仁 (`tibetan_name_at`);
- a Mongolian name, which has no surname either: one or two parts
  (data/mongolian_name_parts.txt), 巴图, 宝音满都呼 (`mongolian_name_at`);
- a name printed with padding spaces to fill two characters' width: "龚　正", "龚   正"
  (`unpad` removes them, and `PADDED_NAME` finds them on a line).

A surname alone does not make a name: callers decide from context (a verb, a title, a line of
its own) whether the characters after a surname are a given name. `name_lengths(s, i)` gives
the candidate lengths at s[i], longest first, for that test.
"""
from __future__ import annotations

import functools
import re

from .lexicons import lexicon

CJK = "\u4e00-\u9fff"
#: One CJK unified ideograph (the characters names, titles and bodies are written in).
CJK_CHAR = re.compile(f"[{CJK}]")
#: Dots printed inside minority names.
NAME_DOTS = "·•．・"
#: Blank characters pages put inside short names to pad them: ASCII space, ideographic
#: space, no-break space.
PAD = " \u3000\xa0"


@functools.cache
def surnames() -> tuple[str, ...]:
    """Every surname, compound (two characters) first, so 欧阳 wins over 欧."""
    return tuple(sorted(set(lexicon("surnames.txt")), key=lambda s: (-len(s), s)))


@functools.cache
def single_surnames() -> frozenset[str]:
    return frozenset(s for s in surnames() if len(s) == 1)


@functools.cache
def compound_surnames() -> frozenset[str]:
    return frozenset(s for s in surnames() if len(s) == 2)


def surname_at(s: str, i: int) -> int:
    """Length of the surname starting at s[i] (2 for a compound one, 1, or 0 for none)."""
    if s[i:i + 2] in compound_surnames():
        return 2
    return 1 if s[i:i + 1] in single_surnames() else 0


#: CJK characters only: one regex match tests a candidate name's characters (names are tried
#: at many positions; a test per character was the cost).
_CJK_ONLY = re.compile(f"[{CJK}]+")


def name_lengths(s: str, i: int) -> tuple[int, ...]:
    """Candidate lengths of a name starting at s[i], longest first: surname + 2 or 1 given
    characters (all CJK). The caller picks the one its context allows."""
    out = []
    for sn in (2, 1):
        if (sn == 2 and s[i:i + 2] in compound_surnames()) or (sn == 1 and s[i:i + 1] in single_surnames()):
            for given in (2, 1):
                n = sn + given
                if i + n <= len(s) and _CJK_ONLY.fullmatch(s, i, i + n):
                    out.append(n)
    return tuple(sorted(set(out), reverse=True))


def is_name_shape(s: str, i: int, n: int) -> bool:
    """Could s[i:i+n] be a name: a surname (compound for four characters) and one or two
    given characters, all CJK? The same test as `n in name_lengths(s, i)`, without building
    the tuple (callers try it at many positions)."""
    if not 2 <= n <= 4 or i + n > len(s) or not _CJK_ONLY.fullmatch(s, i, i + n):
        return False
    seg = s[i:i + n]
    if n == 2:
        return seg[0] in single_surnames()
    compound = seg[:2] in compound_surnames()
    return compound if n == 4 else compound or seg[0] in single_surnames()


def minority_name_at(s: str, i: int) -> int:
    """Length of a dotted minority name at s[i] (帕提古丽·阿卜力克木), or 0."""
    m = MINORITY_NAME.match(s, i)
    return m.end() - i if m else 0


@functools.cache
def tibetan_name_parts() -> frozenset[str]:
    return frozenset(lexicon("tibetan_name_parts.txt"))


def tibetan_name_at(s: str, i: int) -> int:
    """Length of a Tibetan name at s[i] (two given-name parts, no surname: 白玛罗布), or 0."""
    parts = tibetan_name_parts()
    return 4 if s[i:i + 2] in parts and s[i + 2:i + 4] in parts else 0


@functools.cache
def mongolian_name_parts() -> dict[str, tuple[str, ...]]:
    """Parts of Mongolian given names by their first two characters, longest first (巴特尔
    before 巴图): a name is looked for at every position of a text, so one lookup decides."""
    by_head: dict[str, list[str]] = {}
    for part in sorted(set(lexicon("mongolian_name_parts.txt")), key=lambda p: (-len(p), p)):
        by_head.setdefault(part[:2], []).append(part)
    return {head: tuple(parts) for head, parts in by_head.items()}


def _mongolian_part_at(s: str, i: int) -> str:
    for part in mongolian_name_parts().get(s[i:i + 2], ()):
        if s.startswith(part, i):
            return part
    return ""


def mongolian_name_at(s: str, i: int) -> int:
    """Length of a Mongolian name at s[i] (one or two parts, no surname: 巴图, 宝音满都呼), or 0.
    The caller checks that a name may end there."""
    first = _mongolian_part_at(s, i)
    if not first:
        return 0
    return len(first) + len(_mongolian_part_at(s, i + len(first)))


#: A dotted minority name.
MINORITY_NAME = re.compile(rf"[{CJK}]{{2,6}}[{NAME_DOTS}][{CJK}]{{2,10}}")


@functools.cache
def name_regex() -> str:
    """A regular expression (text, not compiled) for one name: a dotted minority name, or a
    surname and one or two given characters. Embed it where context fixes the name's end."""
    compound = "|".join(sorted(compound_surnames()))
    single = "".join(sorted(single_surnames()))
    return rf"(?:[{CJK}]{{2,6}}[{NAME_DOTS}][{CJK}]{{2,10}}|(?:{compound})[{CJK}]{{1,2}}|[{single}][{CJK}]{{1,2}})"


#: A two-character name padded to the width of three: "龚　正", "龚   正" (1–4 blanks).
PADDED_NAME = re.compile(rf"(?<![{CJK}])([{CJK}])[{PAD}]{{1,4}}([{CJK}])(?![{CJK}])")


def unpad(name: str) -> str:
    """A name as written, without the padding some pages print inside it: "龚　正" -> "龚正"."""
    return re.sub(rf"[{PAD}\s]+", "", name)
