"""Input files as users hold them: a PDF, a web page or a text file in, text lines out.

In: a path. Out: a `SourceText`: the input's text as lines shaped like the text files that
`layout.normalize` reads (one printed line per line, page furniture on lines of its own),
the page each line was read on (PDF) or None, the file's SHA-256, its format (pdf | html |
text), what a web page says of itself (title, publication date, column, source, URL, the
"文号" rows of its information table; also written above its article as "label: value"
lines, the shape a crawler saves and extractors/pagemeta.py reads), and whether the text was
recognised from page images (OCR, the optional `ocr` extra) rather than read from a text
layer. Bad input raises `reading.InputError` naming the file: the caller prints one line and
stops before anything is written.

The kind of input is decided by its bytes, not its name: "%PDF-" near the start is a PDF;
markup (a doctype, <html>, <head>, <body>, or block tags) is a web page; anything else goes
to `reading.decode`, which accepts UTF-8 or GB18030 text and refuses binaries.

PDF text comes from PDFium (pypdfium2), which follows the content stream and so keeps the
columns of a two-column page in reading order, even where both columns share baselines and
any reader that sorts text by position interleaves them. Its characters carry boxes, which
give back what a text file shows with spaces: a signature or date set flush right is
indented. Fonts that are not embedded and whose names are GBK bytes (仿宋_GB2312, 小标宋)
may come out as Latin-1 mojibake ("Ä¿¡¡¡¡Â¼" for 目　　录): such runs are decoded as GBK.
"""
from __future__ import annotations

import ctypes
import hashlib
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .reading import InputError, check_text_size, decode, read_bytes

# --- the result ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceText:
    """One input file's text, as lines, and what is known of where each line came from."""

    path: str
    format: str                              # pdf | html | text
    lines: list[str]
    sha256: str                              # of the file's bytes
    pages: list[int | None] = field(default_factory=list)   # 1-based page of each line (PDF), else empty
    #: Web page: pagemeta's fields (title, published, column, source, url, doc_number, date,
    #: issuer) where known, and other rows of its information table (索引号, 主题分类).
    metadata: dict[str, str] = field(default_factory=dict)
    ocr: bool = False                        # some text was recognised from page images, not read

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def page_of_line(self, line: int) -> int | None:
        """The page (1-based) the 1-based `line` was read on, or None if unknown."""
        if 0 < line <= len(self.pages):
            return self.pages[line - 1]
        return None


def read_source(path: str | Path) -> SourceText:
    """Read any supported input file (see the module docstring); a text over
    `reading.MAX_TEXT_CHARS` characters is refused, whatever its format."""
    source = _read_source(Path(path))
    check_text_size(sum(map(len, source.lines)) + len(source.lines), path)   # (each line and its "\n")
    return source


def _read_source(p: Path) -> SourceText:
    data = read_bytes(p)
    digest = hashlib.sha256(data).hexdigest()
    kind = sniff(data)
    if kind == "pdf":
        lines, pages, ocr = pdf_lines(data, p)
        return SourceText(str(p), "pdf", lines, digest, pages=pages, ocr=ocr)
    if kind == "html":
        lines, meta = html_lines(data, p)
        return SourceText(str(p), "html", lines, digest, metadata=meta)
    refusal = _KNOWN_BINARIES.get(kind)
    if refusal:
        raise InputError(p, f"{refusal}; govkg reads PDF, HTML and text files")
    return SourceText(str(p), "text", decode(data, p).split("\n"), digest)


# --- what kind of file -----------------------------------------------------------------

_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta\s|title>)", re.IGNORECASE)
_BLOCK_TAGS = re.compile(rb"<(?:p|div|table|br|span|td)\b[^>]*>", re.IGNORECASE)
_KNOWN_BINARIES = {
    "zip": "binary file (a ZIP archive: .docx, .xlsx or .ofd?)",
    "ole": "binary file (a legacy Office file: .doc or .xls?)",
    "image": "binary file (an image; scanned pages are read inside a PDF)",
}


def sniff(data: bytes) -> str:
    """pdf | html | zip | ole | image | text, from the bytes themselves."""
    head = data[:4096]
    # The PDF header may follow a little junk (the spec allows it within the first 1 KB).
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "image"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<") and _MARKUP.search(head):
        return "html"
    # A page saved without its head: several block tags near the top.
    if stripped.startswith(b"<") and len(_BLOCK_TAGS.findall(head)) >= 3:
        return "html"
    return "text"


