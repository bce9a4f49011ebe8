"""Running a profile with supplements: the balanced rules plus allowed proposals (recall-first).

What recall-first runs is data (data/rules/profiles.toml, ``[recall-first]``):
the recognizers of ``balanced`` at their own ranks, plus the supplement
recognizers, whose proposals go through the clinical allow-list
(phi_core/extractors/allow_list.py) first and then run at the profile's
supplement rank (a rule's span wins any overlap). It masks every name-like
proper noun, unknown word and identifier-shaped string unless the allow-list
says it is a clinical fact. It is the default of ``deid`` and the De-identify
page, and the pipeline and run backend ``recall-first``.
"""

from __future__ import annotations

from bisect import bisect_left

# Importing the package registers every recognizer module in it.
import phi_core.extractors.recognizers  # noqa: F401
from phi_core.extractors import fast_re as re
from phi_core.extractors.allow_list import load_allow_list
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.date_edges import extend_dates
from phi_core.extractors.recognition.demographics import age_units, ages_after_birth_dates, demographics_after_names
from phi_core.extractors.recognition.facility_edges import grow_place_names
from phi_core.extractors.recognition.facility_owners import owners_before_hospitals
from phi_core.extractors.recognition.facility_places import places_after_facilities
from phi_core.extractors.recognition.katakana_heads import katakana_name_heads
from phi_core.extractors.recognition.letter_spacing import NAME_CATEGORIES, join_spaced_letters, spaced_words_read
from phi_core.extractors.recognition.list_columns import names_in_item_lists
from phi_core.extractors.recognition.table_name_columns import names_in_table_columns
from phi_core.extractors.recognition.name_lists import names_listed_beside
from phi_core.extractors.recognition.id_edges import grow_id_prefixes
from phi_core.extractors.recognition.initials_legend import initials_from_legend
from phi_core.extractors.recognition.name_joins import (
    join_name_words,
    name_tails,
    names_after_facilities,
)
from phi_core.extractors.recognition.name_repeats import name_parts_elsewhere
from phi_core.extractors.recognition.neighbours import (
    grow_addresses,
    rooms_after_wards,
)
from phi_core.extractors.recognition.profiles import get_profile
from phi_core.extractors.recognition.recognizer import Document, Recognizer
from phi_core.extractors.recognition.resolve import resolve
from phi_core.extractors.recognition.room_passes import rooms_and_wards, rooms_before_names
from phi_core.extractors.recognition.table_rows import table_values
from phi_core.extractors.recognition.underscore_joins import underscore_joins
from phi_core.extractors.recognition.unreadable_digits import unreadable_phones
from phi_core.extractors.recognizers.romaji_words import is_romaji
from phi_core.extractors.recognizers.scan_damage import letters_read
from phi_core.extractors.recognizers.sudachi_names import BEFORE_CUES, PERSON_CUES
from phi_core.extractors.rules import VERSION as RULES_VERSION
from phi_core.extractors.rules import _masks_other_words
from phi_core.extractors.rules.checked import trimmed
from phi_core.japanese.chars import KANJI, KATAKANA, READING_KANA, SPACE
from phi_core.japanese.foreign_surnames import CHINESE_KOREAN_SURNAMES
from phi_core.japanese.honorifics import alternation, words
from phi_core.japanese.width import nfkc
from phi_core.models import PredictedItem, Span
from phi_core.nlp.morphemes import document_morphemes
from phi_core.paths import DATA_DIR

NAME = "recall-first"
VERSION = f"recall-first-0.32.0+{RULES_VERSION}"


def _profile():
    return get_profile(NAME)


def __getattr__(name: str):
    # Read from the data file on use, so an edited profile is what runs.
    if name == "ENABLED":
        return _profile().supplements
    if name == "RANK_SUPPLEMENT":
        return _profile().supplement_rank
    if name == "ALLOW_LIST":
        return _profile().allow_list
    raise AttributeError(name)


def _allow_list():
    profile = _profile()
    return load_allow_list(DATA_DIR / "rules" / profile.allow_list) if profile.allow_list else load_allow_list()


_instances: dict[str, Recognizer] = {}


def supplements(names: tuple[str, ...] | None = None) -> list[Recognizer]:
    """The supplement recognizers (by default those the profile lists); each built once per process."""
    from phi_core.extractors.recognition.recognizer import recognizer_class

    for name in names if names is not None else _profile().supplements:
        if name not in _instances:
            _instances[name] = recognizer_class(name)()
    return [_instances[name] for name in (names if names is not None else _profile().supplements)]


_SHAPES_AS_WRITTEN = frozenset({"identifier-shape"})


def _touches(cand: Candidate, positions: list[int]) -> bool:
    i = bisect_left(positions, cand.start)
    return i < len(positions) and positions[i] < cand.end


