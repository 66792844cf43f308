"""Splitting a normalized issue into its parts.

In: an `Issue` whose text is already normalized, plus where column labels stood.
Out: `Section`s covering the text in order: captions (cover photos), documents, policy,
personnel (人事任免), news (政务简讯), diary (政府记事 / 政务动态), catalog (发文目录),
statistics, colophon, other.

The parts are found by what their paragraphs look like (an act of appointment, a diary day,
a catalog row), anchored by the section headings and column labels the layout lifted out,
because headings are printed wherever the PDF put them, often inside the part's first list.
"""
from __future__ import annotations

import bisect
import functools
import re

from .issue import Issue, Section
from .patterns import DOC_NUMBER
from .titleblocks import title_ends

#: A line opening a list of personnel acts: a government's, a party committee's or a congress
#: standing committee's decision ("市政府决定：", "经研究决定：", "中共某某市委决定：",
#: "市人大常委会决定任命："), or a bare verb ("任命：", "免去：", "决定接受：").
PERSONNEL_PREAMBLE = re.compile(
    r"^(?:市政府决定|市人民政府决定|[\u4e00-\u9fff]{0,12}政府决定[^：:]{0,8}|任命|免去|聘任|决定"
    r"|经?研究[，,]?决定|[\u4e00-\u9fff]{0,16}(?:党委|党工委|党组|常委会|市委|县委|区委)(?:研究)?决定[^：:]{0,8}"
    r"|决定(?:任命|免去|聘任|接受))[：:]"
)
_NAME = r"[\u4e00-\u9fff·]{2,10}"
PERSONNEL_ACT = re.compile(
    rf"^{_NAME}(?:、{_NAME})*(?:任|为|兼任|兼)\S|^{_NAME}的\S+职务|^免去|职务[；。]?$|（试用期一年）|^[\u4e00-\u9fff]{{2,4}}：\S+(?:；|。)?$"
    rf"|^[\u4e00-\u9fff]{{2,4}}同志(?:任|为|不再担任)\S|辞去\S+职务"
)
CATALOG_ROW = re.compile(rf"^{DOC_NUMBER.pattern}\s*\S")
CAPTION = re.compile(r"^\d{1,2}月\d{1,2}日[，,]")
COLOPHON = re.compile(r"^(?:主办|承编|编辑部地址|刊号)[：:]")
STATISTICS = re.compile(r"统计局制$|主要统计指标|^统计资料$")
DOCUMENT_START = re.compile(r"^各[县市区]|^各有关单位|^[\u4e00-\u9fff（）、，]{2,40}[：:]$|^通告〔|各县（市、区）")

#: A diary's day label: "3日" alone or before the day's first item ("3日△…"), and as other
#: diaries print it: with the item after a space or a comma ("1日 市委副书记…", "△1日,由…")
#: or run into it ("1日淮南市委书记…", "10日上午"), with the month ("1月5日,市委…"), over
#: days ("8—9日"), in Chinese numerals ("一日 省委…"), or as "是日"/"同日" (the day
#: before's). `day` is None for 是日/同日; `end` ends the label (see `day_label`).
DAY_LABEL = re.compile(
    r"^(?:[△▲]\s*)?(?:(?:(?P<month>\d{1,2})月)?(?P<day>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
    r"(?:\s*[—－–\-~至]\s*\d{1,2})?日|[是同]日)(?P<end>$|[\s，,、：:]+|(?=[△▲])|(?=[\u4e00-\u9fff]))"
)


def day_label(text: str, strict: bool = False) -> re.Match[str] | None:
    """The day label opening a diary paragraph, or None. A Chinese-numeral day must be set
    off from its item ("一日 省委…"; "一日游" is no day). `strict`: a label with the month
    and a comma ("1月17日，省委常委…"), or run into its text ("17日上午"), opens a news report
    as often as a diary item; it does not count where a diary is extended back from its
    heading over the text printed before it."""
    m = DAY_LABEL.match(text)
    if m is None or m["end"] or m.end() == len(text) or text[m.end()] in "△▲":
        if m is not None and strict and m["month"] and m["end"].strip():
            return None
        return m
    # The label runs into its item.
    if strict or (m["day"] and not m["day"].isdigit()):
        return None
    return m


def diary_item(text: str, strict: bool = False) -> bool:
    """Does a paragraph open a diary item or day (`strict`: see `day_label`)?"""
    return text.startswith(("△", "▲")) or day_label(text, strict) is not None


def _catalog_line(text: str) -> bool:
    """A catalog row, or the end of a row's title wrapped onto its own line."""
    return bool(CATALOG_ROW.match(text)) or (len(text) < 30 and not diary_item(text, strict=True) and title_ends(text))


def _run(paras, kinds, i, pred, gap=1, back=None, after_gap=None, stop=None):
    """Extend from paragraph i while pred holds (`back`, where given, going backward),
    tolerating `gap` non-matching paragraphs; going forward, past a non-matching paragraph
    only `after_gap` (where given) takes one, and a paragraph `stop` matches (and `pred`
    does not) ends the run."""
    lo = hi = i
    misses = 0
    j = i + 1
    while j < len(paras):
        text = paras[j][2]
        if kinds[j] is None and (after_gap if misses and after_gap else pred)(text):
            hi = j
            misses = 0
        else:
            misses += 1
            if misses > gap or kinds[j] is not None or (stop is not None and stop(text)):
                break
        j += 1
    misses = 0
    j = i - 1
    back = back or pred
    while j >= 0:
        if kinds[j] is None and back(paras[j][2]):
            lo = j
            misses = 0
        else:
            misses += 1
            if misses > gap or kinds[j] is not None:
                break
        j -= 1
    return lo, hi


