"""Schools and nurseries by their names: 北浜みなと保育園, 安曇野市立三郷小学校, ひかりの森幼稚園.

Also a public school named short by its level after its owner (仙台市立荒巻南小), and a hospital school's
class or branch by a coined kana name (みなと分教室, ひだまり学級; not 通常学級, 母親学級).

A child's nursery or school is where the child is found each day, and its name
is a place's or a coined one. Independent writers split on marking it (about
half do, as a facility); recall-first masks the name with its kind when a name
stands before the kind, and leaves the kind alone where a word only points at a
school (保育園に迎えに, 院内保育所, 同じ小学校, 地元の県立高校).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, UNIFIED_KANJI, is_hiragana, is_katakana
from phi_core.japanese.organisations import AUDIENCE_WORDS
from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

from .sudachi_names import RANK_SUPPLEMENT

_KINDS = (
    "保育園", "保育所", "幼稚園", "認定こども園", "こども園", "小学校", "中学校", "高等学校", "高校",
    "特別支援学校", "支援学校", "義務教育学校",
    # a hospital school's class or branch, named by a coined word (みなと分教室, ひだまり学級, 東駿分校)
    "分教室", "分校", "学級",
)  # fmt: skip
_CLASS_KINDS = ("分教室", "分校", "学級")
_NAME_LETTER = f"[{UNIFIED_KANJI}{FULL_WIDTH_KATAKANA}{HIRAGANA_LETTERS}ー々ヶ]"
_SCHOOL = re.compile(
    rf"(?<!{_NAME_LETTER})(?P<name>{_NAME_LETTER}{{2,14}}?)(?:{'|'.join(sorted(_KINDS, key=len, reverse=True))})"
    r"(?!生|入学|進学|卒業|受験|時代)"  # (高校生, 小学校入学: a stage of life, not a school)
)
# An owned school named short by its level, as staff write it (仙台市立荒巻南小, 区立桜台南中): only with its owner,
# since 小 and 中 alone end many words.
_SHORT_SCHOOL = re.compile(
    rf"(?<!{_NAME_LETTER})(?P<name>{_NAME_LETTER}{{0,5}}?[都道府県市区町村]立{_NAME_LETTER}{{2,8}}?)(?<!院)[小中]"
    rf"(?![{UNIFIED_KANJI}{FULL_WIDTH_KATAKANA}ー々ヶ])"
)
# The owner's prefix and a school's number are no name of their own (市立第三中学校 names a school by both).
_OWNER = re.compile(rf"^{_NAME_LETTER}{{0,5}}?[都道府県市区町村]?[立営]")
_NUMBERED = re.compile("第[一二三四五六七八九十0-9０-９]{1,2}$")
# A particle inside the run ends a clause before the name (長男は市立若葉台小学校, 上の子を保育園).
_CLAUSE = re.compile(f"^.*(?:[はがをにでもへと](?=[{UNIFIED_KANJI}])|[はがを]$)")
# A particle after a kanji word ends the run: the word says whose school, not which (not みなと, a name's own kana).
_AFTER_A_WORD = re.compile(f"[{UNIFIED_KANJI}][のとでもへに]$")
# Words the dictionary may read as a place's name that point at a school without naming it.
_POINTING = frozenset({"院内", "学内", "校内", "園内", "近隣", "地域", "全国", "附属", "付属"})


def _names_a_school(run: str, kind: str = "") -> bool:
    run = _CLAUSE.sub("", run)
    if kind in _CLASS_KINDS:
        # みなと分教室, ひだまり学級: a class's coined name in kana; in kanji a class is a kind (通常学級, 母親学級)
        kana = all(is_hiragana(ch) or is_katakana(ch) or ch == "ー" for ch in run)
        return len(run) >= 3 and kana and run not in AUDIENCE_WORDS
    owned = _OWNER.sub("", run)
    name = _NUMBERED.sub("", owned)
    if len(name) < 2 or _AFTER_A_WORD.search(name) or name in _POINTING or "から" in name:
        return False  # 通園先の保育園, 日本の高校, 妻と高校: the word says whose, not which
    if owned != run or not sudachi_available():
        return True  # 市立若葉台, 県立みなと: an owner's school by its name
    entries = sudachi_lookup(name)
    # 院内, 全国, 地元, 在籍, 同じ: a word the dictionary knows, none of it a proper noun, points without naming.
    return not entries or any(pos[1] == "固有名詞" for pos in entries)


@register
class SchoolNameRecognizer(Recognizer):
    name: ClassVar[str] = "school-name"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if "立" in text:
            found += [Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT) for m in _SHORT_SCHOOL.finditer(text)]
        if not any(kind in text for kind in ("園", "保育所", "学校", "高校", "分教室", "分校", "学級")):
            return found
        for m in _SCHOOL.finditer(text):
            run = m.group("name")
            if _names_a_school(run, text[m.end("name") : m.end()]):
                start = m.start("name") + len(run) - len(_CLAUSE.sub("", run))
                found.append(Candidate(start, m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