def run_profile(text: str, names: tuple[str, ...] | None = None) -> list[Candidate]:
    """Resolved candidates: the balanced rules plus the allowed supplement proposals."""
    if not text:
        return []
    # Every recognizer and pass reads the look-alikes a scan leaves as what they stand for (医療セソター,
    # 2O24年); the copy keeps every position, so the spans hold for the text as written.
    written, text = text, letters_read(text)
    doc = Document(text)
    candidates: list[Candidate] = []
    regions = []
    profile = _profile()
    for name, recognizer in profile.enabled().items():
        cap = profile.ranks.get(name)
        for cand in recognizer.find(doc):
            candidates.append(cand if cap is None or cand.rank <= cap else cand._replace(rank=cap))
        regions.extend(recognizer.regions(doc))
    allow = _allow_list()
    allowed_regions = allow.regions(text)
    read = [i for i, (a, b) in enumerate(zip(written, text)) if a != b]
    # A clinical fact as written stays one when read (H2O is water, not the era year H20); and a number a scan
    # spoilt has an identifier's shape as written (l955, 診察券 No. l7-4O62): proposed and judged as it stands.
    written_regions = allow.regions(written) if read else []
    extra: list[Candidate] = []
    for recognizer in supplements(names):
        found = [(c, False) for c in recognizer.find(doc)]
        if read and recognizer.name in _SHAPES_AS_WRITTEN:
            found += [(c, True) for c in recognizer.find(Document(written)) if _touches(c, read)]
        for cand, as_written in found:
            cand = trimmed(text, cand)
            if cand.end <= cand.start:
                continue
            if as_written:
                if allow.allows(written, cand.start, cand.end, written_regions, cand.category):
                    continue
            elif allow.allows(text, cand.start, cand.end, allowed_regions, cand.category) or (
                read
                and _touches(cand, read)
                and allow.allows(written, cand.start, cand.end, written_regions, cand.category)
            ):
                continue
            extra.append(cand._replace(rank=profile.supplement_rank))
    spans = join_spaced_letters(text, widen(resolve(doc, candidates + extra, regions), extra))
    spans = name_tails(text, join_dotted_names(text, underscore_joins(text, spans)))
    morphemes = document_morphemes(doc)
    spans = names_listed_beside(text, join_name_words(text, spans, morphemes), morphemes)
    spans = katakana_name_heads(text, spans)
    spans = names_in_table_columns(text, names_in_item_lists(text, names_after_facilities(text, spans)))
    spans = places_after_facilities(text, grow_place_names(text, grow_addresses(text, spans)), morphemes)
    spans = rooms_before_names(text, rooms_after_wards(text, spans))
    spans = owners_before_hospitals(text, rooms_and_wards(text, spans))
    spans = table_values(text, extend_dates(text, demographics_after_names(text, spans)))
    spans = grow_id_prefixes(text, unreadable_phones(text, spans))
    spans = initials_from_legend(text, age_units(text, ages_after_birth_dates(text, spans)))
    spans = bracketed_readings(text, name_parts_elsewhere(text, spans, BEFORE_CUES | PERSON_CUES, morphemes))
    # Words spaced out letter by letter are read once more, closed up (東 久 留 米 市).
    return spaced_words_read(text, spans, lambda copy: run_profile(copy, names))


# Kana (or kana words with spaces) in brackets right after a name: its reading.
# An honorific may stand between: 安 次 嶺  サ ヨ 様（アシミネ サヨ）. Without brackets, a kana name
# of two words that ends the line after the name and its honorific is its reading too:
# 東雲 ハツヱ 様　　しののめ はつえ.
_HONORIFIC_THEN = rf"[{SPACE}]{{0,2}}(?:(?:{alternation(words('person'))})[{SPACE}]{{0,2}})?"
_READING_IN_BRACKETS = re.compile(
    rf"{_HONORIFIC_THEN}[（(]([{READING_KANA}]+(?:[{SPACE}・][{READING_KANA}]+)*)(?=[)）／/、,])"
    rf"|[{SPACE}]{{0,2}}(?:{alternation(words('person'))})[{SPACE}]{{1,4}}"
    rf"([{READING_KANA}]{{2,}}[{SPACE}][{READING_KANA}]{{2,}})(?=[{SPACE}]*(?:\n|$))"
)


# A katakana reading of two words or more after a slash, ending its field: KAWASAKI Jun / カワサキ ジュン / ID ...
_READING_AFTER_SLASH = re.compile(
    rf"[{SPACE}]?[／/][{SPACE}]?([{KATAKANA}]{{2,}}(?:[{SPACE}・][{KATAKANA}]+)+)(?=[{SPACE}]*(?:[／/（(]|\n|$))"
)


