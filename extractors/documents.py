"""Extractor: `documents` — the documents an issue prints in full.

In: a normalized `Issue` (its `title_blocks`, and the text of its documents/policy sections).
Out: one `Document` per document printed in full: number, full title, every signing body,
signing date (ISO), addressees, the documents its text cites (`Citation`), the titles of its
attachments, its span in `Issue.text`, a `Source` over its first line, and a `signature`
Source over the words that name its issuers (the signature block, from the first signing body
to the date; or the line saying which congress passed it; None when only the title names them).

How a document is read from the PDF's order of lines:
- A document starts at its addressee line ("各县（市、区）人民政府，市政府直属各单位：…"),
  at a document number standing alone after a finished sentence (a 通告 prints its number
  on top), or where its part of the issue starts.
- Its title comes from a title block (layout lifted it out of the text). A block at the end
  of a page belongs to the document whose first page it ends; a block opening a page, to the
  document printed below it. A block without a number (joint departmental notices) is
  paired with the number printed beside its attached measure's title, on top of its text,
  or alone somewhere inside it.
- Its signature is the first date line in it with issuer names printed above it; joint
  documents print several names, sometimes spaced out ("温 州 市 财 政 局 温 州 市 发 改 委").
- A web page of one document whose title has no head (a 工作规则) and whose number stands
  only in the page's metadata table: the page's title is the title, the body leading it
  ("镇巴县人民政府|工作规则") the issuer and the metadata's 发文日期 the date.
- An attached 办法/方案/细则 belongs to its notice: it has no block of its own, so it stays
  inside the notice's span and is named in `attachments`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from .issue import Issue, TitleBlock
from .pagemeta import HEAD_LINES, read_meta
from .patterns import (
    CN_DATE,
    DOC_NUMBER,
    HANZI_DATE,
    canonical_doc_number,
    date_line,
    despace,
    hanzi_number,
    hanzi_year,
    iso_date,
)
from .records import Citation, Document
from .titleblocks import ISSUER_END, ISSUER_ENDINGS, TITLE_HEAD, is_title_line, title_ends

EXTRACTOR = "documents"
#: The extractor name of a document's second source, the words naming its issuers: the graph
#: cites it for the document's eli:passed_by facts.
SIGNATURE_EXTRACTOR = "documents.signature"

#: An addressee line: the bodies a document is sent to, before the first "：".
ADDRESSEES = re.compile(r"^(?P<to>[^：:。；！？]{2,90}?)[：:]")
_ADDRESSEE_LOOK = re.compile(r"^各|各有关|有关单位|有关企业|直属|[单部]位$|[局委办]$|政府$|企业$")
#: A signature's date, alone or after the signing bodies on the same paragraph.
SIGNATURE_DATE = re.compile(rf"^(?P<names>[^，。；：！？,;:]*?)\s*{CN_DATE.pattern}\s*$")
SIGNATURE_HANZI_DATE = re.compile(rf"^(?P<names>[^，。；：！？,;:]*?)\s*{HANZI_DATE.pattern}\s*$")
#: Where one signing body ends and the next begins when names are printed run together:
#: after a body's last character, before a place name ("温州市", "丽水市") or "中共".
#: A date opening a paragraph and not a sentence ("2018年12月7日" then a shredded table).
DATE_FIRST = re.compile(rf"^{CN_DATE.pattern}(?![前后起至以内止，,、的到])")
_ISSUER_BOUNDARY = re.compile(
    rf"(?<=[{''.join(sorted({e[-1] for e in ISSUER_ENDINGS}))}])(?=中共|[\u4e00-\u9fff]{{2}}[省市县区](?![场民长委级]))"
)
#: A cited document: 《title》 with or without its number in brackets after it.
CITED = re.compile(rf"《(?P<title>[^《》\n]{{2,80}})》(?:\s*[（(]\s*(?P<number>{DOC_NUMBER.pattern})\s*[)）])?")
_CITED_KIND = re.compile(r"(?:法|条例|规定|办法|意见|通知|决定|方案|细则|规划|纲要|计划|纪要|通告|公告|批复|函|准则|规则|标准|要点|清单|指引)(?:[（(][^）)]{1,10}[)）])?$")
#: The measure a notice issues: "关于印发《X》的通知" / "关于印发X的通知".
ISSUED_MEASURE = re.compile(r"(?:印发|转发|公布)《?(?P<title>.+?)》?的通知$")
ATTACHMENT_LIST = re.compile(r"^附\s*件\s*[：:]\s*(?P<items>.+)$")
_ITEM_NUMBER = re.compile(r"(?:^|(?<=[^\d]))\d{1,2}\s*[.．、]\s*")


@dataclass
class _Draft:
    """A document being assembled: its title block(s) and where it sits."""

    number: str | None
    title: str
    anchor: int                      # offset of its title block in Issue.text
    line: int
    start: int = 0
    end: int = 0
    extra_blocks: list[TitleBlock] = field(default_factory=list)
    from_page: bool = False          # found by the page's title and metadata (`_page_document`)


def _areas(issue: Issue) -> list[tuple[int, int]]:
    """Spans of the parts of the issue that print documents."""
    return [(s.start, s.end) for s in issue.sections_of("documents", "policy")]


def _in_areas(offset: int, areas: list[tuple[int, int]]) -> bool:
    return any(a <= offset <= b for a, b in areas)


def _has_head(title: str) -> bool:
    return bool(TITLE_HEAD.search(title))


def _core(title: str) -> str:
    """A title compared as a reader would: no spaces, no 《》, no edition or trial note at the
    end ("…清单（2018年版）" is cited as "…清单")."""
    core = despace(title).replace("《", "").replace("》", "")
    return re.sub(r"[（(][^（()）]{1,10}[)）]$", "", core)


def is_addressee_line(text: str) -> bool:
    """Does this paragraph open with the bodies a document is addressed to?"""
    m = ADDRESSEES.match(text)
    if not m:
        return False
    to = m["to"]
    if to.startswith(("附件", "附表", "注", "联系", "地址", "电话")) or len(to) < 3:
        return False
    return bool(_ADDRESSEE_LOOK.search(to))


def split_list(text: str) -> list[str]:
    """Split "A、B（x、y），C" on 、，, outside brackets."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "（(《":
            depth += 1
        elif ch in "）)》":
            depth = max(0, depth - 1)
        if depth == 0 and ch in "、，,":
            if cur.strip():
                out.append(cur.strip())
            cur = ""
            continue
        cur += ch
    if cur.strip():
        out.append(cur.strip())
    return [despace(x) for x in out]


def split_addressees(to: str) -> list[str]:
    """The addressees of "各县（市、区）人民政府，市政府直属各单位". When the PDF joined an
    attachment's name to the line ("…成员名单各县（市、区）人民政府"), the list starts at 各."""
    items: list[str] = []
    for item in split_list(to):
        # "区党工委各部、委、办、局党委": one addressee whose kinds of body are listed with 、.
        if items and len(item) == 1:
            items[-1] += "、" + item
        else:
            items.append(item)
    if items and not items[0].startswith("各") and len(items[0]) > 16:
        cut = items[0].find("各")
        if cut > 0 and title_ends_like_name(items[0][:cut]):
            items[0] = items[0][cut:]
    return items


def title_ends_like_name(text: str) -> bool:
    return bool(re.search(r"(?:名单|清单|表|办法|方案|细则|意见|规定|目录|体系)$", text))


def split_issuers(names: str) -> list[str]:
    """The signing bodies of a signature: "温州市财政局 温州市教育局" -> both; spaced-out
    names ("温 州 市 财 政 局") are despaced; a name broken over lines is rejoined."""
    joined = despace(names)
    if not joined:
        return []
    parts = _ISSUER_BOUNDARY.split(joined)
    return [p for p in parts if p]


def _issuer_names(text: str) -> list[str] | None:
    """The bodies named by a paragraph that can only be (part of) a signature, else None."""
    t = despace(text)
    if not (2 <= len(t) <= 80) or re.search(r"[，。；：！？,;:!?《》]", t) or DOC_NUMBER.search(t):
        return None
    return split_issuers(t)


def _is_signature_line(text: str) -> bool:
    names = _issuer_names(text)
    return bool(names) and all(ISSUER_END.search(x) for x in names or ())


def _cut_name(text: str, below: str) -> bool:
    """Is `text` a signature line whose last name the line's end cut, `below` its rest: whole
    names, then the start of one ("温州市卫生和计划生育委员会 温州市人" / "力资源社会保障局")?"""
    names = _issuer_names(text)
    if not names or len(names) < 2 or not all(ISSUER_END.search(x) for x in names[:-1]):
        return False
    return not ISSUER_END.search(names[-1]) and _is_signature_line(names[-1] + below)


def _signature_names(issue: Issue, paras: list[tuple[int, int]], n: int, same_line: str) -> tuple[list[str], int]:
    """The signing bodies printed above the date paragraph paras[n] (and before the date on
    its own paragraph). A signature printed far right is sometimes joined to the sentence
    before it ("…相应调整。温州市人民政府办公室"): its tail after the last full stop counts.
    Also returns where the signature's first name starts in Issue.text (its quote's start)."""
    lines: list[str] = [same_line] if same_line.strip() else []
    start = paras[n][0]
    k = n - 1
    while k >= 0 and len(lines) < 4:
        text = issue.text[paras[k][0]:paras[k][1]]
        # A name broken over lines: "温州浙南沿海先进装备产业集聚区" / "（经开区、瓯飞）管委会".
        continues = bool(lines) and lines[0].lstrip().startswith(("（", "(")) and _issuer_names(text) is not None
        if _is_signature_line(text) or continues:
            lines.insert(0, text)
            start = paras[k][0]
            k -= 1
            continue
        if lines and _cut_name(text, lines[0]):
            # A name cut by the end of a narrow column: "…委员会 温州市人" / "力资源社会保障局".
            lines[0] = text + lines[0]
            start = paras[k][0]
            k -= 1
            continue
        tail = re.split(r"[。；！？]", text)[-1]
        if tail and tail != text and _is_signature_line(tail):
            lines.insert(0, tail)
            start = paras[k][1] - len(tail)
        break
    names = [n for group in _signature_groups(lines) for n in split_issuers(group)]
    # Every name of a signature ends like a body (局, 委员会, 人民政府 …).
    if not names or not all(ISSUER_END.search(x) for x in names):
        return [], start
    return names, start


def _signature_groups(lines: list[str]) -> list[str]:
    """The signature's lines grouped into names: a line that ends like a body closes a name
    (joint documents print one signing body a line: "国家发展改革委办公厅" / "税务总局办公厅"); a
    line that does not, or a bracket that opens the next line, is a name broken over lines."""
    groups: list[str] = []
    for line in lines:
        flat = despace(line)
        if not flat:
            continue
        if groups and (flat.startswith(("（", "(")) or not ISSUER_END.search(despace(groups[-1]))):
            groups[-1] += " " + line
        else:
            groups.append(line)
    return groups


def find_signature(issue: Issue, start: int, end: int) -> tuple[list[str], str | None, int | None, tuple[int, int] | None]:
    """(issuers, ISO date, offset of the date paragraph, the signature's span: first name to
    end of the date) of the first signature in [start, end).

    The date is printed alone, after the names on the same paragraph, or (when the PDF
    joined it to a table that follows) at the start of a paragraph."""
    paras = list(issue.paragraphs(start, end))
    for n, (a, b) in enumerate(paras):
        if issue.text.find("日", a, b) < 0:
            continue   # each of the three dates below ends in 日: most paragraphs have none
        text = issue.text[a:b]
        m = SIGNATURE_DATE.match(text)
        same_line = m["names"] if m else ""
        date = iso_date(m["y"], m["m"], m["d"]) if m else None
        if not m:
            m = DATE_FIRST.match(text)
            if m:
                date = iso_date(m["y"], m["m"], m["d"])
        if not m:
            m = SIGNATURE_HANZI_DATE.match(text)
            if not m:
                continue
            same_line = m["names"]
            date = iso_date(hanzi_year(m["y"]), hanzi_number(m["m"]), hanzi_number(m["d"]))
        issuers, first = _signature_names(issue, paras, n, same_line)
        if not issuers:
            continue        # a date in the text ("2018年12月31日前"), not a signature
        return issuers, date, a, (first, b)
    return [], None, None, None


#: A date ending a paragraph after its last sentence ("…认真遵照执行。2024年6月4日").
_DATE_AT_END = re.compile(rf"[。；]\s*(?P<date>{CN_DATE.pattern}|{HANZI_DATE.pattern.replace('?P<', '?P<h')})\s*$")


#: A paragraph that labels the date below it as a field's value: "一、会议时间", "报送时间：".
_FIELD_LABEL = re.compile(r"(?:时间|日期|期限|截止)[：:]?$|^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])[^。；，]{0,12}$")


def _lone_date(issue: Issue, start: int, end: int) -> str | None:
    """The date of the first paragraph in [start, end) that is a full date and nothing else,
    or that ends a paragraph on a printed line of its own (the layout ran "2024年6月4日" onto
    "…认真遵照执行。" above it: 内政发〔2024〕19号 as a policy site reprints it)."""
    before = ""
    for a, b in issue.paragraphs(start, end):
        text, above, before = issue.text[a:b], before, issue.text[a:b]
        if "日" not in text or _FIELD_LABEL.search(above):
            continue   # (a date under "一、会议时间" is the meeting's, not the document's)
        if len(text) > 20:
            m = _DATE_AT_END.search(text, len(text) - 24)
            if m and issue.line_of[a + m.start("date")] != issue.line_of[a + m.start("date") - 1]:
                return date_line(despace(m["date"]))
            continue
        date = date_line(text)
        if date:
            return date
    return None


def find_citations(text: str, own: set[str]) -> tuple[Citation, ...]:
    """The documents a text cites, once each, leaving out its own title and attachments."""
    seen: dict[tuple[str | None, str | None], Citation] = {}
    for m in CITED.finditer(text):
        title = despace(m["title"])
        number = canonical_doc_number(m["number"]) if m["number"] else None
        if _core(title) in own:
            continue
        if number is None and not _CITED_KIND.search(title):
            continue         # a quoted name or slogan, not a document
        key = (title, number)
        if key not in seen:
            seen[key] = Citation(title=title, doc_number=number)
    return tuple(seen.values())


def find_attachments(issue: Issue, title: str, start: int, end: int) -> tuple[str, ...]:
    """The measure a notice issues (from its title) and the items of its 附件 list."""
    out: list[str] = []
    m = ISSUED_MEASURE.search(title)
    if m:
        out.append(m["title"])
    for a, b in issue.paragraphs(start, end):
        if not issue.text.startswith("附", a, b):
            continue   # (ATTACHMENT_LIST opens with 附: most paragraphs are passed unsliced)
        m = ATTACHMENT_LIST.match(issue.text[a:b])
        if not m or b - a > 200:      # a long paragraph is an attached table, not the list
            continue
        items = [re.sub(r"附件$", "", despace(x).rstrip("；;。")) for x in _ITEM_NUMBER.split(m["items"]) if despace(x)]
        out.extend(i for i in items if 2 <= len(i) <= 60)
        break
    seen: list[str] = []
    for t in out:
        if t not in seen:
            seen.append(t)
    return tuple(seen)


def _merge_blocks(blocks: list[TitleBlock]) -> list[_Draft]:
    """One draft per document: a numbered block whose title has no head (the attached
    measure's name: "温州市家庭病床管理实施办法（试行）") lends its number to the unnumbered
    notice title before it that issues that measure."""
    drafts: list[_Draft] = []
    for b in blocks:
        if b.doc_number and not _has_head(b.title):
            host = next(
                (d for d in reversed(drafts) if d.number is None and _core(b.title) in _core(d.title)),
                None,
            )
            if host is not None:
                host.number = b.doc_number
                host.extra_blocks.append(b)
                continue
        drafts.append(_Draft(b.doc_number, b.title, b.offset, b.line))
    return drafts


def _drop_attached_titles(drafts: list[_Draft]) -> list[_Draft]:
    """Leave out an unnumbered title that is the measure another notice issues: a notice
    "关于印发《关于…的若干意见》的通知" is often followed, right after its date, by the
    measure's own title, which is part of the notice, not a document."""
    issued = {_core(m["title"]) for d in drafts if (m := ISSUED_MEASURE.search(d.title))}
    return [d for d in drafts if d.number is not None or _core(d.title) not in issued]


def _starts(issue: Issue, areas: list[tuple[int, int]], lone: list[TitleBlock]) -> tuple[list[int], dict[int, str]]:
    """Offsets where a document may start, and the numbers printed alone at such starts.

    A number printed alone starts a document (a 通告 prints its number on top) unless it
    interrupts a sentence, which a number at the foot of a page does."""
    starts: set[int] = {a for a, _ in areas}
    numbers: dict[int, str] = {}
    text = issue.text
    for lo, hi in areas:
        for a, b in issue.paragraphs(lo, hi):
            # An addressee line's colon is one of its first 91 characters (ADDRESSEES): most
            # paragraphs have none there and are passed with two finds.
            head_end = min(b, a + 91)
            if (text.find("：", a, head_end) >= 0 or text.find(":", a, head_end) >= 0) and is_addressee_line(text[a:b]):
                starts.add(a)
    for b in lone:
        before = issue.text[:b.offset].rstrip("\n")
        if b.doc_number and (not before or before.endswith(tuple("。！？；：")) or any(b.offset == a for a, _ in areas)):
            starts.add(b.offset)
            numbers[b.offset] = b.doc_number
    return sorted(starts), numbers


def _opens_page(issue: Issue, line: int) -> bool:
    """The PDF tool starts each page's text with one space: does this file line open a page?"""
    raw = issue.lines[line - 1] if 0 < line <= len(issue.lines) else ""
    return raw.startswith(" ") and not raw.startswith("  ")


def _start_of(issue: Issue, anchor: int, starts: list[int], claimed: set[int], on_top: bool = False) -> int:
    """Where the document whose title block was lifted at `anchor` starts.

    A block lifted right before a start (nothing but registration codes between) is either
    the title printed at the end of the previous document's first page (when that document
    has no title yet and is signed before the block) or the title printed on top of the
    document that follows. Otherwise the document starts at the last start before it."""
    i = bisect_right(starts, anchor) - 1
    j = bisect_right(starts, anchor - 1)     # first start >= anchor
    if j < len(starts) and not re.search(r"[\u4e00-\u9fff]", issue.text[anchor:starts[j]]):
        following = starts[j]
        before = starts[j - 1] if j > 0 else None
        # A block that opens a page is printed on top of the document below it.
        if not on_top and before is not None and before not in claimed and find_signature(issue, before, anchor)[1]:
            return before
        if following not in claimed:
            return following
    if i >= 0 and starts[i] not in claimed:
        return starts[i]
    return anchor


def find_documents(issue: Issue) -> list[_Draft]:
    areas = _areas(issue)
    blocks = [b for b in issue.title_blocks if _in_areas(b.offset, areas)]
    lone = [b for b in blocks if not b.title and b.doc_number]
    drafts = _drop_attached_titles(_merge_blocks([b for b in blocks if b.title]))
    starts, numbers = _starts(issue, areas, lone)
    claimed: set[int] = set()
    for d in sorted(drafts, key=lambda d: d.anchor):
        start = _start_of(issue, d.anchor, starts, claimed, on_top=_opens_page(issue, d.line))
        claimed.add(start)
        d.start = start
        if d.number is None and start in numbers:
            d.number = numbers[start]
    drafts.sort(key=lambda d: d.start)
    ends = {id(d): (nxt.start if nxt is not None else None) for d, nxt in zip(drafts, drafts[1:] + [None])}
    for d in drafts:
        area_end = next((b for a, b in areas if a <= d.start <= b), len(issue.text))
        nxt = ends[id(d)]
        d.end = min(area_end, nxt) if nxt is not None and nxt > d.start else area_end
    if not drafts and not issue.gazette.name:
        drafts = _page_document(issue, areas, lone)
    # A number printed alone inside a document that has none is that document's number.
    for b in lone:
        if b.offset in numbers:
            continue
        host = next((d for d in drafts if d.start <= b.offset < d.end), None)
        if host is not None and host.number is None:
            host.number = b.doc_number
    return drafts


#: A web page's heading may carry a bullet: "• 镇巴县人民政府工作规则".
_BULLET = re.compile(r"^\s*[•·●▪◆■\-*]\s*")


def _page_document(issue: Issue, areas: list[tuple[int, int]], lone: list[TitleBlock]) -> list[_Draft]:
    """A web page of one document whose title has no head ("镇巴县人民政府工作规则", a rule, not
    a notice) and whose number stands only in the page's metadata table ("发文字号: 镇政发〔2024〕7号"):
    the page's title (its metadata 标题, else its first line that ends like a title) is the
    title, and the document starts where that title is printed over the text."""
    meta = read_meta(issue.lines)
    number = meta.doc_number or (lone[0].doc_number if len(lone) == 1 else None)
    if number is None:
        return []
    title = meta.title
    if title is None:
        heads = (despace(_BULLET.sub("", ln)) for ln in issue.lines[:HEAD_LINES])
        title = next((t for t in heads if is_title_line(t, 0) and title_ends(t)), None)
    if not title or not title_ends(title):
        return []
    # The title printed alone over the text (a page heading repeats it above the metadata).
    printed = [m.start() for m in re.finditer(f"(?m)^{re.escape(title)}$", issue.text)]
    head_end = issue.text.find(number) if number in issue.text else len(issue.text)
    over_text = [p for p in printed if p > head_end] or printed
    if not over_text:
        return []
    start = over_text[0]
    area_end = next((b for a, b in areas if a <= start <= b), len(issue.text))
    draft = _Draft(number, title, start, issue.line_of[start], start=start, end=area_end)
    draft.from_page = True
    return [draft]


def _meta_number(issue: Issue, drafts: list[_Draft]) -> dict[int, str]:
    """A web page prints its document's number only in its metadata table ("文　号　X"): the
    number belongs to the page's document (the one titled as the page, or its only one)."""
    if issue.gazette.name or not drafts:
        return {}
    meta = read_meta(issue.lines)
    if not meta.doc_number or any(d.number == meta.doc_number for d in drafts):
        return {}
    titled = [d for d in drafts if meta.title and _core(d.title) == _core(meta.title)]
    host = titled[0] if titled else (drafts[0] if len(drafts) == 1 else None)
    return {id(host): meta.doc_number} if host is not None and host.number is None else {}


#: The session that passed a law or decision: "（2025年7月30日陕西省第十四届人民代表大会常务委员会第十七次会议通过）".
_PASSED_BY = re.compile(
    rf"^[（(]\s*{CN_DATE.pattern}\s*(?P<body>[\u4e00-\u9fff]{{2,12}}?)第[一二三四五六七八九十百]+届"
    r"(?P<organ>人民代表大会(?:常务委员会)?)第[一二三四五六七八九十百]+次(?:全体)?会议(?:通过|批准)"
)


def _passed_by(issue: Issue, d: _Draft) -> tuple[list[str], str | None, tuple[int, int] | None]:
    """A people's congress law or decision signed by no one: the congress (its standing
    committee) that passed it, the date, and that line's span, from the line under its title."""
    for a, b in islice(issue.paragraphs(d.start, d.end), 3):
        m = _PASSED_BY.match(issue.text[a:b])
        if m:
            return [m["body"] + m["organ"]], iso_date(m["y"], m["m"], m["d"]), (a, b)
    return [], None, None


def _issuer_leading(title: str) -> list[str]:
    """The issuing body that leads a title without 关于 ("镇巴县人民政府|工作规则"): the longest
    head ending like an issuer, leaving a short name of the kind of document."""
    if title.startswith(("关于", "印发", "转发")):
        return []   # "关于印发《海口市人民政府工作规则》的通知": the body named is the rule's, not the issuer
    for k in range(len(title) - 2, 3, -1):
        if ISSUER_END.search(title[:k]) and len(title) - k <= 12 and "《" not in title[:k]:
            return [title[:k]]
    return []


def _issuers_from_title(title: str) -> list[str]:
    """The issuing body named at the head of a title ("肇庆市人民政府办公室关于…"), for a
    document whose signature the text does not print."""
    head = re.split(r"关于|印发|转发", title, maxsplit=1)[0]
    names = split_issuers(head) if head and head != title else []
    return names if names and all(ISSUER_END.search(n) for n in names) else []


def extract(issue: Issue) -> Iterator[Document]:
    drafts = find_documents(issue)
    meta_numbers = _meta_number(issue, drafts)
    for d in drafts:
        d.number = d.number or meta_numbers.get(id(d))
        # Where the issuers are printed (the signature block, or the line saying which
        # congress passed it): the quote that proves who issued the document.
        issuers, date, _, signed = find_signature(issue, d.start, d.end)
        if not issuers:
            issuers, date, signed = _passed_by(issue, d)
        if not issuers:
            issuers = _issuers_from_title(d.title)
        if date is None:
            # "二○一一年八月九日" alone under the text: the issuer was printed only above it (in
            # the title, or a web page's header), so no signature holds the date.
            date = _lone_date(issue, d.start, d.end)
        if d.from_page:
            # "镇巴县人民政府工作规则": the body that leads a headless title issues it; the
            # page's metadata dates it
            issuers = issuers or _issuer_leading(d.title)
            date = date or read_meta(issue.lines).date
        first = next(issue.paragraphs(d.start, d.end), (d.start, d.start))
        head = issue.text[first[0]:first[1]]
        addressees: tuple[str, ...] = ()
        m = ADDRESSEES.match(head)
        if m and is_addressee_line(head):
            addressees = tuple(split_addressees(m["to"]))
        attachments = find_attachments(issue, d.title, d.start, d.end)
        own = {_core(d.title)} | {_core(a) for a in attachments}
        cites = find_citations(issue.text[d.start:d.end], own)
        quote_end = min(first[1], first[0] + 80)
        yield Document(
            doc_number=d.number,
            title=d.title,
            issuers=tuple(issuers),
            date=date,
            source=issue.source(first[0], quote_end, EXTRACTOR, document=d.number or d.title),
            addressees=addressees,
            cites=cites,
            attachments=attachments,
            span=(d.start, d.end),
            signature=issue.source(signed[0], signed[1], SIGNATURE_EXTRACTOR, document=d.number or d.title) if signed else None,
        )
