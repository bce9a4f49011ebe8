"""Names under the labels children's and plain-language forms use: なまえ：ひが はなこ, 患児名 ハルト.

Forms for children and forms in plain language write the label in kana
(なまえ, おなまえ) or name the child (患児名, 児名), and the name is often in
kana, which no dictionary reads as a name. What follows such a label, up to
the end of the field (a wide gap, a line end, a comma or a bracket), is the
name, unless it says the name is missing (未記入, 不明); a label followed by a
wide gap heads a column of a table (利用者名        職種), and names nobody. A name typed one letter to
a box follows a spaced label too (氏 名  岩 渕  咲 良).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, LONG_VOWEL, UNIFIED_KANJI

from .sudachi_names import RANK_SUPPLEMENT

_LETTERS = f"[{UNIFIED_KANJI}々{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]"
_NAME_LABEL = re.compile(
    r"(?:おなまえ|なまえ|お名前|患児名|児名|児童名|じどうめい|利用者名|本人氏名|ご本人様氏名)(?:[ \u3000]?[：:][ \u3000]{0,2}|[ \u3000]{1,2})"
    rf"(?P<name>{_LETTERS}{{1,8}}(?:[ \u3000]{_LETTERS}{{1,8}})?)"
    r"(?=[ \u3000]{2,}|[\n、,，（(／/]|$)",
    re.MULTILINE,
)
# A name typed or scanned one letter to a box under a name label, the label spaced too: 氏 名  岩 渕  咲 良.
_SPACED_UNDER_LABEL = re.compile(
    rf"(?:氏[ \u3000]*名|名[ \u3000]*前)[ \u3000]*[：:]?[ \u3000]*"
    rf"(?P<name>{_LETTERS}(?:[ \u3000]{{1,2}}{_LETTERS}){{2,7}})(?=[ \u3000]{{3,}}|\n|$)",
    re.MULTILINE,
)
# The sex after the name in the next box, set off by a gap unlike the letters' own (百 瀬 ふ み　女): not the
# name's last letter (田 中 一 男).
_SEX_AFTER_OTHER_GAP = re.compile(r"(?:(?<= .)\u3000|(?<=\u3000.) )[男女]$")
_MISSING = frozenset("未記入 不明 なし 無し 未定 記載なし 空欄 未確認".split())


@register
class NameLabelRecognizer(Recognizer):
    name: ClassVar[str] = "name-label"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = [
            Candidate(*m.span("name"), "PATIENT_NAME", RANK_SUPPLEMENT)
            for m in _NAME_LABEL.finditer(text)
            if re.split("[ \u3000]", m.group("name"))[0] not in _MISSING
        ]
        for m in _SPACED_UNDER_LABEL.finditer(text):
            letters = re.sub("[ \u3000]", "", m.group("name"))
            if can_be_surname(letters[:2]) or can_be_surname(letters[:1]) or can_be_surname(letters[:3]):
                start, end = m.span("name")
                sex = _SEX_AFTER_OTHER_GAP.search(text, start, end)
                found.append(Candidate(start, sex.start() if sex else end, "PATIENT_NAME", RANK_SUPPLEMENT))
        return found
