"""Wards written as floor and wing: 6東, 8西病棟, 5階東, 東3, 5F産科病棟 (a department of record, in any text)."""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import UNIFIED_KANJI

from .sudachi_names import RANK_SUPPLEMENT

_WARD = re.compile(
    # (every form opens with a digit or a point of the compass: said first, so that other places are passed at once)
    r"(?=[0-9０-９東西南北])(?:"
    # A floor, then the ward's specialty: 5F産科病棟, 3階小児病棟, 4F外科外来; a care home's unit on its floor
    # (2階一般療養棟, 3F認知症専門棟, 1階短期入所ユニット), but not a building (2階管理棟).
    rf"(?<![0-9０-９A-Za-z])[0-9０-９]{{1,2}}(?:F|Ｆ|階)[{UNIFIED_KANJI}]{{1,6}}?(?:病棟|外来)"
    rf"|(?<![0-9０-９A-Za-z])[0-9０-９]{{1,2}}(?:F|Ｆ|階)[{UNIFIED_KANJI}]{{2,6}}?"
    r"(?:(?<!管理)(?<!研究)(?<!外来)(?<!本館)(?<!別)(?<!新)(?<!旧)棟|ユニット)"
    # A ward code before the word 病棟: 7B 病棟, 5A病棟.
    rf"|(?<![0-9０-９A-Za-z])[0-9０-９]{{1,2}}[A-Z](?=[ \u3000]?病棟)"
    # (a blank may part the floor from its wing and ward: 4階 東病棟, as a form or a scan spaces them)
    # (a care home's unit by its floor and wing: 2階東ユニット)
    rf"|(?<![0-9０-９])[0-9０-９]{{1,2}}(?:階)?[東西南北](?:病棟|ユニット)?(?![{UNIFIED_KANJI}])"
    rf"|(?<![0-9０-９])[0-9０-９]{{1,2}}階[ \u3000][東西南北]病棟"
    # The wing first (東3, 西2病棟), not the end of a place (関東3) nor a block or date (東3丁目, 東3月).
    rf"|(?<![{UNIFIED_KANJI}])[東西南北][0-9０-９]{{1,2}}(?:病棟)?(?![0-9０-９{UNIFIED_KANJI}])"
    # Wing and floor standing alone, as a field or a cell holds them (病棟：西6階 612号室, 西4階（脳外）); in a
    # sentence (検査室は西2階です) a floor says where a room is, not whose ward; but a ward's own rooms say a ward
    # (西4階面談室).
    rf"|(?<![{UNIFIED_KANJI}])[東西南北][0-9０-９]{{1,2}}階(?=[ \u3000\t（()）、,/／]|$|面談室|談話室|デイルーム|詰所|ナースステーション)"
    # A floor and wing a space apart closing a bracket: (再採血 6/12 7:30 4 東).
    rf"|(?<![0-9０-９.:/])[0-9０-９]{{1,2}}[ \u3000][東西南北](?=[)）])"
    # The floor of a ward in brackets after it: 地域包括ケア病棟 (5階).
    r"|(?<=病棟[ \u3000][（(])[0-9０-９]{1,2}(?:階|F|Ｆ)(?=[)）])|(?<=病棟[（(])[0-9０-９]{1,2}(?:階|F|Ｆ)(?=[)）]))",
    re.MULTILINE,
)


@register
class WardNameRecognizer(Recognizer):
    name: ClassVar[str] = "ward-name"
    categories: ClassVar[tuple[str, ...]] = ("DEPARTMENT",)

    def find(self, doc: Document) -> list[Candidate]:
        return [Candidate(*m.span(), "DEPARTMENT", RANK_SUPPLEMENT) for m in _WARD.finditer(doc.text)]
