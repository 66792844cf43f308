"""Title blocks: a document's number and title printed as a block of short lines.

In: the non-furniture lines of an issue as (line number, text, indent, page_start).
Out: (first line, last line, doc number or None, title) for each block found.

Gazettes print a document's title block (number + title broken over lines) either before
its text or, often, after its first page of text, in the middle of a sentence. The layout
lifts these blocks out of the running text so the sentence reads on, and the documents
extractor attaches each block to its document.
"""
from __future__ import annotations

import re

from .patterns import DOC_NUMBER_LINE, canonical_doc_number

#: Words a document title ends with (the kind of document).
DOC_TYPES = (
    "通知", "意见", "决定", "通告", "公告", "办法", "方案", "规定", "细则", "批复", "报告",
    "函", "纪要", "条例", "规划", "计划", "通报", "命令", "指引", "规则", "标准", "要点", "清单",
)
_TITLE_END = re.compile(rf"(?:{'|'.join(DOC_TYPES)})(?:[（(][^）)]{{1,8}}[)）])?$")
_NOT_TITLE = re.compile(r"[，。；：！？,;:!?]|^(?:△|第[一二三四五六七八九十百]+[章条]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")

Line = tuple[int, str, int, bool]


def is_title_line(text: str, indent: int) -> bool:
    return indent < 8 and 1 < len(text) <= 40 and not _NOT_TITLE.search(text)


def title_ends(title: str) -> bool:
    return bool(_TITLE_END.search(title))


def _title_run(lines: list[Line], idxs: range | list[int]) -> tuple[list[int], str] | None:
    """The longest run of title lines along idxs whose joined text ends like a title."""
    taken: list[int] = []
    best: tuple[list[int], str] | None = None
    for j in idxs:
        if not (0 <= j < len(lines)):
            break
        no, text, indent, _ = lines[j]
        if DOC_NUMBER_LINE.match(text) or not is_title_line(text, indent):
            break
        taken.append(j)
        ordered = sorted(taken)
        title = "".join(lines[k][1] for k in ordered)
        if title_ends(title):
            best = (ordered, title)
        if len(taken) >= 5:
            break
    return best


def find_title_blocks(lines: list[Line]) -> list[tuple[int, int, str | None, str]]:
    blocks = []
    used: set[int] = set()
    for i, (no, text, indent, _) in enumerate(lines):
        if i in used or not DOC_NUMBER_LINE.match(text):
            continue
        number = canonical_doc_number(text)
        after = _title_run(lines, range(i + 1, i + 6))
        before = _title_run(lines, range(i - 1, i - 6, -1))
        run = after or before
        if run is None:
            continue
        idxs, title = run
        if any(k in used for k in idxs):
            continue
        span = sorted(idxs + [i])
        used.update(span)
        blocks.append((lines[span[0]][0], lines[span[-1]][0], number, title.replace(" ", "")))
    return sorted(blocks)
