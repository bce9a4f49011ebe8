"""Surrogate values for PHI spans: one registry entry per kind of value.

Every choice is drawn from a random stream fixed by the job's secret key,
the kind of value and the normalised original (phi_core.deid.keys), so the
same original value always gets the same surrogate (names, IDs, phones,
addresses, facilities) in every document, run, worker process and machine
that uses the key, with no table of originals; dates and times move by one
offset per patient, drawn the same way. Documents without a patient key are
each their own patient. A :class:`SurrogateBook` caches within a document
only (:meth:`SurrogateBook.start_document`).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Callable

from faker import Faker

from phi_core.deid import keys
from phi_core.deid.surrogate import dates, places, shapes
from phi_core.deid.surrogate.names import NameBook, SurrogatePerson, _split_titles
from phi_core.japanese.scripts import name_writing

# Kept by design: sex and department are not identifying and changing them
# would falsify the clinical content; ages only from 90 (see shapes.capped_age).
KEPT_CATEGORIES = frozenset({"SEX", "DEPARTMENT"})
NAME_CATEGORIES = frozenset({"PATIENT_NAME", "PHYSICIAN_NAME"})
READING_CATEGORIES = frozenset({"NAME_READING"})
# Words inside an emergency-contact span that are not PHI and stay: relations and the labels around a number.
_RELATIONS = re.compile(
    r"(長男|次男|三男|長女|次女|三女|息子|祖母|祖父|義母|義父|友人|知人|配偶者|妻|夫|母|父|兄|弟|姉|妹|娘|孫|"
    r"携帯電話|携帯|自宅|電話|連絡先|続柄|TEL|Tel|tel)"
)
_PHONE_LIKE = re.compile(r"[0-9０-９(（][0-9０-９()（）\-－‐ー ]{5,}[0-9０-９]")
MAX_DAYS, MIN_DAYS = 365, 30


@dataclass
class SurrogateBook:
    seed: int | None = None
    avoid: str = ""  # every original value of the job, joined: no surrogate may equal one
    name_avoid: str | None = None  # the original names alone (a shorter text to search); default: avoid
    # Original names and facilities: a made-up facility or address must contain none
    # of them (吉田内科 would show the physician 吉田 of another report).
    forbidden: frozenset[str] = frozenset()
    # The secret behind every choice (phi_core.deid.keys); default: from ``seed``, else a new random one.
    key: bytes | None = None
    # An archive job keeps no per-patient table: offsets are recomputed from the key.
    track_offsets: bool = True
    fake: Faker = field(init=False)
    names: NameBook = field(init=False)
    values: dict[tuple[str, str], str] = field(default_factory=dict)
    day_offsets: dict[str, int] = field(default_factory=dict)
    minute_offsets: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Without a key or seed the key is ephemeral: a surrogate must not be
        # reproducible by anyone who knows the program, only through the mapping file.
        if self.key is None:
            self.key = keys.seed_key(self.seed) if self.seed is not None else keys.new_key()
        self.fake = Faker("ja_JP")
        self.names = NameBook(self.rng_for, self.avoid if self.name_avoid is None else self.name_avoid)
        # One alternation searched in C instead of a Python loop over hundreds of originals.
        self._forbidden_re = (
            re.compile("|".join(map(re.escape, sorted(self.forbidden, key=len, reverse=True))))
            if self.forbidden
            else None
        )

    def rng_for(self, kind: str, value: str) -> random.Random:
        """The random stream of one original value: the same in every document, run and process."""
        return keys.keyed_rng(self.key, kind, value)

    def start_document(self) -> None:
        """Forget what the last document remembered, so a document's output depends on it and the key only."""
        self.values.clear()
        self.names.start_document()
        if not self.track_offsets:
            self.day_offsets.clear()
            self.minute_offsets.clear()

    def shows_original(self, candidate: str) -> bool:
        return candidate in self.avoid or bool(self._forbidden_re and self._forbidden_re.search(candidate))

    # -------------------------------------------------------------- offsets

    def day_offset(self, patient: str) -> int:
        if patient not in self.day_offsets:
            rng = self.rng_for("day-shift", patient)
            self.day_offsets[patient] = rng.choice((-1, 1)) * rng.randint(MIN_DAYS, MAX_DAYS)
        return self.day_offsets[patient]

    def minute_offset(self, patient: str) -> int:
        if patient not in self.minute_offsets:
            rng = self.rng_for("minute-shift", patient)
            self.minute_offsets[patient] = rng.choice((-1, 1)) * 5 * rng.randint(1, 12)
        return self.minute_offsets[patient]

    # --------------------------------------------------------------- values

    def _once(self, kind: str, value: str, make: Callable[[random.Random], str]) -> str:
        """The surrogate of ``value``, drawn from its own keyed stream (cached within a document)."""
        key = (kind, value)
        if key not in self.values:
            self.values[key] = make(self.rng_for(kind, value))
        return self.values[key]

    def seeded_fake(self, rng: random.Random) -> Faker:
        self.fake.seed_instance(rng.randrange(2**32))
        return self.fake

    def replace(
        self, category: str | None, value: str, patient: str, person: SurrogatePerson | None = None
    ) -> tuple[str, SurrogatePerson | None]:
        """The surrogate of one span, and the fictional person it names (for readings)."""
        if category in KEPT_CATEGORIES:
            return value, None
        if category in NAME_CATEGORIES:
            return self._name(value, person)
        if category in READING_CATEGORIES:
            return self.names.reading(value, person)
        if category == "EMERGENCY_CONTACT":
            return self._contact(value, patient, person)
        handler = _VALUE_HANDLERS.get(category or "", _other)
        return handler(self, value, patient), None

    def _name(self, value: str, person: SurrogatePerson | None) -> tuple[str, SurrogatePerson | None]:
        core = _split_titles(value)[0]
        if name_writing(core) != "kanji":
            return self.names.reading(value, person)
        return self.names.kanji(value)

    def _contact(self, value: str, patient: str, person) -> tuple[str, SurrogatePerson | None]:
        """Name, relation and phone in one span: each piece as its own kind; relations stay."""
        out, cursor, found = [], 0, None
        pieces = sorted(
            [(m.start(), m.end(), "phone") for m in _PHONE_LIKE.finditer(value)]
            + [(m.start(), m.end(), "keep") for m in _RELATIONS.finditer(value)]
        )
        taken = []
        for start, end, kind in pieces:
            if taken and start < taken[-1][1]:
                continue
            taken.append((start, end, kind))
        for start, end, kind in taken + [(len(value), len(value), "end")]:
            gap = value[cursor:start]
            if gap.strip(" 　()（）:：、,・/"):
                lead = len(gap) - len(gap.lstrip(" 　()（）:：、,・/"))
                trail = len(gap.rstrip(" 　()（）:：、,・/"))
                new, found = self._name(gap[lead:trail], person)
                out.append(gap[:lead] + new + gap[trail:])
            else:
                out.append(gap)
            if kind == "phone":
                out.append(_phone(self, value[start:end], patient))
            elif kind == "keep":
                out.append(value[start:end])
            cursor = end
        return "".join(out), found


