"""A patient's room after the English word for it: ``Room 7 Fumiko Hirano``, ``Ms Grace Wong, room 5``, ``Rm 605``.

English lists, bookings and handovers name the room a patient lies in by its number after Room or Rm, however
short (a small ward numbers its rooms 1 to 9). A number of one or two digits needs a list's place for a patient:
after a name and its comma (``Ms Grace Wong, room 5``) or opening an entry with a name after it
(``• Room 7 Fumiko Hirano``); ``Room 6 on the 2F`` is a clinic's. A room named for what is done there is a place of the hospital,
not of a patient (``CT room 2``, ``exam room 3``, ``meeting room 1``, ``operating room 4``).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_ROOM = re.compile(
    r"(?<![A-Za-z])(?:[Rr]oom|ROOM|Rm|RM)\.? ?(?:No\.? ?|#)?(?P<v>[0-9]{1,4}[A-Z]?(?:-[0-9]{1,3}(?![0-9]))?)(?![0-9A-Za-z.,:/\-])"
)
# Rooms named for their use, and the floor a clinic gives before a room (2F, Room 6).
_USE_BEFORE = re.compile(
    r"(?i:ct|mri?|x-ray|xray|ir|angio|exam(?:ination)?|consult(?:ation|ing)?|treatment|procedure|operating|or|"
    r"meeting|conference|waiting|recovery|interview|counsel(?:l?ing)?|class|seminar|lecture|delivery|endoscopy|"
    r"scan|reading|reporting|control|server|storage|utility|dirty|clean|linen|staff|family)[ \-]?$"
    r"|[0-9][FＦ],? ?$"
)

_IN_A_LIST = re.compile(r"[,)）] ?$")
_ENTRY_START = re.compile(r"(?:^|\n)[ \t]*(?:[•・*\-][ \t]*)?$")
_NAME_AFTER = re.compile(r" (?:Mr|Mrs|Ms|Dr)?\.? ?[A-Z][a-z]+ [A-Z][a-z]+")


@register
class LatinRoomRecognizer(Recognizer):
    name: ClassVar[str] = "latin-room"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if "oom" not in text and "OOM" not in text and "Rm" not in text and "RM" not in text:
            return []
        found = []
        for m in _ROOM.finditer(text):
            if _USE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
                continue
            # (a room numbered floor-hyphen-room, 5-12, says which room however short)
            if len(m.group("v")) <= 2 and not _IN_A_LIST.search(text, max(0, m.start() - 3), m.start()):
                if not (
                    _ENTRY_START.search(text, max(0, m.start() - 4), m.start()) and _NAME_AFTER.match(text, m.end())
                ):
                    continue
            found.append(Candidate(*m.span("v"), "OTHER_ID", RANK_SUPPLEMENT))
        return found
