"""Run-on printed lines: where one printed line holds the end of one block of text and the
start of the next.

In: the text of a printed line and of the lines around it (strings, as the layout holds them).
Out: where to cut the line (an offset into it), or None; extractors/layout.py makes the pieces
and decides the paragraphs (after a title's end or a number the sentence goes on; an
addressee list, a bulleted item, a day label or an attachment list opens a paragraph).

A gazette set with care starts every paragraph, title, addressee line and document number on
a line of its own, and never starts a line with closing punctuation (the 禁则 of Chinese
typesetting). A page set by a word processor, or re-set by a tool that flows the text
without keeping its paragraph ends, does neither: a title's last line runs on into the text
("…美化行动方案的通知为高水平推进温"), an addressee line follows the last sentence of the
document before it ("…并通报结果。各县（市、区）人民政府"), a diary's items and day labels
run together ("…会议。4日" / "△ 市长…"), a document number printed as a block lands
inside a sentence ("…经过公示，充温综法发〔2020〕32" / "号"), and a full stop that did not
fit opens the next line ("。娄绍光 负责生态环境…"). The layout cuts such lines
with these rules before it finds title blocks and paragraphs, so it reads them as a
carefully set page would print them. Each rule looks for a shape that prose does not have:
a title that ends and is followed by more text on its line, a sentence end followed by an
addressee list or a bullet, a bare document number that no citation introduces,
punctuation opening a line. Text files printed from carefully set pages have none of these
shapes, so the rules leave them as they are.
"""
from __future__ import annotations

import re

from .names import CJK_CHAR
from .patterns import DATE_LINE, DOC_NUMBER, DOC_NUMBER_LINE, YEAR_OPENS, despace
from .titleblocks import (
    DOC_TYPES,
    PASSED_LINE,
    has_head,
    head_start,
    is_title_line,
    joined_lines,
    lines_matching,
    title_ends,
)

#: Punctuation that closes what comes before it and never opens a line on a set page.
CLOSERS = "。，、；：！？）》」』”’〉】"


def leading_closers(text: str) -> int:
    """How many characters of closing punctuation open this line, when text follows them
    (a line of closers alone is a table's shredded cell, left as it is)."""
    n = len(text) - len(text.lstrip(CLOSERS))
    return n if 0 < n < len(text) and CJK_CHAR.match(text[n]) else 0


# --- a title running on into the text ---------------------------------------------------

#: The most characters a printed line of a page holds (a paragraph of web text is longer).
PRINTED_LINE = 48
_KIND_IN_LINE = re.compile(rf"(?:{'|'.join(sorted(DOC_TYPES, key=len, reverse=True))})(?:[（(][^（）()]{{1,8}}[)）])?")
#: The shapes `may_run_on` looks for, tested one by one (one alternation of them all was
#: three times slower: it runs on every printed line).
_AFTER_SENTENCE = re.compile(r"[。！？；](?:[△▲●■◆附]|\d)")
_NUMBER_AT_END = re.compile(r"〕\s*\d{0,4}\s*$")
_KIND_BEFORE_MORE = re.compile(rf"(?:{'|'.join(sorted(DOC_TYPES, key=len, reverse=True))}).")
#: A title that goes on after a kind word: "…标准（试行）的通知", "…要点的通知", its number "〔2019〕".
_GOES_ON = re.compile(r"^(?:[（(][^（）()]{1,8}[)）])?[的〔]")


def may_run_on(text: str) -> bool:
    """Could any rule cut this line? A quick test that lets most lines of prose pass: a line
    to cut holds closing punctuation at its start, 各, 号, a kind of document, a bullet, a
    digit or 附 after a sentence's end, or a document number cut by its end."""
    return (text[:1] in CLOSERS or "各" in text or "号" in text
            or ("〕" in text and _NUMBER_AT_END.search(text) is not None)
            or _AFTER_SENTENCE.search(text) is not None
            or _KIND_BEFORE_MORE.search(text) is not None)


