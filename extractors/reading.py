"""Reading a gazette file from disk: bytes in, text out, or a clear refusal.

In: a path. Out: its bytes (`read_bytes`) or the decoded text with line ends unified
(`read_text`), or `InputError` naming the file and the problem (extractors/sources.py reads
PDFs and web pages on top of these). Chinese government text is often GB18030/GBK rather
than UTF-8, so those are detected and decoded; anything that is binary, empty or
undecodable is refused, never guessed.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

#: A file larger than this is refused rather than read into memory: no gazette issue comes
#: near it (one issue is 100–200 KB), so a file this size is not a gazette issue.
MAX_BYTES = 64 * 1024 * 1024
#: Characters of text one input may hold, once read (decoded, or taken from a PDF or a web
#: page): what extraction's memory grows with. An issue is 50–150 thousand characters; the
#: cap is some 60 issues, which `govkg bench --only inputs` shows to build in bounded memory.
#: Past it the file is refused (split it, or build its parts as separate files).
MAX_TEXT_CHARS = 8_000_000
#: C0 control characters other than the line and page breaks text files hold.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


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
    controls = len(_CONTROL.findall(text, 0, 65536))
    if controls > 0.01 * min(len(text), 65536):
        raise InputError(path, "binary file (control characters), not gazette text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file of at most `MAX_BYTES` bytes, or `InputError`.

    Only regular files: a device (/dev/zero), a FIFO or a socket has no size to check and may
    never end. The cap is on the bytes actually read (one byte past it is enough to refuse), not
    only on the size `stat` reports, which a growing file can outrun."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(p, "no such file") from None
    except OSError as exc:
        raise InputError(p, f"cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(p, "is a directory, not a gazette text file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(p, "not a regular file (a device, pipe or socket); govkg reads files only")
    if st.st_size > MAX_BYTES:
        raise InputError(p, f"file is {st.st_size:,} bytes; larger than the {MAX_BYTES:,}-byte limit for one issue")
    try:
        # O_NONBLOCK: should the path be swapped for a FIFO after the check, open() must not hang.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise InputError(p, "not a regular file (a device, pipe or socket); govkg reads files only")
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(p, f"cannot read: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise InputError(p, f"file grew past the {MAX_BYTES:,}-byte limit for one issue while being read")
    return data


def check_text_size(chars: int, path: str | Path) -> None:
    """Refuse (`InputError`) a text longer than MAX_TEXT_CHARS characters."""
    if chars > MAX_TEXT_CHARS:
        raise InputError(path, f"holds {chars:,} characters of text; more than the {MAX_TEXT_CHARS:,}-character limit "
                               "for one input (split it into its issues or documents)")


def read_text(path: str | Path) -> str:
    """The decoded text of a file (`read_bytes`, then `decode`)."""
    return decode(read_bytes(path), path)
