"""Latin-script names told by a lexicon of names of many countries, and names cut to an initial.

SudachiDict knows English, so a French or Nigerian family name that is also an
English word (MARCHAND) or a given name it does not know (Julien) leaves the
written-form rules of latin-name undecided. Faker's person providers of every
locale (name_parts.latin_names) say which words are names:

- a given name then a family name, both listed, one of them unknown to the
  dictionary: "Julien MARCHAND", "Rohan Mehta";
- a family name and the initial of the given name: "Patel, R." (a listed family
  name), and at the end of a field "Suzuki R", "WHITFIELD-SATO E" (romaji or
  capitals only: Tanner B and Ward B are a stage and a ward); never a word the
  dictionary knows as a common one;
- a listed family name in capitals, unknown to the dictionary, before a given name that is listed,
  romaji or unknown: "WANG Mei";
- three initials with dots: "G.S.M." (not "U.S.A.");
- a listed given name in brackets after an English relation: "daughter (Claire, +1-…)";
- a login of a romanised family name and a staff abbreviation after it: "miyake_msw", "sato.ns"
  (latin-name reads the abbreviation first: "DM_tanaka").
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_given_name, latin_names
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import UNIFIED_KANJI
from phi_core.japanese.width import nfkc
from phi_core.japanese.honorifics import ENGLISH_RELATIONS, LATIN_STAFF_ABBREVIATIONS, RELATIONS, alternation
from phi_core.nlp.morphemes import document_morphemes

from .person_context import person_category
from .romaji_words import is_romaji
from .sudachi_names import RANK_SUPPLEMENT

_LETTER = "A-Za-zÀ-ÖØ-öø-ɏ"
_CAP = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?"
_CAPS = r"[A-Z]{2,}(?:-[A-Z]{2,})?"
_GIVEN_FAMILY = re.compile(rf"(?<![{_LETTER}.])(?P<given>{_CAP})(?: {_CAP})? (?P<family>{_CAP}|{_CAPS})(?![{_LETTER}])")
# The initial ends the field: a line end, a wide gap, a slash, a comma or a bracket.
_FAMILY_INITIAL = re.compile(
    rf"(?<![{_LETTER}.'\-])(?P<family>{_CAP}|{_CAPS})(?:, (?P<i1>[A-Z])\.|[ ](?P<i2>[A-Z])(?=[ \t]*(?:$|\n|[/,)）]| {{2}})))",
    re.MULTILINE,
)
_ROLES = tuple(w.lower() for w in LATIN_STAFF_ABBREVIATIONS) + ("pharm", "nurse", "doc", "clerk", "rad", "tech")
# ... and in capitals with the role first, as a system prints its users (NS_OKUBO, DR_KANNO).
_FAMILY_THEN_ROLE = re.compile(
    rf"(?<![\w.@/])(?P<family>[a-z]{{4,}})[._](?:{alternation(_ROLES)})(?![\w@])"
    rf"|(?<![\w.@/])(?:{alternation(tuple(w.upper() for w in _ROLES))})_(?P<upper>[A-Z]{{4,}})(?![\w@])"
)
_WORD_BEFORE = re.compile(r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ]+ $")
# A listed family name in capitals before one capitalised word (WANG Mei, KOWALSKA Anna).
_CAPS_FAMILY_GIVEN = re.compile(rf"(?<![{_LETTER}.])(?P<family>[A-Z]{{2,}}) (?P<given>{_CAP})(?![{_LETTER}])")
_THREE_INITIALS = re.compile(rf"(?<![{_LETTER}.])[A-Z]\.[A-Z]\.[A-Z]\.(?![{_LETTER}])")
_LATIN_FAMILY_KANJI_GIVEN = re.compile(
    rf"(?<![{_LETTER}])(?P<family>[A-Z][a-z]+) (?P<given>[{UNIFIED_KANJI}]{{1,3}})(?![{UNIFIED_KANJI}])"
)
# Two initials alone in a log's cell, wide gaps around them (問い合わせ内容　　Ｙ．Ｋ　　済).
_INITIALS_IN_A_CELL = re.compile(
    r"(?:^|(?<=[ \u3000]{2})|(?<=\t))(?P<i>[A-Z]\.[A-Z]\.?)(?=[ \u3000]{2}|\t|$)", re.MULTILINE
)
_TIMES_AND_PLACES = frozenset({"A.M", "P.M", "U.S", "U.K", "N.B", "P.S", "E.U"})
_NOT_INITIALS = frozenset({"U.S.A.", "A.S.A.", "P.R.N.", "B.I.D.", "T.I.D.", "Q.I.D.", "H.S.E."})
_RELATION_BRACKET = re.compile(
    rf"(?<![A-Za-z])(?:{alternation(ENGLISH_RELATIONS + tuple(w.capitalize() for w in ENGLISH_RELATIONS))})"
    rf"[ ]?[(（][ ]?(?P<name>{_CAP})(?=[ ,、)）])"
)

_RELATION_BEFORE = re.compile(rf"(?:{alternation(RELATIONS + ENGLISH_RELATIONS)})(?:の)?[ \u3000:：]?$")


def _category(text: str, start: int, end: int) -> str:
    """A relation right before the name makes it a contact's (同行の友人 Tom Baker); else staff or patient."""
    if _RELATION_BEFORE.search(text, max(0, start - 8), start):
        return "EMERGENCY_CONTACT"
    return person_category(text, start, end)


