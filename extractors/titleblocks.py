"""Title blocks: a document's number and title printed as a block of short lines.

In: the non-furniture lines of an issue as (line number, text, indent, page_start).
Out: (first line, last line, doc number or None, title) for each block found.

Gazettes print a document's title block (number + title broken over lines) either before
its text or, often, after its first page of text, in the middle of a sentence. The layout
lifts these blocks out of the running text so the sentence reads on, and the documents
extractor attaches each block to its document.

Two kinds of block are found:
- numbered blocks: a line that is a document number alone, with the title lines printed
  just after it or just before it;
- unnumbered blocks: title lines printed right after a signature's date line with no number
  beside them (joint departmental notices print their number pages later, beside the
  attached measure's title, or at the top of the text). The documents extractor pairs them
  with their number.

Which lines above a number belong to its title is decided by the title's head: a title
starts at "…关于" / "…印发" (or at a line of issuer names printed above such a line), never
across a signature's date line, so signatures, dates and chapter headings ("附 则") printed
above a block stay in the text.
"""
from __future__ import annotations

import re

from .bodies import body_endings
from .lexicons import lexicon
from .names import CJK_CHAR
from .patterns import DATE_LINE, DOC_NUMBER, DOC_NUMBER_LINE, canonical_doc_number, despace

#: Words a document title ends with (the kind of document), from data/doc_kinds.txt.
DOC_TYPES = lexicon("doc_kinds.txt")
_TITLE_END = re.compile(rf"(?:{'|'.join(DOC_TYPES)})(?:[（(][^）)]{{1,8}}[)）])?$")
#: Endings of the name of a body that issues documents (data/body_endings.tsv, use `issuer`).
ISSUER_ENDINGS = body_endings("issuer")
_NOT_TITLE = re.compile(r"[，。；：！？,;:!?]|^(?:△|第[一二三四五六七八九十百]+[章条]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
#: Where a title's own words start: the subject ("关于…") or the act ("印发《…》").
TITLE_HEAD = re.compile(r"关于|印发|转发")
#: The last characters of those endings: a line that ends in none of them names no issuer.
_ISSUER_LAST_CHARS = frozenset(ending[-1] for ending in ISSUER_ENDINGS)
ISSUER_END = re.compile(rf"(?:{'|'.join(sorted(ISSUER_ENDINGS, key=len, reverse=True))})$")

#: The line under a 人大 decision's title saying when the session passed it:
#: "（2023年5月31日济源市第十五届人民代表大会常务委员会第七次会议通过）".
PASSED_LINE = re.compile(r"^[（(]\s*(?:(?:19|20)\d\d\s*年|[〇○零一二三四五六七八九]{4}年)[^（）()]{2,80}(?:通过|批准|决定)[)）]$")
#: Rows of a web page's metadata table printed between a title and the text: "索 引 号 …",
#: "发布机构 … 文 号 …", a publication time "2023-01-05 10:00 …".
PAGE_META_ROW = re.compile(
    r"^(?:(?:19|20)\d\d-\d\d-\d\d|(?:索\s*引\s*号|发\s*布\s*机\s*构|发\s*文\s*机\s*关|分\s*类|主\s*题\s*分\s*类|"
    r"文\s*号|发文字号|发\s*文\s*日\s*期|成\s*文\s*日\s*期|发\s*布\s*日\s*期|发\s*布\s*时\s*间|有\s*效\s*性|来\s*源|时\s*间|浏览次数|字号)\s*[：:\s])"
)

#: "附件" / "附件2" alone on a line: an attachment starts below, the title has ended.
ATTACHMENT_MARK = re.compile(r"^附\s*件\s*\d*$")

Line = tuple[int, str, int, bool]


#: A heading that prints the number after the title: "…的通知（岳办发〔2017〕2号）".
_TITLE_THEN_NUMBER = re.compile(rf"^(?P<title>.+?)[（(](?P<number>{DOC_NUMBER.pattern})[)）]$")
#: Leftovers of a page's metadata rows that PAGE_META_ROW does not name ("视力保护色:", "浏览量:").
_META_TAIL = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]\s*$")


def is_title_line(text: str, indent: int) -> bool:
    """Could this printed line be (part of) a document title? A printed line holds at most
    about 40 characters; a web page prints a whole title on one line (up to ~80)."""
    return (
        indent < 8
        and 1 < len(text) <= 80
        and not _NOT_TITLE.search(text)
        and not DATE_LINE.match(text)
        and CJK_CHAR.search(text) is not None                 # registration codes (ZJCC…) are not titles
        and not DOC_NUMBER.match(text)                     # a catalog row: number and title
    )


