"""Addresses abroad in Latin letters, and Japanese addresses an English letterhead writes with its country.

"Nordhafenallee 40, 20457 Hamburg, Germany", "18 rue des Capucins, 69001 Lyon",
"Jl. Cikini Raya No. 118, Menteng, Jakarta Pusat 10330, Indonesia",
"Suite 4, 212 Oxford Street, Bondi Junction NSW 2022", "Sukhbaatar district, 1st khoroo,
Ulaanbaatar 14210, Mongolia", "12 Katsuragawa-higashi-cho, Nishikyo-ku, Kyoto 615-8256",
"Osaka Nanko Medical Center, Osaka, Japan" (the city and country after a facility).

Every country orders its address differently, so no one street pattern reads them
all; what they share is a chain of places apart by commas that ends in a postal
code or a country, or holds a street (a house number and a street's word in the
language of the country). Each piece of the chain must read as a place: words
written with a capital, numbers, and the few lower-case words addresses use
(district, rue, des, st.). A facility's name, a person's title or a sentence
ends the chain: what stands before it is not part of the address.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from phi_core.japanese.chars import HANGUL_SYLLABLES

from .sudachi_names import RANK_SUPPLEMENT

# A Korean address in Hangul: two places at least by their unit's syllable (부산광역시 해운대구 우동), the lot
# number, then the building, its block (102동) and its room (1703호).
_HANGUL_ADDRESS = re.compile(
    rf"(?:[{HANGUL_SYLLABLES}]+(?:시|도|구|군|읍|면|동|리|로|길) ){{2,}}[0-9]{{1,5}}(?:-[0-9]{{1,4}})?(?:번지)?"
    rf"(?: [{HANGUL_SYLLABLES}A-Za-z0-9]+(?:아파트|빌라|빌딩|오피스텔|타워|맨션|하우스))?(?: [0-9]{{1,4}}동)?(?: [0-9]{{1,5}}호)?"
)

COUNTRIES = frozenset(
    (
        "Japan Germany Deutschland France Indonesia Mongolia Thailand Vietnam China Korea Taiwan Philippines "
        "Australia Canada Mexico Brazil Peru Argentina Chile Colombia India Pakistan Bangladesh Nepal Sri Lanka "
        "Myanmar Cambodia Laos Malaysia Singapore Russia Ukraine Poland Italy Spain Portugal Netherlands Belgium "
        "Switzerland Austria Sweden Norway Denmark Finland Ireland UK USA U.S.A. Turkey Iran Egypt Nigeria Kenya "
        "Ethiopia Uzbekistan Kazakhstan Israel Greece Hungary Romania"
    ).split()
    + ["United Kingdom", "United States", "New Zealand", "Viet Nam", "Hong Kong", "South Korea", "Sri Lanka"]
)
_COUNTRY_CASEFOLD = frozenset(c.casefold() for c in COUNTRIES)
# Lower-case words an address writes among its places: a street's or a district's kind, a joining word.
_ADDRESS_WORDS = frozenset(
    "district khoroo street st. st road rd. rd avenue ave. lane ward city province village town county block floor "
    "soi moo tambon amphoe rue avenue boulevard bd allée chemin impasse quai cours route place des de du la le "
    "d' l' di del della van der von den am an der im bis ter ul. pr. prospekt dom kv. str. no. box".split()
)
# A street, in the orders different countries write it: number first (212 Oxford Street, 999/12 Rama IV Rd.,
# 18 rue des Capucins), the name first (Nordhafenallee 40, Svetlanskaya st. 87-14), the Malay word first
# (Jl. Cikini Raya No. 118), or a Japanese block of two or three numbers (3-15-1 Shiomidai).
_STREET = re.compile(
    r"(?:^|\s)[0-9]{1,5}(?:/[0-9]{1,4})?[A-Za-z]? (?:[A-Za-z'’.\-]+ ){0,3}"
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Close|Crescent|Place|Pl|Terrace|Boulevard|Blvd|Highway)\.?$"
    r"|(?:^|\s)[0-9]{1,4}(?:bis|ter)?,? (?:rue|avenue|av\.|boulevard|bd|place|allée|chemin|impasse|quai|cours|route)\s"
    r"|[a-zäöüß](?:straße|strasse|str\.|allee|weg|platz|gasse|ring|damm|ufer|chaussee) [0-9]{1,4}[a-z]?$"
    r"|(?:Straße|Strasse|Allee|Weg|Platz|Gasse|Ring) [0-9]{1,4}[a-z]?$"
    r"|\b(?:st|ul|pr)\. [0-9]{1,4}(?:-[0-9]{1,4})?$"
    r"|^(?:Jl|Jln|Jalan)\.? "
    r"|^[0-9]{1,4}-[0-9]{1,4}(?:-[0-9]{1,4})? [A-Z]"
)
# A postal code with its town, in either order (Jakarta Pusat 10330, 20457 Hamburg, Bondi Junction NSW 2022,
# Kyoto 615-8256, Kanagawa 251, FPO AP 96379); a scan may read its zeros and ones as letters (Bangkok lO33O).
_CODE = r"(?=[0-9OolI]*[0-9][0-9OolI]*[0-9])[0-9OolI]{4,6}|[0-9]{3}-[0-9]{4}|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}"
_POSTAL = re.compile(
    rf"^(?:[A-Z][A-Za-z'’.\-]* ){{1,3}}(?:[A-Z]{{2,3}} )?(?:{_CODE})$|^[0-9]{{4,5}} [A-Z][A-Za-z'’.\-]*(?: [A-Z][A-Za-z'’.\-]*)?$"
)
# The town someone lives in, goes home or flies to, told in an English letter (who returns home to Portland,
# He will fly to Hue, moved from Osaka); a country alone names no one (flies back to France), nor a month
# (moved to Jan 21) or a ward (stay in Ward 5E).
_TRAVEL_PLACE = re.compile(
    r"\b(?:lives|living|resides|residing|returns? home|returning home|returned home|fly|flies|flew|flying"
    r"|moved|moving|relocated|travels?|travel(?:l)?ed|travel(?:l)?ing)(?: back)? (?:in|to|from) "
    r"(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?![A-Za-z0-9]| [0-9A-Z])"
)
_NOT_TOWNS = frozenset(
    "Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec January February March April June July August September "
    "October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Ward Room Bed Unit Hotel "
    "Hospital Clinic The Our Your His Her Their".split()
)
_OLD_POSTAL = re.compile(r"^[A-Z][A-Za-z\-]+ [0-9]{3}$")
_FACILITY = re.compile(
    r"\b(?:Hospital|Hospita[l1|]|Clinic|Clinique|Klinik|Klinikum|Medical|Center|Centre|Practice|University|Univ\.|"
    r"Department|Dept\.?|Institute|School|College|Rumah|Sakit|Health|Assist|Ltd\.?|Inc\.?|Co\.|Corporation|"
    r"Embassy|Consulate|Office|Ward|Unit)\b"
)
_TITLE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|Tel|Te1|Phone|Fax|Ph|E-?mail|Date)\b\.?")
# The line cut into chains: a comma joins places, anything else (a colon, a bracket, a column's gap, a dot
# between fields) ends them.
_CHAIN = re.compile(r"(?:[^\n:;|()（）·•\t ]| (?! ))+")
_PIECE = re.compile(r"[^,]+")
_TOKEN = re.compile(r"\S+")


def _is_country(piece: str) -> bool:
    return piece.rstrip(".").casefold() in _COUNTRY_CASEFOLD


def _place_like(piece: str) -> bool:
    if _FACILITY.search(piece) or _TITLE.search(piece):
        return False
    return all(
        tok[0].isupper()
        or tok[0].isdigit()
        or tok.casefold() in _ADDRESS_WORDS
        or re.fullmatch(f"[0-9]+(?:st|nd|rd|th)|{_CODE}", tok)
        for tok in piece.split()
    )


def _place_tail(piece: str) -> int | None:
    """Where the run of place words that ends ``piece`` starts (the address after "who lives at")."""
    if _FACILITY.search(piece):
        return None
    tokens = list(_TOKEN.finditer(piece))
    start = None
    for tok in reversed(tokens):
        word = tok.group()
        if not (word[0].isupper() or word[0].isdigit() or word.casefold() in _ADDRESS_WORDS) or _TITLE.fullmatch(word):
            break
        if word[0].isupper() or word[0].isdigit():
            start = tok.start()
    return start


def _chains(text: str):
    for chain in _CHAIN.finditer(text):
        if "," not in chain.group():
            continue
        pieces = [(chain.start() + m.start(), chain.start() + m.end()) for m in _PIECE.finditer(chain.group())]
        yield [
            (s + len(text[s:e]) - len(text[s:e].lstrip()), e - len(text[s:e]) + len(text[s:e].rstrip()))
            for s, e in pieces
        ]


@register
class ForeignAddressRecognizer(Recognizer):
    name: ClassVar[str] = "foreign-address"
    categories: ClassVar[tuple[str, ...]] = ("ADDRESS",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        for pieces in _chains(text):
            pieces = [(s, e) for s, e in pieces if e > s]
            i = 0
            while i < len(pieces):
                # The run of pieces that read as places, the first one perhaps after words of a sentence.
                first = _place_tail(text[pieces[i][0] : pieces[i][1]])
                if first is None:
                    i += 1
                    continue
                j = i + 1
                while j < len(pieces) and _place_like(text[pieces[j][0] : pieces[j][1]]):
                    j += 1
                span = self._address(text, [(pieces[i][0] + first, pieces[i][1])] + pieces[i + 1 : j])
                if span:
                    found.append(Candidate(*span, "ADDRESS", RANK_SUPPLEMENT))
                i = j
        found.extend(Candidate(*m.span(), "ADDRESS", RANK_SUPPLEMENT) for m in _HANGUL_ADDRESS.finditer(text))
        for m in _TRAVEL_PLACE.finditer(text):
            place = m.group("place")
            if not _is_country(place) and place.split()[0].split("-")[0] not in _NOT_TOWNS:
                found.append(Candidate(*m.span("place"), "ADDRESS", RANK_SUPPLEMENT))
        return found

    @staticmethod
    def _address(text: str, run: list[tuple[int, int]]) -> tuple[int, int] | None:
        words = [text[s:e] for s, e in run]
        # The chain ends at its country or its postal code; a street alone lets it end at its last place.
        ends = [k for k, w in enumerate(words) if _is_country(w) or (k and _POSTAL.match(w))]
        # An old Japanese postal code of three digits only before the country (Kanagawa 251, JAPAN).
        ends += [k for k, w in enumerate(words[1:-1], 1) if _OLD_POSTAL.match(w) and _is_country(words[k + 1])]
        street = any(_STREET.search(w) for w in words)
        if ends:
            last = max(ends)
        elif street and len(words) >= 2:
            last = len(words) - 1
        else:
            return None
        if last == 0 or (not street and _is_country(words[0])):
            return None
        # A country after one place names a town (Lyon, France); a postal code needs a street or a third place.
        # Without a street, only a country or a Japanese postal code closes it (Lancet 2020 is no town).
        if not street and not _is_country(words[last]) and (last < 2 or "-" not in words[last]):
            return None
        end = run[last][1]
        if text[end - 1] == "." and re.search("[a-z]{3}[.]$", text[run[last][0] : end]):
            end -= 1
        return run[0][0], end
