"""A career as a timeline picture: one bar per post held, markers where the texts show it.

In: a `graph.careers.Career`. Out: `timeline_figure(career)` -> a matplotlib Figure, and
`png_bytes(career)`, and `write_plot(career, path)` writing it as .svg, .png or .html (the SVG inside a page with the
career's rows as a table, so it opens offline).

What is drawn, one row per post (newest at the bottom):
- a solid bar from the act that opened a tenure to the act that closed it; a tenure still
  open runs to the last date the career knows, a tenure whose start the store does not know
  starts at the first date it knows, and both ends drawn so are faded;
- a lighter, hatched bar where the tenure is inferred from sightings (first to last);
- a dot for every sighting of the post (PersonPostObservation), a triangle for each act;
- a thin bar for each body or area the person supervises (division of work), from the
  notice until a later one drops it;
- labels "body post" on the left.
"""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from . import assets
from .careers import CAREER_COLUMNS, Career


def _words() -> dict[str, str]:
    return assets.data("templates", "timeline_text.json")

#: Fonts that carry CJK glyphs, tried in order (matplotlib falls back along the list).
CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
             "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "DejaVu Sans"]

SOLID = "#2b6cb0"
INFERRED = "#90cdf4"
DIVISION = "#68d391"


def to_date(value: str | None) -> dt.date | None:
    """"2018-12-13", "2018-12" (its first day) or "2018" (1 January) as a date."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(y, m, d)
    except (ValueError, IndexError):
        return None


def _month_end(value: str | None) -> dt.date | None:
    """A year-month's last sighting counts to the end of that month (so a one-month span shows)."""
    d = to_date(value)
    if d is None or value is None or len(value) > 7:
        return d
    nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def lanes(career: Career) -> list[dict[str, Any]]:
    """The rows of the picture: {label, kind (act|inferred|division), start, end,
    start_known, end_known, acts [(date, act)], sightings [date]}, oldest start first."""
    dates = [to_date(r["date"]) for r in career.rows()] + [_month_end(r["until"]) for r in career.rows()]
    known = [d for d in dates if d]
    first, last = (min(known), max(known)) if known else (dt.date.today(), dt.date.today())
    out = []
    for t in career.tenures:
        start, end = to_date(t.start), to_date(t.end)
        sightings = [to_date(s.date) for s in career.sightings_of(t)]
        out.append({
            "label": f"{t.organization or ''} {t.post}".strip(), "kind": "act",
            "start": start or first, "end": end or max([last, *[s for s in sightings if s]]),
            "start_known": start is not None, "end_known": end is not None,
            "acts": [(to_date(a.date), a.act) for a in t.acts if to_date(a.date)],
            "sightings": [s for s in sightings if s],
        })
    for it in career.inferred:
        out.append({
            "label": f"{it.organization or ''} {it.post}".strip(), "kind": "inferred",
            "start": to_date(it.first) or first, "end": _month_end(it.last) or last,
            "start_known": True, "end_known": True, "acts": [],
            "sightings": [d for d in (to_date(s.date) for s in it.sightings) if d],
        })
    spans: dict[str, dict[str, Any]] = {}
    for e in career.divisions:
        if e.what != "supervises" or not e.organization:
            continue
        start, end = to_date(e.date), _month_end(e.until)
        lane = spans.setdefault(e.organization, {
            "label": _words()["supervises_lane"].format(body=e.organization), "kind": "division",
            "start": start or first, "end": end or last,
            "start_known": True, "end_known": end is not None, "acts": [], "sightings": []})
        if start and start < lane["start"]:
            lane["start"] = start
    out.extend(spans.values())
    order = {"act": 0, "inferred": 0, "division": 1}
    return sorted(out, key=lambda lane: (order[lane["kind"]], lane["start"], lane["label"]))


def _fonts():
    """CJK-capable fonts for both building and saving a figure (fonts are looked up at draw)."""
    import matplotlib

    return matplotlib.rc_context({"font.family": "sans-serif", "font.sans-serif": CJK_FONTS, "svg.fonttype": "none",
                                  "axes.unicode_minus": False})


