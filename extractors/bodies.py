"""Endings of body names: the one reader of extractors/data/body_endings.tsv.

In: a use (`issuer`, `split`, `object`, `short`, `division`: see the data file's header). Out:
the endings of body names that use treats as a body's, longest first (`body_endings`), a test
(`ends_like_body`) and an anchored regular expression (`body_end_regex`). One list, so a new
kind of body (a 中心, a 集团) is taught once; the uses differ only in which endings they accept,
because a wrong match costs each rule differently.
"""
from __future__ import annotations

import functools
import re

from .lexicons import lexicon

USES = ("issuer", "split", "object", "short", "division")


@functools.cache
def _table() -> tuple[tuple[str, frozenset[str]], ...]:
    rows = []
    for row in lexicon("body_endings.tsv"):
        ending, _, uses = row.partition("\t")
        tags = frozenset(u.strip() for u in uses.split(",") if u.strip())
        unknown = tags - set(USES)
        if unknown:
            raise ValueError(f"body_endings.tsv: unknown use {sorted(unknown)} for {ending!r}")
        rows.append((ending.strip(), tags))
    return tuple(rows)


@functools.cache
def body_endings(use: str) -> tuple[str, ...]:
    """The endings `use` accepts, longest first (副 before none: 管理委员会 before 委员会)."""
    if use not in USES:
        raise ValueError(f"unknown use {use!r}; one of {', '.join(USES)}")
    return tuple(sorted({e for e, tags in _table() if use in tags}, key=lambda s: (-len(s), s)))


def ends_like_body(name: str, use: str) -> bool:
    return name.endswith(body_endings(use))


@functools.cache
def body_end_regex(use: str) -> re.Pattern:
    """`(ending|…)$` over the endings of `use`, longest first."""
    return re.compile("(" + "|".join(map(re.escape, body_endings(use))) + ")$")
