"""A document's layout, with its words taken out: what kind of document it is, not what it says.

Each character becomes its class (kanji, hiragana, katakana, digit, Latin
letter) and a run of one class becomes one symbol, so "山田太郎 様" and
"佐藤花子 様" look the same while an HL7 segment, a CSV row and a prose
paragraph look different. Punctuation, brackets and separators stay as they
are: they carry most of a layout ("|", "^", ",", "【】", "："). No word
survives, so nothing a clustering learns from can hold PHI. (Keeping each
line's first characters verbatim was tried: it split the styles of
``synthetic-styles`` into more sub-kinds and lowered the agreement with them.)
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np
from scipy import sparse

KANJI, HIRAGANA, KATAKANA, DIGIT, UPPER, LOWER = "漢", "ひ", "カ", "0", "A", "a"
MAX_CHARS = 3000  # a layout shows itself in its first part; long documents cost no more
N_FEATURES = 2**14  # layout symbols are few: their 1-3-grams fit without many collisions


def _class_table() -> dict[int, str]:
    table: dict[int, str] = {}
    ranges = (
        (0x4E00, 0x9FFF, KANJI),
        (0x3400, 0x4DBF, KANJI),
        (0xF900, 0xFAFF, KANJI),
        (0x3041, 0x309F, HIRAGANA),
        (0x30A1, 0x30FA, KATAKANA),
        (0xFF66, 0xFF9F, KATAKANA),  # half-width katakana
        (0x30, 0x39, DIGIT),
        (0xFF10, 0xFF19, DIGIT),
        (0x41, 0x5A, UPPER),
        (0xFF21, 0xFF3A, UPPER),
        (0x61, 0x7A, LOWER),
        (0xFF41, 0xFF5A, LOWER),
    )
    for low, high, symbol in ranges:
        for code in range(low, high + 1):
            table[code] = symbol
    table[0x3005] = KANJI  # 々
    table[0x30FC] = KATAKANA  # ー
    table[ord("\t")] = "→"
    return table


CLASSES = _class_table()
_RUNS = re.compile(r"([漢ひカ0Aa ])\1+")


def layout(text: str) -> str:
    """The document's layout: character classes, runs of one class as one symbol (pure)."""
    return _RUNS.sub(r"\1", text[:MAX_CHARS].translate(CLASSES))


_SYMBOLS = np.array([ord(c) for c in (KANJI, HIRAGANA, KATAKANA, DIGIT, UPPER, LOWER, " ")], dtype=np.uint64)
_SALTS = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))


def layout_ngrams(texts: Sequence[str]) -> sparse.csr_matrix:
    """Hashed counts of the 1-, 2- and 3-grams of each text's layout, one row per text.

    The same features as counting the n-grams of :func:`layout` one document
    at a time, computed for a whole batch with a few array operations: the
    batch is one string, one translate, one array of code points.
    """
    n = len(texts)
    joined = "\0".join(t[:MAX_CHARS] for t in texts).translate(CLASSES)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    doc = np.cumsum(codes == 0) if codes.size else np.zeros(0, dtype=np.int64)
    keep = codes != 0
    if codes.size > 1:
        # A run of one class is one symbol: drop a symbol equal to the one before it.
        repeat = (codes[1:] == codes[:-1]) & np.isin(codes[1:], _SYMBOLS)
        keep[1:] &= ~repeat
    codes, doc = codes[keep], doc[keep]
    rows, cols = [], []
    mask = np.uint64(N_FEATURES - 1)
    for size in (1, 2, 3):
        if codes.size < size:
            continue
        h = np.zeros(codes.size - size + 1, dtype=np.uint64)
        for offset in range(size):
            h = (h ^ codes[offset : codes.size - size + 1 + offset]) * _SALTS[offset]
        h ^= h >> np.uint64(29)
        same_doc = doc[: codes.size - size + 1] == doc[size - 1 :]
        rows.append(doc[: codes.size - size + 1][same_doc])
        cols.append((h[same_doc] & mask).astype(np.int64))
    if not rows:
        return sparse.csr_matrix((n, N_FEATURES), dtype=np.float64)
    r, c = np.concatenate(rows), np.concatenate(cols)
    return sparse.csr_matrix((np.ones(r.size), (r, c)), shape=(n, N_FEATURES))