def _dates(book: SurrogateBook, value: str, patient: str) -> str:
    text, moved = dates.shift_dates(value, book.day_offset(patient))
    text, timed = dates.shift_times(text, book.minute_offset(patient))
    if moved or timed:
        return text
    return _other(book, value, patient)  # an unreadable date: no digit of it survives


def _times(book: SurrogateBook, value: str, patient: str) -> str:
    text, timed = dates.shift_times(value, book.minute_offset(patient))
    return text if timed else _dates(book, value, patient)


def _phone(book: SurrogateBook, value: str, patient: str) -> str:
    digits = sum(shapes.is_digit(c) for c in value)
    if digits < 6:
        return _other(book, value, patient)
    return book._once("phone", value, lambda rng: shapes.fictional_phone(value, rng))


def _clean(book: SurrogateBook, make: Callable[[], str], value: str, tries: int = 40) -> str:
    """A made-up value that is not the original and contains no original name or facility."""
    candidate = make()
    for _ in range(tries):
        if candidate != value and not book.shows_original(candidate):
            return candidate
        candidate = make()
    return candidate


def _address(book: SurrogateBook, value: str, patient: str) -> str:
    return book._once(
        "address",
        value,
        lambda rng: _clean(book, lambda: places.fictional_address(value, book.seeded_fake(rng), rng), value),
    )


def _facility(book: SurrogateBook, value: str, patient: str) -> str:
    return book._once(
        "facility",
        value,
        lambda rng: _clean(book, lambda: places.fictional_facility(value, book.seeded_fake(rng), rng), value),
    )


def _age(book: SurrogateBook, value: str, patient: str) -> str:
    return shapes.capped_age(value)


def _other(book: SurrogateBook, value: str, patient: str) -> str:
    return book._once("id", value, lambda rng: shapes.same_shape(value, rng))


_VALUE_HANDLERS: dict[str, Callable[[SurrogateBook, str, str], str]] = {
    "BIRTH_DATE": _dates,
    "EXAM_DATE": _dates,
    "OTHER_DATE": _dates,
    "TIME": _times,
    "PHONE": _phone,
    "FACILITY_PHONE": _phone,
    "ADDRESS": _address,
    "FACILITY_ADDRESS": _address,
    "HOSPITAL_NAME": _facility,
    "PATIENT_ID": _other,
    "OTHER_ID": _other,
    "AGE": _age,
}
