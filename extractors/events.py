"""Extractor: the dated items of the diary (政府记事 / 政务动态).

In: a normalized `Issue`. Out: one `Event` per diary item ("△ 市长姚高员，常务副市长陈建明
参加…"): its ISO date (the day heading "3日" above it, with the diary's month from its
heading "12月份市政府记事" and the issue's year), its text, and its attendees — the people
the item names with a post (read by the person_posts rules), in the order printed. Co-
attendance can then be queried and drawn from the graph.

An item printed before any day heading gets the month only ("2019-12").
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .layout import Issue
from .person_posts import despaced, diary_month, mentions
from .records import Event

EXTRACTOR = "events"

#: A day heading, possibly with the first item run into it by the layout: "3日", "3日△ …".
_DAY = re.compile(r"^(?P<d>\d{1,2})日(?:$|(?=[△▲●■◆]))")
_BULLET = re.compile(r"^[△▲●■◆]\s*")


def attendees(item: str) -> tuple[str, ...]:
    """The people an item names with their posts, each once, in order of print."""
    seen: list[tuple[int, str]] = []
    for m in mentions(item):
        if m.person not in (p for _, p in seen):
            seen.append((m.at, m.person))
    return tuple(p for _, p in sorted(seen))


def extract(issue: Issue) -> Iterator[Event]:
    year, month = issue.gazette.year, diary_month(issue)
    for section in issue.sections_of("diary"):
        day: int | None = None
        for a, b in issue.paragraphs(section.start, section.end):
            span = despaced(issue.text, a, b)
            text = span.text
            m = _DAY.match(text)
            if m:
                day = int(m["d"])
                text = text[m.end():]
                if not text:
                    continue
                start = m.end()
            else:
                start = 0
            bullet = _BULLET.match(text)
            if not bullet and day is None:
                continue   # text before the first day: not an item
            item = text[bullet.end():] if bullet else text
            item_start = start + (bullet.end() if bullet else 0)
            if len(item) < 4:
                continue
            date = None
            if year and month:
                date = f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"
            s, e = span.origin(item_start, len(span.text))
            yield Event(date=date, text=item, attendees=attendees(item), source=issue.source(s, e, EXTRACTOR))
