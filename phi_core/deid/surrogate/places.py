"""Fictional addresses and medical facilities written like the originals.

The pieces are Faker ja_JP's (prefecture, city, town, chome/ban/gou) drawn
at random, so the combination names no real home; a facility gets a name of
the same kind (clinic, university hospital, imaging centre, hospital) from the
corpus generator's namers.
"""

from __future__ import annotations

import random
import re

from faker import Faker

from phi_core.corpus.generator.facilities import FACILITY_NAMERS
from phi_core.corpus.generator.width import to_fullwidth
from phi_core.deid.surrogate.shapes import POSTAL, fictional_postal

_PREFECTURE = re.compile(r"^(東京都|北海道|(?:京都|大阪)府|.{2,3}県)")
_FULL_DIGIT = re.compile(r"[０-９]")
_KINDS = (
    ("大学", "university_hospital"),
    ("クリニック", "clinic"),
    ("医院", "clinic"),
    ("診療所", "clinic"),
    ("センター", "imaging_center"),
)


def fictional_address(value: str, fake: Faker, rng: random.Random) -> str:
    """A made-up address with the original's postal code mark, prefecture presence and digit width."""
    postal = POSTAL.search(value)
    head = ""
    rest = value
    if postal and postal.start() == 0:
        head = fictional_postal(postal.group(0), rng)
        rest = value[postal.end() :]
    lead = re.match(r"^\s*", rest).group(0)
    body = rest.strip()
    if not body:
        return head + rest
    parts = []
    if _PREFECTURE.match(body):
        parts.append(fake.prefecture())
    parts.append(fake.city())
    if re.search(r"[0-9０-９]", body) or len(body) > 8:
        parts.append(f"{fake.town()}{rng.randint(1, 9)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}")
    text = "".join(parts)
    if _FULL_DIGIT.search(body):
        text = to_fullwidth(text)
    return head + lead + text


def facility_kind(value: str) -> str:
    for marker, kind in _KINDS:
        if marker in value:
            return kind
    return "city_hospital"


def fictional_facility(value: str, fake: Faker, rng: random.Random) -> str:
    """A facility name of the same kind; the caller rejects one that shows an original."""
    return FACILITY_NAMERS[facility_kind(value)](fake, rng)
