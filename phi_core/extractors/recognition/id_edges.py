"""The word an identifier carries glued before it by a hyphen, in any kind of document.

An office numbers its files with a letter of its own in front (受付 開-2024-0306, 受付番号 し-R6-0088,
当院ID：ｲﾁｮｳ-01174): the recognizers find the number from its digits, and the kanji or kana before the hyphen
is the rest of the same number. It goes with it when it is a short word of one script standing on its own
(a blank, a label's colon or a bracket before it); a longer word, or one glued to the text before it
(検査番号 PSG24-1187 is whole already; 術後-2 is not a number's prefix), is left.
"""

from __future__ import annotations

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.japanese.chars import HIRAGANA_LETTERS, KANJI, KATAKANA

ID_CATEGORIES = frozenset({"PATIENT_ID", "OTHER_ID"})
_PREFIX = re.compile(
    rf"(?:(?<=[\s:：(（\[［「【])|^)(?:[{KANJI}]{{1,2}}|[{HIRAGANA_LETTERS}]{{1,2}}|[{KATAKANA}]{{1,4}})[-－]$"
)


def grow_id_prefixes(text: str, spans: list[Candidate]) -> list[Candidate]:
    out = []
    for span in spans:
        if span.category in ID_CATEGORIES and span.start > 1 and text[span.start - 1] in "-－":
            m = _PREFIX.search(text, max(0, span.start - 6), span.start)
            # (never over another span's letters: a name found there stays a name)
            if m and not any(s.start < span.start and m.start() < s.end for s in spans if s is not span):
                span = span._replace(start=m.start())
        out.append(span)
    return out
