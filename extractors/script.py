"""Traditional characters in, simplified characters out, for reading (OpenCC's t2s).

In: a text as printed. Out: `for_reading(text)`: the same text in simplified characters, line
for line and character for character (so every offset and line number still points at the
printed text), or None when the text is already simplified; `printed_chars(...)`: the
printed characters behind a normalized text, so quotes are cited as printed.

The extractors' lexicons and grammars are written in simplified characters; a notice from
Hong Kong, Macao, Taiwan or an older reprint is read through this conversion and quoted in
its own characters. Phrase-level conversions that change a line's length are replaced by a
character-by-character conversion of that line, which keeps the offsets.

`without_readings(text)`: the text without the pinyin some web pages print in brackets after
characters (區(qū), 協(xié)作, 滬府發(fā)〔2017〕92號): a site's annotation, not the document's text,
and it cuts names and numbers apart. Lines are kept, so line numbers still hold.
"""
from __future__ import annotations

import functools
import re
from array import array

#: At least this many characters must change for a text to count as traditional: a stray
#: variant in a simplified text is left as printed.
MIN_CHANGED = 3


#: A character's reading printed after it in brackets: one syllable of lower-case pinyin with
#: at least one tone mark ("(qū)", "(xié)"), so a list marker "(a)" or a word "(de)" stays.
#: The bracket comes first and the character before it is checked after (a lookbehind first
#: made the scan try every position: 6x slower on a gazette issue).
_READING = re.compile(
    r"[(（](?<=[\u4e00-\u9fff][(（])(?=[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])"
    r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}[)）]")


def without_readings(text: str) -> str:
    """`text` without the bracketed pinyin readings a web page prints after characters."""
    return _READING.sub("", text) if "(" in text or "（" in text else text


@functools.cache
def _converter():
    import opencc  # imported on first use: most inputs are simplified and never need it

    return opencc.OpenCC("t2s")


def for_reading(text: str) -> str | None:
    """`text` in simplified characters with the same length on every line, or None when
    converting changes fewer than MIN_CHANGED characters."""
    conv = _converter()
    whole = conv.convert(text)
    if whole == text:
        return None
    lines = text.split("\n")
    out = []
    changed = 0
    for line in lines:
        simple = conv.convert(line)
        if len(simple) != len(line):
            simple = "".join(conv.convert(ch) if len(conv.convert(ch)) == 1 else ch for ch in line)
        changed += sum(1 for a, b in zip(line, simple) if a != b)
        out.append(simple)
    return "\n".join(out) if changed >= MIN_CHANGED else None


def printed_chars(text: str, line_of: array, printed_lines: list[str], read_lines: list[str]) -> str:
    """The printed characters behind `text` (a normalized text read from `read_lines`, each
    character from the line `line_of` gives). The layout only drops blanks and whole lines and
    joins lines, so the n-th non-blank character a line gave to `text` is its n-th non-blank
    character as printed."""
    cursor: dict[int, int] = {}
    out = []
    for ch, line in zip(text, line_of):
        if ch.isspace():
            out.append(ch)
            continue
        read, printed = read_lines[line - 1], printed_lines[line - 1]
        k = cursor.get(line, 0)
        while k < len(read) and read[k] != ch:
            k += 1     # blanks, and characters of the line lifted elsewhere
        out.append(printed[k] if k < len(printed) else ch)
        cursor[line] = k + 1
    return "".join(out)