@register
class LatinListedNameRecognizer(Recognizer):
    name: ClassVar[str] = "latin-listed-name"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if not re.search("[A-Za-zＡ-Ｚａ-ｚ]", text):
            return []
        given_names, family_names = latin_names()
        by_start = {m.start: m for m in document_morphemes(doc)}

        def unknown(start: int, word: str) -> bool:
            m = by_start.get(start)
            return m is None or m.oov or m.is_proper or m.end != start + len(word)

        def person(start: int, word: str) -> bool:
            m = by_start.get(start)
            return m is not None and m.is_person and m.end == start + len(word)

        def family_like(start: int, word: str, listed_ok: bool) -> bool:
            """Each part a listed family name (when allowed), romaji, or a word the dictionary does not know
            as a common one; not Child-Pugh, whose Child is English."""
            offset = start
            for part in word.split("-"):
                listed = (listed_ok or word.isupper()) and part.capitalize() in family_names
                if not (listed or is_romaji(part) or person(offset, part)):
                    return False  # not CTRX S, FCXM T: a drug's susceptibility, a test's result
                offset += len(part) + 1
            return unknown(start, word)

        spans: set[tuple[int, int]] = set()
        for m in _GIVEN_FAMILY.finditer(text):
            given, family = m.group("given"), m.group("family")
            if given in given_names and family.capitalize() in family_names:
                words = [(m.start("given"), given), (m.start("family"), family)]
                unknowns = sum(unknown(start, word) for start, word in words)
                if any(person(start, word) for start, word in words) or unknowns == 2:
                    continue  # latin-name's own forms take it, with the category its cues give
                if unknowns:
                    spans.add(m.span())
        for m in _CAPS_FAMILY_GIVEN.finditer(text):
            family, given = m.group("family"), m.group("given")
            given_like = given in given_names or is_romaji(given) or unknown(m.start("given"), given)
            if family.capitalize() in family_names and unknown(m.start("family"), family) and given_like:
                spans.add(m.span())
        for m in _FAMILY_INITIAL.finditer(text):
            family = m.group("family")
            # A bare initial (Suzuki R, WHITFIELD-SATO E) also ends grades and stages (Tanner B, Ward B): only
            # after romaji or capitals; a dotted one (Patel, R.) after any listed family name.
            bare = m.group("i2") is not None
            if bare and not (family.isupper() or is_romaji(family)):
                continue
            if bare and (m.group("i2") in "MF" or _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())):
                continue  # SATO HANAKO F: a sex code after a whole name, not an initial
            if len(family) >= 3 and family_like(m.start("family"), family, listed_ok=not bare):
                spans.add(m.span())
        spans.update(m.span() for m in _THREE_INITIALS.finditer(text) if m.group() not in _NOT_INITIALS)
        for m in _LATIN_FAMILY_KANJI_GIVEN.finditer(text):
            if m.group("family") in family_names and can_be_given_name(m.group("given")):
                spans.add(m.span())  # Lee 晶子: a listed family name in Latin letters, a given name in kanji
        folded = nfkc(text)  # one character for one: Ｙ．Ｋ is Y.K at the same offsets
        spans.update(
            m.span("i")
            for m in _INITIALS_IN_A_CELL.finditer(folded)
            if m.group("i").rstrip(".") not in _TIMES_AND_PLACES
        )
        for m in _FAMILY_THEN_ROLE.finditer(text):
            family = m.group("family") or m.group("upper")
            at = m.start("family") if m.group("family") else m.start("upper")
            if is_romaji(family.lower()) and unknown(at, family):
                spans.add(m.span())
        found = [Candidate(s, e, _category(text, s, e), RANK_SUPPLEMENT) for s, e in sorted(spans)]
        for m in _RELATION_BRACKET.finditer(text):
            if m.group("name") in given_names:
                found.append(Candidate(*m.span("name"), "EMERGENCY_CONTACT", RANK_SUPPLEMENT))
        return found
