"""Entity resolution: names as printed in, canonical entities (and why) out. Chinese naming
rules (short forms, aliases), so it lives with the extractors; the graph layer calls it.

In: the names an issue prints for bodies and persons, the issue's gazette name (for its
city), the alias tables in ontology/ (aliases.tsv, predecessors.tsv, org_kinds.tsv) and any
user alias files. Out: a `Resolver` whose `organization(name)` / `person(name)` return a
`Resolution` (canonical name, the rule that merged the name into it), plus the
predecessor/successor links of reformed bodies and the kind of each body.

Rules for bodies, tried in this order (the rule name is what `govkg explain-entity` prints):
- ``exact``: the name is already canonical (a full name, or one nothing else maps).
- ``parenthesised-alias``: 温州市综合行政执法局（市城市管理局） is one body with two names; the
  name outside the brackets is canonical, the bracketed one (city-expanded) its alias.
- ``alias-table``: irregular short forms from aliases.tsv and user alias files
  (市发改委 -> 市发展和改革委员会), written relative to the gazette's level ("市").
- ``city-prefix``: 市X is 温州市X when the issue's gazette is 温州市人民政府公报; the city comes
  from the gazette name, never from code (when a file lacks the name: from the people's
  government its documents name most often). 市政府X is 市人民政府X.
- ``defined-short-form``: the issue itself says so: 温州市公共资源交易管理委员会办公室（以下简称
  市公共资源管委办）.
- ``abbreviation``: a short form whose characters all appear in order in exactly one full
  name attested in the same issue (or in the alias table), with the same level prefix and the
  same final character (市人力社保局 -> 温州市人力资源和社会保障局). Ambiguous: left alone.
Bodies renamed in a reform (predecessors.tsv: 温州市卫生和计划生育委员会 -> 温州市卫生健康委员会)
are linked, never merged.

Persons (rule ``same-name``): the same name (whitespace-stripped) is the same person in every
issue. Limit: two officials who share a name are merged; a name printed with a typo splits
one person in two. The careers code can split on conflicting evidence (two posts at once in
unrelated places); this module never does.

User alias files: set GOVKG_ALIASES to one or more TSV files (separated by os.pathsep, ":"
on Linux) shaped like ontology/aliases.tsv (alias<TAB>full name[<TAB>note]); their rows
override the bundled ones. `govkg explain-entity --aliases FILE` adds a file the same way.
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from .bodies import body_end_regex
from .jurisdiction import Jurisdiction, of_issue
from .lexicons import lexicon, longest_first
from .places import lookup as lookup_place
from .reading import read_text

#: Environment variable naming user alias files (os.pathsep-separated).
ALIASES_ENV = "GOVKG_ALIASES"

#: Level characters a gazette may be published at, and that short forms start with.
_LEVELS = "省市州县区盟"
_GAZETTE_NAME = re.compile(rf"^(?P<region>[^\s（(]{{2,8}}?)(?P<level>[{_LEVELS}])(?:人民政府|政府)?公报")
_BRACKETED = re.compile(r"^(?P<main>.+?)[（(](?P<alias>[^（）()]{2,40})[)）]$")
_DEFINED = re.compile(r"[（(]以下简称[“\"]?(?P<short>[^”\"（）()，。]{2,16})[”\"]?[)）]")
#: The last characters of a body's name: a short form must end like its full name.
_BODY_END = body_end_regex("short")


def squash(name: str) -> str:
    """The form names are compared in: NFKC (full-width brackets and digits folded) and no
    whitespace (the PDF tool scatters spaces through CJK text)."""
    return "".join(unicodedata.normalize("NFKC", name).split())


@lru_cache(maxsize=65536)
def display(name: str) -> str:
    """The form names are shown in: whitespace removed, brackets full-width as printed.
    (Cached: the mapping asks it of the same names several times per fact.)"""
    return "".join(name.split()).replace("(", "（").replace(")", "）")


@dataclass(frozen=True, slots=True)
class Resolution:
    name: str          # as printed (whitespace removed)
    canonical: str     # the entity's canonical name
    rule: str          # exact | parenthesised-alias | alias-table | city-prefix | defined-short-form | abbreviation | same-name | government-of-division
    detail: str = ""   # e.g. the alias-table file, or the full name an abbreviation matched


@dataclass(frozen=True, slots=True)
class Place:
    """Where a gazette is published: 温州 + 市, from 温州市人民政府公报."""

    region: str
    level: str

    @property
    def prefix(self) -> str:
        return self.region + self.level


def place_of(gazette_name: str | None) -> Place | None:
    """The city (or province, county) of a gazette from its name, or None."""
    if not gazette_name:
        return None
    m = _GAZETTE_NAME.match(display(gazette_name))
    return Place(m["region"], m["level"]) if m else None


_GOVERNMENT = re.compile(rf"^(?P<region>[^\s（(各]{{2,8}}?)(?P<level>[{_LEVELS}])人民政府")


def place_of_bodies(names: Iterable[str]) -> Place | None:
    """The place whose people's government (X市人民政府…) the names mention most often."""
    counts: dict[Place, int] = {}
    for name in names:
        m = _GOVERNMENT.match(display(name))
        if m:
            place = Place(m["region"], m["level"])
            counts[place] = counts.get(place, 0) + 1
    if not counts:
        return None
    return max(sorted(counts, key=lambda p: p.prefix), key=lambda p: counts[p])


