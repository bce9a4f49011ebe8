"""The `name-with-reading` recognizer: 山田太郎（やまだ たろう）."""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_PATTERN, Candidate
from phi_core.extractors.recognition.name_forms import tailed_matches
from phi_core.extractors.recognition.name_parts import looks_like_reading
from phi_core.extractors.recognition.prose_names import _accept_name
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import HIRAGANA_LETTERS, KANJI, KATAKANA

# "山田太郎（やまだ たろう）": a reading in brackets right after a name.
# Two readings may share the brackets, kana and Latin apart by a slash (朴 智恩（パク チウン / PARK JIEUN）), and a
# typed form may set the name's parts and its brackets a few blanks apart (李  偉   (リ ウエイ / LI WEI)).
_READING_LETTERS = f"[{HIRAGANA_LETTERS}{KATAKANA}ー・ A-Za-z\u3000/／]"
_NAME_WITH_READING_RE = re.compile(
    f"(?P<name>[{KANJI}]{{1,4}}[ \u3000]{{0,2}}[{KANJI}{HIRAGANA_LETTERS}]{{1,4}})[ \u3000]{{0,3}}[（(【]"
    f"(?P<reading>{_READING_LETTERS}{{2,32}})[）)】]"
)
_READING_TAIL_RE = re.compile(f"[ \u3000]{{0,3}}[（(【]{_READING_LETTERS}{{2,32}}[）)】]")
_ALTERNATIVES = re.compile("[^/／]+")


def reading_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    if "（" not in text and "(" not in text and "【" not in text:
        return found
    for match in tailed_matches(text, _NAME_WITH_READING_RE, _READING_TAIL_RE):
        parts = [m for m in _ALTERNATIVES.finditer(text, *match.span("reading")) if m.group().strip()]
        if not parts or not all(looks_like_reading(part.group()) for part in parts):
            continue
        start, end = match.span("name")
        # A reading in kana and one in Latin letters both: a person's name, whatever the dictionary says of it.
        # (each reading of two words or more, as a family and a given name are read, and the name itself in two)
        readings = [part.group().split() for part in parts]
        both = (
            len(readings) == 2
            and readings[0][0].isascii() != readings[1][0].isascii()
            and all(len(words) >= 2 for words in readings)
            and any(ch in " \u3000" for ch in match.group("name"))
        )
        for offset in range(start, end - 1):
            if text[offset] not in " \u3000" and (
                (both and offset == start) or _accept_name(text[offset:end], strong_cue=True)
            ):
                found.append(Candidate(offset, end, "PATIENT_NAME", RANK_PATTERN))
                for part in parts:
                    reading = part.group()
                    left = part.start() + len(reading) - len(reading.lstrip())
                    right = part.end() - (len(reading) - len(reading.rstrip()))
                    found.append(Candidate(left, right, "NAME_READING", RANK_PATTERN))
                break
    return found


@register
class NameWithReadingRecognizer(Recognizer):
    """A kanji name with its kana or romaji reading in brackets, wherever it stands."""

    name = "name-with-reading"
    categories = ("PATIENT_NAME", "NAME_READING")

    def find(self, doc: Document) -> list[Candidate]:
        return reading_candidates(doc.text)
