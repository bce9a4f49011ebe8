"""A name found once, found again: each part of it wherever else it stands as a word, the whole of it
wherever else it is written (also with letters a printer could not write).

Run on the resolved spans of recall-first, after the parts of names were joined (name_joins.py):
"大川さんへの説明", "堀が行う" after "堀 健太郎"; "「𠮷岡 髙志」" and "?岡 ?志" after "𠮷岡 髙志".
"""

from __future__ import annotations

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_joins import HONORIFIC, NAME_CATEGORIES, TITLES
from phi_core.extractors.recognition.name_parts import can_be_given_name
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, LONG_VOWEL, SPACE, is_kanji
from phi_core.nlp.morphemes import Morpheme


def _standalone(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a word of its own (no letter of the same script glued on either side)?"""
    part = text[start:end]

    def same(ch: str) -> bool:
        if is_kanji(part[0]):
            return is_kanji(ch)
        return bool(re.match(f"[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}A-Za-z]", ch))

    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    honorific_after = re.match(HONORIFIC, text[end : end + 4]) is not None  # そうたくん, ミノルさん
    return not (before and same(before)) and (honorific_after or not (after and same(after)))


def name_parts_elsewhere(
    text: str,
    spans: list[Candidate],
    not_names: frozenset[str] = frozenset(),
    morphemes: list[Morpheme] | None = None,
) -> list[Candidate]:
    """Each part of a full name, wherever else it stands as a word of its own.

    ``not_names``: words a name span may have taken in with it (roles, relations,
    titles: 長女, 本人, Mr) that are never searched for on their own. A Latin
    part (Ahmed of "Tanvir Ahmed") counts only where the dictionary does not
    know the word there: Class, Doppler or Murphy may be English or eponyms.
    """
    unknown = {(m.start, m.end) for m in morphemes or () if m.oov}
    spans = whole_names_elsewhere(text, spans)
    parts: dict[str, Candidate] = {}
    given: set[str] = set()
    for span in spans:
        if span.category not in NAME_CATEGORIES or span.category == "NAME_READING":
            continue
        pieces = re.split(f"[{SPACE}・]+", text[span.start : span.end])
        if len(pieces) == 2 and len(pieces[1]) >= 2 and all(is_kanji(ch) for ch in pieces[1]):
            given.add(pieces[1])
        for part in pieces:
            if part in not_names or part in TITLES:
                continue
            if part.isascii() and not (len(part) >= 3 and part[:1].isupper() and part.isalpha()):
                continue
            if part and part not in parts and (len(part) >= 2 or is_kanji(part)):
                parts[part] = span
    if not parts:
        return spans
    taken = sorted((s.start, s.end) for s in spans)
    added: list[Candidate] = []
    for part, source in parts.items():
        for s, e in _occurrences(text, part):
            if any(a < e and s < b for a, b in taken):
                continue
            # 通知人光子は: a kanji given name of the document's name, written onto the word before it
            glued_given = part in given and not (e < len(text) and is_kanji(text[e])) and can_be_given_name(part)
            if not _standalone(text, s, e) and not glued_given:
                continue
            if len(part) == 1 and not _single_kanji_name_use(text, s, e):
                continue
            if part.isascii() and (s, e) not in unknown:
                continue
            added.append(source._replace(start=s, end=e))
            taken.append((s, e))
    return sorted(spans + added, key=lambda c: c.start) if added else spans


_PLACEHOLDERS = "?？〓□■"


def _occurrences(text: str, literal: str):
    """(start, end) of each place ``literal`` is written, left to right, none overlapping (as re.finditer)."""
    pos = text.find(literal)
    while pos >= 0:
        yield pos, pos + len(literal)
        pos = text.find(literal, pos + len(literal))


def _occurrences_or_placeholders(text: str, name: str, holes: list[int]) -> list[tuple[int, int]]:
    """Where ``name`` is written, a placeholder (at the positions ``holes``) standing for any of its letters.

    A match with no placeholder is a plain occurrence; one with a placeholder covers one of the few
    ``holes``, so only the places around them are compared letter by letter (a pattern made per name and
    per document would cost a compile each time). Left to right, none overlapping, as re.finditer.
    """
    starts = {s for s, _ in _occurrences(text, name)}
    size = len(name)
    for hole in holes:
        for start in range(max(0, hole - size + 1), min(hole, len(text) - size) + 1):
            window = text[start : start + size]
            if all(a == b or (not b.isspace() and a in _PLACEHOLDERS) for a, b in zip(window, name)):
                starts.add(start)
    found: list[tuple[int, int]] = []
    for start in sorted(starts):
        if not found or start >= found[-1][1]:
            found.append((start, start + size))
    return found


def whole_names_elsewhere(text: str, spans: list[Candidate]) -> list[Candidate]:
    """A full name found once is masked whole wherever else it is written, also with 外字 lost.

    "𠮷岡 髙志" found once is also "「𠮷岡 髙志」" where only part of it was found, and
    "?岡 ?志" where a label printer could not write 𠮷 and 髙.
    """
    names = {
        text[s.start : s.end]: s
        for s in spans
        if s.category in NAME_CATEGORIES
        and s.category != "NAME_READING"
        and re.search(f"[{SPACE}]", text[s.start : s.end])
    }
    out = list(spans)
    holes = [i for i, ch in enumerate(text) if ch in _PLACEHOLDERS] if any(ch in text for ch in _PLACEHOLDERS) else []
    for name, source in names.items():
        if len(name.replace(" ", "").replace("\u3000", "")) < 3:
            continue
        for s, e in _occurrences_or_placeholders(text, name, holes):
            if sum(ch in _PLACEHOLDERS for ch in text[s:e]) * 2 >= len(name):
                continue  # mostly placeholders: nothing left to recognise the name by
            if any(c.start <= s and e <= c.end for c in out):
                continue
            if any(c.start < e and s < c.end and not (s <= c.start and c.end <= e) for c in out):
                continue  # a longer value crosses it: leave both
            out = [c for c in out if not (s <= c.start and c.end <= e)] + [source._replace(start=s, end=e)]
    return sorted(out, key=lambda c: c.start)


# A one-kanji family name on its own is a name only before a particle of the
# subject or topic, an honorific or a title, or a bracket (堀が行う, 林さん, 森（病理）).
_SINGLE_AFTER = re.compile(rf"(?:[がはのにへとも]|{HONORIFIC}|[（(])")


def _single_kanji_name_use(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else "\n"
    return bool(_SINGLE_AFTER.match(text, end)) and not is_kanji(before)