# The same name in Latin letters in brackets after it: グエン・ティ・ラン（NGUYEN THI LAN）, タマラ・ペトロワ（Tamara PETROVA）.
_LATIN_IN_BRACKETS = re.compile(
    r"[ \u3000]{0,2}[（(]([A-Z][A-Za-z'\-]+(?:[ ,]{1,2}[A-Z][A-Za-z'\-]+){0,3})(?=[)）／/、,])"
)


# A Latin name's own kanji in brackets after it (an honorific may stand between), family and given name apart:
# Mr. Chen Wei (陳 偉), KIM Soyeon（金 昭妍）, Wong様（黄 小玲）; not a role or a department (Ilya Sorokin（臨床検査技師）).
_KANJI_IN_BRACKETS = re.compile(rf"{_HONORIFIC_THEN}[（(]([{KANJI}]{{1,3}}[ \u3000][{KANJI}]{{1,3}})(?=[ ]?[)）/／])")


def bracketed_readings(text: str, spans: list[Candidate]) -> list[Candidate]:
    """王 秀英（ワン シウイン／…), GURUNG, Bishnu Maya (グルン ビシュヌ マヤ): a reading beside a name.

    A kana reading is a NAME_READING; the name again in Latin letters keeps the name's category.
    """
    out = list(spans)
    for span in spans:
        if span.category not in NAME_CATEGORIES:
            continue
        m = _READING_IN_BRACKETS.match(text, span.end) or _READING_AFTER_SLASH.match(text, span.end)
        latin = None if m else _LATIN_IN_BRACKETS.match(text, span.end)
        if latin is None and not m and nfkc(text[span.start : span.end]).isascii():
            latin = _KANJI_IN_BRACKETS.match(text, span.end)  # Chen Wei (陳 偉): the name in its own script
        if latin is None and not m and _ALL_KATAKANA_OR_LATIN_NAME.match(text[span.start : span.end]):
            latin = _KANJI_NAME_IN_BRACKETS.match(text, span.end)  # パク・ソヨン（朴昭妍）, WANG Jianguo (王建国)
            if latin and not _kanji_rendering(latin.group(1)):
                latin = None
        if (
            latin
            and latin.re is _LATIN_IN_BRACKETS
            and not _latin_rendering(text[span.start : span.end], latin.group(1))
        ):
            continue  # 西条（ICD）, Daniel Brooks (Med Onc): a unit or a role, not the name again
        if latin:
            start, end = latin.span(1)
            clinical = _allow_list().allows(text, start, end)  # 佐藤 花子（MRI）
            if not clinical and not any(s.start < end and start < s.end for s in out if s is not span):
                category = "PATIENT_NAME" if span.category == "NAME_READING" else span.category
                out.append(span._replace(start=start, end=end, category=category))
            continue
        if (
            not m
            or (m.group(1) and _common_noun(m.group(1)))
            or (m.re is _READING_AFTER_SLASH and _any_common(m.group(1)))
        ):
            continue  # GARCIA 様（アブレーション）: what is done to the person, not how the name is read
        start, end = m.span(1) if m.group(1) else m.span(2)
        inside = [s for s in out if start <= s.start and s.end <= end]
        if any(s.start < end and start < s.end for s in out if s not in inside):
            continue  # something longer crosses the brackets: leave it as it is
        out = [s for s in out if s not in inside] + [Candidate(start, end, "NAME_READING", _profile().supplement_rank)]
        second = _SECOND_READING.match(text, end) if m.group(1) else None
        if second and not any(s.start < second.end(1) and second.start(1) < s.end for s in out):
            # 李 美玲（リ メイリン／LI Meiling）: the name spelt a second way in the same brackets
            out.append(Candidate(*second.span(1), "NAME_READING", _profile().supplement_rank))
    return sorted(out, key=lambda c: c.start)


_SECOND_READING = re.compile(
    rf"[／/][{SPACE}]?([A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){{0,3}}|[{READING_KANA}]+(?:[{SPACE}][{READING_KANA}]+)*)(?=[)）])"
)
_ALL_KATAKANA_OR_LATIN_NAME = re.compile(rf"^(?:[{KATAKANA}・･ \u3000]+|[A-Za-z'., \-]+)$")
_KANJI_NAME_IN_BRACKETS = re.compile(
    rf"{_HONORIFIC_THEN}[（(]([{KANJI}]{{2,4}}(?:[ \u3000][{KANJI}]{{1,3}})?)(?=[)）])"
)


def _common_noun(word: str) -> bool:
    """A word SudachiDict lists only as a common noun (アブレーション), never as a proper one."""
    from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

    if not sudachi_available():
        return False
    parts = sudachi_lookup(word)
    return bool(parts) and all(pos[1] != "固有名詞" for pos in parts) and any(pos[1] == "普通名詞" for pos in parts)


