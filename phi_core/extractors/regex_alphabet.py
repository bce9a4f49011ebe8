"""Which characters a regular expression's match can hold, read from the pattern itself.

A proposal can lie inside a match only if every one of its characters is one the
pattern can consume. The clinical allow-list asks of each proposal whether any
of its patterns covers it; most proposals hold a character that most patterns
never consume (a kana facility name, a date's slash), so those patterns need
not be run at all. Look-arounds consume nothing and are left out. Whatever the
reader does not understand (``.``, a negated class, an unknown operator) makes
the alphabet unbounded, and the pattern is always run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

try:  # Python 3.11 moved the parser; both spell the same tree
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())
_NOT_CONSUMING = {_c.ASSERT, _c.ASSERT_NOT, _c.AT, _c.GROUPREF}


class _Unbounded(Exception):
    pass


@dataclass
class Alphabet:
    """Characters, code point ranges and classes (digit, space, word) a match may hold."""

    chars: set[str] = field(default_factory=set)
    ranges: list[tuple[int, int]] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)
    # Under IGNORECASE a letter also stands for its other case (and Unicode's odd pairs: ſ for s).
    ignore_case: bool = False

    def checker(self) -> re.Pattern:
        """One character class repeated: its full match says a value holds only these characters.

        The class is read by the same engine, with the same case rules, as the pattern it comes from.
        """
        parts = [re.escape(ch) for ch in sorted(self.chars)]
        parts += [f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in self.ranges]
        parts += [_CLASS_ESCAPES[name] for name in sorted(self.classes)]
        if not parts:
            return re.compile("(?!)")
        return re.compile(f"[{''.join(parts)}]*", re.IGNORECASE if self.ignore_case else 0)


_CLASS_ESCAPES = {"digit": r"\d", "space": r"\s", "word": r"\w"}


_CATEGORIES = {
    _c.CATEGORY_DIGIT: "digit",
    _c.CATEGORY_SPACE: "space",
    _c.CATEGORY_WORD: "word",
}


# A negated class that also leaves out every character outside a category is inside that category:
# [^\S\n] (a blank but no line end) holds only spaces.
_OUTSIDE = {
    _c.CATEGORY_NOT_SPACE: "space",
    _c.CATEGORY_NOT_DIGIT: "digit",
    _c.CATEGORY_NOT_WORD: "word",
}


def _add_class(items, alphabet: Alphabet) -> None:
    if items and items[0][0] is _c.NEGATE:
        inside = [_OUTSIDE[av] for op, av in items[1:] if op is _c.CATEGORY and av in _OUTSIDE]
        if not inside:
            raise _Unbounded
        alphabet.classes.add(inside[0])
        return
    for op, av in items:
        if op is _c.LITERAL:
            alphabet.chars.add(chr(av))
        elif op is _c.RANGE:
            alphabet.ranges.append(av)
        elif op is _c.CATEGORY and av in _CATEGORIES:
            alphabet.classes.add(_CATEGORIES[av])
        else:
            raise _Unbounded


def _walk(items, flags: int, alphabet: Alphabet) -> None:
    for op, av in items:
        if op is _c.LITERAL:
            alphabet.chars.add(chr(av))
            alphabet.ignore_case |= bool(flags & re.IGNORECASE)
        elif op is _c.IN:
            _add_class(av, alphabet)
            alphabet.ignore_case |= bool(flags & re.IGNORECASE)
        elif op is _c.CATEGORY:
            _add_class([(op, av)], alphabet)
        elif op in _REPEATS:
            _walk(av[2], flags, alphabet)
        elif op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            _walk(sub, (flags | add_flags) & ~del_flags, alphabet)
        elif op is _c.BRANCH:
            for branch in av[1]:
                _walk(branch, flags, alphabet)
        elif op is _c.GROUPREF_EXISTS:
            _walk(av[1], flags, alphabet)
            if av[2] is not None:
                _walk(av[2], flags, alphabet)
        elif hasattr(_c, "ATOMIC_GROUP") and op is _c.ATOMIC_GROUP:
            _walk(av, flags, alphabet)
        elif op in _NOT_CONSUMING:
            continue  # look-arounds and anchors consume nothing; a back-reference repeats consumed text
        else:
            raise _Unbounded


def alphabet_of(pattern: re.Pattern) -> Alphabet | None:
    """The characters ``pattern`` can consume, or None when that cannot be told (run it always)."""
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
        alphabet = Alphabet()
        _walk(tree, pattern.flags, alphabet)
    except (_Unbounded, re.error, TypeError, ValueError):
        return None
    return alphabet


# --- the letters a match can start with --------------------------------------------------------------


def _first(items, flags: int, alphabet: Alphabet) -> bool:
    """Add the characters a match of ``items`` can start with; True when it can also consume nothing."""
    for op, av in items:
        if op in _NOT_CONSUMING and op is not _c.GROUPREF:
            continue  # look-arounds and anchors: the next item opens the match
        if op is _c.LITERAL or op is _c.IN or op is _c.CATEGORY:
            _walk([(op, av)], flags, alphabet)
            return False
        if op in _REPEATS:
            empty = _first(av[2], flags, alphabet)
            if av[0] > 0 and not empty:
                return False
            continue
        if op is _c.SUBPATTERN:
            if not _first(av[3], (flags | av[1]) & ~av[2], alphabet):
                return False
            continue
        if op is _c.BRANCH:
            empty = False
            for branch in av[1]:
                empty |= _first(branch, flags, alphabet)
            if not empty:
                return False
            continue
        if hasattr(_c, "ATOMIC_GROUP") and op is _c.ATOMIC_GROUP:
            if not _first(av, flags, alphabet):
                return False
            continue
        raise _Unbounded  # a back-reference, a conditional group, anything not read here
    return True


def _scans_fast(tree, flags: int) -> bool:
    """Does the engine already skip to a known first letter (a literal prefix or a leading class)?"""
    try:
        from re import _compiler as compiler  # Python 3.11
    except ImportError:  # pragma: no cover
        import sre_compile as compiler  # type: ignore[no-redef]
    prefix, _skip, _all = compiler._get_literal_prefix(tree, flags)
    return bool(prefix) or bool(compiler._get_charset_prefix(tree, flags))


def start_hint(pattern: str, flags: int = 0) -> str:
    """The look-ahead at the letters a match of ``pattern`` can start with, or "" when none helps.

    Python's engine skips quickly to a pattern's first letter only when the
    pattern opens with a letter or a class; one that opens with a look-behind or
    a choice of words is tried at every place in the text. The look-ahead
    fails at once where no match can start, and changes no match. None is given
    for a pattern that already scans fast, may match nothing, or opens with
    inline flags.
    """
    if _GLOBAL_FLAGS.match(pattern):
        return ""  # global flags must open the pattern
    try:
        tree = _p.parse(pattern, flags)
        if _scans_fast(tree, flags):
            return ""
        alphabet = Alphabet()
        if _first(tree, flags, alphabet):
            return ""
    except (_Unbounded, re.error, TypeError, ValueError, AttributeError, ImportError):
        return ""
    case_blind, alphabet.ignore_case = alphabet.ignore_case, False
    start = alphabet.checker().pattern[: -len("*")]
    if case_blind:
        start = f"(?i:{start})"  # a first letter under (?i:...) may be written in either case
    return f"(?={start})"


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
