"""Word lists kept as data (extractors/data/*.txt, *.jsonl): read once, in one place.

In: a file name in extractors/data. Out: its entries, one per line, stripped, with blank
lines and `#` comments skipped (`lexicon`), or the distinct entries longest first
(`longest_first`), the order longest-match rules need (副调研员 before 调研员). Ties are
broken alphabetically, so the order is the same in every process.
"""
from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def lexicon(name: str) -> tuple[str, ...]:
    text = resources.files("govkg.extractors").joinpath("data", name).read_text("utf-8")
    entries = (line.strip() for line in text.splitlines())
    return tuple(e for e in entries if e and not e.startswith("#"))


@functools.cache
def longest_first(name: str) -> tuple[str, ...]:
    return tuple(sorted(set(lexicon(name)), key=lambda s: (-len(s), s)))
