"""Regular expressions for the few surface forms every extractor shares.

In: nothing. Out: compiled patterns and tiny helpers (document numbers, ISO dates from
Chinese dates, despacing, a fast longest-match alternation of many words). Kept here so that a document number or a date is read the same
way in the layout, the documents extractor and the catalog.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# Brackets around a document number's year: printed as 〔〕 mostly, but also ﹝﹞ [] 【】 〖〗 ();
# „‟ is 〔〕 as text copied from a Word file set in the official fonts comes out
# ("国办发„2009‟3号" on a reprint of a 湖南省人民政府办公厅 notice).
YEAR_OPENS = "〔﹝\\[【［〖(（„"
YEAR_CLOSES = "〕﹞\\]】］〗)）‟"

#: A document number: issuer code + bracketed year + serial + 号, e.g. 温政发〔2020〕10号,
#: 温政办〔2019〕69号, 通告〔2019〕5号, 温浙集（开）管〔2019〕71号, 温商务联发〔2019〕130号.
DOC_NUMBER = re.compile(
    rf"(?P<code>[\u4e00-\u9fff]{{1,8}}(?:[（(][\u4e00-\u9fff]{{1,3}}[)）][\u4e00-\u9fff]{{1,4}})?)"
    rf"\s*[{YEAR_OPENS}]\s*(?P<year>(?:19|20)\d\d)\s*[{YEAR_CLOSES}]\s*(?P<serial>\d{{1,4}})\s*号"
)

#: A line that is a document number and nothing else, bare or in brackets as some documents
#: print it under their title: "（肇府办〔2008〕62号）".
DOC_NUMBER_LINE = re.compile(rf"^\s*[（(]?\s*{DOC_NUMBER.pattern}\s*[)）]?\s*$")

CN_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
#: A date in Chinese numerals, as some signatures print it: "二〇一九年十二月二十七日" (O and ○
#: are zeros as PDF text and OCR print them).
HANZI_DATE = re.compile(
    r"(?P<y>[〇○零O一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,3})\s*月\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日"
)
#: A signature's date printed alone on its line, in either numerals.
DATE_LINE = re.compile(rf"^\s*(?:{CN_DATE.pattern}|{HANZI_DATE.pattern.replace('?P<y>', '?P<hy>').replace('?P<m>', '?P<hm>').replace('?P<d>', '?P<hd>')})\s*$")
HANZI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0}


def hanzi_number(s: str) -> int:
    """一 -> 1, 十二 -> 12, 二十七 -> 27, 三十一 -> 31 (day and month numerals)."""
    if "十" in s:
        tens, _, units = s.partition("十")
        return (HANZI_DIGITS[tens] if tens else 1) * 10 + (HANZI_DIGITS[units] if units else 0)
    return HANZI_DIGITS[s]


def hanzi_year(s: str) -> int:
    """二〇一九 -> 2019 (a year is spelled digit by digit)."""
    return int("".join(str(HANZI_DIGITS[c]) for c in s))


def date_line(text: str) -> str | None:
    """The ISO date of a line that is a date and nothing else ("2020年6月24日",
    "二〇二〇年六月二十四日"), else None."""
    m = DATE_LINE.match(text)
    if not m:
        return None
    if m["y"]:
        return iso_date(m["y"], m["m"], m["d"])
    return iso_date(hanzi_year(m["hy"]), hanzi_number(m["hm"]), hanzi_number(m["hd"]))

_SPACES = re.compile(r"[\s\u3000]+")


def despace(s: str) -> str:
    """Remove the spaces a PDF puts inside names: "温 州 市 财 政 局" -> "温州市财政局"."""
    return _SPACES.sub("", s)


def iso_date(y: str | int, m: str | int, d: str | int | None = None) -> str:
    if d is None:
        return f"{int(y):04d}-{int(m):02d}"
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def canonical_doc_number(s: str) -> str:
    """One bracket style and no spaces: 温政发﹝2020﹞10号 -> 温政发〔2020〕10号."""
    m = DOC_NUMBER.search(despace(s))
    if not m:
        return despace(s)
    return f"{m['code']}〔{m['year']}〕{int(m['serial'])}号"


def longest_word_regex(words: Iterable[str]) -> str:
    """A regular expression (text) for any of `words` that matches as "|".join(words longest
    first) does: the longest word at a position first (then, where a larger pattern
    backtracks, the shorter ones there, longest first). It is written as one branch per first
    character ("市(?:委书记|长)|副(?:市长|…)"), so the engine tries the one branch that can
    match at a position instead of every word: titles are looked for at every position of
    every paragraph."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(set(words), key=len, reverse=True):
        by_first.setdefault(w[0], []).append(w[1:])
    return "|".join(re.escape(first) + "(?:" + "|".join(map(re.escape, rests)) + ")"
                    for first, rests in by_first.items())