def timeline_figure(career: Career):
    import matplotlib
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    rows = lanes(career)
    with _fonts():
        fig = Figure(figsize=(10, 1.2 + 0.45 * max(len(rows), 1)), layout="constrained")
        ax = fig.add_subplot()
        for y, lane in enumerate(rows):
            start = mdates.date2num(lane["start"])
            width = max(mdates.date2num(lane["end"]) - start, 6)   # a one-day span stays visible
            if lane["kind"] == "act":
                faded = not (lane["start_known"] and lane["end_known"])
                ax.barh(y, width, left=start, height=0.5, color=SOLID, alpha=0.55 if faded else 1.0,
                        edgecolor=SOLID)
            elif lane["kind"] == "inferred":
                ax.barh(y, width, left=start, height=0.5, color=INFERRED, hatch="//", edgecolor=SOLID, linewidth=0.5)
            else:
                ax.barh(y, width, left=start, height=0.22, color=DIVISION, edgecolor="#2f855a", linewidth=0.5)
            for when, act in lane["acts"]:
                ax.plot(mdates.date2num(when), y, marker="v" if act in ("remove",) else "^", color="#1a202c",
                        markersize=8, zorder=3)
            for when in lane["sightings"]:
                ax.plot(mdates.date2num(when), y, marker="o", color="#dd6b20", markersize=6, zorder=3,
                        markeredgecolor="white")
        ax.set_yticks(range(len(rows)), [lane["label"] for lane in rows])
        ax.invert_yaxis()
        ax.xaxis.set_major_locator(mdates.AutoDateLocator())
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
        ax.grid(axis="x", color="#e2e8f0")
        ax.set_axisbelow(True)
        ax.margins(x=0.02)
        where = ", ".join(sorted({j for j in career.jurisdictions.values() if j}))
        words = _words()
        ax.set_title(words["title_with_jurisdiction"].format(name=career.name, jurisdiction=where) if where else career.name)
        handles = [Patch(color=SOLID, label=words["legend_act"]),
                   Patch(facecolor=INFERRED, hatch="//", edgecolor=SOLID, label=words["legend_inferred"]),
                   Patch(color=DIVISION, label=words["legend_division"]),
                   matplotlib.lines.Line2D([], [], marker="o", color="#dd6b20", linestyle="", label=words["legend_sighting"]),
                   matplotlib.lines.Line2D([], [], marker="^", color="#1a202c", linestyle="", label=words["legend_act_marker"])]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=5, fontsize=8, frameon=False)
        if not rows:
            ax.text(0.5, 0.5, words["empty"], ha="center", va="center", transform=ax.transAxes)
    return fig


def svg_text(fig) -> str:
    import io

    buf = io.StringIO()
    with _fonts():
        fig.savefig(buf, format="svg")
    return buf.getvalue()


def page(career: Career) -> str:
    """A self-contained HTML page: the timeline (inline SVG) and the career's rows."""
    svg = svg_text(timeline_figure(career))
    svg = svg[svg.index("<svg"):]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in CAREER_COLUMNS)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(r.get(c) or ''))}</td>" for c in CAREER_COLUMNS) + "</tr>"
                   for r in career.rows())
    return (f"<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>{html.escape(career.name)}</title>"
            "<style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;font-size:12px}"
            "td,th{border:1px solid #ddd;padding:2px 4px;vertical-align:top}</style></head><body>"
            f"<h1>{html.escape(career.name)}</h1>{svg}<table><tr>{head}</tr>{body}</table></body></html>\n")


def png_bytes(career: Career, dpi: int = 100) -> bytes:
    """The timeline as PNG bytes (for a notebook's `IPython.display.Image`)."""
    import io

    buf = io.BytesIO()
    fig = timeline_figure(career)
    with _fonts():
        fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def write_plot(career: Career, path: str | Path) -> Path:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".html":
        path.write_text(page(career), encoding="utf-8")
    elif suffix == ".svg":
        path.write_text(svg_text(timeline_figure(career)), encoding="utf-8")
    elif suffix == ".png":
        fig = timeline_figure(career)
        with _fonts():
            fig.savefig(path, format="png", dpi=120)
    else:
        raise ValueError(f"a timeline is written as .svg, .png or .html, not {path.suffix!r}")
    return path
