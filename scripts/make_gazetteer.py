"""Regenerate ontology/divisions.tsv, the national gazetteer, from the 行政区划代码 history.

In: the summary table result.csv of the public repository yescallop/areacodes (CC0 1.0): every
county-level-and-above code of the People's Republic from 1981 on, with its name, level, status
(在用 in use, 弃用 retired, 变更 renamed), and the code(s) a retired area went to; compiled from the
Ministry of Civil Affairs' 中华人民共和国县级以上行政区划代码 and 县级以上行政区划变更情况.
Out: ontology/divisions.tsv, one row per division in use: code, full name, short forms, level
(province | prefecture | county), parent code, parent's full name, former names.

Usage: python scripts/make_gazetteer.py PATH/TO/result.csv [--commit SHA] [--date YYYY-MM-DD]

Short forms are derived by rule, as names are commonly printed: the administrative suffix is
dropped where at least two characters remain (泰顺县 -> 泰顺, 鹿城区 -> 鹿城, 阿克苏地区 -> 阿克苏);
autonomous areas drop their nationalities too and keep the suffix's first character as well
(海西蒙古族藏族自治州 -> 海西州, 海西; 景宁畲族自治县 -> 景宁县, 景宁; 新疆维吾尔自治区 -> 新疆).
Former names are the names of retired or renamed codes whose whole area went to one division in
use (洞头县 -> 洞头区, 崇文区 -> 东城区); an area split among several is no one's former name.
"""
from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ontology" / "divisions.tsv"
ETHNIC = ROOT / "extractors" / "data" / "ethnic_groups.txt"
LEVELS = {"省级": "province", "地级": "prefecture", "县级": "county"}


def ethnic_groups() -> list[str]:
    rows = (r.strip() for r in ETHNIC.read_text("utf-8").splitlines())
    return sorted((r for r in rows if r and not r.startswith("#")), key=len, reverse=True)


def strip_nationalities(stem: str, groups: list[str]) -> str:
    """海西蒙古族藏族 -> 海西; 克孜勒苏柯尔克孜 -> 克孜勒苏. A one-character nationality is
    only dropped with its 族 (白族, not the 白 of 长白), and two characters at least stay
    (内蒙古 is no 内 + 蒙古)."""
    changed = True
    while changed:
        changed = False
        for g in groups:
            for ending in (g + "族", g if len(g) > 1 else None):
                if ending and stem.endswith(ending) and len(stem) - len(ending) >= 2:
                    stem, changed = stem[: -len(ending)], True
                    break
            if changed:
                break
    return stem


def short_forms(full: str, level: str, groups: list[str]) -> list[str]:
    """The forms a division is commonly printed in, besides its full name."""
    m = re.fullmatch(r"(.+?)自治(区|州|县|旗)", full)
    if m:
        stem = strip_nationalities(m[1], groups)
        if m[2] == "区":
            return [stem]   # 新疆维吾尔自治区 -> 新疆, 内蒙古自治区 -> 内蒙古
        if stem == m[1]:
            return []       # 东乡族自治县: nothing but the nationality
        return [stem + m[2], stem]   # 海西蒙古族藏族自治州 -> 海西州, 海西
    if full.endswith("特别行政区"):
        return [full[: -len("特别行政区")]]
    for suffix in ("地区", "新区", "林区", "特区", "矿区", "省", "市", "县", "区", "盟"):
        if full.endswith(suffix) and len(full) - len(suffix) >= 2:
            return [full[: -len(suffix)]]
    return []   # 旗 and two-character names (赣县, 城区) are printed in full


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def build(rows: list[dict[str, str]]) -> list[dict[str, object]]:
    groups = ethnic_groups()
    current = {r["代码"]: r for r in rows if r["状态"] == "在用"}
    retired: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        if r["状态"] != "在用":
            retired.setdefault(r["代码"], []).append(r)

    def successor(code: str, seen: frozenset[str] = frozenset()) -> str | None:
        """The division in use that a code's whole area went to, following renumberings."""
        if code in current:
            return code
        if code in seen:
            return None
        for r in retired.get(code, []):
            targets = [t for t in r["新代码"].split(";") if t]
            if len(targets) == 1 and "[" not in targets[0]:
                return successor(targets[0], seen | {code})
        return None

    current_names = {r["名称"] for r in current.values()}
    former: dict[str, list[str]] = {}
    for r in rows:
        if r["状态"] == "在用":
            continue
        targets = [t for t in r["新代码"].split(";") if t]
        if len(targets) != 1 or "[" in targets[0]:
            continue   # split among several divisions, or only part of it moved
        to = successor(targets[0], frozenset({r["代码"]}))
        name = r["名称"]
        # A generic name (城区, 郊区) or one a division in use bears is no one's former name.
        if not to or len(name) < 3 or name in current_names:
            continue
        if name not in former.setdefault(to, []):
            former[to].append(name)

    out = []
    for code in sorted(current):
        r = current[code]
        level = LEVELS[r["级别"]]
        if level == "province":
            parent = ""
        elif level == "prefecture" or code[:4] + "00" not in current:
            parent = code[:2] + "0000"   # 直辖 counties (济源市, 阿拉尔市) hang from the province
        else:
            parent = code[:4] + "00"
        out.append({
            "code": code, "full": r["名称"], "short": short_forms(r["名称"], level, groups),
            "level": level, "parent_code": parent,
            "parent": current[parent]["名称"] if parent else "",
            "former": former.get(code, []),
        })
    return out


HEADER = """\
# National gazetteer: China's provinces, prefecture-level and county-level divisions in use.
# Source: yescallop/areacodes (public GitHub repository), result.csv at commit {commit}
#   ({date}), compiled from the Ministry of Civil Affairs' 中华人民共和国县级以上行政区划代码
#   and 县级以上行政区划变更情况; data as of {asof}.
# Licence of the source data: CC0 1.0 Universal (public domain dedication).
# Generated by scripts/make_gazetteer.py; do not edit by hand, regenerate.
# Columns: code (6-digit 行政区划代码), full name, short forms (| separated, derived by rule),
#   level (province | prefecture | county), parent code, parent's full name ('' for a province),
#   former names (| separated: retired or renamed codes whose whole area went here).
"""


def write(places: list[dict[str, object]], out: Path, commit: str, date: str, asof: str) -> None:
    lines = [HEADER.format(commit=commit, date=date, asof=asof).rstrip("\n"),
             "code\tfull\tshort\tlevel\tparent_code\tparent\tformer"]
    for p in places:
        lines.append("\t".join([p["code"], p["full"], "|".join(p["short"]), p["level"],
                                p["parent_code"], p["parent"], "|".join(p["former"])]))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="result.csv of yescallop/areacodes")
    ap.add_argument("--commit", default="unknown", help="the source repository's commit")
    ap.add_argument("--date", default="unknown", help="the date of that commit")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rows = read_rows(args.source)
    # The latest year any code was introduced or retired: the data's cut-off (31 December).
    last = max(int(y) for r in rows for y in (r["启用时间"], r["变更/弃用时间"]) if y.isdigit())
    places = build(rows)
    write(places, args.out, args.commit, args.date, f"{last}-12-31")
    print(f"{len(places)} divisions -> {args.out}")


if __name__ == "__main__":
    main()
