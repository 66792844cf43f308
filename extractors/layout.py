"""Layout normalization: the text of a gazette PDF in, a clean `Issue` out.

In: the text of one gazette issue as a PDF-to-text tool prints it: each printed line on its
own line (usually with a blank line after it), paragraphs broken at the column width, page
numbers ("·    40    ·"), running heads ("2018 年第1 2 期文件发布",
"温州市人民政府公报（总第196期） 政务简讯"), column labels and section headings landing
in the middle of sentences, and title blocks printed after a document's first page.

Out: an `Issue` with
- `text`: the running text with furniture dropped, printed lines joined into paragraphs
  (one paragraph per "\\n"-separated line) and title blocks lifted out of the flow;
- `line_of`: for every character of `text`, the 1-based line of the file it came from, so
  any span cites its line and quote (`Issue.source`);
- `sections`: the parts of the issue (documents, policy, personnel, news, diary, catalog,
  statistics, captions, colophon) as spans of `text`;
- `title_blocks`: document number + title blocks found in the file, with their lines;
- `gazette`: name, year, issue number, total issue number, month.
"""
from __future__ import annotations

import hashlib
import re
import struct
from array import array
from bisect import bisect_left, bisect_right
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .issue import Heading, Issue, Section, TitleBlock
from .patterns import CN_DATE, DOC_NUMBER_LINE, despace, hanzi_number
from .reading import InputError
from .records import Gazette
from .runons import (
    addressee_cut,
    addressee_lines,
    item_cut,
    kind_word_inside,
    known_codes,
    leading_closers,
    lines_that_may_run_on,
    may_run_on,
    opens_addressees,
    run_in_number,
    title_end_cut,
)
from .script import for_reading, printed_chars, without_readings
from .sections import day_label, find_sections
from .sources import read_source
from .titleblocks import find_title_blocks

__all__ = ["Heading", "Issue", "Section", "TitleBlock", "load_issue", "normalize", "input_kind"]

# --- page furniture -------------------------------------------------------------------

#: A page number: "· 40 ·" (gazettes) or "— 5 —" (official documents, GB/T 9704).
PAGE_NUMBER = re.compile(r"^(?:[·•]\s*\d{1,3}\s*[·•]|[—－–-]{1,2}\s*\d{1,3}\s*[—－–-]{1,2})$")
_PAGE_NUMBER_OPENS = "·•—－–-"   # the marks a page number starts with, for a test before the regex
#: Running head with the year and issue: "2018 年第1 2 期" (digits spaced out), label may follow.
#: Other gazettes print the gazette's name before it ("《武汉市人民政府公报》2024年第5、6期"),
#: the total number after it ("（总第738期）"), a double issue ("第5、6期": the first
#: number is the issue's) or number issues with 号 ("《国务院公报》2023年第8号", "（总号：…）").
#: A bare "2019年第3号" is also how a 公告 numbers itself: see `issue_head`.
RUNNING_HEAD_ISSUE = re.compile(
    r"^(?:《?(?P<name>[^\s《》]{2,24}?公报)》?\s*)?(?P<year>(?:19|20)\d\d)\s*年\s*第\s*(?P<issue>[\d\s]{1,5}?)"
    r"(?:\s*[、，,]\s*\d{1,3})?\s*(?P<unit>[期号])"
    r"(?:\s*[（(]\s*总\s*(?:第\s*(?P<total>\d{1,5})\s*[期号]|号\s*[：:]?\s*(?P<serial>\d{1,5}))\s*[)）])?"
    r"\s*(?P<label>\S*)\s*$"
)
#: Running head with the gazette name and total number: "温州市人民政府公报（总第196期） 政务简讯".
RUNNING_HEAD_NAME = re.compile(r"^(?P<name>\S{2,20}?公报)\s*[（(]\s*总第\s*(?P<total>\d{1,4})\s*期\s*[)）]\s*(?P<label>\S*)\s*$")
#: Section headings: "12月份市政府人事任免", "6月份市政府记事", "6月份市政府、市政府办公室发文目录".
SECTION_HEADING = re.compile(r"^(?P<month>\d{1,2})\s*月份?\s*(?P<body>市政府[^，。；]{0,16}?)(?P<what>人事任免|记事|发文目录|政务动态)\s*$")
#: The heading of a diary as other gazettes and government sites print it, with the month
#: and often the year: "1998年12月份杭州市政务大事记", "济宁市人民政府2007年5月大事记",
#: "2020年1月大事记"; or the body's 大事记 alone, dated on the next line: "山东省人民政府
#: 大事记" + "(2011年6月)" (`DIARY_DATE`).
DIARY_HEADING = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,16}?)?(?:(?P<year>(?:19|20)\d\d)\s*年\s*)?(?P<month>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?"
    r"\s*[\u4e00-\u9fff]{0,16}?(?:大事记|政务动态|记事)$"
    r"|^[\u4e00-\u9fff]{2,16}?大事记$"
)
DIARY_DATE = re.compile(r"^[（(]\s*(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>\d{1,2})\s*月(?:份)?\s*[)）]$")
#: Lines of a table shredded into single characters, or a lone page-start digit.
_LIST_MARKER = re.compile(
    r"^(△|▲|●|■|◆|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[\.．、]\D|第[一二三四五六七八九十百零]{1,4}[章条节]|附\s*件|\d{1,2}日\s*$"
    # A diary day's label before its first item, as web pages print it: "1月6日 市委…", "一日 省委…", "同日 …".
    r"|(?:(?:\d{1,2}月)?(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?:[—－–-]\d{1,2})?|[是同])日\s)"
)
#: A diary's day label over its items: "4日" (a piece of a run-on line keeps the line's width).
_DAY_LABEL = re.compile(r"^\d{1,2}\s*日$")
_TERMINAL = "。！？；：!?;:"
_TERMINAL_ENDS = tuple(_TERMINAL)   # for str.endswith, made once