#: `may_run_on`'s tests as patterns over all lines at once (`joined_lines`): none matches
#: across a line end (`[^\S\n]` is `\s` within a line, `$` a line's end under re.M). Each
#: is a simple pattern: an alternation of them scans several times slower.
_MAY_RUN_ON_SHAPES = (
    re.compile(rf"\n[{CLOSERS}]"),
    re.compile("[各号]"),
    re.compile(r"〕[^\S\n]*\d{0,4}[^\S\n]*$", re.M),
    _AFTER_SENTENCE,
    _KIND_BEFORE_MORE,
)


def lines_that_may_run_on(texts: list[str]) -> set[int]:
    """The indices of the lines (none empty, as the layout's) that `may_run_on` passes, found
    by scanning all lines at once: most lines pass none of its tests, and its calls on each
    line cost half as much again as these scans."""
    joined = joined_lines(texts)
    found: set[int] = set()
    for shape in _MAY_RUN_ON_SHAPES:
        found.update(lines_matching(shape, joined))
    return found


def kind_word_inside(text: str) -> bool:
    """Does a kind of document end somewhere inside the line, before its end (a quick test
    before `title_end_cut`)?"""
    return any(1 < m.end() < len(text) for m in _KIND_IN_LINE.finditer(text))


def title_end_cut(above: list[tuple[str, int]], text: str, below: str = "") -> int | None:
    """Where the title ends in `text`, when the title lines printed above it (`above`: (text,
    indent) of the lines right above, nearest last) and the start of `text` read as a whole
    title (a head 关于/印发 and a kind of document at the end) and more text follows on the
    line: "动方案（2018-2022年）的通知为高水平推进温" -> cut after 通知. A title that goes on
    ("…工作要点的" / "通  知": the kind word names the measure it issues) is not cut."""
    if len(text) > PRINTED_LINE:
        return None
    # The title has its head (关于/印发) on this line or on the lines above that it takes:
    # without one anywhere, no title ends here (most lines are passed by this cheap test).
    if not has_head(text) and not any(has_head(prev) for prev, _ in above[-4:]):
        return None
    # Where a kind of document ends in the line (maybe with a note: "办法（试行）"), last first.
    ends = sorted({m.end() for m in _KIND_IN_LINE.finditer(text) if 1 < m.end() < len(text)}, reverse=True)
    if not ends or title_ends(text) or title_ends(text + below):
        return None
    run: list[str] = []
    after = text
    for prev, indent in reversed(above[-4:]):
        if DOC_NUMBER_LINE.match(prev) or DATE_LINE.match(prev) or not is_title_line(prev, indent):
            break
        if PASSED_LINE.match(prev) or title_ends(prev) and not _GOES_ON.match(after):
            return None  # a title ended above ("…的决定" / "（…通过）"): this line is the text's
        run.insert(0, prev)
        after = prev
    for k in ends:
        head, rest = text[:k], text[k:]
        if rest[0] in CLOSERS or _GOES_ON.match(rest) or rest.isspace() or not is_title_line(head, 0):
            continue
        if not title_ends(head):
            continue
        texts = run + [head]
        start = head_start(texts)
        if start is None or not title_ends("".join(texts[start:])):
            continue
        if _quoting("".join(texts[start:]), rest + below):
            return None      # a title quoted in a sentence: 《…》 opens or closes around it
        return k
    return None


def _quoting(title: str, rest: str) -> bool:
    """Is this title quoted in running text rather than printed as a title: its 《》 do not
    pair up, or the text after it closes a quotation ("…的实施意见》（浙政办发")?"""
    depth = 0
    for ch in title:
        depth += {"《": 1, "》": -1}.get(ch, 0)
        if depth < 0:
            return True
    quote = re.search(r"[《》]", rest)
    return depth != 0 or (quote is not None and quote[0] == "》")


# --- an addressee line running on after a sentence -------------------------------------

