"""Extractor: `catalog` — the rows of an issue's 发文目录 (list of documents issued).

In: a normalized `Issue` (its `catalog` sections and the file's raw lines).
Out: one `CatalogEntry` (number, full title) per row, with a `Source` over the row in
`Issue.text`; and `link_catalog(entries, documents)`, which links each row to the document
the issue prints in full under the same number.

A row is printed as "温政办〔2018〕127号　  温州市人民政府办公室关于印发…办法" with the rest of
the title on the following lines, indented under the title column ("　　　（试行）的通知").
The layout joins lines into paragraphs and sometimes runs two rows together, so the rows are
read from the raw lines of the catalog's stretch of the file, where each printed line is
still itself; the quote is then found back in `Issue.text`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .layout import PAGE_NUMBER, RUNNING_HEAD_ISSUE, RUNNING_HEAD_NAME, SECTION_HEADING, Issue, column_labels
from .patterns import DOC_NUMBER, canonical_doc_number, despace
from .records import CatalogEntry, Document
from .titleblocks import title_ends

EXTRACTOR = "catalog"

#: A row: the number at the start of the line, then the title.
ROW = re.compile(rf"^\s*(?P<number>{DOC_NUMBER.pattern})\s*(?P<title>\S.*?)\s*$")
#: A continuation line is printed indented under the title column.
_INDENTED = re.compile(r"^(?:[\u3000]{2,}|[ \t]{4,})")


def _is_furniture(text: str) -> bool:
    t = re.sub(r"\s+", " ", text).strip()
    return bool(
        PAGE_NUMBER.match(t) or RUNNING_HEAD_ISSUE.match(t) or RUNNING_HEAD_NAME.match(t)
        or SECTION_HEADING.match(t) or t in column_labels()
    )


def read_rows(lines: list[str], first: int, last: int) -> list[tuple[int, int, str, str]]:
    """(first line, last line, number, title) of the rows printed in lines[first-1:last].

    A row's title takes the following lines that are indented, or that finish a title which
    does not yet end like one; blank lines and page furniture between are skipped."""
    rows: list[tuple[int, int, str, str]] = []
    no = first
    while no <= last:
        raw = lines[no - 1]
        m = ROW.match(raw)
        if not m:
            no += 1
            continue
        title = despace(m["title"])
        end = no
        k = no + 1
        while k <= min(last + 3, len(lines)):
            nxt = lines[k - 1]
            if not nxt.strip() or _is_furniture(nxt):
                k += 1
                continue
            if ROW.match(nxt):
                break
            piece = despace(nxt)
            unfinished = not title_ends(title)
            if (_INDENTED.match(nxt) or unfinished) and len(piece) <= 40 and title_ends(title + piece):
                title += piece
                end = k
                k += 1
                continue
            break
        rows.append((no, end, canonical_doc_number(m["number"]), title))
        no = end + 1
    return rows


def _quote_span(issue: Issue, line: int, number: str, title: str) -> tuple[int, int]:
    """The row's span in Issue.text: from its number to the end of its title."""
    pos = issue.offset_of_line(line)
    for m in DOC_NUMBER.finditer(issue.text, pos):
        if canonical_doc_number(m.group(0)) == number:
            start = m.start()
            break
    else:
        return pos, pos
    # Walk the text until the title's characters (spaces and line breaks aside) are covered.
    need = len(title)
    i = m.end()
    got = 0
    while i < len(issue.text) and got < need:
        if not issue.text[i].isspace():
            got += 1
        i += 1
    return start, i


def extract(issue: Issue) -> Iterator[CatalogEntry]:
    for section in issue.sections_of("catalog"):
        first = issue.line_at(section.start)
        last = issue.line_at(section.end - 1)
        for line, _end, number, title in read_rows(issue.lines, first, last):
            start, end = _quote_span(issue, line, number, title)
            yield CatalogEntry(
                doc_number=number,
                title=title,
                source=issue.source(start, end, EXTRACTOR, document=number),
            )


def link_catalog(entries: Iterable[CatalogEntry], documents: Iterable[Document]) -> dict[str, Document]:
    """Catalog number -> the document printed in full in the issue under that number.

    Numbers are compared in one canonical form (one bracket style, no spaces); rows whose
    document the issue does not print are left out."""
    printed = {canonical_doc_number(d.doc_number): d for d in documents if d.doc_number}
    out: dict[str, Document] = {}
    for e in entries:
        if e.doc_number and canonical_doc_number(e.doc_number) in printed:
            out[e.doc_number] = printed[canonical_doc_number(e.doc_number)]
    return out
