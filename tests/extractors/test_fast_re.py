"""Patterns compiled with a start hint find exactly what the standard module finds."""

import json
import re

import pytest

import phi_core.extractors.profiles_recall_first  # noqa: F401 - compiles every recognizer's patterns
import phi_core.extractors.rules  # noqa: F401
from phi_core.extractors import fast_re
from phi_core.extractors.regex_alphabet import start_hint
from phi_core.paths import DATA_DIR


@pytest.mark.parametrize(
    "pattern, hint",
    [
        ("病院|クリニック|(?:医療|[A-Z]{2,4})センター", "(?=[ク医病A-Z])"),
        ("(?:^|(?<=[ \u3000]))(?P<l>[一-鿿] [一-鿿])", "(?=[一-鿿])"),
        ("(?<![0-9])(?:19|20)\\d\\d", "(?=[12])"),
        ("(?i:stage|grade)\\s*\\d", "(?=(?i:[gs]))"),
    ],
)
def test_the_hint_names_the_letters_a_match_starts_with(pattern, hint):
    assert start_hint(pattern) == hint


@pytest.mark.parametrize(
    "pattern",
    [
        "[0-9]x",  # the engine skips to a class already
        "患者ID",  # and to a literal prefix
        "a?b*",  # may match nothing
        "(?i)abc",  # global flags open the pattern
        "(?:x|.)y",  # any letter may open it
        "(a)?\\1b",  # a back-reference first: not read
    ],
)
def test_no_hint_where_none_helps_or_can_be_told(pattern):
    assert start_hint(pattern) == ""


def test_a_verbose_pattern_ending_in_a_comment_still_compiles():
    compiled = fast_re.compile("(?<![0-9])(?:19|20)\\d\\d  # a year", re.VERBOSE)
    assert compiled.search("in 1998.").group() == "1998"


def test_an_ignore_case_hint_keeps_both_cases():
    compiled = fast_re.compile("(?<![a-z])(?i:stage)\\s*[1-4]")
    assert [m.group() for m in compiled.finditer("Stage 2, STAGE 3, stage 4")] == ["Stage 2", "STAGE 3", "stage 4"]


def _texts() -> list[str]:
    texts = []
    for name in ("blind-dev.jsonl", "blind-dev50.jsonl", "blind-dev90.jsonl", "blind-dev103.jsonl"):
        path = DATA_DIR / "corpus" / name
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    return texts[::3]


def test_every_hinted_recognizer_pattern_finds_what_the_written_one_finds():
    texts = _texts()
    if not texts:
        pytest.skip("no development set to read")
    hinted = fast_re.hinted_patterns()
    assert len(hinted) > 300
    compared = 0
    for compiled, written in hinted.items():
        original = re.compile(written, compiled.flags)
        for text in texts:
            got = [(m.span(), m.groups()) for m in compiled.finditer(text)]
            assert got == [(m.span(), m.groups()) for m in original.finditer(text)], written[:80]
            compared += len(got)
    assert compared > 1000
