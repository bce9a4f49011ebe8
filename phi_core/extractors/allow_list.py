"""The clinical allow-list: what the recall-first profile lets through unmasked.

Philter's idea (mask everything that could identify someone unless a list
says it is safe), built for Japanese clinical text. The list is data
(data/rules/clinical_allow_list.toml); this module reads it once and answers,
for a proposed span, whether the stretch is a clinical fact: a word on the
list (modality, eponym, department), a katakana word with a drug ending, a
stretch inside a measurement, range, anatomy number, stage or score, or a
name-shaped word followed by an eponym suffix (Douglas窩, 橋本病) or a
number-shaped one followed by a unit.
"""

from __future__ import annotations

import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from phi_core.extractors import fast_re as re
from phi_core.japanese.chars import KANJI, in_katakana_block, is_half_width_katakana, is_kanji
from phi_core.japanese import honorifics
from phi_core.japanese.eras import ERA_LETTERS
from phi_core.japanese.width import to_half_width
from phi_core.extractors.regex_alphabet import alphabet_of
from phi_core.paths import DATA_DIR

ALLOW_LIST_FILE = DATA_DIR / "rules" / "clinical_allow_list.toml"


def fold(text: str) -> str:
    # One character for one (not NFKC), so that offsets in the folded text are offsets in the original.
    return to_half_width(text, space=True)


def _is_katakana(value: str) -> bool:
    return bool(value) and all(in_katakana_block(ch) or is_half_width_katakana(ch) for ch in value)


