"""The normalized text of one input and its parts: the `Issue` every extractor reads.

In: nothing (shapes only; extractors/layout.py builds them). Out: `Issue` (the running text,
the file line of every character, sections, title blocks, headings, gazette metadata) and its
parts `Section`, `TitleBlock`, `Heading`. Kept apart from layout.py so that the modules that
split an issue (sections.py) and the ones that normalize it (layout.py) do not import each other.
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from .records import Gazette, Source
from .sources import SourceText


@dataclass(frozen=True, slots=True)
class Section:
    kind: str          # documents | policy | personnel | news | diary | catalog | statistics | captions | colophon
    start: int         # offsets into Issue.text
    end: int
    heading: str | None = None


@dataclass(frozen=True, slots=True)
class TitleBlock:
    """A document's number and title as printed together (often after its first page)."""

    doc_number: str | None
    title: str
    line: int          # first and last line in the file
    end_line: int
    offset: int        # where in Issue.text the block stood before it was lifted out


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading met in the file, lifted out of the running text."""

    text: str
    line: int
    offset: int
    kind: str


@dataclass
class Issue:
    key: str
    path: str
    lines: list[str]                    # the file's lines, as read (index 0 is line 1)
    text: str
    line_of: array                      # line_of[i] = 1-based file line of text[i]
    gazette: Gazette
    sections: list[Section] = field(default_factory=list)
    title_blocks: list[TitleBlock] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    #: When the layout cut flattened web text into lines (layout.unflatten), the file line of
    #: each of `lines`; sources cite file lines.
    file_line: array | None = None
    #: When the text was printed in traditional characters: `text` as printed (same offsets;
    #: `text` itself is converted to simplified for reading). Quotes come from here.
    printed: str | None = None
    #: page_of_line[n - 1] = the page file line n was read on (PDF input); empty when unknown.
    page_of_line: list[int | None] = field(default_factory=list)
    #: The input file read (format, SHA-256, web page metadata, OCR); None for bare text.
    origin: SourceText | None = None
    #: What one extractor reads of the text and another reads again, kept per issue so it is
    #: read once (person_posts' despaced diary paragraphs and their mentions, which events
    #: reads for a diary item and its attendees), each kept with the text it was read from.
    #: Not an input: `extract_all` starts and ends with it empty (a shallow copy of the issue
    #: shares it, which is harmless: what is kept is checked against the text).
    derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def sha256(self) -> str | None:
        """SHA-256 of the input file's bytes, when the issue was read from a file."""
        return self.origin.sha256 if self.origin else None

    @property
    def name(self) -> str:
        return Path(self.path).name

    def line_at(self, offset: int) -> int:
        if not self.line_of:
            return 1
        return self.line_of[min(max(offset, 0), len(self.line_of) - 1)]

    def source(self, start: int, end: int, extractor: str, document: str | None = None) -> Source:
        """Provenance of text[start:end]: its file lines and the exact quote."""
        end = max(end, start)
        line = self.file_line_of(self.line_at(start))
        return Source(
            issue=self.key,
            line=line,
            end_line=self.file_line_of(self.line_at(max(start, end - 1))),
            start=start,
            end=end,
            quote=(self.printed or self.text)[start:end],
            extractor=extractor,
            document=document,
            page=self.page_of_line[line - 1] if 0 < line <= len(self.page_of_line) else None,
        )

    def file_line_of(self, line: int) -> int:
        """The file line of one of `lines` (they differ only where flattened text was cut)."""
        if self.file_line is None or not 0 < line <= len(self.file_line):
            return line
        return self.file_line[line - 1]

    def sections_of(self, *kinds: str) -> list[Section]:
        return [s for s in self.sections if s.kind in kinds]

    def section_at(self, offset: int) -> Section | None:
        for s in self.sections:
            if s.start <= offset < s.end:
                return s
        return None

    def paragraphs(self, start: int = 0, end: int | None = None):
        """(start, end) spans of the paragraphs of text[start:end]."""
        end = len(self.text) if end is None else end
        pos = start
        while pos < end:
            nl = self.text.find("\n", pos, end)
            stop = end if nl < 0 else nl
            if stop > pos:
                yield pos, stop
            pos = stop + 1

    def offset_of_line(self, line: int) -> int:
        """First text offset whose source line is >= line (for `govkg explain --line`)."""
        i = bisect_right(self.line_of, line - 1)
        return min(i, len(self.text))
