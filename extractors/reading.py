"""Reading a gazette file from disk: bytes in, text out, or a clear refusal.

In: a path. Out: its bytes (`read_bytes`) or the decoded text with line ends unified
(`read_text`), or `InputError` naming the file and the problem (extractors/sources.py reads
PDFs and web pages on top of these). Chinese government text is often GB18030/GBK rather
than UTF-8, so those are detected and decoded; anything that is binary, empty or
undecodable is refused, never guessed.
"""
from __future__ import annotations

from pathlib import Path

#: A file larger than this is refused rather than read into memory: no gazette issue comes
#: near it (one issue is 100–200 KB), so a file this size is not a gazette issue.
MAX_BYTES = 64 * 1024 * 1024


class InputError(Exception):
    """Bad input: the message names the file and says what is wrong with it."""

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def decode(data: bytes, path: str | Path = "<bytes>") -> str:
    """Decode gazette bytes: UTF-8 (with or without BOM), else GB18030; refuse binary."""
    if not data.strip():
        raise InputError(path, "file is empty")
    if b"\x00" in data[:65536]:
        raise InputError(path, "binary file (contains NUL bytes), not gazette text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            # GB18030 is a superset of GBK and GB2312, the encodings Chinese government
            # sites publish in; a strict decode fails on anything that is not one of them.
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not UTF-8 or GB18030 text (undecodable byte at offset {exc.start})") from None
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 65536):
        raise InputError(path, "binary file (control characters), not gazette text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, or `InputError` if it is missing, a directory, too large or unreadable."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not a gazette text file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(p, f"file is {size:,} bytes; larger than the {MAX_BYTES:,}-byte limit for one issue")
        return p.read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot read: {exc.strerror}") from None


def read_text(path: str | Path) -> str:
    return decode(read_bytes(path), path)
