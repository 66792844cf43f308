"""Regular expressions for the few surface forms every extractor shares.

In: nothing. Out: compiled patterns and tiny helpers (document numbers, ISO dates from
Chinese dates, despacing). Kept here so that a document number or a date is read the same
way in the layout, the documents extractor and the catalog.
"""
from __future__ import annotations

import re

# Brackets around a document number's year: printed as 〔〕 mostly, but also ﹝﹞ [] 【】 ().
_OPEN = "〔﹝\\[【［(（"
_CLOSE = "〕﹞\\]】］)）"

#: A document number: issuer code + bracketed year + serial + 号, e.g. 温政发〔2020〕10号,
#: 温政办〔2019〕69号, 通告〔2019〕5号, 温浙集（开）管〔2019〕71号, 温商务联发〔2019〕130号.
DOC_NUMBER = re.compile(
    rf"(?P<code>[\u4e00-\u9fff]{{1,8}}(?:[（(][\u4e00-\u9fff]{{1,3}}[)）][\u4e00-\u9fff]{{1,4}})?)"
    rf"\s*[{_OPEN}]\s*(?P<year>(?:19|20)\d\d)\s*[{_CLOSE}]\s*(?P<serial>\d{{1,4}})\s*号"
)

#: A line that is a document number and nothing else, bare or in brackets as some documents
#: print it under their title: "（肇府办〔2008〕62号）".
DOC_NUMBER_LINE = re.compile(rf"^\s*[（(]?\s*{DOC_NUMBER.pattern}\s*[)）]?\s*$")

CN_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")

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