#: The end of a body's name, as addressees are listed: "…人民政府", "市各有关单位", "…（城市管理局）".
_ADDRESSEE_END = re.compile(
    r"(?:单位|部门|机构|政府|局|委|办|厅|会|院|所|处|队|室|中心|企业|公司|党委|党组|组)(?:[（(][^（）()]{1,20}[)）])?$"
)
_SENTENCE_END = "。！？"


def opens_addressees(texts: list[str]) -> bool:
    """Do these lines (the first and the ones after it) open an addressee list: "各县（市、
    区）人民政府，市各有关单位：", maybe over lines? Its items are bodies, listed with ，、,
    and it ends with a colon before any sentence ends."""
    first = texts[0] if texts else ""
    if not first.startswith("各"):
        return False
    lines = "".join(texts[:3])
    if "：" not in lines and ":" not in lines:
        return False    # (no colon ends a list here: passed before despacing the lines)
    joined = despace(lines)
    colon = re.search(r"[：:]", joined)
    if colon is None or colon.start() > 90 or re.search(r"[。；！？]", joined[: colon.start()]):
        return False
    items = [x for x in re.split(r"[，、,](?![^（(]*[)）])", joined[: colon.start()]) if x]
    return bool(items) and bool(_ADDRESSEE_END.search(items[-1])) and bool(_ADDRESSEE_END.search(items[0]))


def addressee_cut(text: str, below: list[str], before: str = "") -> int | None:
    """Where an addressee list starts on a line after other text: "…并通报结果。各县（市、
    区）人民政府", "…项光清 续展各县（市、区）人民" (the last row of a table) -> cut before
    各 (`below`: the lines after). The list's colon ends a printed line, as an addressee
    line's does; a sentence that addresses bodies ("要求各地各部门：…") goes on after it."""
    if "各" not in text:
        return None
    if not any("：" in t or ":" in t for t in (text, *below[:2])):
        return None    # (the list ends with its colon, on this line or the two below)
    for m in re.finditer("各", text):
        k = m.start()
        # After a sentence, or after text that is no list (a table's last row): "，市各有关单
        # 位" is an item of the list, not its start (`before`: what opened the line, "，").
        if k == 0 or not (text[k - 1] in _SENTENCE_END or CJK_CHAR.match(text[k - 1]) and not re.search(r"[，、,]", before + text[:k])):
            continue
        if addressee_lines([text[k:], *below[:2]]):
            return k
    return None


def addressee_lines(texts: list[str]) -> bool:
    """Do these printed lines open an addressee list that ends with its colon at the end of a
    printed line, as an addressee line does (a sentence addressing bodies, "要求各地各部门：
    …", goes on after its colon)?"""
    if not opens_addressees(texts):
        return False
    ends = next((t for t in texts if re.search(r"[：:]", t)), "")
    return bool(re.search(r"[：:]\s*$", ends))


# --- a list item running on after the one before ---------------------------------------

#: Bullets that open the items of a list (a diary's events: "△市长…参加…").
BULLETS = "△▲●■◆"
_ITEM_ANYWHERE = re.compile(rf"[。！？；](?:[{BULLETS}附]|\d)")
_ITEM_START = re.compile(rf"[{BULLETS}]|附\s*件\s*\d*\s*[：:]|\d{{1,2}}(?:日(?=[{BULLETS}]|\s*$)|\s*$)")


def item_cut(text: str, below: list[str]) -> int | None:
    """Where a bulleted item, the day label over a diary's items ("4日") or a notice's list
    of attachments ("附件：") starts after a sentence that ends on the same line:
    "…工作例会。△副市长…", "…视频会议。4日" / "△…", "…新的贡献。附件：20" / "18年度…"."""
    if not _ITEM_ANYWHERE.search(text):
        return None
    for m in re.finditer(r"[。！？；]", text):
        k = m.end()
        start = _ITEM_START.match(text, k)
        if start is None:
            continue
        if start[0][0] not in BULLETS + "附" and not text[start.end():].strip():
            # "…。14日" or "…。14" / "日" ends the line: a day label only if an item follows.
            after = "".join(below[:2]).lstrip()
            if not start[0].endswith("日"):
                if not after.startswith("日"):
                    continue
                after = after[1:].lstrip()
            if after[:1] not in BULLETS or not after:
                continue
        return k
    return None


