"""The `name-with-reading` recognizer: 山田太郎（やまだ たろう）."""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_PATTERN, Candidate
from phi_core.extractors.recognition.name_forms import tailed_matches
from phi_core.extractors.recognition.name_parts import is_post, looks_like_reading
from phi_core.extractors.recognition.prose_names import _accept_name
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import HIRAGANA_LETTERS, KANJI, KATAKANA

# "山田太郎（やまだ たろう）": a reading in brackets right after a name.
_NAME_WITH_READING_RE = re.compile(
    f"(?P<name>[{KANJI}]{{1,4}}[ \u3000]?[{KANJI}{HIRAGANA_LETTERS}]{{1,4}})[ \u3000]?[（(【]"
    f"(?P<reading>[{HIRAGANA_LETTERS}{KATAKANA}ー・ A-Za-z\u3000]{{2,24}})[）)】]"
)
_READING_TAIL_RE = re.compile(f"[ \u3000]?[（(【][{HIRAGANA_LETTERS}{KATAKANA}ー・ A-Za-z\u3000]{{2,24}}[）)】]")
# Two readings in one bracket, kana then Latin letters or the other way, apart by a slash, each of two words or more
# (朴 智恩（パク チウン / PARK JIEUN）), and a typed form may set the name's parts and its bracket a few blanks
# apart (李  偉   (リ ウエイ / LI WEI)): a person's name, whatever the dictionary says of it.
_KANA_WORDS = f"[{HIRAGANA_LETTERS}{KATAKANA}ー・]+(?:[ \u3000][{HIRAGANA_LETTERS}{KATAKANA}ー・]+)+"
_LATIN_WORDS = "[A-Za-z]+(?: [A-Za-z]+)+"
_TWO_READINGS_RE = re.compile(
    f"(?P<name>[{KANJI}]{{1,4}}[ \u3000]{{1,2}}[{KANJI}]{{1,4}})[ \u3000]{{0,3}}[（(]"
    f"(?P<first>{_KANA_WORDS}|{_LATIN_WORDS})[ \u3000]?[/／][ \u3000]?(?P<second>{_KANA_WORDS}|{_LATIN_WORDS})[）)]"
)


def reading_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    if "（" not in text and "(" not in text and "【" not in text:
        return found
    for match in tailed_matches(text, _NAME_WITH_READING_RE, _READING_TAIL_RE):
        # (a post in the bracket is no reading, but the name before it is a staff member's: 溝口(リーダー))
        post = is_post(match.group("reading"))
        if not post and not looks_like_reading(match.group("reading")):
            continue
        start, end = match.span("name")
        for offset in range(start, end - 1):
            if text[offset] not in " \u3000" and _accept_name(text[offset:end], strong_cue=True):
                reading = match.group("reading")
                left = match.start("reading") + len(reading) - len(reading.lstrip())
                right = match.end("reading") - (len(reading) - len(reading.rstrip()))
                found.append(Candidate(offset, end, "PHYSICIAN_NAME" if post else "PATIENT_NAME", RANK_PATTERN))
                if not post:
                    found.append(Candidate(left, right, "NAME_READING", RANK_PATTERN))
                break
    if "/" in text or "／" in text:
        for match in _TWO_READINGS_RE.finditer(text):
            if match.group("first").isascii() != match.group("second").isascii():
                found.append(Candidate(*match.span("name"), "PATIENT_NAME", RANK_PATTERN))
                found.append(Candidate(*match.span("first"), "NAME_READING", RANK_PATTERN))
                found.append(Candidate(*match.span("second"), "NAME_READING", RANK_PATTERN))
    return found


@register
class NameWithReadingRecognizer(Recognizer):
    """A kanji name with its kana or romaji reading in brackets, wherever it stands."""

    name = "name-with-reading"
    categories = ("PATIENT_NAME", "NAME_READING")

    def find(self, doc: Document) -> list[Candidate]:
        return reading_candidates(doc.text)