def issue_head(text: str) -> re.Match[str] | None:
    """The match of a line that states a gazette issue ("2018 年第1 2 期文件发布",
    "《国务院公报》2023年第8号"), or None. An issue numbered with 号 must name its gazette or
    print its total number: "2019年第3号" alone is a 公告's own number, not an issue."""
    m = RUNNING_HEAD_ISSUE.match(text)
    if m and m["unit"] == "号" and not (m["name"] or m["serial"] or m["total"]):
        return None
    return m
_CLOSERS = "”’）)》」』】"


@lru_cache(maxsize=1)
def column_labels() -> dict[str, str]:
    """label -> section kind, from data/columns.tsv."""
    out = {}
    text = resources.files("govkg.extractors").joinpath("data/columns.tsv").read_text("utf-8")
    for row in text.splitlines():
        if row and not row.startswith("#"):
            label, kind = row.split("\t")
            out[label.strip()] = kind.strip()
    return out


_WIDE_AMBIGUOUS = re.compile(r"[^\x00-\x7f]")


def visual_width(s: str) -> int:
    """Width in half-width cells: a CJK, full-width or ambiguous (△ ·) character counts 2,
    ASCII 1, a space 0 (spaces in this text are the PDF tool's, not the printer's).

    Computed by counting rather than asking unicodedata per character: it runs on every
    line of every issue. Non-ASCII characters that are narrow (half-width katakana, a few
    symbols) count 2 as well; they do not occur in gazette text.
    """
    n = len(s)
    ascii_count = len(s.encode("ascii", "ignore"))
    return 2 * n - ascii_count - s.count(" ")


# --- normalization ----------------------------------------------------------------------


class _Line:
    """One printed line (or a piece of one) of the input, as the layout reads it.

    A plain class with slots and a positional __init__, not a dataclass: one is made for
    every line of every issue, and making one through the dataclass's generated __init__
    (called with keywords) cost nearly twice as much."""

    __slots__ = ("no", "text", "indent", "page_start", "width", "page", "block", "part", "opens", "closes")

    def __init__(self, no: int, text: str, indent: int, page_start: bool, width: int, page: int = 0,
                 block: bool = False, part: int = 0, opens: bool | None = None, closes: bool = False) -> None:
        self.no = no                  # 1-based
        self.text = text              # stripped, inner whitespace runs collapsed to one space
        self.indent = indent          # leading whitespace width
        self.page_start = page_start  # the PDF tool starts a page's text with one space
        self.width = width            # visual width of text
        self.page = page              # pages are counted at page starts and page furniture
        self.block = block            # a block of flattened web text: a paragraph of its own
        #: A printed line cut into pieces (extractors/runons.py): this piece's place in it, and
        #: whether a paragraph starts at it after the piece before it on the same line (None: as
        #: after any printed line). `width` stays the printed line's, for the paragraph test.
        self.part = part
        self.opens = opens
        #: Closing punctuation that opened its printed line: it ends the paragraph before it.
        self.closes = closes


