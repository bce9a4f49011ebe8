"""Names that English prose introduces: "Hi this is Miguel", "Ana Ortiz's husband", "my name is Li Wei".

Messages, voicemails and letters in English name people by fixed turns of
phrase, whatever the document is:

- after ``this is``, ``my name is``, ``I am``/``I'm``: the speaker;
- before ``'s`` and a relation word (``Ana Ortiz's husband``): the relative;
- alone on the line under a sign-off (``Best,``, ``Kind regards,``) or after its comma (``Thanks, Jess``): the writer.

The words must be capitalised, and the first one a given or family name of
the Latin-name lexicon (Faker's person providers) or a word the dictionary does
not know, so that "this is Monday" or "the Hospital's wife" stay alone.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import latin_names
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.honorifics import ENGLISH_RELATIONS, alternation

from .romaji_words import is_romaji
from .sudachi_names import RANK_SUPPLEMENT

_CAP = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_NAME = rf"{_CAP}(?: {_CAP}){{0,2}}"
_INTRODUCED = re.compile(rf"(?:\b[Tt]his is|\b[Mm]y name is|\bI am|\bI'm|\bI’m)[ ]+(?P<name>{_NAME})(?![A-Za-z])")
_RELATIVE_OF = re.compile(
    rf"(?<![A-Za-z])(?P<name>{_NAME})['’]s (?:{alternation(ENGLISH_RELATIONS + ('mom', 'dad', 'mum', 'baby', 'kids', 'children'))})(?![A-Za-z])"
)
# The signature under an English sign-off, alone on its line (Best,⏎Michael; Kind regards,⏎Anna Weber).
_SIGNED = re.compile(
    r"^[ \t]*(?:Best|Best regards|Best wishes|Kind regards|Warm regards|Regards|Thanks|Thank you|Many thanks"
    r"|Sincerely|Yours sincerely|Yours|Cheers|With thanks)[,.!]?[ \t]*\n[ \t]*"
    rf"(?P<name>{_NAME})[ \t]*$",
    re.MULTILINE,
)
# ... or after the sign-off's comma, closing the line or the message (Thanks, Jess; ... 080-7310-5582. Thanks, Jess).
_SIGNED_INLINE = re.compile(
    r"(?:^|(?<=[.!?。] ))[ \t]*(?:Best|Best regards|Best wishes|Kind regards|Warm regards|Regards|Thanks|Thank you"
    rf"|Many thanks|Cheers),[ \t]+(?P<name>{_NAME})[.!]?[ \t]*$",
    re.MULTILINE,
)
# Capitalised words that follow these phrases without naming anyone.
_NOT_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Dr Doctor Nurse The This That Hospital Clinic "
    "Ward Room Patient Mother Father Mom Dad Japan English Japanese Sorry Calling Regarding About Just".split()
)


@register
class EnglishCueNameRecognizer(Recognizer):
    name: ClassVar[str] = "english-cue-name"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "EMERGENCY_CONTACT", "PHYSICIAN_NAME")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        given, family = latin_names()
        found: list[Candidate] = []
        for m in [*_SIGNED.finditer(text), *_SIGNED_INLINE.finditer(text)]:
            words = m.group("name").split()
            if words[0] not in _NOT_NAMES and (words[0] in given or words[0] in family or is_romaji(words[0])):
                found.append(Candidate(*m.span("name"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        if "is " not in text and "I" not in text and "'s " not in text and "’s " not in text:
            return found
        for pattern, category in ((_INTRODUCED, "EMERGENCY_CONTACT"), (_RELATIVE_OF, "PATIENT_NAME")):
            for m in pattern.finditer(text):
                words = m.group("name").split()
                if words[0] in _NOT_NAMES or not (words[0] in given or words[0] in family):
                    continue
                while words and words[-1] in _NOT_NAMES:
                    words.pop()  # "this is Miguel Calling": the name ends before such a word
                if words:
                    start = m.start("name")
                    found.append(Candidate(start, start + len(" ".join(words)), category, RANK_SUPPLEMENT))
        return found
