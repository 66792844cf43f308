"""Word boundaries of Chinese text, for settling where a name ends when nothing is printed
between it and the words after it ("杜鹰发展改革委副主任": 杜鹰 | 发展改革委, not 杜鹰发 | 展改革委).

In: a string. Out: the set of offsets at which jieba's segmentation (its dictionary and HMM
for unknown words, such as names) starts a word, 0 and len(s) included. jieba is imported on
first use only: the few rules that need it run on rare layouts (a crawler's run-on roster),
and its dictionary takes about half a second to load.
"""
from __future__ import annotations

import functools
import logging


@functools.cache
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)   # no "Building prefix dict…" chatter on stderr
    return jieba.Tokenizer()


def word_starts(s: str) -> frozenset[int]:
    """Offsets where a word starts in s (and len(s))."""
    out = {0, len(s)}
    pos = 0
    for word in _tokenizer().cut(s, HMM=True):
        pos += len(word)
        out.add(pos)
    return frozenset(out)