_BLANKS = re.compile(r"[ \t\u3000\xa0]+")


#: A word a web page printed with a dot after each character, to slip past keyword filters:
#: "外交部.党.委.书.记.、副部长". Three characters at least, each with its dot, so a name's dot
#: (阿沛.阿旺.晋美) or a numbered heading ("一.概述") is left alone.
_DOTTED_WORD = re.compile(r"(?:[\u4e00-\u9fff]\.){3,}")


#: A half-width comma a web page put before another mark of punctuation ("廖忠勛,、皮業康",
#: "主持召开…会议,。"): no sentence puts one there.
_STRAY_COMMA = re.compile(r",(?=[、，。；：！？,])")


def _read_line(no: int, raw: str, block: bool) -> _Line | None:
    """Line `no` of the file as the layout reads it (blanks collapsed, indent measured, web
    text's slips undone), or None when it holds only blanks. One call makes the whole line:
    it runs on every line of every issue."""
    stripped = raw.lstrip(" \t\u3000\xa0")
    lead = len(raw) - len(stripped)
    # Indent in cells: a full-width space is two, anything else one.
    indent = lead + raw.count("\u3000", 0, lead) if lead else 0
    if "  " in stripped or "\t" in stripped or "\u3000" in stripped or "\xa0" in stripped:
        stripped = _BLANKS.sub(" ", stripped)   # (only where a run or an odd blank is: 1 line in 20)
    text = stripped.strip()
    if "." in text:
        text = _DOTTED_WORD.sub(lambda m: m.group(0).replace(".", ""), text)
    if "," in text:
        text = _STRAY_COMMA.sub("", text)
    if not text:
        return None
    page_start = raw.startswith(" ") and not raw.startswith("  ")
    return _Line(no, text, indent, page_start, visual_width(text), 0, block)


def _running_head(text: str) -> re.Match[str] | None:
    """The match of a running head (`issue_head` or `RUNNING_HEAD_NAME`), or None."""
    if "期" not in text and "号" not in text:
        return None     # every running head prints 期 or 号,
    # and its year (年) or its gazette's name (公报): most lines are passed before a regex.
    return (issue_head(text) if "年" in text else None) or (RUNNING_HEAD_NAME.match(text) if "公报" in text else None)


def _is_furniture(text: str, labels: dict[str, str]) -> str | None:
    """The kind of page furniture a line is ('page', 'head', 'label'), or None."""
    if len(text) > 40:
        return None   # furniture is short; most lines are body text
    if text[:1] in _PAGE_NUMBER_OPENS and PAGE_NUMBER.match(text):
        return "page"
    # (Every running head prints 期 or 号: `_running_head`'s own first test, made here so
    # that most lines are passed without a call.)
    if ("期" in text or "号" in text) and _running_head(text):
        return "head"
    if text in labels:
        return "label"
    return None


def diary_heading(text: str, below: str = "") -> tuple[int | None, int | None, bool] | None:
    """(year, month, dated below) of a diary heading that is not Wenzhou's `SECTION_HEADING`,
    or None. A heading without a date ("山东省人民政府大事记") is one only when the line
    below dates it ("(2011年6月)") or opens the first day ("1日…"); `dated below` says the
    line below belongs to the heading."""
    if len(text) > 40 or not text.endswith(("大事记", "政务动态", "记事")):
        return None
    m = DIARY_HEADING.match(text)
    if not m:
        return None
    if m["month"]:
        month = int(m["month"]) if m["month"].isdigit() else hanzi_number(m["month"])
        return (int(m["year"]) if m["year"] else None), (month if 1 <= month <= 12 else None), False
    d = DIARY_DATE.match(below)
    if d and 1 <= int(d["month"]) <= 12:
        return int(d["year"]), int(d["month"]), True
    if day_label(below):
        return None, None, False     # undated, but its first day follows ("淮南市人民政府大事记" / "1日…")
    return None