# --- tables ---------------------------------------------------------------------------------


def _rows(text: str) -> list[list[str]]:
    out = []
    for row in text.splitlines():
        if row.strip() and not row.startswith("#"):
            cells = [c.strip() for c in row.split("\t")]
            if len(cells) >= 2 and cells[0] and cells[1]:
                out.append(cells)
    return out


def _bundled(name: str) -> str:
    return resources.files("govkg.ontology").joinpath(name).read_text("utf-8")


@lru_cache(maxsize=1)
def bundled_aliases() -> tuple[tuple[str, str, str], ...]:
    return tuple((r[0], r[1], "ontology/aliases.tsv") for r in _rows(_bundled("aliases.tsv")))


@lru_cache(maxsize=1)
def bundled_predecessors() -> tuple[tuple[str, str, str], ...]:
    return tuple((r[0], r[1], r[2] if len(r) > 2 else "") for r in _rows(_bundled("predecessors.tsv")))


@lru_cache(maxsize=1)
def org_kind_rules() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r[0]), r[1]) for r in _rows(_bundled("org_kinds.tsv")))


@lru_cache(maxsize=1)
def post_body_rules() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r[0]), r[1]) for r in _rows(_bundled("post_bodies.tsv")))


@lru_cache(maxsize=1)
def _government_posts() -> frozenset[str]:
    return frozenset(lexicon("government_posts.txt"))


@lru_cache(maxsize=1)
def post_titles() -> tuple[str, ...]:
    """Post titles (extractors/data/post_titles.txt, the appointments extractor's lexicon),
    longest first."""
    return longest_first("post_titles.txt")


def user_alias_files(extra: Iterable[str | Path] = ()) -> list[Path]:
    paths = [Path(p) for p in os.environ.get(ALIASES_ENV, "").split(os.pathsep) if p.strip()]
    return paths + [Path(p) for p in extra]


def read_alias_file(path: Path) -> list[tuple[str, str, str]]:
    # read_text's InputError names the file on bad input
    return [(r[0], r[1], str(path)) for r in _rows(read_text(path))]


@lru_cache(maxsize=16384)
def org_kind(name: str) -> str:
    """party | enterprise | government | other, by the first rule of org_kinds.tsv that matches.
    (Cached: a body is typed in every issue that names it.)"""
    key = squash(name)
    for pattern, kind in org_kind_rules():
        if pattern.search(key):
            return kind
    return "other"


def _is_subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(ch in it for ch in short)


# --- the resolver ---------------------------------------------------------------------------


