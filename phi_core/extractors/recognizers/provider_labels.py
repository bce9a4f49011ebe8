"""The value of a field that names who provides a service outside the hospital (recall-first).

A field named by a service bought or arranged outside (訪問看護：, 訪問介護：, 外注先, 外部委託(...),
委託先, Lab:, Provider:) or by where a patient goes (転院先, 搬送先, 入所先, 退院先, 希望先, 見学先候補は) holds the name of
a place or a firm, whatever that name ends in: 訪問看護：ステーションあおば, 外注先 ミライ遺伝子ラボ,
包括(ひがし包括), Lab: Genomix Kansai 検査センター, Provider: Tsukuba Home Infusion. On the development
sets the writers marked 50 of the 52 values this proposes (the other two: contractors' company names).
A kind of home before its own name takes the name (退院先：特別養護老人ホーム 松風苑); an English label needs
its colon (Lab: ...), or is a phrase of where a patient goes (Referred to Aoba Family Clinic).

Left alone: a value that is a kind of service or of place written in kanji only with no head
(訪問介護（生活援助）, 転院先（回復期・施設）), a person named with an honorific (ケアマネ：木原さん), home and the patient (搬送先：ご自宅, 送付先：本人), what is
planned (未定, 調整中), and a laboratory field's test in capitals (Lab : CK 3,420).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, LONG_VOWEL
from phi_core.japanese.honorifics import alternation, words
from phi_core.japanese.organisations import (
    BUSINESS_HEADS,
    FACILITY_HEADS,
    PLACE_KINDS,
    PROVIDER_LABELS,
    PROVIDER_KINDS_BEFORE_NAME,
    PROVIDER_LABELS_LATIN,
    PROVIDER_WORDS_LATIN,
    PROVIDER_VALUES_NOT_NAMES,
)

from .sudachi_names import RANK_SUPPLEMENT

_LETTERS = f"{KANJI}{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}"
_NAME_LETTERS = f"{_LETTERS}・"
_LATIN_WORD = r"[A-Z][A-Za-z'’&.\-]*"
_LATIN_NAME = (
    rf"{_LATIN_WORD}(?:[ \t](?:-[ \t])?(?:{_LATIN_WORD}|of|and|&|de|la|für))*"
    rf"(?:[ \t\u3000][{_LETTERS}]{{0,10}}(?:{alternation(FACILITY_HEADS)}))?"
)
_OPEN = r"(?:[ \u3000]*(?:[：:]|\.{2,}[：:]?|は|[（(])[ \u3000]*|[ \u3000]+)"
_LABELLED = re.compile(
    rf"(?:{alternation(PROVIDER_LABELS)}){_OPEN}(?P<ja>[{_NAME_LETTERS}]{{2,20}})(?![{_NAME_LETTERS}])"
    rf"|(?<![A-Za-z])(?:(?:{alternation(PROVIDER_LABELS_LATIN)})[ \t]*(?:\.{{2,}})?[ \t]*[:：]|"
    rf"(?:{alternation(PROVIDER_WORDS_LATIN)}))[ \t]*(?P<latin>{_LATIN_NAME})"
    rf"|(?:{alternation(PROVIDER_LABELS)}){_OPEN}(?P<latin2>{_LATIN_NAME})"
)
_HEADS = (*FACILITY_HEADS, *PLACE_KINDS, *BUSINESS_HEADS, "事業所", "包括")
_REST = re.compile(rf"[ \u3000](?P<rest>[{_NAME_LETTERS}]{{1,12}})(?![{_NAME_LETTERS}])")
_ALL_KANA = re.compile(rf"[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]+")
_HAS_KANA = re.compile(rf"[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}]")
_PERSON_HONORIFICS = words("person")
_KANA_HONORIFICS = words("person", exclude=("氏", "君", "殿"))


def _japanese_name(value: str) -> bool:
    if value in PROVIDER_VALUES_NOT_NAMES or value.startswith(("当", "同", "他", "ご", "御", "本人", "自宅")):
        return False
    if value.endswith(
        ("予定", "中", "済", "なし", "あり", "希望", "検討", "調整", "依頼", "へ", "に", "を", "で", "が")
    ):
        return False
    # A person named with an honorific (ケアマネ：木原さん, ケアマネ 関口さんに説明); 氏, 君 and 殿 also open
    # place names (氏家), so only at the end.
    if value.endswith(_PERSON_HONORIFICS) or any(w in value for w in _KANA_HONORIFICS):
        return False
    if value.endswith(_HEADS) and len(value) > 3:
        return True
    return bool(_HAS_KANA.search(value)) and len(value) >= 4


def _name_end(text: str, m: re.Match) -> int:
    """Where the name ends: a word after a space that opens with a head (東京リハビリテーション センター世田谷), or
    a kana name after a kind (訪問看護ステーション せせらぎ), is the name's own."""
    rest = _REST.match(text, m.end("ja"))
    if rest:
        word = rest.group("rest")
        if word.startswith(_HEADS) or (m.group("ja").endswith(_HEADS) and _ALL_KANA.fullmatch(word)):
            return rest.end()
    return m.end("ja")


# English words a laboratory's or a provider's field holds that say a state, not a name (Lab: Pending).
_NOT_LATIN_NAMES = frozenset(
    "Pending Normal None Negative Positive See Results Result Within Unremarkable Done Sent Not No Yes Ordered "
    "Drawn Reviewed Attached Same Unknown Declined Refused Awaiting Reported Waiting Nil Home Self Family Dr Dr. "
    "Mr Mr. Ms Ms. Mrs Mrs. The This Our Rm Room".split()
)


def _latin_name(value: str) -> bool:
    first = value.split()[0]
    return any(c.islower() for c in first) and len(value) >= 4 and first not in _NOT_LATIN_NAMES


@register
class ProviderLabelRecognizer(Recognizer):
    name: ClassVar[str] = "provider-label"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        found: list[Candidate] = []
        for m in _LABELLED.finditer(doc.text):
            if m.group("ja"):
                if m.group("ja") in PROVIDER_KINDS_BEFORE_NAME:
                    rest = _REST.match(doc.text, m.end("ja"))
                    if rest:  # the kind and the home's own name after it (特別養護老人ホーム 松風苑)
                        found.append(Candidate(m.start("ja"), rest.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
                elif _japanese_name(m.group("ja")):
                    found.append(Candidate(m.start("ja"), _name_end(doc.text, m), "HOSPITAL_NAME", RANK_SUPPLEMENT))
                continue
            group = "latin" if m.group("latin") else "latin2"
            value = m.group(group).rstrip(" -.")
            if _latin_name(value):
                start = m.start(group)
                found.append(Candidate(start, start + len(value), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