def _gazette(lines: list[_Line], labels: dict[str, str]) -> Gazette:
    name = year = issue = total = month = diary_year = None
    for k, ln in enumerate(lines):
        text = ln.text
        if "期" not in text and "月" not in text and "号" not in text and "大事记" not in text:
            continue   # every pattern below needs one of these
        # (A running head states the year, 年, or names the gazette, 公报: most lines with
        # a date or a number are passed before these regexes.)
        m = issue_head(text) if "年" in text else None
        if m and year is None:
            year, issue = int(m["year"]), int(despace(m["issue"]))
        if m:
            name = name or m["name"]
            total = total or int(m["total"] or m["serial"] or 0) or None
        m = RUNNING_HEAD_NAME.match(text) if "公报" in text else None
        if m:
            name = name or m["name"]
            total = total or int(m["total"])
        m = SECTION_HEADING.match(text)
        if m and month is None:
            month = int(m["month"])
        diary = diary_heading(text, lines[k + 1].text if k + 1 < len(lines) else "") if not m else None
        if diary and month is None:
            diary_year, month = diary[0], diary[1]
    if year is None:
        year = diary_year
    if year is None and month is not None:
        year = _year_of_month(lines, month)
    if name is None:
        # The colophon prints the name alone: "温州市人民政府公报".
        for ln in lines:
            if "公报" not in ln.text:
                continue   # (the pattern below needs it: most lines are passed without a regex)
            m = re.fullmatch(r"《?(\S{2,20}?(?:人民政府|政府|国务院)公报)》?", ln.text)
            if m:
                name = m[1]
                break
    return Gazette(name=name, year=year, issue=issue, total_issue=total, month=month)


def _year_of_month(lines: list[_Line], month: int) -> int | None:
    """The year of an issue whose running heads do not print it (a PDF that prints only the
    total number, "（总第214期）"): the year most of its full dates in the month its sections
    report on carry ("2020年6月24日" in a 6月份 issue), signature dates above all."""
    years: dict[int, int] = {}
    for ln in lines:
        if "年" not in ln.text:
            continue
        for m in CN_DATE.finditer(ln.text):
            if int(m["m"]) == month:
                years[int(m["y"])] = years.get(int(m["y"]), 0) + 1
    return max(years, key=lambda y: (years[y], y)) if years else None


def _issue_key(g: Gazette, text: str) -> str:
    """A stable key: name, year and number where printed, else a hash of the text.

    Two files of the same issue get the same key, so re-ingesting one replaces the other.
    """
    if g.name and g.year and g.issue:
        tag = hashlib.sha1(g.name.encode("utf-8")).hexdigest()[:8]
        return f"{tag}-{g.year}-{g.issue:02d}"
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _paragraph_break(prev: _Line, cur: _Line, width: int, prev_opens: bool) -> bool:
    """Does a new paragraph start at `cur`? `width` is the column width around it;
    `prev_opens` says whether `prev` is the first line of its paragraph."""
    if cur.block or prev.block:
        return True
    if cur.page_start and prev.text.endswith(_TERMINAL_ENDS) and _LIST_MARKER.match(cur.text):
        return True
    if cur.indent >= 8 or prev.indent >= 8:
        # Signatures and dates are printed far to the right: their own paragraphs.
        return True
    ends = prev.text.rstrip(_CLOSERS)
    terminal = ends != "" and ends[-1] in _TERMINAL     # (one character: cheaper than endswith a tuple)
    # (The list marker's regex last: below a full line that ends no sentence, most lines, a
    # list starts nowhere, whatever the line starts with.)
    if (terminal or prev.width < width - 1 or prev.text.endswith("日") and _DAY_LABEL.match(prev.text)) \
            and _LIST_MARKER.match(cur.text):
        return True
    # A printed line shorter than its column ends its paragraph (or is a heading). Lines
    # with digits or Latin letters may fall a cell or two short of a full line, so a line
    # must be two characters short, or end a sentence and be short at all. The first line
    # of a paragraph is printed indented by two characters, which the PDF tool drops: a
    # line that opens a paragraph and is two characters short is a full line.
    if terminal and (prev.width < width - 1 or cur.page != prev.page):
        return True
    if prev_opens and width - 6 <= prev.width <= width - 3:
        return False
    return prev.width <= width - 4


