"""Judgements on Chinese text that the graph side needs, so that graph/ holds no Chinese.

In: short strings the records carry (a responsibility's object, a document key) or numbers (a
gazette's year and issue). Out: yes/no answers and printed forms:
- `names_a_body(obj)`: does a responsibility's object name a body ("市公安局") rather than an
  area of work ("安全生产")? By its ending (extractors/data/body_endings.tsv, use `object`).
- `is_document_number(key)`: is a document key a printed number (温政发〔2018〕26号) rather
  than a title?
- `issue_label(year, issue)`: how a gazette prints its issue ("2018年第12期").
- `running_head(year, issue)` and `renumber_total(line, total)`: the running heads of a
  gazette page, as the benchmark's synthetic issues rewrite them.
- `given_name_chars()`: characters of given names, for the benchmark's synthetic people.
"""
from __future__ import annotations

import re

from .bodies import body_endings
from .lexicons import lexicon

#: A document number as printed: a bracketed year, then anything, then 号 at the end.
_DOC_NUMBER = re.compile(r"[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）].*号$")
#: The total number in a running head: "总第196期".
_TOTAL = re.compile(r"总第\s*\d+\s*期")


def _body_endings() -> tuple[str, ...]:
    return body_endings("object")


def names_a_body(obj: str) -> bool:
    """True when a responsibility's object is named like a body (ends 局, 委员会, 办公室, 公司…),
    False for an area of work."""
    return obj.endswith(_body_endings())


def is_document_number(key: str) -> bool:
    """True when `key` reads as a document number (a bracketed year ... 号), not a title."""
    return _DOC_NUMBER.search(key) is not None


def issue_label(year: int, issue: int) -> str:
    """The issue as a gazette names it: 2018, 12 -> "2018年第12期"."""
    return f"{year}年第{issue}期"


def running_head(year: int, issue: int) -> str:
    """A page's running head with the year and issue, spaced as the PDF text has it."""
    return f"{year} 年第{issue} 期"


def renumber_total(line: str, total: int) -> str:
    """A running head with its total number ("总第196期") replaced by `total`."""
    return _TOTAL.sub(f"总第{total}期", line)


def given_name_chars() -> str:
    """Characters common in given names (extractors/data/synthetic_given_chars.txt), in order."""
    return "".join(lexicon("synthetic_given_chars.txt"))
