"""Japanese addresses written in Latin letters, as foreign patients and English forms give them.

"Room 402, Sunhills Kasai, 3-7-18 Nishi-Kasai, Edogawa-ku, Tokyo 134-0088",
"1-2-3 Shimokasuya, Isehara, Kanagawa 259-1193", "1-7-22 Minami-Aoyama, Minato-ku, Tokyo":
a block number, then places apart by commas, in the order an envelope uses.
What makes the chain an address and not a list of names is its shape: a block
number of two or three parts, and after it a postal code, a ward or city
word (-ku, -shi, -cho, City) or a prefecture; or a town, a block of three parts and more places after
a comma (Hiyoshi 2-5-10, Kohoku, Yokohama). A building and a room written
before the block number belong to it (guidelines: the building and room are
part of the address), and so does a building named by its kind with a bare room number
("Hotel Mets Chiba-Chuo 712, 2-1-5 Chuo, Chuo-ku, Chiba"). Where a visitor stays is an address too when the room is
written after it: "staying at Hotel Kamogawa Terrace, Room 1418".
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.extractors.recognition.value_patterns import PREFECTURES_LATIN

from .romaji_words import is_romaji
from .sudachi_names import RANK_SUPPLEMENT

_WORD = r"[A-Z][A-Za-z'’.\-]*"
_PLACE = rf"{_WORD}(?: {_WORD}){{0,3}}"
_ROOM = r"(?:Room|Rm\.?|Apt\.?|Unit|Flat|#) ?[0-9]{1,5}[A-Z]?"
_BLOCK = r"[0-9]{1,4}(?:-[0-9]{1,4}){1,3}"
_POSTAL = r"〒?[0-9]{3}-[0-9]{4}"
# A building named by its kind, then its room with or without the word (Hotel Mets Chiba-Chuo 712,
# Sakura Heights Room 203,) before the block number: the room is part of the address.
_BUILDING_KINDS = (
    r"Hotel|Inn|Hostel|Ryokan|Guesthouse|Residence|Residences|Heights|Mansion|Apartments?|Tower|Court|Villa"
    r"|House|Building|Bldg\.?|Plaza|Haitsu|Corpo|Dormitory|Dorm"
)
_BUILDING_ROOM = (
    rf"(?:{_WORD} ){{0,3}}(?:{_BUILDING_KINDS})(?: {_WORD}){{0,3}},? (?:(?:Room|Rm\.?|#) ?)?[0-9]{{1,5}}[A-Z]?,? "
)
_CHAIN = re.compile(
    rf"(?<![A-Za-z0-9\-])(?:{_BUILDING_ROOM}|(?:(?:{_ROOM}),? )?(?:{_PLACE},? )?){_BLOCK},? {_PLACE}(?:, {_PLACE}){{0,4}}"
    rf"(?:,? {_POSTAL})?(?:,? Japan)?(?![A-Za-z0-9])"
)
# Where a visitor stays, with the room: "Hotel Kamogawa Terrace, Room 1418", "Sakura Inn #12".
_LODGING = re.compile(
    r"(?<![A-Za-z])(?:[A-Z][a-z]+ ){0,3}(?:Hotel|Inn|Lodge|Hostel|Ryokan|Guesthouse|Resort)(?: [A-Z][a-z]+){0,3}"
    r",? (?:Room|Rm\.?|#) ?[0-9]{1,5}(?![0-9])"
)
# A town, a chome-ban-go block of three parts and the places after it, comma by comma, is an address's shape
# without a ward word too (Hiyoshi 2-5-10, Kohoku, Yokohama); not a word that counts or labels (Lot 1-2-3,
# Grade 1-2-3) and not a date (2024-01-15: its first part has four digits).
_TOWN_BLOCK = re.compile(
    r"^(?!(?:Lot|Exp|Grade|Stage|Version|Ver|Series|Table|Figure|Fig|Day|Week|Dose|Cycle|Phase|Level|Step|Type|"
    r"Room|Bed|Case|Item|No|Page|Line|Test|Ref|Code)\b)[A-Z][a-z]+(?:[ -][A-Z][a-z]+)? [0-9]{1,2}-[0-9]{1,3}-[0-9]{1,4}"
    r", [A-Z][a-z]+"
)
# The Japanese order written in Latin letters: prefecture, city and ward by their words, then the town and
# its block (Saitama-ken Soka-shi Yatsuka 1-18-2, Shinagawa-ku, Higashi-Oi 1-9-3-604, Tokyo, Setagaya-ku Kyodo 2-3-4).
_JAPANESE_ORDER = re.compile(
    rf"(?<![A-Za-z0-9\-])(?:(?:{'|'.join(PREFECTURES_LATIN)}),? )?"
    r"(?:[A-Z][a-z]+-(?:ken|to|fu|do|shi|ku|gun|cho|machi|mura),? ){1,4}"
    rf"(?:{_WORD}(?: {_WORD}){{0,2}},? )?{_BLOCK}(?![A-Za-z0-9])"
)
_UNIT_WORD = re.compile(r"-(?:ku|shi|cho|machi|mura|gun|ken)\b|\b(?:City|Ward|Prefecture|Ku|Shi)\b")
_PREFECTURE = re.compile(rf"\b(?:{'|'.join(PREFECTURES_LATIN)})\b")
# A street address abroad: a house number, the street's name and its kind, then the town, a postcode and the
# country (Flat 3, 18 Heron Road, Leeds LS6 1QD, United Kingdom; 221 Baker Street, London).
_STREET_KINDS = (
    "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Close|Crescent|Place|Pl|Terrace|Boulevard|Blvd|Court|Ct|Square"
)
_POSTCODE = r"[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}|[0-9]{5}(?:-[0-9]{4})?|[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]"
_TOWN = r"[A-Z][A-Za-z'’.\-]*(?![A-Za-z0-9])(?: [A-Z][A-Za-z'’.\-]*(?![A-Za-z0-9])){0,2}"
_STREET_ADDRESS = re.compile(
    rf"(?:(?:Flat|Apt\.?|Apartment|Unit|Suite) [0-9]{{1,4}}[A-Z]?, )?(?<![0-9A-Za-z])[0-9]{{1,5}}[A-Z]? "
    rf"(?:{_WORD} ){{1,3}}(?:{_STREET_KINDS})\.?(?![A-Za-z])"
    rf"(?:,? (?:{_TOWN})(?: (?:{_POSTCODE}))?){{0,2}}(?:,? (?:{_POSTCODE}))?"
    r"(?:, (?:United Kingdom|UK|USA|U\.S\.A\.|United States|Australia|Canada|New Zealand|Ireland))?"
)


# A village by its word as Okinawa and other regions read 村 (Onna-son, Yomitan-son), alone in prose: where the
# patient stays or lives. The name before it must read as Japanese (no "Nel-son").
_VILLAGE = re.compile(r"(?<![A-Za-z\-])(?P<name>[A-Z][a-z]+)-son(?![A-Za-z\-])")


# A block of a grid town (Sapporo, Asahikawa) in Latin letters: its row north or south and its column east or west,
# then the lot (Kita 8 Nishi 5-1, Minami 3-jo Nishi 4-chome 12). The place chain before it joins it afterwards.
_GRID_BLOCK = re.compile(
    r"(?<![A-Za-z])(?:Kita|Minami)[ -]?[0-9]{1,2}(?:-?jo)?,? (?:Nishi|Higashi)[ -]?[0-9]{1,2}(?:-?chome)?"
    r"(?:[ -][0-9]{1,4}(?:-[0-9]{1,4})?)?(?![0-9A-Za-z])"
)


@register
class LatinAddressRecognizer(Recognizer):
    name: ClassVar[str] = "latin-address"
    categories: ClassVar[tuple[str, ...]] = ("ADDRESS",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        for m in _CHAIN.finditer(text):
            chain = m.group()
            if (
                re.search(_POSTAL, chain)
                or _UNIT_WORD.search(chain)
                or _PREFECTURE.search(chain)
                or _TOWN_BLOCK.search(chain)
            ):
                found.append(Candidate(m.start(), m.end(), "ADDRESS", RANK_SUPPLEMENT))
        if "-" in text:
            found.extend(Candidate(*m.span(), "ADDRESS", RANK_SUPPLEMENT) for m in _JAPANESE_ORDER.finditer(text))
        found.extend(Candidate(*m.span(), "ADDRESS", RANK_SUPPLEMENT) for m in _STREET_ADDRESS.finditer(text))
        if "Nishi" in text or "Higashi" in text:
            found.extend(Candidate(*m.span(), "ADDRESS", RANK_SUPPLEMENT) for m in _GRID_BLOCK.finditer(text))
        if "-son" in text:
            found.extend(
                Candidate(*m.span(), "ADDRESS", RANK_SUPPLEMENT)
                for m in _VILLAGE.finditer(text)
                if is_romaji(m.group("name"))
            )
        if "Room" in text or "Rm" in text or "#" in text:
            found.extend(Candidate(*m.span(), "ADDRESS", RANK_SUPPLEMENT) for m in _LODGING.finditer(text))
        return found