def title_ends(title: str) -> bool:
    """Does the text end like a title ("…的通知", "…办法（试行）")? Spaces are ignored
    because titles are printed spaced out ("通  知")."""
    return bool(_TITLE_END.search(despace(title)))


def is_issuer_line(text: str) -> bool:
    """A line of one or more issuer names, nothing else: "温州市商务局 温州市财政局"."""
    if text.rstrip()[-1:] not in _ISSUER_LAST_CHARS:
        return False   # (its last name ends the line: most lines are passed here)
    parts = [p for p in text.split(" ") if p]
    if len(parts) > 1 and all(len(p) == 1 for p in parts):   # spaced out: "温 州 市 财 政 局"
        parts = [despace(text)]
    # (endswith, not ISSUER_END: the same test, without a regex scan of every line's every position)
    return bool(parts) and all(len(p) >= 3 and p.endswith(ISSUER_ENDINGS) and not TITLE_HEAD.search(p) for p in parts)


def head_start(texts: list[str]) -> int | None:
    """Index in texts (top to bottom) where the title starts, by its head; None if no head."""
    heads = [k for k, t in enumerate(texts) if has_head(t)]
    if not heads:
        return None
    k = heads[0]
    # Issuer names printed on their own line above "关于…" belong to the title.
    while k > 0 and is_issuer_line(texts[k - 1]):
        k -= 1
    # An issuer's name broken over lines ("…集聚区（经开" / "区、瓯飞）管委会印发…") leaves a
    # bracket closed that opened above: the title starts where the bracket opened.
    while k > 0 and _unbalanced("".join(texts[k:])):
        k -= 1
    return k


def _unbalanced(s: str) -> bool:
    depth = 0
    for ch in s:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
            if depth < 0:
                return True
    return False


def _runs_on(text: str, indent: int) -> bool:
    """Can a title's run of lines take this line: a title line, not a number, not 附件?"""
    return is_title_line(text, indent) and not ATTACHMENT_MARK.match(text) and not DOC_NUMBER_LINE.match(text)


def _run_after(lines: list[Line], start: int, limit: int = 5) -> list[int]:
    """Indices of the title lines printed from `start` on (at most `limit`)."""
    taken: list[int] = []
    for j in range(start, min(len(lines), start + limit)):
        no, text, indent, _ = lines[j]
        if taken and len(text) == 1 and "\u4e00" <= text <= "\u9fff" \
                and title_ends("".join(lines[k][1] for k in taken) + text):
            # The last character of a title wrapped onto a line of its own ("…名单的通" / "知").
            taken.append(j)
            break
        if not _runs_on(text, indent):
            break
        taken.append(j)
    return taken


def _best_prefix(lines: list[Line], idxs: list[int]) -> tuple[list[int], str] | None:
    """The longest leading part of idxs whose joined text ends like a title."""
    best = None
    for n in range(1, len(idxs) + 1):
        title = "".join(lines[k][1] for k in idxs[:n])
        if title_ends(title):
            best = (idxs[:n], title)
    return best


def _title_after(lines: list[Line], i: int) -> tuple[list[int], str] | None:
    return _best_prefix(lines, _run_after(lines, i + 1))


def _title_before(lines: list[Line], i: int) -> tuple[list[int], str] | None:
    """The title printed just above line i (ending on the line right above it)."""
    taken: list[int] = []
    for j in range(i - 1, max(-1, i - 6), -1):
        no, text, indent, _ = lines[j]
        if not taken and j == i - 1 and _last_char_of_title(lines, j):
            taken.append(j)      # the title's last character wrapped onto a line of its own
            continue
        if DOC_NUMBER_LINE.match(text) or not is_title_line(text, indent):
            break
        taken.append(j)
    if not taken:
        return None
    taken.reverse()
    texts = [lines[k][1] for k in taken]
    if not title_ends("".join(texts)):
        return None
    k = head_start(texts)
    if k is None:
        # No head: a title printed without one (an attached measure's name) is one or two lines.
        k = max(0, len(taken) - 2)
    else:
        for n in range(k + 1, len(texts)):
            if title_ends("".join(texts[k:n])) and head_start(texts[n:]) == 0:
                k = n   # a page heading repeating the title over the title printed again
                break
    idxs = taken[k:]
    return idxs, "".join(lines[j][1] for j in idxs)


