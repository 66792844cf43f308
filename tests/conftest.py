"""Shared test fixtures: the bundled seed issues, and scoring against the reference answers.

- `seed(prefix)` loads a bundled issue ("000", "002", "003", "004") once per session.
- `gold_scores(prefix)` runs every extractor on the issue and scores it with
  shared/eval/score.py against shared/gold (the scorer is the project's judge, so the
  tests call it rather than a copy of its logic).
"""
from __future__ import annotations

import functools
import importlib.util
import json
from importlib import resources
from pathlib import Path

import pytest

from govkg.extractors.layout import Issue, load_issue
from govkg.extractors.registry import extract_all, schema_json

SEEDS = Path(str(resources.files("govkg.data") / "seeds"))
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def seed_file(prefix: str) -> Path:
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return path


@functools.cache
def load_seed(prefix: str) -> Issue:
    return load_issue(seed_file(prefix))


@functools.cache
def extracted(prefix: str) -> dict:
    issue = load_seed(prefix)
    return schema_json(issue, extract_all(issue))


@functools.cache
def scorer():
    """shared/eval/score.py as a module (the project's judge: tests call it, never a copy)."""
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.fail(f"the scorer {path} is missing: golden tests need ../shared/eval/score.py")
    spec = importlib.util.spec_from_file_location("govkg_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_scores(prefix: str) -> dict[str, dict]:
    """section -> {precision, recall, f1, missed, spurious} for one seed against its gold."""
    judge = scorer()
    (gold_path,) = sorted((SHARED / "gold").glob(f"{prefix}_*.json"))
    gold = json.loads(gold_path.read_text("utf-8"))
    rows = judge.score(extracted(prefix), gold)
    out = {}
    for section, r in rows.items():
        p, rc, f = judge.prf(r["tp"], r["pred"], r["gold"])
        out[section] = {"precision": p, "recall": rc, "f1": f, "missed": r["missed"], "spurious": r["spurious"]}
    matched, right = judge.doc_fields(extracted(prefix).get("documents") or [], gold.get("documents") or [])
    out["document_fields"] = {"matched": matched, "right": right}
    return out


@pytest.fixture(scope="session")
def seed():
    return load_seed


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    """The bundled sample issues built once per session (real extractors and mapping) into a
    temporary store; returns the store directory. Open it with
    `GraphStore.open_read_only(built_store)` or pass `--store` to the commands."""
    from govkg.graph.build import build

    store_dir = tmp_path_factory.mktemp("govkg") / "store"
    build(None, store_dir)
    return store_dir
