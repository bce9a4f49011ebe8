"""Where someone lives, said by the place's use rather than its form.

- The place before 在住 (ハイフォン市在住, 米国ミネソタ州在住, ﾈﾊﾟｰﾙ・ｶﾄﾏﾝｽﾞ在住, 中国・南京在住): a foreign
  city has no Japanese address form, but 在住 says it is where a relative lives. A country alone
  (米国在住) identifies no one, nor does a word that only says near or far (市内在住, 海外在住).
- A dormitory or staff house with its room (東雲国際学生寮 C-208, 学生寮 A棟512, ひばり寮 3F-306): the room
  makes the dormitory the patient's home, as a room number makes an apartment block one.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import DIGIT, HIRAGANA_LETTERS, KANJI, KATAKANA, MIDDLE_DOT, HALF_WIDTH_MIDDLE_DOT
from phi_core.nlp.morphemes import morphemes

from .sudachi_names import RANK_SUPPLEMENT

# (not the unit of a number: 49歳・横浜市中区在住 is an age, then the place)
_PLACE_RUN = re.compile(
    rf"(?<![{DIGIT}A-Za-z])[{KANJI}{KATAKANA}{MIDDLE_DOT}{HALF_WIDTH_MIDDLE_DOT}]{{2,20}}(?=[ \u3000]?在住)"
)
# Words before 在住 that say only how near or far someone lives.
_VAGUE = frozenset(
    "市内 市外 県内 県外 都内 都外 府内 府外 道内 道外 区内 区外 町内 村内 近隣 近所 近く 海外 国内 国外 遠方 同市 同市内 "
    "同区 同区内 同県 同県内 隣市 隣町 隣県 地元 市内近郊 関東 関西 東北 北陸 東海 近畿 中国地方 四国 九州 本州 都市部 外国".split()
)
_DORMITORY = re.compile(
    rf"(?<![{KANJI}{KATAKANA}A-Za-z])(?:[{HIRAGANA_LETTERS}]{{2,5}}|[{KANJI}{KATAKANA}A-Za-z]{{0,15}}[{KANJI}{KATAKANA}A-Za-z])?"
    r"(?:寮|宿舎|社宅)[ \u3000]?"
    rf"(?:[A-ZＡ-Ｚ]棟?[-－]?[{DIGIT}]{{2,4}}|[{DIGIT}]{{1,2}}[FＦ階][-－]?[{DIGIT}]{{2,4}}|[{DIGIT}]{{2,4}}(?:号室|号)?)"
    rf"(?![{DIGIT}])"
)


def _country_alone(run: str) -> bool:
    pieces = morphemes(run)
    return len(pieces) == 1 and pieces[0].is_place and pieces[0].pos[3] == "国"


@register
class ResidencePlaceRecognizer(Recognizer):
    name: ClassVar[str] = "residence-place"
    categories: ClassVar[tuple[str, ...]] = ("ADDRESS",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if "在住" in text:
            for m in _PLACE_RUN.finditer(text):
                # (a dot before the place is a list's bullet: ・米国ミネソタ州在住)
                run = m.group().lstrip(MIDDLE_DOT + HALF_WIDTH_MIDDLE_DOT)
                if len(run) < 2 or run in _VAGUE or _country_alone(run):
                    continue
                found.append(Candidate(m.end() - len(run), m.end(), "ADDRESS", RANK_SUPPLEMENT))
        if "寮" in text or "宿舎" in text or "社宅" in text:
            found.extend(Candidate(*m.span(), "ADDRESS", RANK_SUPPLEMENT) for m in _DORMITORY.finditer(text))
        return found
