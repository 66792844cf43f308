"""Extractor: the dated items of the diary (政府记事 / 政务动态 / 大事记).

In: a normalized `Issue`. Out: one `Event` per diary item ("△ 市长姚高员，常务副市长陈建明
参加…", or the item after a day label "1日 市委…"): its ISO date (the day label "3日",
"一日", "1月5日" over or before it, with the diary's month from its heading "12月份市政府
记事" / "济宁市人民政府2007年5月大事记" and the issue's year), its text, and its attendees — the people
the item names with a post (read by the person_posts rules), in the order printed. Co-
attendance can then be queried and drawn from the graph.

An item printed before any day heading gets the month only ("2019-12").
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .layout import Issue
from .names import CJK_CHAR
from .patterns import hanzi_number
from .person_posts import Mention, Span, diary_month, diary_paragraph, mentions
from .records import Event
from .sections import day_label

EXTRACTOR = "events"

_BULLET = re.compile(r"^[△▲●■◆]\s*")


def attendees(item: str) -> tuple[str, ...]:
    """The people an item names with their posts, each once, in order of print."""
    return _in_order(mentions(item))


def _in_order(found: Iterable[Mention]) -> tuple[str, ...]:
    seen: list[tuple[int, str]] = []
    for m in found:
        if m.person not in (p for _, p in seen):
            seen.append((m.at, m.person))
    return tuple(p for _, p in sorted(seen))


def _item_attendees(issue: Issue, a: int, b: int, span: Span, item_start: int) -> tuple[str, ...]:
    """`attendees` of the item span.text[item_start:] of the paragraph text[a:b]. Where only a
    bullet and spaces precede the item, the paragraph's mentions (person_posts reads them
    already) are the item's, each shifted by the bullet, and give the same attendees: no post
    or name holds a character that is not CJK, and every walk back over a post stops at one
    as at the item's start. Read alone are an item after a day label (CJK) and one opening
    with 、, which `mentions` joins to a post before it only after a passage's first character."""
    item = span.text[item_start:]
    if CJK_CHAR.search(span.text, 0, item_start) or item.startswith("、"):
        return attendees(item)
    return _in_order(diary_paragraph(issue, a, b)[1])


def extract(issue: Issue) -> Iterator[Event]:
    year, month = issue.gazette.year, diary_month(issue)
    for section in issue.sections_of("diary"):
        day: int | None = None
        item_month = month
        for a, b in issue.paragraphs(section.start, section.end):
            span = diary_paragraph(issue, a, b)[0]
            text = span.text
            # A day label (sections.day_label), possibly with the first item run into it:
            # "3日", "3日△ …", "1日 市委…", "1月5日,…"; 是日/同日 keeps the day before. It is
            # read before the spaces go: a space may be all that ends it.
            m = day_label(issue.text[a:b])
            start = 0
            if m:
                if m["day"]:
                    day = int(m["day"]) if m["day"].isdigit() else hanzi_number(m["day"])
                    item_month = int(m["month"]) if m["month"] else month
                while start < len(text) and span.at(start) < a + m.end():
                    start += 1
                text = text[start:]
                if not text:
                    continue
            bullet = _BULLET.match(text)
            if not bullet and day is None:
                continue   # text before the first day: not an item
            item = text[bullet.end():] if bullet else text
            item_start = start + (bullet.end() if bullet else 0)
            if len(item) < 4:
                continue
            date = None
            if year and item_month:
                date = f"{year:04d}-{item_month:02d}-{day:02d}" if day else f"{year:04d}-{item_month:02d}"
            s, e = span.origin(item_start, len(span.text))
            yield Event(date=date, text=item, attendees=_item_attendees(issue, a, b, span, item_start), source=issue.source(s, e, EXTRACTOR))
