"""Finding the JSON in a model's reply and decoding it, repairing what models get wrong.

Models wrap their JSON in prose and code fences, use single or curly quotes,
leave trailing commas, write Python constants, repeat keys, escape the whole
answer into a string, and stop mid-object at the token cap. Here the first
useful value is found (fences first), decoded strictly if it can be and
repaired if it must, and the caller is told whether there was text around it
and whether it needed a repair. The number of candidates and of cuts tried on
a truncated value is bounded, so the cost stays small on any input.
"""

from __future__ import annotations

import ast
import json
import re
import warnings
from collections.abc import Callable, Iterator
from typing import Any

MAX_CANDIDATES = 12
MAX_TRUNCATION_CUTS = 8

_FENCE = re.compile(r"```[ \t]*[A-Za-z0-9_-]*[ \t]*\r?\n?(.*?)(?:```|\Z)", re.DOTALL)


def find_json_value(text: str) -> tuple[Any, bool, bool] | None:
    """The first useful JSON value in ``text``: (value, had_extra_text, needed_repair).

    Code fences are looked into first. Within a region, the first balanced
    value that decodes wins; values that cannot hold items (numbers, a list of
    numbers like a "[1]" footnote) are passed over. A value cut off at the end
    (token cap) is closed and decoded.
    """
    regions = [match.group(1) for match in _FENCE.finditer(text)]
    for region in [*regions, text]:
        found = _find_in_region(region)
        if found is not None:
            value, span, repaired = found
            extra = region is not text or bool(region[: span[0]].strip() or region[span[1] :].strip())
            return value, extra, repaired
    return None


def _find_in_region(region: str) -> tuple[Any, tuple[int, int], bool] | None:
    tried_truncated = False
    for start in _candidate_starts(region):
        end = _balanced_end(region, start)
        if end is None:
            # Unclosed: usually a reply cut off by the token cap. Close it once;
            # if that fails it was stray prose, and a later opener may still close.
            if not tried_truncated:
                tried_truncated = True
                closed = _close_truncated(region, start)
                if closed is not None:
                    return closed[0], (start, len(region)), True
            continue
        decoded = _decode(region[start:end])
        # Values that cannot hold items (a "[1]" footnote) are passed over.
        if decoded is not None and can_hold_items(decoded[0]):
            return decoded[0], (start, end), decoded[1]
    # JSON escaped for embedding in a string, pasted without the outer quotes.
    if '\\"' in region and region.count('\\"') * 2 >= region.count('"'):
        inner = _find_in_region(region.replace('\\"', '"'))
        if inner is not None:
            return inner[0], inner[1], True
    # A reply that is one JSON string holding JSON: "{\"phi_list\": ...}"
    stripped = region.strip()
    if stripped.startswith('"'):
        decoded = _decode(stripped)
        if decoded is not None and isinstance(decoded[0], str):
            inner = _find_in_region(decoded[0])
            if inner is not None:
                start = region.index(stripped)
                return inner[0], (start, start + len(stripped)), True
    return None


def _candidate_starts(region: str) -> Iterator[int]:
    count = 0
    for index, char in enumerate(region):
        if char in "{[":
            yield index
            count += 1
            if count >= MAX_CANDIDATES:
                return


def can_hold_items(value: Any) -> bool:
    if isinstance(value, dict):
        return True
    if isinstance(value, list):
        return not value or any(isinstance(v, (dict, list, str)) for v in value)
    return False


_OPEN_QUOTES = {'"': '"', "'": "'", "“": "”"}
_CLOSERS = {"{": "}", "[": "]"}


def _structure(text: str, start: int) -> Iterator[tuple[int, str, str]]:
    """(index, char, kind) for each bracket ("open", "close") and string end ("string_end") from ``start`` on.

    Quoted strings (double, single or curly quotes) are skipped, so that
    brackets inside values do not count.
    """
    quote = None
    escaped = False
    for index in range(start, len(text)):
        char = text[index]
        if quote is not None:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = None
                yield index, char, "string_end"
            continue
        if char in _OPEN_QUOTES:
            quote = _OPEN_QUOTES[char]
        elif char in _CLOSERS:
            yield index, char, "open"
        elif char in "}]":
            yield index, char, "close"


