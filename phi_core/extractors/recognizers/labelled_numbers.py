"""Numbers after a label the rules do not know, by the label's last word: 記号・番号：3204・118, 枝番 01.

Any label ending in 番号, 記号, 符号, 番, No., №, ID or コード introduces an identifier
(insurance numbers, ticket numbers, lot numbers, login IDs, 第3-45521号 ...), whatever the
rest of the label says: the recognizers cannot list every form's field. The
value holds two digits or more, or a letter and a digit; station and item
numbers (No. 7) and counts are let through by the allow-list. A bed is read
by its word, even as one letter (ベッドA, Bed: B, Bベッド), a room after 部屋番号 even as one digit, and
after the kind of room (4人部屋 402, 個室 815).
A login after the word of the one who wrote or changed a record (更新者 usr_sato3, login: t_ito2) is an
identifier when it holds an underscore or a digit (a name alone is read by the name rules).

Forms that carry their own sign of being a number of record: a document or
case number between 第 and 号 (受付 第0314号, 刑第412号, 令和7年（ワ）第1083号: three
digits or more, so 様式第5号 stays), digits typed one to a box after a label
(受給者番号 6 0 2 7 1 4 3, 学籍番号 2 3 M 0 4 4 8), a letter prefix before the digits (旅券番号：TR 4471029, 会員No MD 2204 7719,
交付番号：港-2026-01883, 記号 市国-38, 番号 ﾄｸ-12-004471 with a half-width kana mark), digit groups after a label ending in ID (PID:0091 2274 06),
the last digits of a card left visible (****-****-****-4021), a number after # (応対記録 #27734),
and a cell or room code beside its word (3-212 房, 病室（医-3）).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HALF_WIDTH_KATAKANA, KANJI, KATAKANA
from phi_core.japanese.eras import ERA_NAMES

from .sudachi_names import RANK_SUPPLEMENT

_VALUE_CHARS = "0-9０-９A-Za-zＡ-Ｚａ-ｚ"
_LABELLED = re.compile(
    rf"(?:番号|記号|符号|枝番|番|(?<![A-Za-z])(?:No|NO|ID|Id)\.?|(?<![A-Za-z])no\.|№|コード|(?i:code))[ \u3000]*[:：]?[ \u3000]*(?:第)?"
    rf"(?P<value>[{_VALUE_CHARS}](?:[{_VALUE_CHARS}]|[-‐－−・/.](?=[{_VALUE_CHARS}]))*)"
    rf"(?=号|(?![{KANJI}{KATAKANA}]))"
)
# A bed by a letter or a number after its word, or a room and its bed, scanned too (ﾍﾞｯﾄﾞ 6O4-B): ベッドA, Bed: B, 床 3 (one character values count here).
_BED = re.compile(
    r"(?:ベッド|ﾍﾞｯﾄﾞ|(?<![A-Za-z])(?:Bed|BED|bed)|床)[ \u3000]*[:：=]?[ \u3000]*(?P<value>[A-Z]|[0-9]{1,2}|[0-9][0-9OlI]{2,3}[-‐－](?:[A-H]|[0-9]{1,2}))(?![A-Za-z0-9])"
)
# A bed's letter written before its word (Bベッド、412号), a room after 部屋番号 however short.
# A room's number after the kind of room (4人部屋 402, 個室 815): the kind is said before whose room it is.
_BED_BEFORE = re.compile(
    r"(?<![A-Za-zＡ-Ｚａ-ｚ])(?P<value>[A-H])(?=ベッド|ﾍﾞｯﾄﾞ)"
    r"|部屋番号[ \u3000]*[:：]?[ \u3000]*(?P<room>[0-9０-９]{1,4})(?![0-9０-９])"
    r"|(?:[0-9０-９一二三四六]人部屋|個室|大部屋|多床室)[ \u3000]?(?P<kind>[0-9０-９]{3,4})(?=号室|[)）、,， \u3000\n])"
)
_LOGIN = re.compile(
    r"(?:(?:更新|作成|登録|入力|操作|変更|承認|記録)者|(?<![A-Za-z])(?i:user|login|operator|updated by))[ \u3000]*[:：=]?[ \u3000]*"
    r"(?P<value>[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)*)(?![A-Za-z0-9_])"
)
_D = "0-9０-９"
_NUMBERED = re.compile(
    rf"(?P<value>(?:{'|'.join(ERA_NAMES)})[{_D}元]{{1,2}}年[（(][{FULL_WIDTH_KATAKANA}][)）]第[{_D}]+号)"
    rf"|第(?P<number>[{_D}]{{3,}}(?:[-‐－][{_D}]+)?)号"
)
_LABEL = r"(?:番号|記号|(?<![A-Za-z])(?:No|NO)\.?|(?<![A-Za-z])[A-Z]{0,3}ID)[ \u3000]*[:：]?[ \u3000]*"
# After a label: digits one to a box, digit groups, a prefix of letters or one kanji before the digits.
_LABELLED_SHAPES = re.compile(
    rf"{_LABEL}(?P<value>[{_D}](?: [{_D}]){{4,}}(?![{_D}])"
    rf"|[{_D}]{{2,4}}(?: [{_D}]{{2,4}}){{1,4}}(?![{_D}A-Za-z])"
    rf"|[A-Z]{{1,3}} (?:[{_D}]{{5,10}}|[{_D}]{{2,4}}(?: [{_D}]{{2,4}}){{1,3}})(?![{_D}A-Za-z])"
    # a series of one digit too (記号 浦国-3, 記号番号 那覇-８): the kanji before the dash make it a mark, no count
    rf"|(?:[{KANJI}]{{1,3}}|[{HALF_WIDTH_KATAKANA}]{{2,3}})[-‐－][{_D}]+(?:[-‐－][{_D}]+)*(?![{_D}.．])"
    rf"|[{_D}A-Z](?: [{_D}A-Z]){{4,}}(?![{_D}A-Za-z]))"
)
# A number of record after # (応対記録 #27734, チケット #4410), the mark included: five digits or more,
# or three or four after a word of record. Japan's short dials (#7119, #8000) are four digits and
# follow 電話 or 相談, a list number (#3) is shorter, a character reference (&#1234;) follows &.
_HASH = re.compile(
    r"(?<![\w&#])[#＃][0-9０-９]{5,}(?![0-9０-９A-Za-z])"
    r"|(?:記録|票|チケット|(?i:ticket|case|order|issue|ref)|受付|案件|依頼|伝票)[ \u3000]?(?:No\.?)?[ \u3000]?"
    r"(?P<short>[#＃][0-9０-９]{3,4})(?![0-9０-９A-Za-z])"
)
# A cell or room code before its word (第3舎 3-212 房), or in brackets after it (病室（医-3）, 居室（B-12）).
_CELL = re.compile(
    rf"(?<![{_D}\-])(?P<a>[{_D}]{{1,2}}[-‐－][{_D}]{{2,4}})[ \u3000]?(?=房|号房)"
    rf"|(?:病室|居室|個室|保護室|房)[（(](?P<b>[{KANJI}A-Z]{{1,2}}[-‐－]?[{_D}]{{1,4}})[）)]"
)
_CARD_TAIL = re.compile(r"[*＊xX]{4}[- ]?[*＊xX]{4}[- ]?[*＊xX]{4}[- ]?(?P<value>[0-9]{4})(?![0-9])")
_DIGIT = re.compile("[0-9０-９]")
_KANJI_MARK = re.compile(f"[{KANJI}{HALF_WIDTH_KATAKANA}]")
_LETTER = re.compile("[A-Za-zＡ-Ｚａ-ｚ]")


@register
class LabelledNumberRecognizer(Recognizer):
    name: ClassVar[str] = "labelled-number"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID",)

    def find(self, doc: Document) -> list[Candidate]:
        found = []
        for m in _LABELLED.finditer(doc.text):
            value = m.group("value")
            digits = len(_DIGIT.findall(value))
            if digits >= 2 or (digits and _LETTER.search(value)):
                found.append(Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT))
        found.extend(Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT) for m in _BED.finditer(doc.text))
        for m in _BED_BEFORE.finditer(doc.text):
            group = next(g for g in ("value", "room", "kind") if m.group(g))
            found.append(Candidate(*m.span(group), "OTHER_ID", RANK_SUPPLEMENT))
        for m in _LOGIN.finditer(doc.text):
            value = m.group("value")
            if "_" in value or (_DIGIT.search(value) and _LETTER.search(value)):
                found.append(Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT))
        if "号" in doc.text:
            for m in _NUMBERED.finditer(doc.text):
                group = "value" if m.group("value") else "number"
                found.append(Candidate(*m.span(group), "OTHER_ID", RANK_SUPPLEMENT))
        for m in _LABELLED_SHAPES.finditer(doc.text):
            # Letters one to a box (学籍番号 2 3 M 0 4 4 8, 患者様ID O O 4 1 2 3 7 with O for zero) need
            # three digits among them: 2 3 M 0 4 is a number, A B C D E a list of grades.
            # A kanji series mark before the digits is a number's own sign (記号 市国-38).
            if len(_DIGIT.findall(m.group("value"))) >= 3 or _KANJI_MARK.match(m.group("value")):
                found.append(Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT))
        found.extend(Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT) for m in _CARD_TAIL.finditer(doc.text))
        if "#" in doc.text or "＃" in doc.text:
            for m in _HASH.finditer(doc.text):
                found.append(Candidate(*m.span("short" if m.group("short") else 0), "OTHER_ID", RANK_SUPPLEMENT))
        if "房" in doc.text or "室" in doc.text:
            for m in _CELL.finditer(doc.text):
                found.append(Candidate(*m.span("a" if m.group("a") else "b"), "OTHER_ID", RANK_SUPPLEMENT))
        return found
