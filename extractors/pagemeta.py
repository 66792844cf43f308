"""The metadata a government web page prints about its article, read from the page's text.

In: the text of an input (an `Issue`'s file lines). Out: `PageMeta` with what the page's
header or metadata table says: title (标题), document number (文号 / 发文字号), dates
(成文日期 / 发文日期, and the publication date 发布日期 / 发布时间), issuing body (发布机构 /
发文机关), column (栏目, such as 人事任免), source (来源) and the page's URL (原文链接) — each
None when not printed. Both layouts sites use are read: one "key: value" per line, and a table
flattened into rows of "key␣␣value␣␣key␣␣value" ("发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号").

Only the top of the text is read (the first `HEAD_LINES` lines): a key word deep in a body is
ordinary text, not metadata.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import CN_DATE, DOC_NUMBER, canonical_doc_number, iso_date

HEAD_LINES = 40

#: key (spaces between its characters allowed) -> field, longest keys first.
_KEYS = (
    ("发文字号", "doc_number"), ("文号", "doc_number"),
    ("成文日期", "date"), ("发文日期", "date"), ("印发日期", "date"),
    ("发布日期", "published"), ("发布时间", "published"), ("公开日期", "published"),
    ("发布机构", "issuer"), ("发文机构", "issuer"), ("发文机关", "issuer"), ("发文单位", "issuer"),
    ("原文链接", "url"), ("网址", "url"),
    ("标题", "title"), ("题名", "title"),
    ("栏目", "column"), ("来源", "source"),
)
_KEY_RE = re.compile(
    "(?:^|(?<=\\s))(?P<key>" + "|".join("\\s*".join(k) for k, _ in _KEYS) + ")\\s*[：:]?\\s*"
)
_FIELD = {k: f for k, f in _KEYS}
_ISO = re.compile(r"(?P<y>(?:19|20)\d\d)[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})")
_URL = re.compile(r"https?://\S+")
_BULLET = re.compile(r"^\s*[•·●▪◆■\-*]\s*")


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None = None
    doc_number: str | None = None
    date: str | None = None          # ISO date the document was signed (成文日期)
    published: str | None = None     # ISO date the page was published
    issuer: str | None = None
    column: str | None = None
    source: str | None = None
    url: str | None = None


def _value(field: str, raw: str) -> str | None:
    raw = raw.strip()
    if not raw:
        return None
    if field == "doc_number":
        m = DOC_NUMBER.search(raw)
        return canonical_doc_number(m.group(0)) if m else None
    if field in ("date", "published"):
        m = _ISO.search(raw) or CN_DATE.search(raw)
        return iso_date(m["y"], m["m"], m["d"]) if m else None
    if field == "url":
        m = _URL.search(raw)
        return m.group(0) if m else None
    return re.split(r"\s{2,}", raw)[0].strip() or None


def read_meta(lines: list[str]) -> PageMeta:
    """The metadata printed in the first lines of a page's text."""
    found: dict[str, str] = {}
    head = lines[:HEAD_LINES]
    for n_line, raw in enumerate(head):
        if len(raw) > 200:
            continue   # a body paragraph, not a metadata row
        raw = _BULLET.sub("", raw)
        keys = list(_KEY_RE.finditer(raw))
        if len(keys) == 1 and not raw[keys[0].end():].strip():
            # A key alone on its line ("• 发文字号:"), its value on the next printed line.
            nxt = next((x.strip() for x in head[n_line + 1:n_line + 4] if x.strip()), "")
            if nxt and not _KEY_RE.match(_BULLET.sub("", nxt)):
                raw = raw + " " + nxt
        # A row may hold several key/value pairs: each value runs to the next key.
        for n, m in enumerate(keys):
            end = keys[n + 1].start() if n + 1 < len(keys) else len(raw)
            key = re.sub(r"\s+", "", m["key"])
            field = _FIELD[key]
            if field in found:
                continue
            value = _value(field, raw[m.end():end])
            if value:
                found[field] = value
    return PageMeta(**found)


#: How far into a text its dateline may stand (a news lead's first sentence, a page's header).
DATELINE_CHARS = 400


def text_date(lines: list[str]) -> str | None:
    """The date a text that is not a gazette issue speaks from: its page's date (成文日期, else
    the publication date), else the first full date printed near its top ("2023年5月31日上午,
    济源市…"). ISO, or None."""
    meta = read_meta(lines)
    if meta.date or meta.published:
        return meta.date or meta.published
    head = "\n".join(lines)[:DATELINE_CHARS]
    m = CN_DATE.search(head) or _STAMP.search(head)
    return iso_date(m["y"], m["m"], m["d"]) if m else None


#: A page's time stamp on a line of its own: "2026-02-28 20:58:48".
_STAMP = re.compile(r"(?m)^\s*(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:\s+\d{1,2}:\d\d(?::\d\d)?)?\s*$")