def _any_common(words_: str) -> bool:
    """Is any word of a katakana run after a slash a common noun (リハビリ テーション)? Then it is no reading."""
    return any(_common_noun(w) for w in re.split(f"[{SPACE}・]", words_) if w)


def _kanji_rendering(kanji: str) -> bool:
    """Kanji in brackets after a katakana name are its own script when they start with a family name
    and are no word the dictionary knows (朴昭妍; not 長女, 主治医, 韓国籍)."""
    from phi_core.extractors.recognition.name_parts import can_be_surname
    from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

    family = re.split("[ \u3000]", kanji)[0]
    if not (can_be_surname(family[:1]) or can_be_surname(family[:2]) or family[:1] in CHINESE_KOREAN_SURNAMES):
        return False
    return not (sudachi_available() and sudachi_lookup(kanji.replace(" ", "").replace("\u3000", "")))


def _latin_rendering(name: str, latin: str) -> bool:
    """Is ``latin`` the name again in Latin letters: two words or more, or one that reads as romaji,
    after a name that is not itself in Latin letters?"""
    if name.isascii():
        return False
    from phi_core.extractors.recognition.name_parts import latin_names

    words_ = latin.replace(",", " ").split()
    given, family = latin_names()
    return len(words_) >= 2 or is_romaji(latin) or latin in given or latin in family  # 斉藤 リサ（Lisa）


# Parts of a foreign name in katakana joined by a middle dot or an equals sign: グエン・ヴァン・ミン.
_KATAKANA_WORD = f"[{KATAKANA}]+"
_DOTTED_AFTER = re.compile(f"(?:[・･=＝]{_KATAKANA_WORD})+")
_DOTTED_BEFORE = re.compile(f"(?:{_KATAKANA_WORD}[・･=＝])+$")
_ALL_KATAKANA = re.compile(f"^{_KATAKANA_WORD}(?:[・･]{_KATAKANA_WORD})*$")


def join_dotted_names(text: str, spans: list[Candidate]) -> list[Candidate]:
    """A name found in part (グエン) takes the katakana words joined to it by dots on either side."""
    out = list(spans)
    for i, span in enumerate(out):
        first_word = re.split("[ \u3000]", text[span.start : span.end])[0]
        if span.category not in NAME_CATEGORIES or not _ALL_KATAKANA.match(first_word):
            continue  # the first word decides: デル・ベルフ 杏 takes the ファン・ before it
        floor = out[i - 1].end if i else 0
        limit = out[i + 1].start if i + 1 < len(out) else len(text)
        after = _DOTTED_AFTER.match(text, span.end, limit)
        before = _DOTTED_BEFORE.search(text, max(floor, span.start - 24), span.start)
        start = before.start() if before else span.start
        end = after.end() if after and text[span.start : span.end] == first_word else span.end
        if (start, end) != (span.start, span.end):
            out[i] = span._replace(start=start, end=end)
    return out


def widen(resolved: list[Candidate], extra: list[Candidate]) -> list[Candidate]:
    """Where a supplement span overlaps resolved spans, the union of them is masked.

    The rules may see part of a value ("ID 1234" of "1234 5678 9012"; a label
    and the family name "管理者 真田" of "真田 恭子"): the joined span keeps the
    category of the highest-ranked span in it, so the rest of the value no
    longer leaks. The number of spans never grows, only their extent.
    """
    spans = sorted(resolved, key=lambda c: c.start)
    for cand in sorted(extra, key=lambda c: c.start - c.end):
        touching = [s for s in spans if s.start < cand.end and cand.start < s.end]
        if not touching or any(s.start <= cand.start and cand.end <= s.end for s in touching):
            continue
        best = max(touching, key=lambda s: (s.rank, s.end - s.start))
        joined = best._replace(
            start=min(cand.start, *(s.start for s in touching)), end=max(cand.end, *(s.end for s in touching))
        )
        spans = sorted([s for s in spans if s not in touching] + [joined], key=lambda c: c.start)
    return spans


def extract_spans(text: str, names: tuple[str, ...] | None = None) -> list[Span]:
    return [
        Span(start=c.start, end=c.end, category=c.category, text=text[c.start : c.end])
        for c in run_profile(text, names)
    ]


def extract(text: str, names: tuple[str, ...] | None = None) -> list[PredictedItem]:
    """Unique (category, value) items, as the rules' extract() makes them."""
    resolved = run_profile(text, names)
    spans = [(c.start, c.end) for c in resolved]
    seen: dict[tuple[str, str], None] = {}
    for cand in resolved:
        seen.setdefault((cand.category, text[cand.start : cand.end]), None)
    return [
        PredictedItem(category=category, value=value)
        for category, value in seen
        if not _masks_other_words(text, value, spans)
    ]
