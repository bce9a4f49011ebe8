"""Where a person lies or sits, written as a short code: a chair's number after its English word, a bed's
code before ベッド, a room after a ward written in half-width kana.

- ``Chair: 4``, ``chair #12``, ``CHAIR 3B``: infusion, dialysis and dental units number their chairs as
  wards number their beds; the number after the word says where the person was. A chair's model
  (``EVAC+CHAIR 300H``) has letters glued before the word, a count its word after the number (``chair 2 times``).
- ``２Ｂベッド``, ``B-3ベッド``: a bed's code of a digit and a letter (or a letter and digits) written before
  ベッド; a count of beds (``2ベッド``, ``空床4ベッド``) has no letter.
- ``4ﾋｶﾞｼ-418``: a room number after a ward written as a floor and a direction in half-width kana (the
  kana the kanji 東 4東-418 is read in); the ward alone is no one's.
- ``312-1``, ``※408-3``: a room of three digits and a bed of one, standing alone. A range runs upwards
  (``100-150``) and a code or a count has a letter, a comma or a unit around it (``K672-2``, ``3,300-8,600``,
  ``120-5 mL``).
- ``7OB号室``: a room before 号室 scanned with the letter O for a zero (the room rules read digits only).
- ``東2-211``, ``6階北-618``, ``ICU-4``, ``BED-7``: a ward by its floor and direction, or a care unit, joined to
  its room or bed by a hyphen, whole (the rules read the ward and the room apart and leave the hyphen between). Not
  inside a word or an address (``北1条西2-3``: a kanji before it), and only a care unit's letters: a drug's or a
  marker's code (``TS-1``, ``IL-6``, ``CA-125``) has its own letters.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from phi_core.japanese.chars import JAPANESE_LETTERS
from phi_core.extractors.recognition.care_units import CARE_UNIT_ALTERNATION

from .sudachi_names import RANK_SUPPLEMENT

_CHAIR = re.compile(
    r"(?<![A-Za-z+])(?:Chair|CHAIR|chair)[ ]?(?:No\.?|#)?[ ]?[:：]?[ \t]*"
    r"(?P<value>[0-9]{1,3}[A-Z]?)(?![0-9.:/%A-Za-z\-]|[ ]?(?:times|x|×|回|人|台|脚|days?|hours?|hrs?|min|people|patients|chairs|units))"
)
_BED_CODE = re.compile(
    r"(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ\-－])(?:[0-9０-９]{1,2}[A-ZＡ-Ｚ]|[A-ZＡ-Ｚ][-－]?[0-9０-９]{1,2})(?=[ \u3000]?ベッド)"
)
_ROOM_BED = re.compile(
    r"(?<![0-9A-Za-z.,\-/:#＃－])[1-9][0-9]{2}[-－][1-9](?![0-9A-Za-z.,\-/:－]|[ ]?(?:mg|mL|ml|g|kg|cm|mm|%|円|回|人|名|例|件|個|本|錠|日|歳))"
)
_SCANNED_ROOM = re.compile(r"(?<![0-9A-Za-z])(?=[0-9O]*O)[1-9][0-9O]{1,3}[A-Z]?(?=号室)")
_WARD_ROOM = re.compile(
    rf"(?<![A-Za-z0-9\-{JAPANESE_LETTERS}々])"
    rf"(?:(?:[0-9]{{1,2}}階?)?[東西南北][0-9]{{0,2}}|(?:{CARE_UNIT_ALTERNATION}|BED|Bed|ER))"
    r"-[0-9]{1,4}[A-Z]?(?![0-9A-Za-z\-])"
)
_KANA_WARD_ROOM = re.compile(r"(?<![0-9])[0-9]{1,2}(?:ﾋｶﾞｼ|ﾆｼ|ﾐﾅﾐ|ｷﾀ)[-ｰ－]?(?P<room>[0-9]{3,4})(?![0-9])")


@register
class CodedPlaceRecognizer(Recognizer):
    name: ClassVar[str] = "coded-place"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if "hair" in text or "HAIR" in text:
            found += [Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT) for m in _CHAIR.finditer(text)]
        if "ベッド" in text:
            found += [Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT) for m in _BED_CODE.finditer(text)]
        if any(kana in text for kana in ("ﾋｶﾞｼ", "ﾆｼ", "ﾐﾅﾐ", "ｷﾀ")):
            found += [Candidate(*m.span("room"), "OTHER_ID", RANK_SUPPLEMENT) for m in _KANA_WARD_ROOM.finditer(text)]
        if "O" in text and "号室" in text:
            found += [Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT) for m in _SCANNED_ROOM.finditer(text)]
        if "-" in text or "－" in text:
            found += [Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT) for m in _ROOM_BED.finditer(text)]
            found += [Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT) for m in _WARD_ROOM.finditer(text)]
        return found
