"""Values replaced by values of the same shape: IDs, phone numbers, postal codes, ages.

Each character keeps its class and width: an ASCII digit becomes another
ASCII digit, a full-width letter another full-width letter of the same case,
and separators, kanji and kana stay where they are. So ``ID: A-00123`` keeps
reading as an ID of the same system, and nothing of its value survives.

Fictional telephone numbers. Japan reserves no range for fiction. We write
numbers whose local exchange part (the first digit after the area code or the
mobile/free-dial prefix) is ``0``: ``0`` is the trunk prefix, so the national
numbering plan never gives a subscriber a local number starting with it, and
such a number cannot ring anyone. Postal codes become ``000-xxxx``: Japan
Post's codes start at 001, so no delivery area has one.
"""

from __future__ import annotations

import random
import re
from phi_core.japanese.chars import is_digit  # noqa: F401  (used by the surrogate modules)
from phi_core.japanese.width import FULL_WIDTH_DIGITS as _FULL_DIGITS, ascii_digits, same_width_digit  # noqa: F401

_SERVICE_PREFIXES = ("0120", "0800", "0570", "050", "070", "080", "090", "020", "060")
POSTAL = re.compile(r"([〒]?\s*)([0-9０-９]{3})([-－ー‐]?)([0-9０-９]{4})(?![0-9０-９])")


def _random_char(char: str, rng: random.Random, *, first: bool) -> str:
    if is_digit(char):
        low = 1 if first and char not in "0０" else 0
        return same_width_digit(char, rng.randint(low, 9))
    if "A" <= char <= "Z":
        return chr(rng.randint(ord("A"), ord("Z")))
    if "a" <= char <= "z":
        return chr(rng.randint(ord("a"), ord("z")))
    if "Ａ" <= char <= "Ｚ":
        return chr(rng.randint(ord("Ａ"), ord("Ｚ")))
    if "ａ" <= char <= "ｚ":
        return chr(rng.randint(ord("ａ"), ord("ｚ")))
    return char


def same_shape(value: str, rng: random.Random, *, keep_letters: bool = False) -> str:
    """Every digit (and letter unless ``keep_letters``) redrawn in its class and width."""
    for _ in range(20):
        out = []
        first = True
        for char in value:
            if keep_letters and not is_digit(char):
                out.append(char)
                continue
            new = _random_char(char, rng, first=first)
            if new != char or is_digit(char) or char.isalpha():
                first = False
            out.append(new)
        result = "".join(out)
        if result != value or not any(is_digit(c) or c.isascii() and c.isalpha() for c in value):
            return result
    return result


def _digit_groups(value: str) -> list[list[int]]:
    """Positions of the digits of each run of digits."""
    groups: list[list[int]] = []
    previous = -2
    for i, char in enumerate(value):
        if is_digit(char):
            if i == previous + 1 and groups:
                groups[-1].append(i)
            else:
                groups.append([i])
            previous = i
    return groups


def fictional_phone(value: str, rng: random.Random) -> str:
    """Same separators, widths and group lengths; an exchange part starting with 0 (see module note)."""
    chars = list(value)
    groups = _digit_groups(value)
    if not groups:
        return value
    digits = ascii_digits("".join(value[i] for g in groups for i in g))
    if len(groups) == 1:
        # No separators: split as the common shapes are (0X0 mobiles and 0120 are
        # 3+8/4+6, landlines are read as a two-digit area code).
        positions = groups[0]
        prefix = next((p for p in _SERVICE_PREFIXES if digits.startswith(p)), None)
        cut = len(prefix) if prefix else min(2, len(positions) - 1)
        groups = [positions[:cut], positions[cut:]] if cut > 0 else [positions]
    first = groups[0]
    first_digits = ascii_digits("".join(value[i] for i in first))
    keep_prefix = first_digits in _SERVICE_PREFIXES or not first_digits.startswith("0")
    if not keep_prefix:
        # A landline area code: keep the trunk 0, then 1-6 (7, 8 and 9 after the
        # 0 start mobile and IP prefixes) and any digit after that.
        for n, i in enumerate(first[1:]):
            chars[i] = same_width_digit(value[i], rng.randint(1, 6) if n == 0 else rng.randint(0, 9))
    rest = [i for g in groups[1:] for i in g]
    for n, i in enumerate(rest):
        chars[i] = same_width_digit(value[i], 0 if n == 0 else rng.randint(0, 9))
    if not rest:  # a lone group: make its second digit the impossible exchange
        for n, i in enumerate(first[1:]):
            chars[i] = same_width_digit(value[i], 0 if n == 0 else rng.randint(0, 9))
    return "".join(chars)


def fictional_postal(value: str, rng: random.Random) -> str:
    """``〒123-4567`` -> ``〒000-xxxx`` with the same marks and widths."""

    def replace(match: re.Match[str]) -> str:
        head, three, sep, four = match.groups()
        new_three = "".join(same_width_digit(c, 0) for c in three)
        new_four = "".join(same_width_digit(c, rng.randint(0, 9)) for c in four)
        return f"{head}{new_three}{sep}{new_four}"

    return POSTAL.sub(replace, value)


AGE_CAP = 90


def capped_age(value: str) -> str:
    """Ages are kept (they matter clinically) except 90 and over, written as 90."""

    def replace(match: re.Match[str]) -> str:
        number = int(ascii_digits(match.group(0)))
        if number < AGE_CAP:
            return match.group(0)
        return "".join(same_width_digit(match.group(0)[0], int(d)) for d in str(AGE_CAP))

    return re.sub(r"[0-9０-９]+", replace, value)