def _closes_quote(text: str) -> bool:
    """Does this line close a 《 opened before it ("局2020年工作要点》，…")? A paragraph does
    not end inside a quoted title, however short the line before."""
    m = re.search(r"[《》]", text)
    return m is not None and m[0] == "》"


_PROSE = re.compile(r"[，。；！？,;!?]")


def _piece(ln: _Line, text: str, part: int, opens: bool | None) -> _Line:
    """A piece of a printed line: the first keeps the line's indent and page start."""
    first = part == 0
    return _Line(ln.no, text, ln.indent if first else 0, ln.page_start and first, ln.width, ln.page, ln.block, part, opens)


def _cut_run_ons(body: list[_Line]) -> list[_Line]:
    """Printed lines that run two blocks of text together, cut where the next one starts
    (extractors/runons.py): a title's end, an addressee list after a sentence, a document
    number run into a sentence, closing punctuation opening a line. The pieces of a line
    keep its line number; a paragraph breaks between them only where the rule says so.
    Printed lines only: flattened web text (`unflatten`) has its blocks cut already."""
    texts = [ln.text for ln in body]
    codes = known_codes(texts)
    may_cut = lines_that_may_run_on(texts)
    out: list[_Line] = []
    taken: dict[int, int] = {}     # index in body -> characters the line above took from it
    for i, ln in enumerate(body):
        text = ln.text
        if taken and taken.get(i):
            text = text[taken[i]:].lstrip()
            if not text:
                continue
            ln = _piece(ln, text, 0, None)
            if not may_run_on(text):   # (what is left of the line: not what `may_cut` saw)
                out.append(ln)
                continue
        elif i not in may_cut:
            out.append(ln)
            continue
        part = 0
        n = leading_closers(text) if out else 0
        closers_text = text[:n]
        if n:
            closers = _piece(ln, text[:n], 0, None)
            closers.closes = True
            out.append(closers)
            text, part = text[n:], 1
        below = texts[i + 1:i + 3]
        opens: bool | None = None
        for _ in range(8):
            k = None
            # A title's lines hold no sentence punctuation: after a line of prose no title runs on.
            if part == 0 and not (out and _PROSE.search(out[-1].text)) and kind_word_inside(text):
                k = title_end_cut([(x.text, x.indent) for x in out[-4:]], text, below[0] if below else "")
            if k is not None:
                out.append(_piece(ln, text[:k], part, opens))
                text, part, opens = text[k:], part + 1, False
                continue
            k = addressee_cut(text, below, closers_text if part == 1 else "")
            if k is None:
                k = item_cut(text, below)
            if k is not None:
                out.append(_piece(ln, text[:k], part, opens))
                text, part, opens = text[k:], part + 1, True
                continue
            break
        number = run_in_number(text, below[0] if below else "", codes)
        if number is not None:
            start, borrowed = number
            out.append(_piece(ln, text[:start], part, opens))
            text, part, opens = text[start:] + (body[i + 1].text[:borrowed] if borrowed else ""), part + 1, False
            if borrowed:
                taken[i + 1] = borrowed
        out.append(_piece(ln, text, part, opens) if part or text != ln.text else ln)
    return out


