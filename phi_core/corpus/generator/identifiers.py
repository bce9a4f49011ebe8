"""Patient IDs, accession numbers and device serials in hospital-system shapes."""

from __future__ import annotations

import random
import string
from datetime import date
from typing import Callable

from phi_core.corpus.generator.width import to_fullwidth

MODALITY_CODES: dict[str, str] = {"CT": "CT", "MRI": "MR", "US": "US", "XR": "XR"}


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(count))


def _letters(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(count))


PATIENT_ID_SHAPES: dict[str, Callable[[random.Random, str, date], str]] = {
    "eight_digits": lambda rng, modality, day: _digits(rng, 8),
    "ten_digits": lambda rng, modality, day: "00" + _digits(rng, 8),
    "modality_year": lambda rng, modality, day: f"{MODALITY_CODES[modality]}{day.year}-{_digits(rng, 5)}",
    "prefixed": lambda rng, modality, day: f"ID-{_digits(rng, 7)}",
    "letter_digits": lambda rng, modality, day: f"P{_digits(rng, 6)}",
    "grouped": lambda rng, modality, day: f"{_digits(rng, 3)}-{_digits(rng, 4)}-{_digits(rng, 2)}",
}


def patient_id(rng: random.Random, modality: str, day: date) -> str:
    value = PATIENT_ID_SHAPES[rng.choice(list(PATIENT_ID_SHAPES))](rng, modality, day)
    return to_fullwidth(value) if rng.random() < 0.08 else value


ACCESSION_SHAPES: dict[str, Callable[[random.Random, str, date], str]] = {
    "dated": lambda rng, modality, day: f"{MODALITY_CODES[modality]}{day:%y%m%d}-{_digits(rng, 4)}",
    "acc": lambda rng, modality, day: f"ACC-{day.year}-{_digits(rng, 6)}",
    "ris": lambda rng, modality, day: f"RIS{_digits(rng, 9)}",
    "order": lambda rng, modality, day: f"OD{day:%Y%m%d}{_digits(rng, 3)}",
}


def accession_number(rng: random.Random, modality: str, day: date) -> str:
    return ACCESSION_SHAPES[rng.choice(list(ACCESSION_SHAPES))](rng, modality, day)


DEVICE_SERIAL_SHAPES: tuple[Callable[[random.Random], str], ...] = (
    lambda rng: f"{_letters(rng, 1)}{_digits(rng, 4)}-{_digits(rng, 5)}",
    lambda rng: f"SN{_digits(rng, 7)}",
    lambda rng: f"{_letters(rng, 2)}{_digits(rng, 6)}",
    lambda rng: f"{_digits(rng, 3)}-{_letters(rng, 1)}{_digits(rng, 4)}",
)


def device_serial(rng: random.Random) -> str:
    return rng.choice(DEVICE_SERIAL_SHAPES)(rng)