def find_sections(issue: Issue, labels: list[tuple[int, str, str]]) -> list[Section]:
    text = issue.text
    paras = [(a, b, text[a:b]) for a, b in issue.paragraphs()]
    if not paras:
        return []
    kinds: list[str | None] = [None] * len(paras)
    starts = [p[0] for p in paras]

    def para_at(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    # Colophon: from the publisher lines to the end, in the second half of the issue.
    for i in range(int(len(paras) * 0.5) + 1, len(paras)):
        if COLOPHON.match(paras[i][2]):
            lo = i - 1 if i > 0 and "公报" in paras[i - 1][2] and len(paras[i - 1][2]) < 20 else i
            for j in range(lo, len(paras)):
                kinds[j] = "colophon"
            break

    # Catalog: runs of "number  title" rows and their continuation lines.
    for i, (_, _, t) in enumerate(paras):
        # (a row starts with a document number, which ends in 号: tested before the regex)
        if kinds[i] is None and "号" in t and CATALOG_ROW.match(t) and not t.endswith(("；", "。")):
            lo, hi = _run(paras, kinds, i, _catalog_line, gap=0)
            rows = sum(1 for k in range(lo, hi + 1) if CATALOG_ROW.match(paras[k][2]))
            if rows >= 3:
                for k in range(lo, hi + 1):
                    kinds[k] = "catalog"

    # Statistics: from the table's title to its label, in the last 40% of the issue.
    for i in range(int(len(paras) * 0.6) + 1, len(paras)):
        t = paras[i][2]
        if kinds[i] is None and len(t) < 40 and STATISTICS.search(t):
            j = i
            while j < len(paras) and kinds[j] is None and not CAPTION.match(paras[j][2]):
                kinds[j] = "statistics"
                j += 1
                if paras[j - 1][2].startswith("注："):
                    break
            break

    # Personnel: acts around the personnel heading (or any preamble).
    anchors = [para_at(h.offset) for h in issue.headings if h.kind == "personnel"]
    # (every preamble ends with its colon: a paragraph without one is passed before the regex)
    anchors += [i for i, p in enumerate(paras) if ("：" in p[2] or ":" in p[2]) and PERSONNEL_PREAMBLE.match(p[2])]
    for a in anchors:
        if kinds[a] is not None:
            continue
        lo, hi = _run(paras, kinds, a, lambda x: bool(PERSONNEL_PREAMBLE.match(x) or PERSONNEL_ACT.search(x)), gap=1)
        for k in range(lo, hi + 1):
            kinds[k] = "personnel"

    # Diary: days and △ items around the diary heading.
    anchors = [para_at(h.offset) for h in issue.headings if h.kind == "diary"]
    anchors += [i for i, p in enumerate(paras) if p[2].startswith(("△", "▲"))]
    for a in anchors:
        if kinds[a] is not None:
            continue
        # A label run into its text ("1日起，各单位…", "15日前") goes on a diary only right after
        # one of its items: past a gap it is as often a notice's deadline as a day. An
        # addressee line opens a document and ends the diary.
        strict = functools.partial(diary_item, strict=True)
        lo, hi = _run(paras, kinds, a, diary_item, gap=2, back=strict, after_gap=strict,
                      stop=lambda x: bool(DOCUMENT_START.search(x)))
        # The first day heading opens the diary even when the heading was printed later.
        for k in range(lo, hi + 1):
            kinds[k] = "diary"

    # Captions: photo captions at the start, before the first document.
    for i, (_, _, t) in enumerate(paras):
        if kinds[i] is not None or DOCUMENT_START.search(t) or DOC_NUMBER.match(t):
            break
        if CAPTION.match(t) or (i > 0 and kinds[i - 1] == "captions" and not CAPTION.match(t) and len(t) < 60):
            kinds[i] = "captions"
        else:
            break

    # Column labels decide the rest: a label names the part of the pages it is printed on.
    # A running head's label names the page below it, a foot label the page above it.
    label_kind: list[str | None] = [None] * len(paras)
    marks = sorted(labels)
    bounds = [para_at(off) for off, _, _ in marks] + [len(paras)]
    prev = 0
    for n, (_off, kind, direction) in enumerate(marks):
        i = bounds[n]
        if kind != "page":
            lo, hi = (prev, i + 1) if direction == "backward" else (i, bounds[n + 1])
            for k in range(lo, min(hi, len(paras))):
                label_kind[k] = label_kind[k] or kind
        prev = i
    first_personnel = next((i for i, k in enumerate(kinds) if k == "personnel"), None)
    for i in range(len(paras)):
        if kinds[i] is None:
            lk = label_kind[i]
            if lk in ("news", "policy", "documents"):
                kinds[i] = lk
            elif first_personnel is not None and i > first_personnel:
                kinds[i] = "news"
            else:
                kinds[i] = "documents"

    # Runs of paragraphs of one kind, as [kind, start, end, heading]; one Section per run.
    runs: list[list] = []
    heads = {para_at(h.offset): h.text for h in issue.headings}
    for i, (s, e, _) in enumerate(paras):
        heading = heads.get(i)
        if runs and runs[-1][0] == kinds[i]:
            runs[-1][2] = e
            runs[-1][3] = runs[-1][3] or heading
        else:
            runs.append([kinds[i] or "documents", s, e, heading])
    return [Section(*run) for run in runs]
