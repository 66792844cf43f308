"""Scoring an extraction against reference answers (the comparison rules of docs/SCHEMA.md).

In: two JSON objects in the shape of docs/SCHEMA.md, the extracted facts and the hand-made
answers of the same text (or, for a set, a folder of answer files NAME.json and the texts
NAME.txt beside them). Out: per section, true positives, predicted and reference counts, the
records missed and the spurious ones; `prf` turns counts into precision, recall and F1, and
`score_set` micro-averages a whole set.

Records are compared as a reader would: full/half width folded, whitespace ignored, one
bracket style for 〔〕﹝﹞[]【】; a pairing is an unordered pair of places compared without
their administrative suffix (泰顺县 = 泰顺), plus its kind. Sections the reference does not
annotate are not scored; within one that it does, a record it lacks counts as spurious.

These are the rules of the project's shared scorer, kept here so that the repository judges
itself with nothing beside it (`govkg evaluate`).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BRACKETS = str.maketrans({"﹝": "〔", "﹞": "〕", "[": "〔", "]": "〕", "【": "〔", "】": "〕",
                          "［": "〔", "］": "〕"})

#: The sections of SCHEMA.md, and the loose variant of appointments (organization and post
#: compared as one string, so a body/title split in another place is not counted twice).
SECTIONS = ("documents", "catalog", "appointments", "appointments_loose", "responsibilities",
            "person_posts", "pairings")
#: The sections a set is micro-averaged over.
SET_SECTIONS = ("documents", "catalog", "appointments", "responsibilities", "person_posts", "pairings")


def norm(s: Any) -> str:
    """Compare text as a reader would: width-folded, no whitespace, one bracket style."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).translate(BRACKETS)
    return re.sub(r"\s+", "", s)


def place(s: Any) -> str:
    """A place name without its administrative suffix: 泰顺县 -> 泰顺."""
    s = norm(s)
    return s[:-1] if len(s) > 2 and s[-1] in "县区市" else s


def _key(section: str, r: dict[str, Any]) -> tuple:
    if section in ("documents", "catalog"):
        return (norm(r.get("doc_number")), norm(r.get("title")))
    if section == "appointments":
        return (norm(r.get("person")), r.get("action"), norm(r.get("organization")), norm(r.get("post")))
    if section == "appointments_loose":
        return (norm(r.get("person")), r.get("action"), norm(r.get("organization")) + norm(r.get("post")))
    if section == "responsibilities":
        return (norm(r.get("person")), r.get("relation"), norm(r.get("object")))
    if section == "person_posts":
        return (norm(r.get("person")), norm(r.get("post")))
    if section == "pairings":
        return (frozenset((place(r.get("a")), place(r.get("b")))), r.get("kind"))
    raise ValueError(f"unknown section {section!r}")


def keys(section: str, records: Iterable[dict[str, Any]]) -> Counter:
    return Counter(_key(section, r) for r in records)


def doc_fields(pred: list[dict], gold: list[dict]) -> tuple[int, int]:
    """Among documents matched on number and title: how many, and how many of them have the
    issuers and the date right too."""
    index = {(norm(d.get("doc_number")), norm(d.get("title"))): d for d in pred}
    matched = right = 0
    for g in gold:
        p = index.get((norm(g.get("doc_number")), norm(g.get("title"))))
        if p is None:
            continue
        matched += 1
        same_issuers = sorted(map(norm, p.get("issuers") or [])) == sorted(map(norm, g.get("issuers") or []))
        if same_issuers and norm(p.get("date")) == norm(g.get("date")):
            right += 1
    return matched, right


def score(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """section -> {tp, pred, gold, missed, spurious} for the sections the reference annotates."""
    rows: dict[str, dict[str, Any]] = {}
    for section in SECTIONS:
        source = section.replace("_loose", "")
        if source not in gold:
            continue
        p, g = keys(section, pred.get(source) or []), keys(section, gold[source] or [])
        if not p and not g:
            continue
        rows[section] = {"tp": sum((p & g).values()), "pred": sum(p.values()), "gold": sum(g.values()),
                         "missed": sorted(map(str, (g - p).elements())),
                         "spurious": sorted(map(str, (p - g).elements()))}
    return rows


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    prec = tp / npred if npred else 0.0
    rec = tp / ngold if ngold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


@dataclass
class SetScore:
    """Micro-averaged counts over a set of texts, and the per-text errors."""

    texts: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    totals: dict[str, list[int]] = field(default_factory=lambda: {s: [0, 0, 0] for s in SET_SECTIONS})  # gold, pred, tp
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)   # text, section, missed|spurious, record

    def f1(self, section: str) -> float:
        g, p, tp = self.totals[section]
        return prf(tp, p, g)[2]

    def precision(self, section: str) -> float:
        g, p, tp = self.totals[section]
        return prf(tp, p, g)[0]


def score_set(answers: Iterable[Path], extract: Callable[[Path], dict[str, Any]],
              text_of: Callable[[Path], Path]) -> SetScore:
    """Score `extract(text)` for each answer file against it, micro-averaged per section.
    `text_of(answer)` names the text an answer file belongs to; `extract` may raise to refuse."""
    import json

    out = SetScore()
    for answer in answers:
        text = text_of(answer)
        if not text.exists():
            continue
        out.texts += 1
        try:
            pred = extract(text)
        except Exception as exc:   # a refused text counts as an empty extraction
            out.refused.append((answer.stem, str(exc)))
            pred = {}
        gold = json.loads(answer.read_text("utf-8"))
        for s in SET_SECTIONS:
            gk, pk = keys(s, gold.get(s) or []), keys(s, pred.get(s) or [])
            t = out.totals[s]
            t[0] += sum(gk.values())
            t[1] += sum(pk.values())
            t[2] += sum((gk & pk).values())
            out.errors += [(answer.stem, s, "missed", k) for k in sorted(map(str, (gk - pk).elements()))]
            out.errors += [(answer.stem, s, "spurious", k) for k in sorted(map(str, (pk - gk).elements()))]
    return out