# --- a document number run into a sentence ----------------------------------------------

#: Words that introduce a cited number ("根据温政办〔2019〕69号"), at the end of the text before it.
_CITING = re.compile(r"(?:根据|按照|依据|依照|参照|对照|贯彻|落实|执行|印发|转发|见|和|及|与|或|即|以|据|经|的)$")
#: What carries a cited number on: "号文件", "精神", a closing bracket, the next item of a list.
_CITED_ON = re.compile(r"^\s*(?:[）)》〉”’、，；。：]|文|精神|要求|规定|等|通知|意见|的)")
#: A number cut by the end of its line: code and year, maybe part of the serial.
_NUMBER_CUT = re.compile(
    r"(?P<code>[\u4e00-\u9fff]{1,8})\s*[〔﹝\[【［(（]\s*(?:19|20)\d\d\s*[〕﹞\]】］)）]\s*\d{0,4}\s*$"
)
_NUMBER_REST = re.compile(r"^\s*\d{0,4}\s*号")
#: The bracketed year every document number holds ("〔2020"): a line without one is passed
#: before `DOC_NUMBER`'s scan, which tries every Chinese character as a code's start.
_NUMBER_YEAR = re.compile(rf"[{YEAR_OPENS}]\s*(?:19|20)\d\d")


#: What a number's code plainly starts after: a bracket, a space, the 、 of a list of numbers.
#: (After "：" or "，" a sentence goes on: "（责任单位：市温政办〔2020〕57号" is not 市温政办.)
_PLAIN_BEFORE = "（(【[〔《“、 \u3000"


def known_codes(texts: list[str]) -> set[str]:
    """The issuer codes of the document numbers printed where their start is plain: at the
    start of a line, after a bracket or a space ("（温综法发〔2020〕17号）")."""
    codes = set()
    for text in texts:
        if "号" not in text or not _NUMBER_YEAR.search(text):
            continue
        for m in DOC_NUMBER.finditer(text):
            if m.start() == 0 or text[m.start() - 1] in _PLAIN_BEFORE:
                codes.add(despace(m["code"]))
    return codes


def run_in_number(text: str, after: str, codes: set[str]) -> tuple[int, int] | None:
    """A document number printed at the end of this line, run into the sentence before it:
    (where it starts in `text`, how many characters of the next line `after` complete it: a
    number cut by the line's end, "…充温综法发〔2020〕32" / "号").

    Its code is one the issue prints elsewhere where it plainly starts (`known_codes`): the
    characters before it ("充", "市") are the sentence's. It is not a citation: nothing
    introduces it (no bracket, no 根据/按照 before it) and nothing carries it on (no 文件,
    精神, bracket or list after it)."""
    borrowed = 0
    if "号" not in text and ("号" not in after or not _NUMBER_REST.match(after)):
        return None    # (every number ends in 号, on this line or the next)
    matches = list(DOC_NUMBER.finditer(text)) if "号" in text and _NUMBER_YEAR.search(text) else []
    m = matches[-1] if matches else None
    if m is None or text[m.end():].strip():
        rest = _NUMBER_REST.match(after)     # (the cheaper test first: it is anchored)
        cut = _NUMBER_CUT.search(text) if rest is not None else None
        if cut is None or rest is None:
            return None
        borrowed = rest.end()
        joined = text + after[:borrowed]
        m = DOC_NUMBER.search(joined, cut.start())
        if m is None or m.end() != len(joined):
            return None
        follows = after[borrowed:]
    else:
        follows = after
    code = despace(m["code"])
    known = max((c for c in codes if code.endswith(c) and len(c) >= 2), key=len, default=None)
    if known is None:
        return None
    start = m.start("code") + len(m["code"]) - len(known)
    before = text[:start]
    if not before or not CJK_CHAR.match(before[-1]) or _CITING.search(before):
        return None
    if _CITED_ON.match(follows):
        return None
    return start, borrowed
