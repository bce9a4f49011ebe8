"""The characters a pattern's match can hold: a filter that must never hide a match."""

import dataclasses
import json
import re

import pytest

from phi_core.extractors.allow_list import fold, load_allow_list
from phi_core.extractors.regex_alphabet import alphabet_of
from phi_core.paths import DATA_DIR


def checker(pattern: str, flags: int = 0):
    alphabet = alphabet_of(re.compile(pattern, flags))
    return None if alphabet is None else alphabet.checker()


def test_look_arounds_consume_nothing():
    check = checker(r"(?<!内線)(?=[0-9])\d+mg")
    assert check.fullmatch("120mg")
    assert not check.fullmatch("内線")  # only looked at, never part of a match


def test_anything_it_cannot_bound_is_run_always():
    assert checker(r"ID.*") is None
    assert checker(r"[^、。]+様") is None
    assert checker(r"\D+") is None


def test_classes_repeats_branches_and_groups_are_read():
    check = checker(r"(?:stage|grade)\s*(?P<n>[0-4]|[IV]{1,4})[A-Da-d]?")
    assert check.fullmatch("stage IIIa")
    assert check.fullmatch("grade 2")
    assert not check.fullmatch("Stage")  # no capital S in a case-sensitive pattern
    assert not check.fullmatch("5/14")


def test_a_negated_class_inside_a_category_is_that_category():
    check = checker(r"\d+[^\S\n]*mg")
    assert check.fullmatch("12\u3000mg") and check.fullmatch("12 mg")
    assert not check.fullmatch("12mg様")  # a kanji is never a blank
    assert checker(r"[^\d\n]x") is None  # leaves out only digits: it may hold anything else


def test_digits_are_the_engines_digits_full_width_included():
    assert checker(r"\d+/\d+").fullmatch("１２/３")


def test_case_blind_patterns_hold_either_case():
    check = checker(r"(?i:nyha)\s*[1-4]")
    assert check.fullmatch("NYHA 3")
    assert check.fullmatch("Nyha 2")
    assert not check.fullmatch("NYHA III")


def _sample_texts(limit: int = 400) -> list[str]:
    names = ["blind-dev.jsonl", "blind-dev2.jsonl", "blind-dev50.jsonl", "blind-dev90.jsonl"]
    texts = []
    for name in names:
        path = DATA_DIR / "corpus" / name
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    return texts[:limit]


def test_every_stretch_of_every_allow_list_match_passes_its_patterns_filter():
    allow = load_allow_list()
    texts = _sample_texts()
    if not texts:
        pytest.skip("no development set to read matches from")
    checked = 0
    for pattern, check in zip(allow.patterns, allow.alphabets):
        if check is None:
            continue
        for text in texts:
            for m in pattern.finditer(fold(text)):
                value = m.group()
                # any proposal inside the match holds only characters of the match
                assert check.fullmatch(value), (pattern.pattern[:60], value)
                checked += 1
    assert checked > 100


def test_the_filter_changes_no_judgement():
    allow = load_allow_list()
    unfiltered = dataclasses.replace(allow, alphabets=())
    texts = _sample_texts(120)
    if not texts:
        pytest.skip("no development set to read proposals from")
    asked = 0
    for text in texts:
        for m in re.finditer(r"[0-9０-９A-Za-z/.\-]{2,12}|[ぁ-ゖァ-ヺ]{2,6}", text):
            asked += 1
            got = allow.allows(text, m.start(), m.end(), None)
            assert got == unfiltered.allows(text, m.start(), m.end(), None), m.group()
    assert asked > 500