def _last_char_of_title(lines: list[Line], j: int) -> bool:
    """Is line j one Chinese character that ends the title on the line above ("…行动的通" /
    "知")? A narrow column wraps a title's last character onto a line of its own."""
    text = lines[j][1]
    return (
        j > 0 and len(text) == 1 and "\u4e00" <= text <= "\u9fff"
        and is_title_line(lines[j - 1][1], lines[j - 1][2])
        and not title_ends(lines[j - 1][1]) and title_ends(lines[j - 1][1] + text)
    )


def has_head(title: str) -> bool:
    """Does the title hold a head (关于/印发/转发), maybe spaced out ("关 于")?"""
    # A line without both characters of a head is passed without despacing it (发 and 于
    # alone are common: 发展, 对于).
    if not ("于" in title and "关" in title or "发" in title and ("印" in title or "转" in title)):
        return False
    return TITLE_HEAD.search(despace(title)) is not None


def joined_lines(texts: list[str]) -> str:
    """Lines joined for `lines_matching`: each after a "\n"."""
    return "\n" + "\n".join(texts)


def lines_matching(pattern: re.Pattern[str], joined: str) -> list[int]:
    """The indices of the lines (`joined` by `joined_lines`) that hold a match of `pattern`,
    in order. One scan of all lines: a test on each line costs more where few lines match.
    The pattern matches one character at least and no "\n" but maybe one at its start (the
    start of a line: r"\n[（(]"); the line of a match is the line of its last character."""
    found: list[int] = []
    line, counted_to = -1, 0
    for m in pattern.finditer(joined):
        last = m.end() - 1
        line += joined.count("\n", counted_to, last)    # (counted on from the match before)
        counted_to = last
        if not found or found[-1] != line:
            found.append(line)
    return found


_NUMBER_END = re.compile("号")
_OPENING_BRACKET = re.compile(r"\n[（(]")