@dataclass
class Resolver:
    """Resolves names printed in one issue (or one set of issues from one gazette).

    `attested` are the body names the issue prints anywhere (issuers, organizations,
    addressees, responsibility objects): the abbreviation rule only matches against full
    names that are really printed or in the alias table, so it cannot invent a body.
    """

    place: Place | None = None
    attested: Iterable[str] = ()
    text: str = ""                          # the issue's text, for （以下简称…） definitions
    alias_files: Iterable[str | Path] = ()
    #: whose government the text is (extractors/jurisdiction.py); sets `place` when given
    jurisdiction: Jurisdiction | None = None
    _aliases: dict[str, tuple[str, str]] = field(default_factory=dict, init=False)
    _full_names: set[str] = field(default_factory=set, init=False)
    _predecessors: list[tuple[str, str, str]] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        if self.place is None and self.jurisdiction is not None and self.jurisdiction.level_char:
            self.place = Place(self.jurisdiction.region, self.jurisdiction.level_char)
        aliases, predecessors = _bundled_within(self.place)
        self._aliases = dict(aliases)
        for path in user_alias_files(self.alias_files):
            for alias, full, origin in read_alias_file(path):   # user files override bundled rows
                self._aliases[squash(self._expand(alias))] = (self._expand(full), origin)
        self._predecessors = list(predecessors)
        if self.text:
            for short, full in defined_short_forms(self.text):
                self._aliases.setdefault(squash(self._expand(short)), (self._expand(full), "defined-short-form"))
        attested = [display(n) for n in self.attested if n and n.strip()]
        full_names = {self._expand(c) for c, _ in self._aliases.values()}
        for old, new, _ in self._predecessors:
            full_names |= {old, new}
        for name in attested:
            m = _BRACKETED.match(name)
            if m:
                main, alias = self._expand(m["main"]), self._second_name(m["main"], m["alias"])
                self._aliases.setdefault(squash(alias), (main, "parenthesised-alias"))
                self._aliases.setdefault(squash(self._expand(name)), (main, "parenthesised-alias"))
                full_names.add(main)
            else:
                full_names.add(self._expand(name))
        self._full_names = full_names
        self.attested = tuple(attested)

    @classmethod
    def for_issue(cls, issue, found: dict | None = None, alias_files: Iterable[str | Path] = (),
                  jurisdiction: Jurisdiction | None = None) -> Resolver:
        """A resolver for one `Issue` and its extracted records ({section: [records]}).
        Short forms expand within the text's jurisdiction (extractors/jurisdiction.py: the
        gazette's name, the signing bodies, the number, the organs a report names); when
        none is found, within the place whose people's government the records name most."""
        found = found or {}
        attested = attested_bodies(found)
        jurisdiction = jurisdiction or of_issue(issue, found.get("documents", ()))
        return cls(
            place=None if jurisdiction else place_of(issue.gazette.name) or place_of_bodies(attested),
            attested=attested,
            text=issue.text,
            alias_files=alias_files,
            jurisdiction=jurisdiction,
        )

    def within(self, jurisdiction: Jurisdiction | None) -> Resolver:
        """The same names resolved within another jurisdiction (a document of the issue signed
        by another government: a county's notice in a city's gazette)."""
        if jurisdiction is None or (self.jurisdiction and jurisdiction.code == self.jurisdiction.code):
            return self
        return Resolver(attested=self.attested, text=self.text, alias_files=self.alias_files, jurisdiction=jurisdiction)

    def _whence(self) -> str:
        rule = self.jurisdiction.rule if self.jurisdiction else "gazette-name"
        return f"{self.place.prefix if self.place else ''} from the {rule}"

    # -- bodies --

    def _expand(self, name: str) -> str:
        """Fill {region} and apply the city-prefix rule: 市X -> 温州市X."""
        return expand_within(name, self.place)

    def _second_name(self, main: str, alias: str) -> str:
        """A bracketed second name printed without the level (温州市综合行政执法局（城市管理局））
        shares the main name's city: 温州市城市管理局."""
        alias = self._expand(alias)
        if self.place and main.startswith(self.place.prefix) and alias[:1] not in _LEVELS and not alias.startswith(self.place.region):
            return self.place.prefix + alias
        return alias

    def organization(self, name: str) -> Resolution:
        printed = display(name)
        m = _BRACKETED.match(printed)
        if m and not _DEFINED.search(printed):
            main = self._expand(m["main"])
            return Resolution(printed, self._follow(main), "parenthesised-alias", f"second name {m['alias']}")
        expanded = self._expand(printed)
        hit = self._aliases.get(squash(printed)) or self._aliases.get(squash(expanded))
        if hit:
            canonical, origin = hit
            rule = origin if origin in ("defined-short-form", "parenthesised-alias") else "alias-table"
            return Resolution(printed, self._follow(canonical), rule, origin)
        if expanded in self._full_names and expanded != printed:
            return Resolution(printed, expanded, "city-prefix", self._whence())
        if expanded in self._full_names:
            return Resolution(printed, expanded, "exact")
        full = self._abbreviation_of(expanded)
        if full:
            return Resolution(printed, full, "abbreviation", f"characters in order of {full}")
        if expanded != printed:
            return Resolution(printed, expanded, "city-prefix", self._whence())
        return Resolution(printed, printed, "exact")

    def body_of_post(self, name: str, post: str) -> Resolution:
        """The body of `post` printed as `name`: a people's government's leader after a
        division's bare name (任温州市副市长, 免去泰顺县县长) is in that division's 人民政府
        (data/government_posts.txt); any other body as `organization` resolves it."""
        printed = display(name)
        title = display(post)
        if title in _government_posts() and any(p.full == printed for p in lookup_place(printed)):
            return Resolution(printed, self._follow(printed + "人民政府"), "government-of-division",
                              f"{title} of the division {printed}")
        return self.organization(name)

    def _follow(self, canonical: str) -> str:
        """A canonical name may itself be an alias (a bracketed pair's second name)."""
        seen = {canonical}
        while True:
            hit = self._aliases.get(squash(canonical))
            if not hit or hit[0] in seen:
                return canonical
            canonical = hit[0]
            seen.add(canonical)

    def _abbreviation_of(self, short: str) -> str | None:
        if self.place is None or not short.startswith(self.place.prefix):
            return None
        end = _BODY_END.search(short)
        if not end:
            return None
        core = short[len(self.place.prefix):]
        stem = core[: end.start() - len(self.place.prefix)]
        candidates = {
            f for f in self._full_names
            if f.startswith(self.place.prefix) and len(f) > len(short) and f[len(self.place.prefix):][:1] == core[:1]
            and f.endswith(short[-1]) and _is_subsequence(core, f[len(self.place.prefix):])
            # 市公安局 is not 温州市公安消防局: a short form whose words all stand, whole and in
            # order, at the head of a longer name is a body of its own, not that one's short form.
            and not (len(stem) >= 2 and f[len(self.place.prefix):].startswith(stem))
        }
        return candidates.pop() if len(candidates) == 1 else None

    def predecessors(self, canonical: str) -> list[tuple[str, str]]:
        """(predecessor, reform) pairs of a body: bodies it replaced, per predecessors.tsv."""
        return [(old, reform) for old, new, reform in self._predecessors if new == canonical]

    def successors(self, canonical: str) -> list[tuple[str, str]]:
        return [(new, reform) for old, new, reform in self._predecessors if old == canonical]

    def known_names(self) -> list[str]:
        """Every body name this resolver knows: alias-table and defined short forms, full
        names and the names the issue prints (for `explain-entity`)."""
        names = {display(n) for n in self.attested}
        names |= {c for c, _ in self._aliases.values()}
        names |= self._full_names
        names |= {self._expand(a) for a, _, _ in bundled_aliases()}
        for path in user_alias_files(self.alias_files):
            names |= {self._expand(a) for a, _, _ in read_alias_file(path)}
        if self.text:
            names |= {self._expand(s) for s, _ in defined_short_forms(self.text)}
        return sorted(names)

    def split_post(self, printed: str) -> tuple[str | None, str]:
        """A post printed beside a name, split into (canonical body or None, title):
        市委书记 -> (中共温州市委员会, 书记); 温州市政府常务副市长 -> (温州市人民政府, 常务副市长);
        副市长 -> (温州市人民政府, 副市长) by post_bodies.tsv; 总书记 -> (None, 总书记).
        The title is the longest known post title ending the text; what precedes it must
        resolve to a body by a table, an attested name, or a body-like ending."""
        text = display(printed)
        for title in post_titles():
            if text.endswith(title) and len(text) > len(title):
                body = text[: -len(title)]
                res = self.organization(body)
                if res.rule in ("alias-table", "parenthesised-alias", "defined-short-form", "abbreviation") \
                        or res.canonical in self._full_names or _BODY_END.search(body) or body.endswith(("政府", "党组")):
                    return res.canonical, title
                break
        for pattern, body in post_body_rules():
            if pattern.search(text):
                return self._follow(self._expand(body)), text
        return None, text

    # -- persons --

    @staticmethod
    @lru_cache(maxsize=16384)
    def person(name: str) -> Resolution:
        # (Cached: a person is resolved in every fact that names them; a Resolution is frozen.)
        printed = display(name)
        return Resolution(printed, printed, "same-name")