# --- PDF -------------------------------------------------------------------------------

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: Characters a WinAnsi (cp1252) font shows for the bytes 0x80-0x9F.
_CP1252_HIGH = {ch: b for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", "ignore"))}
_MOJIBAKE_RUN = re.compile(r"[\x40-\x7e\x80-\xff" + "".join(_CP1252_HIGH) + r"]{2,}")


def repair_mojibake(line: str) -> str:
    """Decode runs of Latin-1/WinAnsi characters that are GBK bytes ("Ä¿¡¡¡¡Â¼" -> 目　　录).

    A run is replaced only if it holds a Latin-1 letter, decodes as GBK without error and
    gives Chinese: ASCII text, WinAnsi punctuation ("……") and runs that are not valid GBK
    are left alone.
    """
    if not any("\x80" <= ch <= "\xff" or ch in _CP1252_HIGH for ch in line):
        return line

    def fix(m: re.Match) -> str:
        run = m[0]
        # GBK's Chinese lead bytes are 0xB0-0xF7, Latin-1 letters; a run of WinAnsi
        # punctuation alone ("……" is 0x85 0x85) is punctuation.
        if not any("\xa0" <= ch <= "\xff" for ch in run):
            return run
        try:
            raw = bytes(_CP1252_HIGH[ch] if ch in _CP1252_HIGH else ord(ch) for ch in run)
            text = raw.decode("gbk")
        except (UnicodeDecodeError, ValueError):
            return run
        return text if _CJK.search(text) else run

    return _MOJIBAKE_RUN.sub(fix, line)


@dataclass(slots=True)
class _PdfLine:
    text: str
    x0: float
    x1: float
    height: float      # of its tallest character: the font size, near enough


def pdf_lines(data: bytes, path: Path) -> tuple[list[str], list[int | None], bool]:
    """The printed lines of a PDF, the page of each, and whether any page was OCR-read."""
    try:
        import pypdfium2 as pdfium
    except ImportError:   # pragma: no cover - a dependency; only a broken install lacks it
        raise InputError(path, "reading PDF needs pypdfium2 (pip install pypdfium2)") from None
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise InputError(path, "PDF is encrypted (password protected); save an unprotected copy first") from None
        why = re.search(r"PDFium: ([^)]*)", msg)
        raise InputError(path, f"not a readable PDF ({why[1].strip().lower() if why else 'damaged'})") from None
    try:
        if len(doc) == 0:
            raise InputError(path, "PDF has no pages")
        lines: list[str] = []
        pages: list[int | None] = []
        scanned: list[int] = []
        for index in range(len(doc)):
            page = doc[index]
            try:
                printed: list[str] | None = _page_lines(page)
                if not printed and _has_images(page):
                    scanned.append(index)
                    printed = None
            finally:
                page.close()
            if printed is None:
                printed = _ocr_page(doc, index, path)
            for i, text in enumerate(printed):
                # A PDF-to-text tool starts each page's text with one space: the layout
                # normalizer counts pages by it.
                lines.append(" " + text.lstrip() if i == 0 else text)
                pages.append(index + 1)
    finally:
        doc.close()
    if not any(ln.strip() for ln in lines):
        if scanned:
            raise InputError(path, "PDF pages are images in which OCR found no text")
        raise InputError(path, "PDF has no text (no text layer and no page images)")
    return lines, pages, bool(scanned)


def _has_images(page) -> bool:
    from pypdfium2 import raw

    return any(True for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _page_lines(page) -> list[str]:
    """One page's printed lines in content-stream order, each with the spaces that give
    back how far right it was set (signatures, dates)."""
    from pypdfium2 import raw

    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        n = raw.FPDFText_CountChars(tp)
        # The loose box spans the font's ascent to descent and the glyph's advance: the same
        # height for "一" and "、", where ink boxes would set them on different lines.
        box = raw.FS_RECTF()
        box_ref = ctypes.byref(box)
        out: list[_PdfLine] = []
        chars: list[str] = []
        x0 = x1 = height = 0.0
        y_mid: float | None = None
        space_end = 0.0
        pending_high = 0
        marked_break = False

        def flush() -> None:
            text = "".join(chars).rstrip()
            if text.strip():
                out.append(_PdfLine(text, x0, x1, height))
            chars.clear()

        for i in range(n):
            code = raw.FPDFText_GetUnicode(tp, i)
            if 0xD800 <= code < 0xDC00:      # a character outside the BMP comes in two halves
                pending_high = code
                continue
            if 0xDC00 <= code < 0xE000:
                if not pending_high:
                    continue                  # a second half without its first: no character
                code = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
            pending_high = 0
            ch = chr(code) if code else ""
            if ch in ("\r", "\n", "\x02", "\x03"):
                if ch != "\n":
                    marked_break = True
                continue
            raw.FPDFText_GetLooseCharBox(tp, i, box_ref)
            if marked_break:
                marked_break = False
                # PDFium marks a line break where a printed line's text objects change (a
                # page with vertical text in it breaks every run); the next character on
                # the same baseline, right after the last one, goes on with the line.
                h = box.top - box.bottom
                goes_on = (
                    chars and y_mid is not None and not ch.isspace()
                    and abs((box.bottom + box.top) / 2 - y_mid) < 0.2 * max(h, height)
                    and -0.5 <= box.left - x1 < 0.5 * max(h, height)
                )
                if not goes_on:
                    flush()
                    y_mid = None
            if ch.isspace():
                if chars:
                    space_end = max(space_end, box.right) if chars[-1] == " " else box.right
                    if chars[-1] != " ":
                        chars.append(" ")
                continue
            if chars and chars[-1] == " " and box.left < space_end - 0.5:
                # A "space" under the next character is no gap: a font that is not embedded,
                # read a byte at a time, gives one after each Chinese character.
                chars.pop()
            if ch == "\xad":   # PDFium marks a hyphen it takes for a soft one; print it
                ch = "-"
            mid = (box.bottom + box.top) / 2
            h = box.top - box.bottom
            # A jump to another baseline that PDFium did not mark starts a new line.
            if y_mid is not None and chars and abs(mid - y_mid) > max(h, height) * 0.8:
                flush()
            if not chars:
                x0, height = box.left, h
                y_mid = mid
            height = max(height, h)
            x1 = box.right
            chars.append(ch)
        flush()
    finally:
        textpage.close()
    return _with_indents(out, page.get_width())


def _with_indents(lines: list[_PdfLine], page_width: float) -> list[str]:
    """Prefix lines set well to the right of their column's left edge with spaces, one per
    half-em, as a PDF-to-text tool prints them: signatures and dates set flush right, the
    hanging lines of a table of contents. Centred lines (titles) get none.

    Column edges are the left ends shared by several lines on the page; a line belongs to
    the rightmost edge at or left of its start."""
    if not lines:
        return []
    heights = sorted(ln.height for ln in lines if ln.height > 0)
    em = heights[len(heights) // 2] if heights else 10.0
    if em <= 0:
        em = 10.0
    # Column edges: the page's left margin (the leftmost start shared by three lines), and on
    # a page of two columns the right column's, the leftmost start right of the middle that
    # three long lines share. A table of contents' hanging lines, or a signature block, also
    # start together, but left of the middle or short.
    starts = Counter(round(ln.x0 / 2) * 2 for ln in lines)
    common = sorted(x for x, c in starts.items() if c >= 3)
    edges = [common[0] if common else min(ln.x0 for ln in lines)]
    for x in common:
        group = [ln for ln in lines if abs(ln.x0 - x) <= 2]
        if x >= page_width / 2 - em and sorted(ln.x1 - ln.x0 for ln in group)[len(group) // 2] >= 10 * em:
            edges.append(x)
            break
    # A column's right edge: where most of its long lines end (justified text).
    rights: dict[float, float] = {}
    for edge in edges:
        ends = sorted(ln.x1 for ln in lines if _edge_of(ln.x0, edges) == edge and ln.x1 - ln.x0 >= 10 * em)
        rights[edge] = ends[len(ends) // 2] if ends else page_width
    out = []
    for ln in lines:
        text = repair_mojibake(ln.text)
        edge = _edge_of(ln.x0, edges)
        right = rights[edge]
        if ln.x1 > right + em:        # wider than its column: set across the page
            edge, right = edges[0], max(rights.values())
        lead, trail = ln.x0 - edge, right - ln.x1
        if lead >= 4 * em and abs(lead - trail) > 2 * em:
            text = " " * round(lead / (em / 2)) + text
        out.append(text)
    return out


def _edge_of(x: float, edges: list[float]) -> float:
    best = edges[0]
    for e in edges:
        if e <= x + 2:
            best = e
    return best


#: Resolution pages are rendered at for OCR: 200 dpi reads 10.5-pt gazette text well.
OCR_DPI = 200
_ocr_engine = None


def _ocr_page(doc, index: int, path: Path) -> list[str]:
    """The lines of a page that is only an image, recognised by RapidOCR (the `ocr` extra:
    its ONNX models ship inside the package), in reading order."""
    global _ocr_engine
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        raise InputError(
            path,
            f"page {index + 1} is a scanned image with no text layer; reading it needs OCR: "
            "pip install 'govkg[ocr]'",
        ) from None
    if _ocr_engine is None:
        _ocr_engine = RapidOCR()
    page = doc[index]
    try:
        scale = OCR_DPI / 72
        image = page.render(scale=scale).to_numpy()
        width, height = page.get_size()
    finally:
        page.close()
    found, _ = _ocr_engine(image)
    boxes = []
    for quad, text, _score in found or ():
        xs = [pt[0] / scale for pt in quad]
        ys = [pt[1] / scale for pt in quad]
        boxes.append((min(xs), min(ys), max(xs), max(ys), text.strip()))
    return _with_indents(ocr_reading_order([b for b in boxes if b[4]], width, height), width)


def ocr_reading_order(
    boxes: list[tuple[float, float, float, float, str]], page_width: float, page_height: float
) -> list[_PdfLine]:
    """Printed lines from OCR text boxes (x0, top, x1, bottom, text; y grows downwards).

    OCR returns boxes, not reading order, so two columns would interleave if the boxes were
    sorted by height on the page. The gutter is the widest vertical band in the middle of
    the page that no line of a column crosses; boxes across it (titles, running heads,
    tables) cut the page into bands, read top to bottom, each band's left
    column before its right one."""
    if not boxes:
        return []
    # Column lines: narrower than half the page, wider than a page number or a short label
    # (those may sit in the middle, over the gutter).
    column_lines = [b for b in boxes if page_width / 8 <= b[2] - b[0] < page_width / 2]
    gutter = _gutter([(b[0], b[2]) for b in column_lines], page_width)
    ordered: list[list[tuple[float, float, float, float, str]]] = []
    band: list[tuple[float, float, float, float, str]] = []

    def close_band() -> None:
        if not band:
            return
        if gutter is None:
            ordered.append(band[:])
        else:
            ordered.append([b for b in band if (b[0] + b[2]) / 2 < gutter])
            ordered.append([b for b in band if (b[0] + b[2]) / 2 >= gutter])
        band.clear()

    # Running heads in the top margin and page numbers in the bottom one are read across
    # the page (their parts sit at both ends of a line, over both columns).
    margin = page_height * 0.09
    head = [b for b in boxes if (b[1] + b[3]) / 2 < margin]
    foot = [b for b in boxes if (b[1] + b[3]) / 2 > page_height - margin]
    if gutter is not None and head:
        ordered.append(head)
    for b in sorted(boxes, key=lambda b: b[1]):
        if gutter is not None and (b in head or b in foot):
            continue
        if gutter is not None and b[0] < gutter < b[2]:   # crosses the gutter: a band of its own
            close_band()
            ordered.append([b])
        else:
            band.append(b)
    close_band()
    if gutter is not None and foot:
        ordered.append(foot)
    lines: list[_PdfLine] = []
    for group in ordered:
        lines.extend(_ocr_lines(group))
    return lines


def _gutter(spans: list[tuple[float, float]], page_width: float) -> float | None:
    """The middle of the widest band of the page's middle third that no span covers."""
    lo, hi = page_width / 3, 2 * page_width / 3
    step = page_width / 200
    best, best_len, run_start = None, 0.0, None
    x = lo
    while x <= hi:
        covered = any(a <= x <= b for a, b in spans)
        if not covered and run_start is None:
            run_start = x
        if (covered or x + step > hi) and run_start is not None:
            if x - run_start > best_len:
                best, best_len = (run_start + x) / 2, x - run_start
            run_start = None
        x += step
    return best if best_len >= page_width / 100 else None


def _ocr_lines(group: list[tuple[float, float, float, float, str]]) -> list[_PdfLine]:
    """Boxes of one column, top to bottom, joined into lines where they share a baseline."""
    lines: list[_PdfLine] = []
    rows: list[list[tuple[float, float, float, float, str]]] = []
    for b in sorted(group, key=lambda b: (b[1] + b[3]) / 2):
        mid, h = (b[1] + b[3]) / 2, b[3] - b[1]
        if rows:
            last = rows[-1][-1]
            if abs(mid - (last[1] + last[3]) / 2) < 0.5 * max(h, last[3] - last[1]):
                rows[-1].append(b)
                continue
        rows.append([b])
    for row in rows:
        row.sort(key=lambda b: b[0])
        text = " ".join(b[4] for b in row)
        lines.append(_PdfLine(text, row[0][0], row[-1][2], max(b[3] - b[1] for b in row)))
    return lines


# --- HTML ------------------------------------------------------------------------------

#: <meta name=...> of Chinese government sites' publishing systems (and Open Graph) -> the
#: label a page's text prints the same fact under (extractors/pagemeta.py reads those).
_META_NAMES = {
    "articletitle": "标题",
    "og:title": "标题",
    "pubdate": "发布时间",
    "firstpublishedtime": "发布时间",
    "columnname": "栏目",
    "contentsource": "来源",
    "url": "原文链接",
    "og:url": "原文链接",
}
#: Labels of the information table printed above a notice ("索 引 号", "文　　号", …) that
#: are written into the text's header (the rest are kept in the metadata only).
_INFO_LABELS = ("标题", "文号", "发文字号", "发布机构", "发文机关", "成文日期", "发文日期", "发布日期", "栏目", "来源")
_HEADER_ORDER = ("标题", "文号", "发文字号", "发布机构", "发文机关", "成文日期", "发文日期", "发布日期", "发布时间", "栏目", "来源", "原文链接")
_OTHER_LABELS = ("索引号", "主题分类", "主题词", "生效日期", "名称")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)""", re.IGNORECASE)
_BLOCKS = {
    "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
    "article", "blockquote", "center", "dd", "dt", "dl", "ul", "ol", "pre", "hr",
}
_DROP = {"script", "style", "noscript", "template", "iframe", "button", "select", "svg"}
_RIGHT = re.compile(r"text-align\s*:\s*right", re.IGNORECASE)
_SENTENCE = re.compile(r"[\u4e00-\u9fff，、：；。（）《》“”]{10}")
_SPACES = re.compile(r"[ \t\r\n\f\v\xa0\u3000]+")


def _decode_html(data: bytes, path: Path) -> str:
    m = _HTML_CHARSET.search(data[:4096])
    if m:
        enc = m[1].decode("ascii").lower()
        if enc in ("gb2312", "gbk", "gb_2312-80"):
            enc = "gb18030"
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path)


def html_lines(data: bytes, path: Path) -> tuple[list[str], dict[str, str]]:
    """A web page's article as paragraphs (one a line) after a header of what the page says
    of itself, one "label: value" a line as a crawler writes it (标题, 发布时间, 文号, 栏目,
    来源, 原文链接 …), and that metadata as a dict (extractors/pagemeta.py's fields).

    trafilatura finds the article (menus, footers, share buttons left out); its text drops
    a paragraph that repeats an earlier one, and a notice's signature repeats its header
    (the issuing body), so the paragraphs are then read from the element that holds the
    article, every block of it, in order."""
    import lxml.etree
    import lxml.html
    import trafilatura

    from .pagemeta import read_meta

    html = _decode_html(data, path)
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        raise InputError(path, "not a readable web page (the markup cannot be parsed)") from None
    found = trafilatura.extract(html, include_tables=True, include_comments=False, with_metadata=False)
    # An article has a sentence; menus and link lists have words ("首页", "政务公开").
    if not found or not _SENTENCE.search(found):
        raise InputError(path, "web page has no article text (only menus or links?)")
    wanted = [_squash(s) for s in found.split("\n") if _squash(s)]
    body = _article_element(tree, wanted)
    lines = _block_lines(body) if body is not None else [s.strip() for s in found.split("\n") if s.strip()]
    if not any(_CJK.search(ln) for ln in lines):
        raise InputError(path, "web page has no article text in Chinese")
    labelled = _page_metadata(tree)
    for label, value in _trafilatura_meta(html).items():
        labelled.setdefault(label, value)
    order = {label: n for n, label in enumerate(_HEADER_ORDER)}
    header = [f"{label}: {labelled[label]}" for label in sorted(labelled, key=lambda k: order.get(k, 99)) if label in order]
    meta = {k: v for k, v in vars_of(read_meta(header)).items() if v}
    meta.update({label: value for label, value in labelled.items() if label in _OTHER_LABELS})
    return header + lines, meta


def vars_of(obj) -> dict[str, str | None]:
    return {name: getattr(obj, name) for name in obj.__slots__}


def _squash(s: str) -> str:
    return _SPACES.sub("", s)


def _page_metadata(tree) -> dict[str, str]:
    """label -> value from the page's <meta> tags and its information table."""
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        name = (el.get("name") or el.get("property") or "").strip().lower()
        label = _META_NAMES.get(name)
        content = _SPACES.sub(" ", el.get("content") or "").strip()
        if label and content:
            meta.setdefault(label, content)
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            meta.setdefault("原文链接", el.get("href").strip())
    # The information table: a cell holding a label, the next cell its value.
    for row in tree.iter("tr"):
        cells = [_SPACES.sub(" ", c.text_content()).strip() for c in row if c.tag in ("td", "th")]
        for label, value in itertools.pairwise(cells):
            key = _squash(label).rstrip(":：")
            if value and (key in _INFO_LABELS or key in _OTHER_LABELS):
                meta.setdefault(key, value)
    return meta


def _trafilatura_meta(html: str) -> dict[str, str]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True)
    if doc is None:
        return {}
    out = {}
    for key, label in (("title", "标题"), ("date", "发布时间"), ("url", "原文链接")):
        value = getattr(doc, key, None)
        if value:
            out[label] = str(value)
    return out


def _article_element(tree, wanted: list[str]):
    """The deepest element that holds most (80%) of the paragraphs trafilatura kept."""
    want = set(wanted)
    counts: Counter = Counter()
    hits = 0
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _DROP:
            continue
        if el.tag not in _BLOCKS and el.tag not in ("td", "span", "font"):
            continue
        own = _squash(el.text_content())
        if own in want:
            want.discard(own)
            hits += 1
            for anc in el.iterancestors():
                counts[anc] += 1
    if not hits:
        return None
    need = 0.8 * hits
    best, depth = None, -1
    for el, c in counts.items():
        if c >= need:
            d = sum(1 for _ in el.iterancestors())
            if d > depth:
                best, depth = el, d
    return best


def _block_lines(root) -> list[str]:
    """The text of an element as lines: a line break at every block element and <br>."""
    parts: list[str] = []

    def walk(el) -> None:
        if not isinstance(el.tag, str):      # comments, processing instructions
            if el.tail:
                parts.append(el.tail)
            return
        if el.tag in _DROP:
            if el.tail:
                parts.append(el.tail)
            return
        block = el.tag in _BLOCKS
        if block:
            parts.append("\n")
            # A signature or date set right by its paragraph's alignment: indent it as the
            # runs of &nbsp; other pages use would (below).
            if (el.get("align") or "").lower() == "right" or _RIGHT.search(el.get("style") or ""):
                parts.append("\u3000" * 20)
        if el.tag in ("td", "th"):
            parts.append(" ")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines = []
    for raw in "".join(parts).split("\n"):
        text = _SPACES.sub(" ", raw).strip()
        if text:
            # Pages set a signature or date to the right with runs of &nbsp;: keep that as
            # the indent a text file would show (one space a cell, a full-width one two).
            lead = raw[: len(raw) - len(raw.lstrip(" \t\xa0\u3000"))]
            cells = len(lead) + lead.count("\u3000")
            lines.append(" " * min(cells, 80) + text if cells >= 8 else text)
    return lines
