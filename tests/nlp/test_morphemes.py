"""A document cut into morphemes: offsets in code points, the text as written, a drawn table's rules as separators."""

from __future__ import annotations

import pytest

from phi_core.nlp import sudachi_available

pytestmark = pytest.mark.skipif(not sudachi_available(), reason="SudachiPy and its dictionary are not installed")

from phi_core.nlp.morphemes import morphemes  # noqa: E402


def test_a_name_after_a_drawn_rule_is_a_person_and_the_rule_keeps_its_place():
    text = "│A-07　│三浦 大輝 22♂　│\n"
    cut = morphemes(text)
    assert all(text[m.start : m.end] == m.surface for m in cut)
    assert any(m.surface == "三浦" and m.is_person for m in cut)
    assert any(m.surface == "│" and m.pos[0] != "名詞" for m in cut)


def test_offsets_cover_the_text_in_order():
    text = "┃患者 山田 花子┃\n検査日 2024/08/06"
    cut = morphemes(text)
    assert "".join(m.surface for m in cut) == text
    assert [m.start for m in cut] == sorted(m.start for m in cut)
