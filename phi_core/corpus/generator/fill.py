"""Fill the placeholders of a findings template with sampled numbers and words.

Placeholders: ``{int:8-28}`` an integer in the range, ``{dec:1.5-3.0}`` one
decimal place, ``{pick:右|左}`` one of the words, ``{side}`` / ``{other}`` the
report's side and the opposite side, so one lesion stays on one side.
"""

from __future__ import annotations

import random
import re
from typing import Callable, Mapping

_PLACEHOLDER = re.compile(r"\{(\w+)(?::([^{}]*))?\}")


def _int(rng: random.Random, argument: str) -> str:
    low, high = (int(part) for part in argument.split("-"))
    return str(rng.randint(low, high))


def _dec(rng: random.Random, argument: str) -> str:
    low, high = (float(part) for part in argument.split("-"))
    return f"{rng.uniform(low, high):.1f}"


def _pick(rng: random.Random, argument: str) -> str:
    return rng.choice(argument.split("|"))


SAMPLERS: dict[str, Callable[[random.Random, str], str]] = {"int": _int, "dec": _dec, "pick": _pick}


def fill(template: str, rng: random.Random, variables: Mapping[str, str]) -> str:
    def replace(match: re.Match) -> str:
        name, argument = match.group(1), match.group(2)
        if argument is None:
            if name not in variables:
                raise KeyError(f"template placeholder {{{name}}} has no value; known: {sorted(variables)}")
            return variables[name]
        return SAMPLERS[name](rng, argument)

    return _PLACEHOLDER.sub(replace, template)
