"""A place's own name in quotes right after its kind: メディカルフィットネス「ウェルネススクエア北浜」 (recall-first).

A form or a letter writes what kind of place it is and then its name in quotes
(近医「まちかど内科」, 簡易宿泊所「しおん荘」, 院外薬局「そよかぜ薬局 相模が丘店」). The quoted
words are the name whatever they end in, and the facility recognizers, which
read a name by its head noun, miss a name without one. A lodging is where
the person stays: an address. A quote after other words (講演「…」, 愛称「…」,
サロン「ひだまりの会」) is a title or a group's name, left to the others; and a
quote that holds a sentence is no name. With a particle between the kind and the quotes (訪問看護は
「あおぞら」が担当) only a coined kana name is one. A town and its block numbers quoted on their own are an
address in any prose (home ("西小鷹野2-5-11")).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, LONG_VOWEL
from phi_core.japanese.organisations import (
    KINDS_BEFORE_QUOTED_CARE,
    KINDS_BEFORE_QUOTED_LODGING,
    SERVICES_BEFORE_QUOTED,
)

from .sudachi_names import RANK_SUPPLEMENT

KANA_LETTERS = f"{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}"

_KINDS = sorted(KINDS_BEFORE_QUOTED_CARE + SERVICES_BEFORE_QUOTED + KINDS_BEFORE_QUOTED_LODGING, key=len, reverse=True)
_QUOTED = re.compile(rf"(?P<kind>{'|'.join(_KINDS)})[ \u3000]?[「『](?P<name>[^」』\n。、，,？?！!]{{2,24}})[」』]")
# A particle may stand between the kind and the quotes (訪問看護は「あおぞら」が担当, デイサービスの「ゆずりは」):
# then only a coined name in kana is a name (not デイサービスの「送迎表」).
_SERVICE_KINDS = sorted(KINDS_BEFORE_QUOTED_CARE + SERVICES_BEFORE_QUOTED, key=len, reverse=True)
_QUOTED_AFTER_PARTICLE = re.compile(
    rf"(?:{'|'.join(_SERVICE_KINDS)})(?:は|が|の|も|では|先は|先の)[ \u3000]?[「『](?P<name>[{KANA_LETTERS}]{{2,12}})[」』]"
)

# A town and its block numbers as the whole of a quoted value, in any prose (home ("西小鷹野2-5-11"),
# 自宅「桜台3-4-1」): an address though no city stands before it.
_QUOTED_TOWN_BLOCK = re.compile(
    rf"(?<=[「『\"“])[{KANJI}][{KANJI}{KANA_LETTERS}]{{1,11}}[0-9０-９]{{1,4}}(?:[-－‐][0-9０-９]{{1,4}}){{1,3}}(?=[」』\"”])"
)


@register
class QuotedPlaceRecognizer(Recognizer):
    name: ClassVar[str] = "quoted-place"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME", "ADDRESS")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = [Candidate(*m.span(), "ADDRESS", RANK_SUPPLEMENT) for m in _QUOTED_TOWN_BLOCK.finditer(text)]
        if "「" not in text and "『" not in text:
            return found
        for m in _QUOTED.finditer(text):
            category = "ADDRESS" if m.group("kind") in KINDS_BEFORE_QUOTED_LODGING else "HOSPITAL_NAME"
            found.append(Candidate(*m.span("name"), category, RANK_SUPPLEMENT))
        for m in _QUOTED_AFTER_PARTICLE.finditer(text):
            found.append(Candidate(*m.span("name"), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
