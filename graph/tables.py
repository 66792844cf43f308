"""Tables out of the store: personnel acts and tenures as rows, and rows as table/CSV/JSON text.

In: a `GraphStore` (for `appointment_rows`) or any columns + rows (for `render`). Out: one
row per personnel act with its source (issue, document, line, quote) (tenures, from acts and
from sightings, are graph.careers.all_tenure_rows), and their text in the
shared output formats of the command line: `table` (aligned for a terminal, CJK counted as two
columns), `csv` (RFC 4180 with a header) or `json` (a list of objects).
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .careers import ACT_COLUMNS, all_acts
from .store import GraphStore

FORMATS = ("table", "csv", "json")

#: Columns of `govkg export appointments` (ACT_COLUMNS without the internal IRIs).
APPOINTMENT_COLUMNS = tuple(c for c in ACT_COLUMNS if not c.endswith("_iri"))


def appointment_rows(store: GraphStore) -> list[dict[str, Any]]:
    return [{c: getattr(a, c) for c in APPOINTMENT_COLUMNS} for a in all_acts(store)]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


#: C0 controls but tab, newline and carriage return, DEL and the C1 controls: they corrupt a
#: terminal (escape sequences), a spreadsheet import, or an XML document.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: A cell a spreadsheet would run as a formula (OWASP "CSV injection"): =, +, -, @, or a tab or
#: carriage return before one of them.
FORMULA_START = re.compile(r"[=+\-@\t\r]")
NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def strip_controls(text: str) -> str:
    """The text without control characters (tab, newline and carriage return kept)."""
    return CONTROLS.sub("", text)


def csv_safe(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: control characters dropped, and a leading
    `'` before a cell that starts like a formula, as spreadsheet-safe CSV writers do. Plain
    numbers (-3, +1.5) are left alone: they are not formulas."""
    text = strip_controls(text)
    if text and FORMULA_START.match(text) and not NUMBER.fullmatch(text):
        return "'" + text
    return text


def json_safe(text: str) -> str:
    """JSON text with DEL and the C1 controls escaped too (json escapes only C0 ones)."""
    return re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text)


def _cell(value: Any) -> str:
    return "" if value is None else strip_controls(str(value)).replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")


def render(columns: Sequence[str], rows: Iterable[Mapping[str, Any]], fmt: str = "table") -> str:
    rows = list(rows)
    if fmt == "json":
        return json_safe(json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=1)) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([csv_safe(_cell(r.get(c))) for c in columns])
        return buf.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])] + [line(row) for row in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
