"""Names listed beside a found name: the next item of a list of people is a name too.

"久我/Alvarez", "佐藤、Olsen、カルロス", "Ahmed R. and Patel", "椎名と戸川で": after a name and a
separator (、 , / ・, "and" or "&" between Latin names, と between kanji names in prose), the next
item is a name when the dictionary does not know it, calls it a person's name, or lists it as a
family name as well as a word (甲斐); and a family name alone before a found name and its separator, at
a cell's or a line's start (│小田・河野), is the list's first name.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_joins import NAME_CATEGORIES
from phi_core.extractors.recognition.name_parts import can_be_given_name, can_be_surname
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, KANJI, LONG_VOWEL, is_kanji
from phi_core.japanese.honorifics import PATIENT_WORDS, RELATIONS, STAFF_OCCUPATIONS, alternation
from phi_core.nlp.morphemes import Morpheme

# A middle dot lists kanji names as a comma does (平良・古川); between katakana it joins one name.
_LIST_SEP = "、,，/／・"
_ITEM = re.compile(
    rf"[A-Z][a-zß-öø-ÿ]{{2,}}(?:-[A-Z][a-z]+)?"
    rf"|(?P<dotted>[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,8}}(?:[・･][{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,8}}){{1,3}})"
    rf"|[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,8}}"
    # a whole name: 証人遠藤 美樹・柏木 徹
    rf"|(?P<family>[{KANJI}]{{1,3}})[ \u3000](?P<given>[{KANJI}]{{1,3}})(?=[、,，/／・\n)）(（]|$)"
    rf"|[{KANJI}]{{1,4}}"
)


# The item before a found name, a family name alone in its cell or at a line's start (│小田・河野, 記：湊／長谷部):
# only where nothing but a rule, a blank or a label's colon stands before it.
_ITEM_BEFORE = re.compile(rf"(?:^|(?<=[\n│|｜┃\t \u3000：:]))(?P<item>[{KANJI}]{{1,3}})[・／/、]$")
_ENGLISH_AND = re.compile(r" (?:and|&) ")
_SPACED_SLASH = re.compile(r" [/／] ?")
# A note in brackets or a count between a listed name and the separator: 宍戸（GRM）、 / 杉本 12、.
_NOTE_AFTER = re.compile(r"[（(][^（()）\n]{1,12}[)）]| [0-9]{1,4}(?=[、,，/／])")


# The patient or a relative as an item of a list of those present (本人・夫・堤, 妻、長女、佐藤): the next item is a
# person too, as after a name. Only single words of kin, where a list's item stands (a line's, a cell's or a
# label's start, or after another item).
_PEOPLE_WORDS = frozenset(RELATIONS + PATIENT_WORDS)
_PEOPLE_WORD_ITEM = re.compile(
    rf"(?:^|(?<=[\n\t│|｜：:、・／/ \u3000]))(?:{alternation(tuple(_PEOPLE_WORDS))})(?=[・、／/])", re.M
)


def _people_word_items(text: str) -> list[Candidate]:
    if "・" not in text and "、" not in text and "/" not in text and "／" not in text:
        return []
    return [Candidate(m.start(), m.end(), "PHYSICIAN_NAME", 0) for m in _PEOPLE_WORD_ITEM.finditer(text)]


def _family_name_in_list(item: str) -> bool:
    """A kanji word that is also a family name, in a list after a name: 東條、甲斐、大須賀 (甲斐 is also "worth")."""
    return is_kanji(item[:1]) and len(item) <= 3 and item not in STAFF_OCCUPATIONS and can_be_surname(item)


def _lone_family_name(kanji: str) -> bool:
    from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

    if not (is_kanji(kanji) and sudachi_available() and can_be_surname(kanji)):
        return False
    # 左, 中, 本, 円: a prefix, a suffix or a counter as well reads as that, not as a name
    return all(pos[0] == "名詞" and pos[2] not in ("副詞可能", "助数詞可能") for pos in sudachi_lookup(kanji))


def names_listed_beside(text: str, spans: list[Candidate], morphemes: list[Morpheme]) -> list[Candidate]:
    """In a list of people, the item after a found name is a name when the dictionary does not know it.

    "久我/Alvarez", "佐藤、Olsen、カルロス", "Ahmed R. and Patel": the item after a separator (、 , /,
    and between Latin names "and" or "&") that
    follows a name, a capitalised Latin word, a katakana word or a short kanji
    word that SudachiDict calls a person's name or does not know (CT, MRI are known), or
    lists as a family name as well as a word (甲斐).
    """
    by_span = {(m.start, m.end): m for m in morphemes}
    out = sorted(spans, key=lambda c: c.start)
    added: list[Candidate] = []
    taken = [(c.start, c.end) for c in out]
    anchors = [c for c in out if c.category in NAME_CATEGORIES and c.category != "NAME_READING"]
    anchors += [w for w in _people_word_items(text) if not any(a < w.end and w.start < b for a, b in taken)]
    for span in sorted(anchors, key=lambda c: c.start):
        note = _NOTE_AFTER.match(text, span.end)  # 宍戸（GRM）、Alvarez: a note in brackets before the separator
        after = note.end() if note else span.end
        spaced = _SPACED_SLASH.match(text, after)  # 坂上 凛 / ヌルハヤティ: a slash set apart by spaces
        if spaced:
            after = spaced.start() + 1
        start = after + 1
        if spaced:
            start = spaced.end()
        english = _ENGLISH_AND.match(text, span.end) if text[span.end - 1 : span.end].isascii() else None
        if english:
            start = english.end()  # Ahmed R. and Patel, Tanaka & Suzuki
        # 椎名と戸川で: と between two kanji names in prose, a particle after the second
        joined = text[after:start] == "と" and is_kanji(text[span.end - 1])
        separator = text[after:start].strip(" ")
        if english or joined or (start <= len(text) and separator and separator in _LIST_SEP):
            m = _ITEM.match(text, start)
            ends = _LIST_SEP + "\n\t│|｜ )）(（\u3000.;" + ("でがはにのも、。" if joined else "")
            if not m or (m.end() < len(text) and text[m.end()] not in ends):
                continue
            if joined and not _family_name_in_list(m.group()):
                continue
            word = by_span.get(m.span())
            if m.group() in _PEOPLE_WORDS:
                continue  # 長女・孫: another of kin, not a name
            if len(m.group()) == 1 and not _lone_family_name(m.group()) and not (word and word.is_person):
                # 原田/李, but not 左 or 計: one kanji must be a family name and nothing but a noun, or one the
                # dictionary reads as a person's name right there (石井/原, though 原 is a prefix too)
                continue
            if english and not m.group().isascii():
                continue
            if spaced and m.group().isascii():
                continue  # R. Morita / Midwife: after a spaced slash, an English word is as often a role
            full_name = bool(m.group("family")) and can_be_surname(m.group("family"))
            if m.group("family") and not (full_name and can_be_given_name(m.group("given"))):
                continue
            # Katakana words joined by middle dots are a foreign name written out (ファム・ティ・ラン).
            if (
                not full_name
                and not joined
                and not m.group("dotted")
                and (word is None or not (word.oov or word.is_person or _family_name_in_list(m.group())))
            ):
                continue
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            added.append(span._replace(start=m.start(), end=m.end()))
            taken.append(m.span())
        before = _ITEM_BEFORE.search(text, max(0, span.start - 6), span.start)
        if before and not any(a < before.end("item") and before.start("item") < b for a, b in taken):
            item = before.group("item")
            if _family_name_in_list(item) and (len(item) > 1 or _lone_family_name(item)):
                added.append(span._replace(start=before.start("item"), end=before.end("item")))
                taken.append(before.span("item"))
    return sorted(out + added, key=lambda c: c.start) if added else out


# What a legacy encoding or a printer writes for a character it cannot (外字: 𠮷 -> ?).
