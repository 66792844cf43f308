"""Helpers the tests share: the bundled seed issues, their extraction, and scoring against the
reference answers kept in tests/fixtures (the repository judges itself with nothing beside it).

- `seed_file(prefix)` / `load_seed(prefix)`: a bundled issue ("000", "002", "003", "004"),
  loaded once per session;
- `extracted(prefix)`: its SCHEMA.md JSON;
- `gold(prefix)`: the reference answers of a bundled issue (tests/fixtures/gold);
- `gold_scores(prefix)`: section -> precision, recall, F1, missed, spurious for a seed;
- `external_set()`: the texts of other places with their answers, micro-averaged
  (`govkg.extractors.evaluate.SetScore`).

Import it as `from tests.helpers import …` (pytest puts the repository root on the path).
"""
from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

from govkg.extractors import evaluate
from govkg.extractors.layout import Issue, load_issue
from govkg.extractors.registry import extract_all, schema_json

SEEDS = Path(str(resources.files("govkg.data") / "seeds"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLD = FIXTURES / "gold"
EXTERNAL = FIXTURES / "external"


def seed_file(prefix: str) -> Path:
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return path


@functools.cache
def load_seed(prefix: str) -> Issue:
    return load_issue(seed_file(prefix))


def extract_json(path: Path) -> dict[str, Any]:
    """`govkg extract`'s JSON for any text file, in process."""
    issue = load_issue(path)
    return schema_json(issue, extract_all(issue))


@functools.cache
def extracted(prefix: str) -> dict[str, Any]:
    issue = load_seed(prefix)
    return schema_json(issue, extract_all(issue))


def gold_path(prefix: str) -> Path:
    (path,) = sorted(GOLD.glob(f"{prefix}_*.json"))
    return path


@functools.cache
def gold(prefix: str) -> dict[str, Any]:
    return json.loads(gold_path(prefix).read_text("utf-8"))


def scorer():
    """The comparison rules of docs/SCHEMA.md (govkg.extractors.evaluate)."""
    return evaluate


def gold_scores(prefix: str) -> dict[str, dict[str, Any]]:
    """section -> {precision, recall, f1, missed, spurious} for one seed against its answers."""
    rows = evaluate.score(extracted(prefix), gold(prefix))
    out: dict[str, dict[str, Any]] = {}
    for section, r in rows.items():
        p, rc, f = evaluate.prf(r["tp"], r["pred"], r["gold"])
        out[section] = {"precision": p, "recall": rc, "f1": f, "missed": r["missed"], "spurious": r["spurious"]}
    matched, right = evaluate.doc_fields(extracted(prefix).get("documents") or [], gold(prefix).get("documents") or [])
    out["document_fields"] = {"matched": matched, "right": right}
    return out


@functools.cache
def external_set() -> evaluate.SetScore:
    """The other places' texts (tests/fixtures/external) extracted and scored, once."""
    answers = sorted(EXTERNAL.glob("*.json"))
    return evaluate.score_set(answers, extract_json, lambda a: EXTERNAL / "texts" / (a.stem + ".txt"))
