"""A name found once, found again: searched without a pattern per document, with the pattern's results."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_repeats import (
    _PLACEHOLDERS,
    _occurrences,
    _occurrences_or_placeholders,
    whole_names_elsewhere,
)
from phi_core.extractors.recognizers.sudachi_readings import _leftmost_longest

_LETTERS = "山田太郎 ?？■ab"


def _by_pattern(text: str, name: str) -> list[tuple[int, int]]:
    """What the search did before: one pattern per name, a placeholder standing for any letter but a blank."""
    pattern = "".join(f"[{re.escape(ch)}{_PLACEHOLDERS}]" if not ch.isspace() else re.escape(ch) for ch in name)
    return [m.span() for m in re.finditer(pattern, text)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_LETTERS, max_size=40), st.text(alphabet="山田太郎 ab", min_size=1, max_size=5))
def test_the_search_finds_what_one_pattern_per_name_found(text, name):
    holes = [i for i, ch in enumerate(text) if ch in _PLACEHOLDERS]
    assert _occurrences_or_placeholders(text, name, holes) == _by_pattern(text, name)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab山", max_size=30), st.text(alphabet="ab山", min_size=1, max_size=3))
def test_plain_occurrences_are_those_of_finditer(text, word):
    assert list(_occurrences(text, word)) == [m.span() for m in re.finditer(re.escape(word), text)]


def test_a_name_with_a_letter_a_printer_lost_is_found_whole():
    text = "𠮷岡 髙志 様\n?岡 ?志 様の検査\n"
    name = Candidate(0, 5, "PATIENT_NAME", 1)
    found = [text[c.start : c.end] for c in whole_names_elsewhere(text, [name])]
    assert found == ["𠮷岡 髙志", "?岡 ?志"]


def test_a_reading_takes_the_longest_spelling_at_each_place_and_none_overlap():
    text = "サトウ イチロウ様、サトウイチロウ、サトウ"
    words = {"サトウ イチロウ", "サトウイチロウ", "サトウ", "イチロウ"}
    assert [text[s:e] for s, e in _leftmost_longest(text, words)] == ["サトウ イチロウ", "サトウイチロウ", "サトウ"]
