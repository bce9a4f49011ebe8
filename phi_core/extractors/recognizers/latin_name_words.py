"""How the dictionary reads the words of a Latin name: unknown, a proper noun, romaji, a person (latin_names.py)."""

from __future__ import annotations

from phi_core.extractors import fast_re as re

from .romaji_words import is_romaji

# A family name in capitals may start with a particle: DE SILVA Anthony, VAN DER BERG Anna.
UPPER_PARTICLES = frozenset("DE DA DI DU DOS DAS DEL DELLA LA LE VAN VON DER DEN AL EL BIN BINTI MAC MC".split())


def words_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, length) of each word in text[start:end]."""
    return [(start + w.start(), len(w.group())) for w in re.finditer(r"[^\s,.]+", text[start:end])]


_ROMAN = re.compile(r"[IVX]{2,5}")
_APOSTROPHE_NAME = re.compile(r"[A-Z]'[A-Za-z]{2,}")


def spelled_out(m) -> bool:
    """A capitalised word in romaji the dictionary knows only as an acronym, read letter by letter (Ito as ITO, Oda
    as ODA): its reading runs to two kana a letter or more, which no word read as written does (Dose ドーズ, Ward
    ワード). Clinical shorthand is no romaji (Rt, Lv, Alb, Cre)."""
    surface = m.surface
    return (
        len(surface) >= 3
        and surface[:1].isupper()
        and surface[1:].islower()
        and len(m.reading) >= 2 * len(surface)
        and is_romaji(surface)
    )


def unknown_word(by_start: dict, start: int) -> bool:
    word = by_start.get(start)
    return word is None or word.oov or word.is_proper or spelled_out(word)


def word_unknown(text: str, by_start: dict, start: int, length: int) -> bool:
    """No dictionary word, or a proper noun, starts the word or one of its hyphenated parts (Al-Rashid)."""
    word = text[start : start + length]
    # Only a mixed-case word is read part by part: RN-VA, ICU-A are one abbreviation.
    hyphens = [start + i + 1 for i, ch in enumerate(word) if ch == "-"] if not word.isupper() else []
    starts = [start] + hyphens
    return any((m := by_start.get(s)) is not None and (m.oov or m.is_proper or spelled_out(m)) for s in starts)


def own_unknown_word(by_start: dict, start: int, part: str) -> bool:
    """A word of its own the dictionary does not know, or knows only as a proper noun (not half of LINE WORKS)."""
    word = by_start.get(start)
    return word is not None and word.end == start + len(part) and (word.oov or word.is_proper or spelled_out(word))


def romaji_word(word: str) -> bool:
    """A word whose hyphen-separated parts all read as romaji (Ji-hoon, Min-jun, NAKAMOTO)."""
    return all(part and is_romaji(part) for part in word.split("-"))


def is_person_word(m) -> bool:
    return m is not None and m.is_person


def name_like(text: str, start: int, end: int, by_start: dict) -> bool:
    """Fewer English words the dictionary knows than other words, or a known person's name among them.

    "SOMATOM Force", "WHO Grade", "Partial Response" are device and clinical
    words SudachiDict knows as common nouns; "NGUYEN Thi Lan", "BAKER Thomas" are not.
    """
    words = words_in(text, start, end)
    if len(words) < 2:
        return True  # initials
    morphemes = [by_start.get(w) for w, _ in words]
    pieces = [text[w : w + n] for w, n in words]
    if any(_ROMAN.fullmatch(p) for p in pieces):
        return False  # NYHA II, CCS III: classes and grades
    if any(_APOSTROPHE_NAME.match(p) for p in pieces):
        return True  # O'CONNOR, D'Angelo: a family name with an elided particle
    if any(is_person_word(m) for m in morphemes):
        return True
    pieces = [text[w : w + n] for w, n in words]
    unknown = any(m is not None and m.oov for m in morphemes)
    if unknown and all(romaji_word(p) for p in pieces) and max(len(p) for p in pieces) >= 4:
        return True  # NAKAMOTO Ai: "Ai" is also an English abbreviation; not "Dose Rate", "Name Date"
    if any("-" in p and romaji_word(p) and p[:1].isupper() and not p.isupper() for p in pieces):
        return True  # Park Ji-hoon, Song Min-jun: a Korean given name
    if pieces[0] in UPPER_PARTICLES and len(pieces) >= 3:
        return True  # DE SILVA Anthony
    known = sum(1 for w, n in words if not word_unknown(text, by_start, w, n))
    return known < len(words) - known