@dataclass(frozen=True)
class AllowList:
    words: frozenset[str]
    # Words that may open a longer clinical value ("Siemens SOMATOM Force"); staff roles
    # do not: "Ns Kim Soyeon" is a role before a name.
    openers: frozenset[str]
    # Departments are clinical words when proposed as anything else (a name, an
    # unknown word); proposed as a department they are the department of record.
    departments: frozenset[str]
    drug_endings: tuple[str, ...]
    units: tuple[str, ...]
    eponym_suffixes: tuple[str, ...]
    latin_eponym_suffixes: tuple[str, ...]
    dose: re.Pattern
    patterns: tuple[re.Pattern, ...]
    # What each pattern's match can hold, as a full-match check (None: anything): a proposal with
    # another character is never inside its match.
    alphabets: tuple[re.Pattern | None, ...] = ()

    def regions(self, text: str, asked: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
        """Stretches of the text that are clinical facts (sorted, may overlap).

        ``asked``: the only spans that will be looked up; a pattern whose match can hold none of them is not run.
        """
        folded = fold(text)
        patterns = self.patterns
        if asked is not None and self.alphabets:
            values = [folded[start:end] for start, end in asked]
            patterns = [
                p
                for p, check in zip(self.patterns, self.alphabets)
                if check is None or any(map(check.fullmatch, values))
            ]
        # Each pattern on its own: one match must not hide another that overlaps it
        # ("TE=600/15" and "600/15ms").
        found = {m.span() for p in patterns for m in p.finditer(folded) if m.end() > m.start()}
        return sorted(found)

    def allows(
        self,
        text: str,
        start: int,
        end: int,
        regions: list[tuple[int, int]] | None = None,
        category: str | None = None,
    ) -> bool:
        """Is text[start:end], proposed as ``category``, safe to leave as it is?"""
        value = fold(text[start:end]).strip()
        if not value:
            return True
        # A month's name opens a date (October 12) when a date recognizer proposed it, not a device model;
        # alone, it is the date cut short (back home in August), not a given name; and a scanned era year that
        # reads as a formula is a year where a date's words follow it (H2O頃〜, 術後（H2O）), not in H2O を吸入.
        dated = category in ("OTHER_DATE", "EXAM_DATE", "BIRTH_DATE")
        if (
            value.casefold() in self.words
            and not (dated and (value.isalpha() or _DATE_WORD_AFTER.match(text, end)))
            and not (
                category in _PEOPLE
                and (
                    _TITLE_BEFORE.search(text, max(0, start - 8), start)
                    or (value.istitle() and _HONORIFIC_AFTER.match(text, end))
                )
            )
        ):
            return True  # (an eponym's name is a person's after a title or before an honorific: Dr. Foley, Bennettさん)
        if category != "DEPARTMENT" and value.casefold() in self.departments:
            return True
        if category == "BIRTH_DATE" and _ERA_YEAR.fullmatch(value):
            return False  # S9 read as a birth year by the age beside it, not the segment S9
        first = value.split(" ", 1)[0]
        # "Siemens SOMATOM Force": a maker's name opens a device model (an eponym's a disease: Hashimoto thyroiditis);
        # not a facility proposed by its kind (HASHIMOTO NAIKA).
        if value.isascii() and " " in value and first.casefold() in self.openers and not dated:
            # (not a chat's sender, after the line's time and before a post or a colon: [8:43 AM] Hashimoto Ren (ME))
            line = text[text.rfind("\n", 0, start) + 1 : start]
            sender = category in _PEOPLE and _STAMP_ONLY.fullmatch(line) and _POST_AFTER.match(text, end)
            # (a facility named with its kind first is no model either: Hospital Santa Luzia do Ipiranga)
            kind_named = value.rsplit(" ", 1)[-1].casefold() in _ROMAJI_KINDS or first.casefold() == "hospital"
            if not sender and (category != "HOSPITAL_NAME" or not kind_named):
                return True
        attached = fold(text[end : end + 16])
        if _is_katakana(value) and value.endswith(self.drug_endings) and not attached.startswith(_NAMED_AFTER):
            # a drug's ending, unless an honorific says a person was named (トランさん, リン様) or 在住 a place (ラホール在住)
            return True
        after = attached[1:] if attached.startswith(" ") else attached  # one space at most: "12 mm", not "日  枚数"
        # A value ending in its own unit word (6 月 l3 日) measures nothing by a word after a blank (時間帯).
        ends_in_word = not value[-1].isascii() and not value[-1].isdigit() and attached[:1] == " "
        if any(ch.isdigit() for ch in value) and not ends_in_word:
            if (
                after.startswith(self.units)
                and not _letter_follows(after, self.units)
                and not _no_measure(value, after, attached)
            ):
                return True
        elif self.dose.match(after):
            return True
        # An eponym's suffix: a Japanese one written onto the name (Douglas窩, 橋本病; 病院 and 病棟
        # are no suffix), an English one after a space (Murphy sign).
        elif _eponym_follows(attached, after, self.eponym_suffixes, self.latin_eponym_suffixes):
            return True
        if dated and _YEAR_MONTH_DOTTED.fullmatch(value):
            return False  # 2023.11 proposed as a date (a unit after it would have made it a measure above)
        scanned = value.translate(_SCANNED_DIGITS)
        month_day = dated and scanned != value and "/" in value and _MONTH_DAY.fullmatch(scanned)
        if month_day and not (attached[:1].isascii() and attached[:1].isalnum()):
            return False  # 5/2l: a scanned 5/21, not 2 litres (a measure's unit stands after the number, not in it)
        if regions is None:
            return self._covered(text, start, end)
        return _inside(regions, start, end)

    def _covered(self, text: str, start: int, end: int) -> bool:
        """Is text[start:end] inside a clinical fact? (As regions() would say, but each pattern's scan stops at the
        first match past ``start``: no later one can hold the span, and this runs once per proposal.)"""
        folded = fold(text)
        value = folded[start:end]
        for pattern, alphabet in zip(self.patterns, self.alphabets or (None,) * len(self.patterns)):
            if alphabet is not None and not alphabet.fullmatch(value):
                continue
            for m in pattern.finditer(folded):
                if m.start() > start:
                    break
                if end <= m.end() and m.end() > m.start():
                    return True
        return False


_PEOPLE = frozenset({"PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT"})
_YEAR_MONTH_DOTTED = re.compile(r"(?:19|20)[0-9]{2}\.(?:1[0-2]|0?[1-9])")
_DATE_WORD_AFTER = re.compile(r"[ \u3000]?(?:頃|ごろ|[~〜～]|より|から|年|[)）])")
_STAMP_ONLY = re.compile(r"[ \t]*\[?[0-9][0-9/:. -]{2,18}(?: ?[AP]M)?\]?[ \t]+")
_POST_AFTER = re.compile(r"[ \t]*(?:[(（][^()（）\n]{1,12}[)）]|[:：])")
# A person's title right before the word (Ns.Kudo, Dr. Foley, Mr Swan).
_TITLE_BEFORE = re.compile(r"(?<![A-Za-z])(?:Dr|Ns|Mr|Mrs|Ms|Prof|Nurse)\.? ?$")
# Written after a person and never after a drug (fold() leaves kana and kanji as they are):
# ベルナール医師 is a doctor even though -ール ends many drugs' names.
_PERSON_HONORIFICS = honorifics.words("person", "katakana", "clinician")
_NAMED_AFTER = (*_PERSON_HONORIFICS, "在住")
# A person's honorific written onto a name (Bennettさん, Smith 先生): not 様, which also makes a word "-like"
# (Doppler様の所見), nor a label's word after a label (Name 氏名, Doctor 医師).
_HONORIFIC_AFTER = re.compile(
    rf" ?(?:{'|'.join(w for w in honorifics.words('person') + ('先生',) if w not in honorifics.ALSO_LIKENESS)})"
    rf"(?![{KANJI}])"
)
# A Japanese facility's kind in romaji ends a facility's name, whatever word opens it (HASHIMOTO NAIKA).
_ROMAJI_KINDS = frozenset("byoin byouin iin naika geka shika ganka hifuka jibika shonika sanfujinka".split())


def _eponym_follows(attached: str, after: str, suffixes: tuple[str, ...], latin: tuple[str, ...]) -> bool:
    if attached.startswith(("病院", "病棟")):
        return False
    if _RELATIVE_AFTER.match(after):
        return False  # Ana Ortiz's husband: a person's relative, not Parkinson's
    # (the first of two names joined by a dot: 木村・竹本分類, Kimura-Takemoto's classification)
    second = _SECOND_EPONYM.match(attached)
    if second and any(attached.startswith(_PAIR_SUFFIXES, n) for n in range(2, second.end() + 1)):
        return True
    return attached.startswith(suffixes) or after.startswith(latin)


_SECOND_EPONYM = re.compile(f"^[・･][{KANJI}]{{1,3}}")
# What two names joined name together: a classification, a syndrome, a method (not 泌尿器科・性感染症クリニック).
_PAIR_SUFFIXES = ("分類", "症候群", "病", "法", "試験", "反射", "徴候", "基準", "スコア")
_RELATIVE_AFTER = re.compile(rf"['’]s (?:{honorifics.alternation(honorifics.ENGLISH_RELATIONS)})(?![A-Za-z])")


def _letter_follows(after: str, units: tuple[str, ...]) -> bool:
    """Does the longest unit at the start of ``after`` run on into a word ("m" of "mass", "本" of "本日")?"""
    unit = next(u for u in units if after.startswith(u))
    nxt = after[len(unit) : len(unit) + 1]
    if len(unit) == 1 and is_kanji(unit) and nxt and is_kanji(nxt):
        return True  # 11/28 本日: a one-kanji unit glued to another kanji is a word, not a count
    return unit.isascii() and nxt.isascii() and nxt.isalpha()


_SCANNED_DIGITS = str.maketrans({"l": "1", "I": "1", "O": "0"})
_PADDED_NUMBER = re.compile(r"#?0[0-9]{5,}")
_ERA_YEAR = re.compile(rf"[{ERA_LETTERS}][0-9]{{1,2}}")
_MONTH_DAY = re.compile(r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12][0-9]|3[01])")
_WHOLE_DATE = re.compile(r"[A-Z]? ?\d[ \d]{0,4}[./・] ?\d{1,2} ?[./・] ?\d(?: ?\d)?")
# A line set one character to a box (連 絡 : l/2l 本 人 携 帯): the unit's sign opens the next spaced word.
# Halves, thirds and quarters stay measures there (1/2 本 服 用).
_COMMON_FRACTION = re.compile(r"[1-3]/[2-4]")
_LETTER_SPACED_WORDS = re.compile(r"[^\s0-9]( [^\s0-9A-Za-z]){3}(?: |$)")