def find_title_blocks(lines: list[Line]) -> list[tuple[int, int, str | None, str]]:
    blocks: list[tuple[int, int, str | None, str]] = []
    used: set[int] = set()
    texts = [line[1] for line in lines]
    joined = joined_lines(texts)
    # Every document number ends in 号, which most lines do not hold: the passes that look
    # for a number visit only the lines that do.
    numbered = lines_matching(_NUMBER_END, joined)
    for i in numbered:
        text = lines[i][1]
        if i in used or not DOC_NUMBER_LINE.match(text):
            continue
        number = canonical_doc_number(text)
        after = _title_after(lines, i)
        before = _title_before(lines, i)
        run: tuple[list[int], str] | None
        if after and before:
            # A notice's title has a head (关于/印发); the name of its attached measure,
            # printed on the other side of the number, does not.
            run = before if has_head(before[1]) and not has_head(after[1]) else after
        else:
            run = after or before
        if run is None:
            continue
        idxs, title = run
        if any(k in used for k in idxs):
            continue
        span = sorted(idxs + [i])
        used.update(span)
        blocks.append((lines[span[0]][0], lines[span[-1]][0], number, despace(title)))

    # A web page's heading holding the title and its number in brackets after it, over the
    # text: "…印发《…》的通知（岳办发〔2017〕2号）", then (past a metadata table) the addressees.
    for i in numbered:
        _no, text, indent, _ = lines[i]
        if i in used or not text.endswith((")", "）")) or not is_title_line(text, indent):
            continue
        m = _TITLE_THEN_NUMBER.match(despace(text))
        if not m or not title_ends(m["title"]) or not TITLE_HEAD.search(m["title"]):
            continue
        nxt = i + 1
        while nxt < len(lines) and nxt - i <= 6 and (PAGE_META_ROW.match(lines[nxt][1]) or _META_TAIL.match(lines[nxt][1])):
            nxt += 1
        if nxt < len(lines) and _opens_addressees(lines, nxt):
            used.add(i)
            blocks.append((lines[i][0], lines[i][0], canonical_doc_number(m["number"]), m["title"]))

    # Unnumbered blocks: a title printed right after a signature's date, or printed on top
    # of a document's addressee line ("各县（市、区）…：").
    # Such a title has its head on one of its lines (at most five, `_run_after`): only the
    # lines up to four above a line with a head (few) can start one.
    # (Every head ends in 于 or 发: most lines are passed by that test, without a call.)
    heads = [k for k, text in enumerate(texts) if ("于" in text or "发" in text) and has_head(text)]
    for i in sorted({i for k in heads for i in range(max(0, k - 4), k + 1)}):
        _no, text, indent, _ = lines[i]
        if i in used or (i > 0 and (i - 1) in used):
            continue
        # A block that starts here has a head or an issuer name on its first line, which is
        # a title line (not 附件), or a bracket closing below that opened here.
        if not (has_head(text) or is_issuer_line(text) or any(")" in t or "）" in t for _, t, _, _ in lines[i + 1:i + 5])):
            continue
        if not is_title_line(text, indent) or ATTACHMENT_MARK.match(text):
            continue
        after_date = i > 0 and bool(DATE_LINE.match(lines[i - 1][1]))
        idxs = []
        for k in _run_after(lines, i):
            if k in used:
                break
            idxs.append(k)
        if not idxs or head_start([lines[k][1] for k in idxs]) != 0:
            continue
        found = _best_prefix(lines, idxs)
        if found is None:
            continue
        taken, title = found
        if _restarts(lines, taken):
            continue   # a heading repeating the title: the title proper starts below it
        nxt = taken[-1] + 1
        if nxt < len(lines) and DOC_NUMBER_LINE.match(lines[nxt][1]):
            continue   # a number follows: the numbered pass should have taken it
        while nxt < len(lines) and nxt - taken[-1] <= 6 and PAGE_META_ROW.match(lines[nxt][1]):
            nxt += 1   # a web page's metadata table between the title and the text
        opens_text = nxt < len(lines) and (_opens_addressees(lines, nxt) or bool(PASSED_LINE.match(lines[nxt][1])))
        if not after_date and not opens_text:
            continue
        used.update(taken)
        blocks.append((lines[taken[0]][0], lines[taken[-1]][0], None, despace(title)))

    # A law or regulation a people's congress passed has a title without 关于/印发 and the
    # session that passed it under it: "陕西省机关运行保障条例" / "（2025年7月30日…会议通过）".
    opening_bracket = lines_matching(_OPENING_BRACKET, joined)    # as the session's line does
    for p in opening_bracket:
        if p in used or not PASSED_LINE.match(lines[p][1]):
            continue
        idxs = []
        k = p - 1
        while k >= 0 and len(idxs) < 2 and k not in used and is_title_line(lines[k][1], lines[k][2]) \
                and not (idxs and lines[k][1] == lines[idxs[0]][1]):    # a heading repeating the title
            idxs.insert(0, k)
            k -= 1
        while idxs and not title_ends("".join(lines[j][1] for j in idxs)):
            idxs.pop(0)
        if idxs:
            # The longest ending like a title, unless its first line already is one (a heading).
            if len(idxs) == 2 and title_ends(lines[idxs[0]][1]):
                idxs = idxs[1:]
            used.update(idxs)
            blocks.append((lines[idxs[0]][0], lines[idxs[-1]][0], None, despace("".join(lines[j][1] for j in idxs))))

    # A number printed alone, with no title beside it (the title is elsewhere on the page):
    # lifted too, so that the sentence it interrupts reads on; its title is found by the
    # documents extractor.
    for i in numbered:
        no, text, _indent, _ = lines[i]
        if i not in used and DOC_NUMBER_LINE.match(text):
            used.add(i)
            blocks.append((no, no, canonical_doc_number(text), ""))
    return sorted(blocks)


def _restarts(lines: list[Line], taken: list[int]) -> bool:
    """Does a later line of this run start a title of its own (its own 关于/印发 head) after
    lines that already read as a whole title? Then those lines are a heading that repeats the
    title ("…的通知（2019修订）" above "…的通知"), not part of it."""
    for n in range(1, len(taken)):
        before = "".join(lines[k][1] for k in taken[:n])
        if title_ends(before) and head_start([lines[k][1] for k in taken[n:]]) == 0:
            return True
    return False


def _opens_addressees(lines: list[Line], i: int) -> bool:
    """Does line i open an addressee list ("各县（市、区）人民政府，…：", maybe over lines)?"""
    text = lines[i][1]
    if not text.startswith("各"):
        return False
    joined = "".join(t for _, t, _, _ in lines[i:i + 3])
    colon = re.search(r"[：:]", joined)
    return colon is not None and not re.search(r"[。；]", joined[: colon.start()])