def _column_widths(lines: list[_Line]) -> list[int]:
    """The column width around each line: the commonest width of the full-looking lines
    within about ten lines on the same page.

    Justified Chinese text puts the same number of characters on every full line, so the
    mode (not the maximum, which a table row or a one-column page nearby would set) is it.
    Computed once per block of five lines, since it changes only where the layout does.
    """
    # The facts a window needs, read off the lines once (not once for each window a line is
    # in). A line indented far (a signature, a date) does not show the column: width -1.
    widths = [ln.width if ln.indent < 8 else -1 for ln in lines]
    pages = [ln.page for ln in lines]
    n = len(lines)
    out: list[int] = []
    for start in range(0, n, 5):
        lo, hi, end = max(0, start - 8), min(n, start + 13), min(n, start + 5)
        if pages[lo] == pages[hi - 1]:
            # The window lies on one page (pages only grow down the text): one width for the block.
            width = _commonest_full_width(widths[lo:hi])
            # (No full-looking line in it: the block takes its first line's width, as across a
            # page break below; only far-indented lines are so, and they break anyway.)
            out.extend([width if width >= 0 else lines[start].width] * (end - start))
            continue
        on_page: dict[int, int] = {}     # page -> width, for a block over a page break
        for i in range(start, end):
            page = pages[i]
            if page not in on_page:
                # The window's lines on this page: a run of them, as pages only grow.
                first, last = bisect_left(pages, page, lo, hi), bisect_right(pages, page, lo, hi)
                width = _commonest_full_width(widths[first:last])
                on_page[page] = width if width >= 0 else lines[i].width
            out.append(on_page[page])
    return out


def _commonest_full_width(widths: list[int]) -> int:
    """The commonest of the widths that look full (at least 0.6 of the widest); of widths
    as common, the widest. -1 when there are none (widths of -1 are not counted)."""
    widest = max(widths)
    if widths.count(widest) * 2 > len(widths):
        return widest     # the full lines, more than half the window: told without sorting
    distinct = sorted(set(widths), reverse=True)
    floor = distinct[0] * 0.6
    best, best_count = -1, 0
    uncounted = len(widths)
    for w in distinct:     # widest first, so a width only as common as a wider one is passed
        # (Once the lines not yet counted are no more than the best count, no narrower width
        # can beat it.)
        if w < floor or w < 0 or uncounted <= best_count:
            break
        count = widths.count(w)
        uncounted -= count
        if count > best_count:
            best, best_count = w, count
    return best


#: A crawler that flattens a web page writes its blocks (breadcrumb, title, body paragraphs,
#: signature) on one line, separated by spaces. A line this long with blanks between Chinese
#: characters is such a page, never a printed line.
FLATTENED_LINE = 300
_BLOCK_GAP = re.compile(r"(?<=[^\x00-\x7f])[ \t\u3000\xa0]+(?=[^\x00-\x7f])")


def unflatten(raw_lines: list[str]) -> tuple[list[str], list[int]] | None:
    """Lines cut at the block boundaries of flattened web text, and the file line of each; None
    when no line is flattened (printed text keeps its lines)."""
    if max(map(len, raw_lines), default=0) <= FLATTENED_LINE:
        return None     # (the common case, told at C level)
    if not any(len(r) > FLATTENED_LINE and _BLOCK_GAP.search(r) for r in raw_lines):
        return None
    out: list[str] = []
    file_line: list[int] = []
    for no, raw in enumerate(raw_lines, 1):
        pieces = _BLOCK_GAP.split(raw) if len(raw) > FLATTENED_LINE else [raw]
        out.extend(pieces)
        file_line.extend([no] * len(pieces))
    return out, file_line


#: A line number as `array("i")` holds it (a C int, native order): packed by struct, cheaper
#: than int.to_bytes with its keywords, once for every piece of the flow.
_pack_line_no = struct.Struct("i").pack