def _no_measure(value: str, after: str, attached: str) -> bool:
    """A unit's sign that makes no measure here: 10月分 and 10/20分 (the share of a month or a day),
    11/27 × (a mark, no factor), a whole date before a blank (H1 2. 7. 19　年 齢: the next field's word)."""
    if (value.endswith("月") or _MONTH_DAY.fullmatch(value)) and after.startswith("分"):
        return True
    if attached[:1].isspace() and _WHOLE_DATE.fullmatch(value):
        return True
    scanned = value.translate(_SCANNED_DIGITS)
    if _MONTH_DAY.fullmatch(scanned) and not _COMMON_FRACTION.fullmatch(scanned) and _LETTER_SPACED_WORDS.match(after):
        return True
    if _PADDED_NUMBER.fullmatch(value):
        return True  # #01288430 L FA: a number of record padded with zeros; no amount is written so
    return after[:1] in ("×", "x") and re.match(r"[×x] ?[0-9]", after) is None


def _inside(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect_right(regions, (start, float("inf")))
    # Regions may overlap: any region starting at or before ``start`` can hold the span.
    return any(s <= start and end <= e for s, e in regions[:index])


def _read(path: Path) -> AllowList:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(
            f"cannot read the clinical allow-list {path.name}: {exc}. Restore the file from the project. / "
            f"臨床許可リスト {path.name} を読めません: {exc}。プロジェクトのファイルを戻してください。"
        ) from None
    groups = data.get("words", {})
    words = frozenset(fold(w).casefold() for name, group in groups.items() for w in group if name != "departments")
    departments = frozenset(fold(w).casefold() for w in groups.get("departments", []))
    roles = frozenset(fold(w).casefold() for w in groups.get("roles", []))
    patterns = tuple(re.compile(p) for p in data.get("patterns", {}).values())
    context = data.get("context", {})
    # Longer units first, so "mmHg" is tried before "m".
    units = tuple(sorted((fold(u) for u in context.get("units", [])), key=len, reverse=True))
    return AllowList(
        words=words,
        openers=words - roles,
        departments=departments,
        drug_endings=tuple(data.get("endings", {}).get("drug", [])),
        units=units,
        eponym_suffixes=tuple(context.get("eponym_suffixes", [])),
        latin_eponym_suffixes=tuple(x for x in context.get("eponym_suffixes", []) if x.isascii()),
        dose=_dose_pattern(context.get("dose_units", [])),
        patterns=patterns,
        alphabets=tuple(None if (a := alphabet_of(p)) is None else a.checker() for p in patterns),
    )


def _dose_pattern(units: list[str]) -> re.Pattern:
    if not units:
        return re.compile("(?!)")
    alternatives = "|".join(re.escape(fold(u)) for u in sorted(units, key=len, reverse=True))
    return re.compile(rf"\d+(?:\.\d+)?\s*(?:{alternatives})")


@lru_cache(maxsize=4)
def load_allow_list(path: Path = ALLOW_LIST_FILE) -> AllowList:
    return _read(path)
