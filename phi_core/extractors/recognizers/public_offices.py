"""Public offices named by their place: 中央保健所, 川口市保健センター, 見沼区東部地域包括支援センター.

A health centre, a welfare office, a child guidance centre or a community care
centre is named for the city, ward or district it serves, so its name tells
where the patient lives. Independent writers split on marking them (about three
in five do, as a facility); recall-first masks the name when a place word
stands before the office's kind, and leaves the kind alone (保健所へ報告,
管轄保健所, 地域包括支援センターに連絡).

Staff also give offices short names, which recall-first masks as well: police and
fire stations by their place and 署 (``博多北署``, ``船橋東署 丹羽さん``, ``市消防東分署``),
a child guidance centre by its place and 児相 (``北関東中央児相``, ``ﾐﾅﾄ児相``), and a
town hall or one of its divisions (``淀川区役所``, ``北区生活支援課``, ``船橋市 障害福祉課``).
Left alone: words built on 署 that name no office (``署名``, ``部署``, ``自署``, ``所轄署``,
``1時30分来署``), 児相 after a particle (``面会は児相の許可制``), a tax (``市町村民税課税``)
and a bus stop (``須恵町役場前``).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, KATAKANA, UNIFIED_KANJI

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

# The whole run of kanji before 署 is the place; the letter before 署 makes words that are no station.
_STATION = re.compile(rf"(?<![{KANJI}])(?P<name>[{KANJI}]{{1,5}}署)(?![名長員])")
_NOT_STATION_ENDS = "部自警察防務督連轄扱来出登各本"
# (労基署 is any labour office; 嘱託署 and 取扱署 head a column)
_NOT_STATION_WORDS = ("所轄", "取扱", "嘱託", "労基", "当該", "発生", "報告", "借用", "担当", "関係")
_CHILD_GUIDANCE = re.compile(rf"(?<![{KANJI}{KATAKANA}{HIRAGANA_LETTERS}])(?P<name>[{KANJI}{KATAKANA}]{{2,8}}児相)")
# A town and its hall, maybe a division after it; or a town and a division (not a tax: 課税).
_DIVISION = rf"[{KANJI}{FULL_WIDTH_KATAKANA}][{KANJI}{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}]{{1,9}}課(?!税)"
_TOWN_HALL = re.compile(
    rf"(?<![{KANJI}])(?P<name>[{KANJI}]{{1,5}}[市区町村](?:役所|役場)(?:[ \u3000]?{_DIVISION})?)(?![前{KANJI}])"
)
_TOWN_DIVISION = re.compile(rf"(?<![{KANJI}])(?P<name>[{KANJI}]{{1,4}}[市区町村][ \u3000]?{_DIVISION})")
_FACILITY_KINDS = ("病院", "医院", "診療所", "薬局")
_NOT_TOWNS = tuple("地区 各区 学区 同区 同市 各市 本市 当市 市町村 本日 明日 昨日 当日 後日".split())


def _short_names(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if "署" in text:
        for m in _STATION.finditer(text):
            name = m.group("name")
            if len(name) >= 3 and name[-2] not in _NOT_STATION_ENDS and not name.startswith(_NOT_STATION_WORDS):
                spans.append(m.span("name"))
    if "児相" in text:
        spans.extend(m.span("name") for m in _CHILD_GUIDANCE.finditer(text))
    if "課" in text or "役所" in text or "役場" in text:
        for pattern in (_TOWN_HALL, _TOWN_DIVISION):
            for m in pattern.finditer(text):
                name = m.group("name")
                # (a run of kanji that holds a facility's kind is no town: さくら病院宜野湾市役所)
                if not name.startswith(_NOT_TOWNS) and not any(kind in name for kind in _FACILITY_KINDS):
                    spans.append(m.span("name"))
    return spans


@register
class PublicOfficeRecognizer(Recognizer):
    name: ClassVar[str] = "public-office"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = [Candidate(start, end, "HOSPITAL_NAME", RANK_SUPPLEMENT) for start, end in _short_names(text)]
        if "所" not in text and "センター" not in text:
            return found
        for m in _OFFICE.finditer(text):
            name = m.group("name")
            if name in _NOT_A_PLACE or name.endswith(("地域", "世代")) and len(name) <= 4:
                continue
            found.append(Candidate(m.start(), m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