def _balanced_end(text: str, start: int) -> int | None:
    """Index just past the bracket that closes text[start]; None when it never closes.

    A mismatched closer ends the scan as balanced at that point; decoding will
    then reject the candidate.
    """
    stack: list[str] = []
    for index, char, kind in _structure(text, start):
        if kind == "open":
            stack.append(_CLOSERS[char])
        elif kind == "close" and (not stack or stack.pop() != char or not stack):
            return index + 1
    return None


# -- decoding with repairs -----------------------------------------------------------


def _decode(candidate: str) -> tuple[Any, bool] | None:
    """(value, repaired) for the first decoder that accepts the candidate."""
    for decoder, repaired in _DECODERS:
        try:
            return decoder(candidate), repaired
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
    return None


def _keep_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Merge repeated keys into a list: {"医師名": "A", "医師名": "B"} names two doctors."""
    merged: dict[str, Any] = {}
    for key, value in pairs:
        if key in merged:
            before = merged[key] if isinstance(merged[key], list) else [merged[key]]
            merged[key] = before + (value if isinstance(value, list) else [value])
        else:
            merged[key] = value
    return merged


def _strict(candidate: str) -> Any:
    return json.loads(candidate, object_pairs_hook=_keep_duplicate_keys)


def _normalised(candidate: str) -> Any:
    return json.loads(normalise_json(candidate), object_pairs_hook=_keep_duplicate_keys)


def _python_literal(candidate: str) -> Any:
    if len(candidate) > 20_000:
        raise ValueError("too long for a literal")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # odd escapes in garbage are not our warnings to show
        return ast.literal_eval(candidate)


_DECODERS: tuple[tuple[Callable[[str], Any], bool], ...] = (
    (_strict, False),
    (_normalised, True),
    (_python_literal, True),
)

_PYTHON_CONSTANTS = {"True": "true", "False": "false", "None": "null"}


def normalise_json(text: str) -> str:
    """Rewrite near-JSON as JSON: quotes to double quotes, drop trailing commas, Python constants.

    Works token by token outside strings so that commas, quotes and words
    inside values stay untouched.
    """
    out: list[str] = []
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char in _OPEN_QUOTES:
            body, index = _read_string(text, index)
            out.append(json.dumps(body, ensure_ascii=False))
            continue
        if char == ",":
            following = index + 1
            while following < length and text[following].isspace():
                following += 1
            if following >= length or text[following] in "}]":
                index += 1  # trailing comma
                continue
        if char.isalpha():
            word_end = index
            while word_end < length and (text[word_end].isalnum() or text[word_end] == "_"):
                word_end += 1
            word = text[index:word_end]
            out.append(_PYTHON_CONSTANTS.get(word, word))
            index = word_end
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _read_string(text: str, start: int) -> tuple[str, int]:
    """The decoded body of the quoted string at ``start`` and the index after it."""
    closing = _OPEN_QUOTES[text[start]]
    chars: list[str] = []
    index = start + 1
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            escape = text[index + 1]
            if escape == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[index + 2 : index + 6]):
                chars.append(chr(int(text[index + 2 : index + 6], 16)))
                index += 6
                continue
            chars.append({"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}.get(escape, escape))
            index += 2
            continue
        if char == closing:
            return "".join(chars), index + 1
        chars.append(char)
        index += 1
    raise ValueError("unterminated string")


def _close_truncated(text: str, start: int) -> tuple[Any] | None:
    """Decode a value cut off by the token cap by dropping the unfinished tail.

    Cuts back to the end of a complete element, latest first (a bounded number
    of times), and closes what is open there. Complete elements are closed
    objects and lists, and strings that sit directly in a list or in the
    top-level object. A string inside a nested object may be half an entry
    ({"type": "DATE"} without its value), and a half-written string would be a
    wrong value, so neither is kept.
    """
    cuts: list[tuple[int, str]] = []  # (end index, closers needed there)
    stack: list[str] = []
    for index, char, kind in _structure(text, start):
        if kind == "string_end":
            if stack and (stack[-1] == "]" or len(stack) == 1):
                cuts.append((index + 1, "".join(reversed(stack))))
        elif kind == "open":
            stack.append(_CLOSERS[char])
        elif stack:  # a closer
            stack.pop()
            if stack:
                cuts.append((index + 1, "".join(reversed(stack))))
    for end, closers in reversed(cuts[-MAX_TRUNCATION_CUTS:]):
        decoded = _decode(text[start:end].rstrip().rstrip(",") + closers)
        if decoded is not None and can_hold_items(decoded[0]):
            return (decoded[0],)
    return None