def normalize(raw_text: str, path: str = "<text>") -> Issue:
    """Turn one input's text into an `Issue` (see the module docstring)."""
    labels = column_labels()
    raw_text = without_readings(raw_text)   # 區(qū) -> 區: a web page's annotation, not the text
    printed_text = raw_text
    reading = for_reading(raw_text)
    if reading is not None:
        raw_text = reading     # traditional characters: read in simplified, quoted as printed
    raw_lines = raw_text.split("\n")
    printed_lines = printed_text.split("\n") if reading is not None else raw_lines
    relaid = unflatten(raw_lines)
    file_line = None
    if relaid is not None:
        raw_lines, lines_of_file = relaid
        file_line = array("i", lines_of_file)
        printed_relaid = unflatten(printed_lines) if reading is not None else None
        if printed_relaid is not None:
            printed_lines = printed_relaid[0]
    lines: list[_Line] = []
    flattened = file_line is not None   # every line a block of web text (passed by position: cheaper)
    for no, raw in enumerate(raw_lines, 1):
        if not raw or raw.isspace():
            continue   # half the lines of PDF text are blank
        ln = _read_line(no, raw, flattened)
        if ln is not None:
            lines.append(ln)

    gazette = _gazette(lines, labels)

    headings_at: dict[int, tuple[str, str]] = {}    # line no -> (heading, kind)
    label_at: dict[int, tuple[str, str]] = {}       # line no -> (section kind, forward|backward)
    body: list[_Line] = []
    page = 0
    dated_below: set[int] = set()     # lines that date the diary heading above them
    for k, ln in enumerate(lines):
        if ln.no in dated_below:
            headings_at[ln.no] = (ln.text, "diary")
            continue
        kind = _is_furniture(ln.text, labels)
        if ln.page_start or kind:
            page += 1
        ln.page = page
        if kind:
            m = _running_head(ln.text)
            if m:
                # A running head tops its page: its label names the text that follows.
                label_at[ln.no] = (labels.get(m["label"], "page"), "forward")
            elif kind == "label":
                # A label alone is printed at the foot of its page: it names what precedes.
                label_at[ln.no] = (labels[ln.text], "backward")
            else:
                label_at[ln.no] = ("page", "forward")
            continue
        m = SECTION_HEADING.match(ln.text) if len(ln.text) < 40 and "月" in ln.text else None
        if m:
            what = m["what"]
            hk = {"人事任免": "personnel", "记事": "diary", "政务动态": "diary", "发文目录": "catalog"}[what]
            headings_at[ln.no] = (ln.text, hk)
            continue
        diary = diary_heading(ln.text, lines[k + 1].text if k + 1 < len(lines) else "") if "记" in ln.text or "动态" in ln.text else None
        if diary:
            headings_at[ln.no] = (ln.text, "diary")
            if diary[2]:
                dated_below.add(lines[k + 1].no)
            continue
        body.append(ln)

    if file_line is None:
        body = _cut_run_ons(body)   # (flattened web text has its blocks cut already)
    # Title blocks are found over the pieces of lines, counted in order (pieces of one
    # printed line share its number); `blocks` holds those counts, TitleBlock the file lines.
    blocks = find_title_blocks([(k, ln.text, ln.indent, ln.page_start) for k, ln in enumerate(body)])
    in_block = {k for b in blocks for k in range(b[0], b[1] + 1)}

    # Join the remaining lines into paragraphs.
    flow_at = [k for k in range(len(body)) if k not in in_block]
    flow = [body[k] for k in flow_at]
    parts: list[str] = []
    line_of = array("i")
    piece_start: list[int] = []     # where each line of the flow starts in the text
    length = 0
    prev: _Line | None = None
    prev_opens = True
    quoting = 0     # 《 opened in the paragraph and not yet closed: a quoted title goes on
    widths = _column_widths(flow)
    for i, ln in enumerate(flow):
        opens = prev is None
        if prev is not None:
            if ln.closes:
                brk = False     # closing punctuation ends the paragraph before it
            elif ln.opens is not None and ln.part > prev.part and ln.no == prev.no:
                brk = ln.opens  # the next piece of the same printed line
            elif ln.text.startswith("各") and (addressee_lines([x.text for x in flow[i:i + 3]]) or (
                    flow_at[i] - flow_at[i - 1] > 1 and opens_addressees([x.text for x in flow[i:i + 3]]))):
                # A document opens here (printed inside its attachment's text, or where a
                # title block was lifted before it).
                brk = True
            else:
                brk = _paragraph_break(prev, ln, widths[i], prev_opens) and not (quoting and _closes_quote(ln.text))
            if brk:
                parts.append("\n")
                line_of.append(prev.no)
                length += 1
                opens = True
                quoting = 0
        if ln.closes and prev is not None:
            # The paragraph test after it sees the printed line it closes.
            ln = _Line(ln.no, prev.text + ln.text, prev.indent, False, prev.width + visual_width(ln.text), ln.page,
                       ln.block, ln.part, ln.opens, True)
            text_piece = ln.text[len(prev.text):]
            opens = prev_opens
        else:
            text_piece = ln.text
        piece_start.append(length)
        parts.append(text_piece)
        if "《" in text_piece or "》" in text_piece:
            quoting = max(0, quoting + text_piece.count("《") - text_piece.count("》"))
        # The line number once for every character, repeated at C level (no list of ints).
        line_of.frombytes(_pack_line_no(ln.no) * len(text_piece))
        length += len(text_piece)
        prev, prev_opens = ln, opens
    piece_start.append(length)      # (the end: for what follows the last line)
    # A lifted title block, heading or label stands where the text goes on after it: at the
    # first line of the flow past it (the flow is in the order of the file).
    flow_nos = [ln.no for ln in flow]
    block_offsets = {b[0]: piece_start[bisect_right(flow_at, b[0])] for b in blocks}
    heading_offsets = {no: piece_start[bisect_right(flow_nos, no)] for no in headings_at}
    label_offsets = [(piece_start[bisect_right(flow_nos, no)], *label_at[no]) for no in sorted(label_at)]
    text = "".join(parts)
    assert len(text) == len(line_of)

    title_blocks = [
        TitleBlock(doc_number=b[2], title=b[3], line=body[b[0]].no, end_line=body[b[1]].no, offset=block_offsets[b[0]])
        for b in blocks
    ]
    headings = [Heading(text=h[0], line=no, offset=heading_offsets[no], kind=h[1]) for no, h in sorted(headings_at.items())]
    issue = Issue(
        key=_issue_key(gazette, raw_text),
        path=path,
        lines=raw_lines,
        text=text,
        line_of=line_of,
        gazette=gazette,
        title_blocks=title_blocks,
        headings=headings,
        file_line=file_line,
    )
    if reading is not None:
        issue.printed = printed_chars(text, line_of, printed_lines, raw_lines)
    issue.sections = find_sections(issue, label_offsets)
    return issue


