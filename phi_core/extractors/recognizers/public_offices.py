"""Public offices named by their place: 中央保健所, 川口市保健センター, 見沼区東部地域包括支援センター.

A health centre, a welfare office, a child guidance centre or a community care
centre is named for the city, ward or district it serves, so its name tells
where the patient lives. Independent writers split on marking them (about three
in five do, as a facility); recall-first masks the name when a place word
stands before the office's kind, and leaves the kind alone (保健所へ報告,
管轄保健所, 地域包括支援センターに連絡).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, UNIFIED_KANJI

from .sudachi_names import RANK_SUPPLEMENT

_KINDS = (
    "保健所", "保健センター", "保健福祉センター", "福祉保健センター", "保健福祉事務所", "福祉事務所",
    "児童相談所", "子ども家庭センター", "地域包括支援センター", "包括支援センター",
)  # fmt: skip
_RUN = f"[{UNIFIED_KANJI}{FULL_WIDTH_KATAKANA}ー々]"
_OFFICE = re.compile(rf"(?<!{_RUN})(?P<name>{_RUN}{{2,12}}?)(?:{'|'.join(sorted(_KINDS, key=len, reverse=True))})")
# Words that stand before an office's kind without naming one: 管轄保健所, 発行福祉事務所, 子育て世代包括支援センター.
_NOT_A_PLACE = frozenset(
    {"地域", "管轄", "所轄", "最寄", "担当", "当該", "各", "発行", "連絡先", "提出先", "宛先", "世代", "地区", "市町村"}
)


@register
class PublicOfficeRecognizer(Recognizer):
    name: ClassVar[str] = "public-office"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if "所" not in text and "センター" not in text:
            return []
        found = []
        for m in _OFFICE.finditer(text):
            name = m.group("name")
            if name in _NOT_A_PLACE or name.endswith(("地域", "世代")) and len(name) <= 4:
                continue
            found.append(Candidate(m.start(), m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