@lru_cache(maxsize=4096)
def expand_within(name: str, place: Place | None) -> str:
    """A body name as said within `place`: {region} filled, 市X -> 温州市X, and 市政府… ->
    市人民政府…. (Cached: every resolver expands the whole alias table, and the same names
    recur in every fact.)"""
    name = display(name)
    if place is None:
        return name.replace("{region}", "")
    name = name.replace("{region}", place.region)
    if name.startswith(place.level) and not name.startswith(place.prefix):
        name = place.region + name
    # 市政府办公室 is 市人民政府办公室: "政府" right after the prefix is the people's government.
    if name.startswith(place.prefix + "政府"):
        name = place.prefix + "人民" + name[len(place.prefix):]
    return name


@lru_cache(maxsize=64)
def _bundled_within(place: Place | None) -> tuple[Mapping[str, tuple[str, str]], tuple[tuple[str, str, str], ...]]:
    """The bundled alias table (squashed alias -> (full name, origin)) and predecessor rows,
    expanded within `place`: the same for every issue of one place, so made once (read-only:
    a resolver copies the table before adding its own rows)."""
    aliases = MappingProxyType({squash(expand_within(alias, place)): (expand_within(full, place), origin)
                                for alias, full, origin in bundled_aliases()})
    predecessors = tuple((expand_within(old, place), expand_within(new, place), reform)
                         for old, new, reform in bundled_predecessors())
    return aliases, predecessors


