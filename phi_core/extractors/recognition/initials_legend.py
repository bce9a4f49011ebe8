"""Initials a document defines for its people and then writes alone (※評価者略号：YS = 湯浅 沙織、KK = 小柴 一樹,
Sign: TK = Dr. Takumi Kashiwagi, 担当薬剤師 石黒 沙耶（SI）, Pharmacists: Yuka Nishimura (YN)).

A ledger or a chart names its staff once in a key and signs every row with the initials. Where a name in kanji
follows two or three capitals and an equals sign, those capitals are that person wherever they stand as a word of
their own in the document. A key is told from a system's code table (OFF=ｺｳｷｭｳ, ACK=NISHIDA, HIS=森 哲也) by the
blanks around its sign or a word that says it is one (略号, 凡例, 担当者, initials); a colon after capitals is a field's
label (CM：杉山), and a staff abbreviation is never taken as anyone's initials. Capitals in brackets right after a
name are a key only where they stand alone again elsewhere in the document, as a ledger's signatures do, and only
where they are the name's own initials (a kanji name by its reading): brackets after a name as often hold the
person's team or post (梅田(ORT), 佐野 恵（NST）, 江口(CT)).
"""

from __future__ import annotations

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.list_columns import NAME_CATEGORIES
from phi_core.japanese.chars import KANJI
from phi_core.japanese.honorifics import LATIN_STAFF_ABBREVIATIONS
from phi_core.japanese.romaji import initial_letters
from phi_core.japanese.width import nfkc
from phi_core.nlp.morphemes import morphemes

# (in either width, and with the person's role between the sign and the name: ＳＴ＝看護師 杉田)
_KEY_BEFORE = re.compile(
    r"(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])(?P<initials>[A-ZＡ-Ｚ]{2,3})(?P<sign>[ \u3000][=＝][ \u3000]|[=＝])"
    r"(?:(?:Dr|Ns|Mr|Ms|Mrs|Prof)\.? ?|(?:看護師|医師|技師|薬剤師)[ \u3000]?)?$"
)
# (the key after the name, in brackets of either width: 本間 航（WH）, Takeshi Oda (TO))
_KEY_AFTER = re.compile(r"[ \u3000]?[(（](?P<initials>[A-ZＡ-Ｚ]{2,3})[)）]")
_KEY_INSIDE = re.compile(r"(?P<initials>[A-ZＡ-Ｚ]{2,3})(?P<sign>[=＝])")
_KEY_WORD = re.compile(
    r"略号|略称|凡例|イニシャル|担当|記入者|記載者|実施者|(?i:initials|key|staff|operators?|op codes?)"
)
_KANJI_NAME = re.compile(rf"[{KANJI}]+(?:[ \u3000][{KANJI}]+)?")
# (in Latin letters the initials must be the name's own, in either order: TK = Dr. Takumi Kashiwagi)
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}")


def _names_match(text: str, start: int, end: int, initials: str) -> bool:
    if _KANJI_NAME.fullmatch(text, start, end):
        return True
    if not _LATIN_NAME.fullmatch(text, start, end):
        return False
    letters = "".join(word[0] for word in text[start:end].split())
    return initials in (letters, letters[::-1])


_NOT_INITIALS = frozenset(LATIN_STAFF_ABBREVIATIONS)


def initials_from_legend(text: str, spans: list[Candidate]) -> list[Candidate]:
    keyed: dict[str, Candidate] = {}
    for span in spans:
        if span.category not in NAME_CATEGORIES:
            continue
        # (a label's reader may have taken the key in with the name: "MY=南 陽子" as one span)
        inside = _KEY_INSIDE.match(text, span.start, span.end)
        key = inside or _KEY_BEFORE.search(text, max(0, span.start - 12), span.start)
        name_start = inside.end() if inside else span.start
        if not key:
            after = _KEY_AFTER.match(text, span.end)
            if (
                after
                and _recurs(text, after.group("initials"), after.start("initials"))
                and _initials_of(text[span.start : span.end], nfkc(after.group("initials")))
            ):
                key = after
        if not key or nfkc(key.group("initials")) in _NOT_INITIALS:
            continue
        if not _names_match(text, name_start, span.end, key.group("initials")):
            continue
        line_start = text.rfind("\n", 0, key.start()) + 1
        sign = key.groupdict().get("sign") or ""
        if sign.startswith(("=", "＝")) and not _KEY_WORD.search(text, line_start, key.start()):
            continue
        keyed.setdefault(key.group("initials"), span)
    if not keyed:
        return spans
    taken = [(s.start, s.end) for s in spans]
    added = []
    for initials, person in keyed.items():
        for m in _alone(text, initials):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                added.append(Candidate(m.start(), m.end(), person.category, person.rank))
                taken.append(m.span())
    return sorted(spans + added, key=lambda c: c.start) if added else spans


def _alone(text: str, initials: str):
    return re.finditer(rf"(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９]){initials}(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])", text)


def _recurs(text: str, initials: str, key_start: int) -> bool:
    """The initials stand alone somewhere besides the key itself."""
    return any(m.start() != key_start for m in _alone(text, initials))


def _initials_of(name: str, initials: str) -> bool:
    """Are ``initials`` the name's own, given name first or family name first (石黒 沙耶: SI or IS)?"""
    parts = name.split()
    if len(parts) != 2 or len(initials) != 2:
        return False
    if _LATIN_NAME.fullmatch(name):
        return initials in (parts[0][0] + parts[1][0], parts[1][0] + parts[0][0])
    letters = [initial_letters("".join(m.reading for m in morphemes(part))) for part in parts]
    return any(initials[0] in a and initials[1] in b for a, b in (letters, letters[::-1]))