def load_issue(path: str | Path) -> Issue:
    """Read and normalize one input file: text, PDF or web page, told apart by content
    (`sources.read_source`); `InputError` names the file if it is unreadable or holds no
    Chinese text. Any Chinese government text is read: a whole gazette issue, a single
    document, a web page or a news report (`input_kind` tells which). The issue keeps the
    page of each line (PDF) and the file's SHA-256, format and metadata (`Issue.origin`)."""
    src = read_source(path)
    text = src.text     # (joined from its lines on each call: once here)
    # The same test as `check_input`, on the same text: a build checks every file before it
    # writes any, and a file it passed must not fail here, half-way through the build.
    _check_chinese(text, path)
    issue = normalize(text, str(path))
    issue.page_of_line = src.pages
    issue.origin = src
    return issue


def check_input(path: str | Path) -> None:
    """Check that a file can be read as Chinese government text, without normalizing it: what
    `load_issue` refuses for being unreadable or holding no Chinese text is refused here too,
    at the cost of reading the file only (a build checks every file before writing any)."""
    _check_chinese(read_source(path).text, path)


#: The fewest Chinese characters a text must hold: the shortest statement of a fact is about
#: this long ("任命张三为市长。" has 7); fewer is a title, a label or a stray line.
MIN_CJK_CHARS = 6


def _check_chinese(text: str, path: str | Path) -> None:
    n = 0
    for _ in re.finditer(r"[\u4e00-\u9fff]", text):
        n += 1
        if n >= MIN_CJK_CHARS:
            return
    if not n:
        raise InputError(path, "no Chinese text found; govkg reads Chinese government texts")
    if n < MIN_CJK_CHARS:
        raise InputError(path, f"only {n} Chinese characters; too short to state a fact")


def looks_like_gazette(issue: Issue) -> bool:
    """Does the text bear a mark of a whole gazette issue? A truncated issue keeps some (a
    running head, a gazette name, a section heading such as 人事任免); a single notice or a
    news report has none."""
    g = issue.gazette
    return bool(g.year and g.issue or g.name or g.total_issue or issue.headings)


def input_kind(issue: Issue) -> str:
    """issue | document | article: a whole gazette issue, one official document (its title,
    number or signature printed), or any other text (a news report, a web page)."""
    if looks_like_gazette(issue):
        return "issue"
    if issue.title_blocks or DOC_NUMBER_LINE.search(issue.text) or re.search(
        r"[〔﹝\[]\s*(?:19|20)\d\d\s*[〕﹞\]]\s*\d+\s*号", issue.text[:600]
    ):
        return "document"
    return "article"
