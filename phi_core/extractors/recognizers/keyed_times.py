"""Clock times the value patterns refuse by their neighbours: after a key and ``=``, and an hour's band.

- ``t_call=14:47 t_takeoff=14:51``, ``start=09:05``: machine key=value text writes a time right
  after ``=``, where the time pattern stays silent because ratios take that place too
  (``I:E=1:2``). A ratio's second number is short (1:2, 2:1) or its first is one
  (titers, dilutions: 1:40, 1:160); a clock time has two-digit minutes and an hour of two
  digits (or of one, 2 to 9). A key that names a length of time (``elapsed=00:41:12``) holds
  a duration, not a time of day.
- ``22時台``: the hour's band is the hour; the band's mark joins the time found before it.
"""

from __future__ import annotations

import re
from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_KEYED = re.compile(
    r"(?P<key>[A-Za-z_\u3040-\u30ff\u4e00-\u9fff][A-Za-z0-9_\u3040-\u30ff\u4e00-\u9fff]*)[ \t]?[=＝][ \t]?"
    r"(?P<time>(?:[01][0-9]|2[0-4]|[2-9])[:：][0-5][0-9](?:[:：][0-5][0-9])?)(?![0-9]|[:：][0-9])"
)
# Keys that hold a length of time, not a time of day.
_DURATION_KEY = re.compile(r"(?i:elapsed|duration|dur|length|len|total|spent|took|uptime|runtime)$|所要|経過")
_HOUR_BAND = re.compile(r"(?<![0-9０-９])(?:[01０１]?[0-9０-９]|2[0-4]|２[０-４])時台")


@register
class KeyedTimeRecognizer(Recognizer):
    name: ClassVar[str] = "keyed-time"
    categories: ClassVar[tuple[str, ...]] = ("TIME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if "=" in text or "＝" in text:
            for m in _KEYED.finditer(text):
                if not _DURATION_KEY.search(m.group("key")):
                    found.append(Candidate(*m.span("time"), "TIME", RANK_SUPPLEMENT))
        if "時台" in text:
            found.extend(Candidate(*m.span(), "TIME", RANK_SUPPLEMENT) for m in _HOUR_BAND.finditer(text))
        return found
