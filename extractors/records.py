"""Typed records that extractors yield, each carrying the `Source` it was read from.

In: nothing (this module only defines shapes). Out: frozen dataclasses that the graph
layer maps to RDF and that `govkg extract` writes as the JSON of docs/SCHEMA.md.

A record never holds RDF or IRIs: it says what the gazette says, as printed, plus where.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact was read: issue, enclosing document, source lines and the exact quote.

    `start`/`end` are offsets into the issue's normalized text (Issue.text); `line` and
    `end_line` are 1-based lines of the original file (of its text, for a PDF or web page);
    `page` is the PDF page of `line`; `quote` is Issue.text[start:end].
    """

    issue: str            # the issue key (see layout.Issue.key)
    line: int
    end_line: int
    start: int
    end: int
    quote: str
    extractor: str
    document: str | None = None   # doc number (or title) of the enclosing document, if any
    page: int | None = None       # page of the input PDF the fact was read on (line's page), if known


@dataclass(frozen=True, slots=True)
class Gazette:
    name: str | None
    year: int | None
    issue: int | None
    total_issue: int | None
    month: int | None = None      # month the issue covers, when the text states it


@dataclass(frozen=True, slots=True)
class Citation:
    """A document cited in a text: 《title》（number）. Either part may be missing."""

    title: str | None
    doc_number: str | None


@dataclass(frozen=True, slots=True)
class Document:
    doc_number: str | None
    title: str
    issuers: tuple[str, ...]
    date: str | None              # ISO signing date
    source: Source
    addressees: tuple[str, ...] = ()
    cites: tuple[Citation, ...] = ()
    attachments: tuple[str, ...] = ()
    span: tuple[int, int] = (0, 0)   # the whole document (body, signature, attachments) in Issue.text
    signature: Source | None = None  # where its issuers are printed (signature block), if in the text
    section = "documents"          # the SCHEMA.md list this record goes in


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    doc_number: str | None
    title: str
    source: Source
    section = "catalog"          # the SCHEMA.md list this record goes in


@dataclass(frozen=True, slots=True)
class Appointment:
    """One personnel act for one person and one post (SCHEMA.md `appointments`)."""

    person: str
    action: str                   # appoint | concurrent | remove | other
    organization: str | None
    post: str
    qualifier: str | None
    source: Source
    section = "appointments"          # the SCHEMA.md list this record goes in


@dataclass(frozen=True, slots=True)
class Responsibility:
    """One line of a 领导分工 notice: a leader and an area or body."""

    person: str
    relation: str                 # responsible_for | supervises | liaises | assists | none
    object: str | None
    source: Source
    date: str | None = None       # date of the notice that states it
    section = "responsibilities"          # the SCHEMA.md list this record goes in


@dataclass(frozen=True, slots=True)
class PersonPost:
    """A post stated beside a name outside the 人事任免 section: 副市长汪驰."""

    person: str
    post: str
    source: Source
    date: str | None = None       # ISO date (or YYYY-MM) of the passage, when known
    section = "person_posts"          # the SCHEMA.md list this record goes in


@dataclass(frozen=True, slots=True)
class Event:
    """A dated diary item (政府记事): who attended what."""

    date: str | None              # ISO date, or YYYY-MM when only the month is known
    text: str
    attendees: tuple[str, ...]
    source: Source
    section = "events"          # the SCHEMA.md list this record goes in


@dataclass(frozen=True, slots=True)
class Pairing:
    a: str
    b: str
    kind: str                     # 山海协作 | 对口支援 | other
    source: Source
    section = "pairings"          # the SCHEMA.md list this record goes in


RECORD_TYPES = (Document, CatalogEntry, Appointment, Responsibility, PersonPost, Event, Pairing)


def to_json(record: Any) -> dict[str, Any]:
    """The SCHEMA.md shape of one record (plus line and provenance the scorer ignores)."""
    out: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if f.name == "source":
            out["line"] = value.line
            if value.page is not None:
                out["page"] = value.page
            out["quote"] = value.quote
            continue
        if isinstance(value, Source):      # a second source (a document's signature)
            value = {"line": value.line, "quote": value.quote}
        if isinstance(value, tuple):
            value = [asdict(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
        out[f.name] = value
    return out
