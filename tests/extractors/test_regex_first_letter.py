"""Patterns turned around to consume their first letter first match exactly as written."""

import pickle
import re

import pytest

from phi_core.extractors import fast_re
from phi_core.extractors.regex_first_letter import letter_first

_TEXT = (
    "x12/3 1998 Monday 満 3か月 aMonday 2019年\n"
    "ID:AB-12345 123/45 (38)歳 HbA1c 7.2% 2024/11/18 1330 Dr. Kato\n"
    "満3か月 齢 10か月 1/2 3/4/5 ab12 x9 の12/31"
)

TURNED = [
    r"(?<![0-9])[0-9]{1,2}/[0-9]{1,2}",
    r"(?<![A-Za-z])(?:Mon|Tue)day",
    r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})(?:年)?",
    r"(?:(?<=満)|(?<=満 )|(?<=齢 ))[0-9]{1,2}か月",
    r"(?<![A-Za-z0-9])[A-Z]{1,3}-?[0-9]{3,6}",
    r"(?<=[（(])[0-9]{1,2}(?=[)）])",
    r"\b(?<!/)[0-9]+(?:/[0-9]+)+",
    r"(?<![0-9])[0-9]+?[0-9]",
    r"(?m)^(?<![A-Z])[A-Z][a-z]+",
    r"(?<![A-Za-z])(?:Dr|Mr|(?<=[ (])Ns)\.? ?[A-Z]",  # a choice of literal letters after a look-behind
]


@pytest.mark.parametrize("written", TURNED)
def test_a_turned_pattern_finds_what_the_written_one_finds(written):
    turned = letter_first(written)
    assert turned is not None, written
    original = re.compile(written)
    assert [(m.span(), m.groups()) for m in turned.finditer(_TEXT)] == [
        (m.span(), m.groups()) for m in original.finditer(_TEXT)
    ]
    for start in range(len(_TEXT)):  # a match or search from any place, look-behinds reading before it
        got, want = turned.match(_TEXT, start), original.match(_TEXT, start)
        assert (got and got.span()) == (want and want.span())


@pytest.mark.parametrize(
    "written",
    [
        "[0-9]x",  # opens with a class already
        "患者ID",  # and with a literal
        "(?<![a-z])(?i:stage)",  # a group with its own flags: the moved look-behind would be read under them
        "(?<![0-9])[0-9]*x",  # a repeat that may match nothing
        "(?<![0-9])(?:[^a]x|y)z",  # a choice opening with a negated class
        "(?<=a).",  # any letter first
        "病院|クリニック|[A-Z]{2}センター",  # a choice with nothing before it: the engine tests each first letter
        "(?<![0-9])(?:(?:ab)+|c)d",  # a choice opening with a group of its own
        "(?<![0-9])(?:[0-9]{2}|Mo)n",  # a choice opening with a class
    ],
)
def test_patterns_that_cannot_be_turned_are_left_alone(written):
    assert letter_first(written) is None


def test_a_turned_pattern_keeps_its_written_text_groups_and_flags():
    written = r"(?<![0-9])(?P<month>[0-9]{1,2})/(?P<day>[0-9]{1,2})"
    turned = letter_first(written, re.MULTILINE)
    assert turned.pattern == written
    assert turned.groupindex == {"month": 1, "day": 2}
    assert turned.flags & re.MULTILINE
    assert turned.search("on 11/18").group("day") == "18"
    assert pickle.loads(pickle.dumps(turned)).search("on 11/18").group() == "11/18"


def test_the_recognizers_module_compiles_turned_patterns():
    turned = fast_re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
    assert turned.pattern == r"(?<![0-9])[0-9]{4}(?![0-9])"  # not the look-ahead hint's text
    assert fast_re.hinted_patterns()[turned] == turned.pattern
    assert turned.search("あ" * 1_000 + "12345") is None
    assert turned.search("あ" * 1_000 + " 2024").group() == "2024"
