"""The first words of a katakana name of three parts or more, which the rules cut to its last one or two (recall-first).

Vietnamese, Chinese and Filipino names written in katakana run to three words or more, each short and set
apart by a blank: ファム ヴァン ドゥック, レ ティ マイ, グエン ティ トゥ ハ. The rules read a name of two words at most
before an honorific, so they find ドゥック or ティ マイ. A found katakana name grows leftwards over one or two more
katakana words of one to four letters set apart by single blanks, when:

- what stands before them opens a field or an item: a colon, a bracket, a comma, or a blank after a kanji
  word (友人 レ ティ マイ氏, 患者 グエン ティ トゥ ハ さん); not a line's start or a Latin word (ICU ナース ヤマダ), and
- none of the words is a staff occupation or post (ナース, ヘルパー).

The dictionary cannot judge the words: it lists ファム and ヴァン as common nouns, as loanwords.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, KANJI, LONG_VOWEL
from phi_core.japanese.honorifics import KATAKANA_POST_ENDINGS, STAFF_OCCUPATIONS

_NAMES = frozenset({"PATIENT_NAME", "EMERGENCY_CONTACT", "PHYSICIAN_NAME"})
_WORD = f"[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,4}}"
_KATAKANA_NAME = re.compile(rf"[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]+(?: [{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]+)*")
# One or two short katakana words, each with its blank, right before the found name, after an opening.
_HEAD = re.compile(rf"(?:(?<=[：:、,，（(「])|(?<=[{KANJI}] ))(?P<head>{_WORD}(?: {_WORD})?) $")
_STAFF = frozenset(STAFF_OCCUPATIONS + KATAKANA_POST_ENDINGS)


def katakana_name_heads(text: str, spans: list[Candidate]) -> list[Candidate]:
    out = sorted(spans, key=lambda c: c.start)
    for i, span in enumerate(out):
        if span.category not in _NAMES or not _KATAKANA_NAME.fullmatch(text, span.start, span.end):
            continue
        floor = out[i - 1].end if i else 0
        head = _HEAD.search(text, max(floor, span.start - 12), span.start)
        if head is None or any(word in _STAFF for word in head.group("head").split()):
            continue
        if span.start - head.start() + (span.end - span.start) > 24:
            continue
        out[i] = span._replace(start=head.start("head"))
    return out