#: What every definition of a short form prints (spaces allowed, as PDF text scatters them).
_DEFINES_SHORT_FORM = re.compile(r"以\s*下\s*简\s*称")


@lru_cache(maxsize=4)
def defined_short_forms(text: str) -> tuple[tuple[str, str], ...]:
    """(short form, full name) pairs a text defines: 温州市公共资源交易管理委员会办公室（以下简称
    市公共资源管委办）. Only bodies: both must end like a body's name, and the full name is
    taken from the nearest level character (市, 省, 县…) before the bracket. (Cached: the
    resolver of each jurisdiction an issue's documents belong to reads the same text.)"""
    out: list[tuple[str, str]] = []
    if not _DEFINES_SHORT_FORM.search(text):
        return ()     # (most texts define none: no need to flatten the whole text)
    flat = "".join(text.split())
    for m in _DEFINED.finditer(flat):
        short = m["short"]
        if not _BODY_END.search(short):
            continue
        before = flat[max(0, m.start() - 40): m.start()]
        level = short[0] if short[0] in _LEVELS else None
        if level is None:
            continue
        # The full name starts at a level character and begins like the short form
        # (市公共资源… / 市公共资源管委办); the nearest such start wins.
        for i in range(len(before) - 1, -1, -1):
            candidate = before[i:]
            if re.search(r"[，。；：、“”（）()]", candidate):
                break
            if candidate[:2] == short[:2] and _BODY_END.search(candidate) and len(candidate) > len(short):
                out.append((short, candidate))
                break
    return tuple(out)


def attested_bodies(found: dict) -> list[str]:
    """Body names printed in an issue's records: issuers, addressees, organizations of acts,
    responsibility objects that look like bodies."""
    names: list[str] = []
    for doc in found.get("documents", ()):
        names += list(doc.issuers) + list(doc.addressees)
    for act in found.get("appointments", ()):
        if act.organization:
            names.append(act.organization)
    for r in found.get("responsibilities", ()):
        if r.object and _BODY_END.search(display(r.object)):
            names.append(r.object)
    return names


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a name is the entity it is: its resolution, every known name merged into the same
    entity (with the rule that merged each), and the entity's predecessors/successors."""

    resolution: Resolution
    kind: str                                   # person | party | enterprise | government | other
    merged: tuple[Resolution, ...]
    predecessors: tuple[tuple[str, str], ...] = ()
    successors: tuple[tuple[str, str], ...] = ()


def looks_like_body(name: str) -> bool:
    return bool(_BODY_END.search(display(name))) or len(display(name)) > 4


def explain(resolver: Resolver, name: str, as_person: bool | None = None) -> Explanation:
    """The explanation of one printed name under `resolver` (see `govkg explain-entity`)."""
    if as_person or (as_person is None and not looks_like_body(name)):
        res = resolver.person(name)
        return Explanation(res, "person", (res,))
    res = resolver.organization(name)
    merged = {r.name: r for r in map(resolver.organization, resolver.known_names() + [display(name)])
              if r.canonical == res.canonical}
    return Explanation(
        res,
        org_kind(res.canonical),
        tuple(merged[n] for n in sorted(merged)),
        tuple(resolver.predecessors(res.canonical)),
        tuple(resolver.successors(res.canonical)),
    )
