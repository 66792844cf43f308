"""Whose government a text and each of its documents belong to.

In: a normalized `Issue` and its documents (records.Document). Out: a `Jurisdiction` — a
division of the national gazetteer (extractors/places.py: province, prefecture-level city,
county or district) with the rule that found it and the printed words it was read from:

- ``gazette-name``: the gazette's own name (温州市人民政府公报 -> 温州市);
- ``issuer``: the place that opens a signing body's name (蔡甸区人民政府办公室 -> 蔡甸区,
  济源市人民代表大会常务委员会 -> 济源市), the commonest one over the documents;
- ``doc-number``: a document number opening with a province's one-character abbreviation
  that no prefecture-level city's name starts with (沪府办〔2020〕59号 -> 上海市);
- ``government-named``: for a report or page without a signature, the place the text names
  most often as the owner of a government organ (泉州市人民政府, 济源市人大常委会).

`of_issue(issue, documents)` gives the text's jurisdiction; `of_document(doc, default)` a
document's own (a gazette prints departments' and counties' documents too). Either is None
when the text says nothing of it (a central ministry's notice, a national news list).
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .issue import Issue
from .lexicons import lexicon
from .places import Place, find_places, lookup, province_of
from .records import Document

#: Level characters a division's full name ends with, used as the prefix of short forms
#: (市公安局 in a city's text, 区财政局 in a district's).
LEVEL_CHARS = "省市州县区盟旗"
_GAZETTE_NAME = re.compile(rf"^(?P<name>[^\s（(]{{2,12}}?[{LEVEL_CHARS}])(?:人民政府|政府)?公报")


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """A government's territory: one division of the gazetteer, and why the text is its."""

    name: str          # full name of the division: 温州市, 上海市, 湖南省, 蔡甸区
    code: str          # its 行政区划代码
    level: str         # province | prefecture | county
    parent: str        # the division it lies in ('' for a province)
    province: str      # the province-level division it lies in (itself for one)
    rule: str          # gazette-name | issuer | doc-number | government-named
    evidence: str      # the printed words the rule read

    @property
    def region(self) -> str:
        """The name without its level character (温州, 蔡甸), as short forms expand it."""
        return self.name[:-1] if self.name[-1:] in LEVEL_CHARS else self.name

    @property
    def level_char(self) -> str:
        """The character short forms start with: 市 for 温州市, 区 for 蔡甸区, 省 for 湖南省."""
        return self.name[-1] if self.name[-1:] in LEVEL_CHARS else ""


def _of_place(place: Place, rule: str, evidence: str) -> Jurisdiction:
    province = province_of(place)
    return Jurisdiction(name=place.full, code=place.code, level=place.level, parent=place.parent,
                        province=province.full if province else place.full, rule=rule, evidence=evidence)


@functools.cache
def government_words() -> tuple[str, ...]:
    return tuple(sorted(lexicon("government_words.txt"), key=len, reverse=True))


@functools.cache
def province_abbreviations() -> dict[str, str]:
    """abbreviation -> province, for the abbreviations no prefecture-level city starts with."""
    from .places import gazetteer

    city_initials = {p.full[0] for p in gazetteer() if p.level == "prefecture"}
    out = {}
    for row in lexicon("province_abbreviations.tsv"):
        abbr, _, full = row.partition("\t")
        if abbr and full and abbr not in city_initials:
            out[abbr] = full.strip()
    return out


def leading_place(name: str, home: str | None = None) -> Place | None:
    """The division whose name opens a body's name: 蔡甸区人民政府办公室 -> 蔡甸区; None when the
    name opens with no place (区人民政府办公室, 国家发展改革委)."""
    for start, _end, place in find_places(name, home=home):
        return place if start == 0 else None
    return None


#: Words a party organ's name opens with before its place: 中共温州市委员会.
_PARTY_PREFIX = re.compile(r"^(?:中国共产党|中共)")


@functools.lru_cache(maxsize=16384)
def body_place(name: str) -> Place | None:
    """The division a body belongs to by its name: 温州市公安局 -> 温州市, 中共温州市委员会 ->
    温州市, 浙江省财政厅 -> 浙江省; None for a name that opens with no place. (Cached: asked
    for every act and body of every issue, of the same few hundred names.)"""
    return leading_place(_PARTY_PREFIX.sub("", name))


def from_gazette_name(name: str | None) -> Jurisdiction | None:
    m = _GAZETTE_NAME.match(re.sub(r"\s+", "", name or ""))
    if not m:
        return None
    places = lookup(m["name"])
    return _of_place(places[0], "gazette-name", name or "") if places else None


def named(name: str, rule: str = "given") -> Jurisdiction | None:
    """The jurisdiction a user names ("温州市", "蔡甸区"), as the gazetteer knows it."""
    places = lookup(re.sub(r"\s+", "", name))
    return _of_place(places[0], rule, name) if places else None


def from_issuers(issuers: Iterable[str], home: str | None = None) -> Jurisdiction | None:
    counts: Counter[str] = Counter()
    found: dict[str, tuple[Place, str]] = {}
    for issuer in issuers:
        place = leading_place(issuer, home)
        if place is not None:
            counts[place.code] += 1
            found.setdefault(place.code, (place, issuer))
    if not counts:
        return None
    code = max(sorted(counts), key=lambda c: counts[c])
    place, issuer = found[code]
    return _of_place(place, "issuer", issuer)


def from_doc_number(number: str | None) -> Jurisdiction | None:
    if not number:
        return None
    full = province_abbreviations().get(number[0])
    places = lookup(full) if full else ()
    return _of_place(places[0], "doc-number", number) if places else None


def from_government_named(text: str) -> Jurisdiction | None:
    """The place the text names most often right before a government organ's name."""
    words = government_words()
    counts: Counter[str] = Counter()
    found: dict[str, tuple[Place, str]] = {}
    for start, end, place in find_places(text):
        # "泉州市人民政府", "济源市人大常委会"; "上海市长" is 上海 and its 市长.
        if text.startswith(words, end) or (text[end - 1] in LEVEL_CHARS and text.startswith("长", end)):
            counts[place.code] += 1
            found.setdefault(place.code, (place, text[start:end + 6]))
    if not counts:
        return None
    # The commonest; on a tie the one named first.
    best = max(counts.values())
    code = next(c for c in found if counts[c] == best)
    place, words_read = found[code]
    return _of_place(place, "government-named", words_read)


def of_issue(issue: Issue, documents: Iterable[Document] = ()) -> Jurisdiction | None:
    """The jurisdiction of a whole text (see the module docstring for the order of rules)."""
    documents = list(documents)
    found = from_gazette_name(issue.gazette.name)
    if found:
        return found
    found = from_issuers(i for d in documents for i in d.issuers)
    if found:
        return found
    for d in documents:
        found = from_doc_number(d.doc_number)
        if found:
            return found
    return from_government_named(issue.text)


def of_document(doc: Document, default: Jurisdiction | None) -> Jurisdiction | None:
    """A document's own jurisdiction: its signing bodies' place, else its number's province
    when the text has none, else the text's."""
    home = default.name if default else None
    return from_issuers(doc.issuers, home) or default or from_doc_number(doc.doc_number)
