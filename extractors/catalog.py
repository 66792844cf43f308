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
NUMBER_ALONE = re.compile(rf"^\s*(?P<number>{DOC_NUMBER.pattern})\s*$")
#: A continuation line is printed indented under the title column.
_INDENTED = re.compile(r"^(?:[\u3000]{2,}|[ \t]{4,})")


def _is_furniture(text: str) -> bool:
    t = re.sub(r"\s+", " ", text).strip()
    return bool(
        PAGE_NUMBER.match(t) or RUNNING_HEAD_ISSUE.match(t) or RUNNING_HEAD_NAME.match(t)
        or SECTION_HEADING.match(t) or t in column_labels()
    )


def read_rows(lines: list[str], first: int, last: int, strict: bool = False) -> list[tuple[int, int, str, str]]:
    """(first line, last line, number, title) of the rows printed in lines[first-1:last].

    A row's title takes the following lines that are indented, or that finish a title which
    does not yet end like one; blank lines and page furniture between are skipped. With
    `strict`, reading stops at the first other line once rows have started (used when
    only a heading says where the list begins)."""
    rows: list[tuple[int, int, str, str]] = []
    no = first
    while no <= last:
        raw = lines[no - 1]
        m = ROW.match(raw) or NUMBER_ALONE.match(raw)
        if not m:
            if strict and rows and raw.strip() and not _is_furniture(raw):
                break          # the list has ended
            if strict and not rows and no - first > 20:
                break          # no list under this heading
            no += 1
            continue
        title = despace(m.groupdict().get("title") or "")
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
            if not title and len(piece) <= 40:      # a number printed alone: its title follows
                title = piece
                end = k
                k += 1
                continue
            if (_INDENTED.match(nxt) or unfinished) and len(piece) <= 40 and title_ends(title + piece):
                title += piece
                end = k
                k += 1
                continue
            break
        if title:
            rows.append((no, end, canonical_doc_number(m["number"]), title))
        no = end + 1
    return rows


def _quote_span(issue: Issue, line: int, number: str, title: str) -> tuple[int, int]:
    """The row's span in Issue.text: from its number to the end of its title."""
    pos = issue.offset_of_line(line)
    m = DOC_NUMBER.match(issue.text, pos)
    if m and canonical_doc_number(m.group(0)) == number:
        start, i = m.start(), m.end()
    else:
        # The number was lifted out of the text (printed alone): quote the title alone.
        start = i = issue.offset_of_line(line + 1)
    # Walk the text until the title's characters (spaces and line breaks aside) are covered.
    need = len(title)
    got = 0
    while i < len(issue.text) and got < need:
        if not issue.text[i].isspace():
            got += 1
        i += 1
    return start, i


def _first_row_line(lines: list[str], first: int) -> int:
    """Step back over rows printed just above where the catalog section starts (a row the
    layout joined to the text before it)."""
    no = first
    k = first - 1
    while k >= 1 and first - k <= 8:
        raw = lines[k - 1]
        if ROW.match(raw):
            no = k
        elif raw.strip() and not _INDENTED.match(raw) and not _is_furniture(raw):
            break
        k -= 1
    return no


def _row_ranges(issue: Issue) -> list[tuple[int, int, bool]]:
    """(first line, last line, strict) of the stretches of the file that print catalog rows:
    the catalog sections, or, when the sections found none, the lines after a 发文目录 heading."""
    sections = issue.sections_of("catalog")
    if sections:
        return [
            (_first_row_line(issue.lines, issue.line_at(s.start)), issue.line_at(s.end - 1), False)
            for s in sections
        ]
    return [(h.line + 1, min(len(issue.lines), h.line + 300), True) for h in issue.headings if h.kind == "catalog"]


def extract(issue: Issue) -> Iterator[CatalogEntry]:
    for first, last, strict in _row_ranges(issue):
        for line, _end, number, title in read_rows(issue.lines, first, last, strict):
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
