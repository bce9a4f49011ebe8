"""Names of the eleventh round (blind-final14, blind-final15): forms and the look-alikes they must leave alone."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import masked, values

_NAMES = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT")


def _names(text: str) -> list[str]:
    return [v for v, c in masked(text) if c in _NAMES]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Patient: Thomas R. BAKER   Age: 34   Sex: M", "Thomas R. BAKER"),  # a middle initial
        ("Tupou 選手の HIA2 は", "Tupou"),  # a post after a Latin name
        ("Reviewed 2026-09-16 by RD Ortega", "Ortega"),  # a dietitian's abbreviation
        ("R8.6.2　16:45　発信：真壁\n相手：沖田 勇二様", "真壁"),  # a family name that is also a word, after a role
        ("操作：CE 平良・古川　内部介助者：Ns 長谷部 紗季", "古川"),  # names listed with a middle dot
        ("（統合作業 三宅医師・医事課根本）。", "根本"),  # a name written straight after its unit
        ("お願いできれば幸いです。\n敬具\n金城 大地（印）", "金城 大地"),  # a signature with its seal mark
        ("骨密度は次回。次回 2027年9月。\n金城", "金城"),  # a family name alone on the last line
        ("※エピペン預かり児：小松 りん（卵・ナッツ）", "小松 りん"),  # a kana given name the dictionary knows
        ("[REFEED] pt=ﾊﾔｾ ﾁﾋﾛ id=E200512", "ﾊﾔｾ ﾁﾋﾛ"),  # a kana name of two words in key=value text
    ],
)
def test_names_of_the_eleventh_round(text, name):
    assert name in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "医事課長）",
        "医事課主任）",
        "検査室前）",
        "次回 2027年9月。\n以上",
        "所見なし。\n異常なし",
        "Stage 主任",
        "RD手術後",
        "記録：病棟\n",
    ],
)
def test_look_alikes_of_the_eleventh_round(text):
    assert not _names(text)


def test_key_value_kana_stops_at_the_next_key():
    assert "E200512" not in " ".join(_names("pt=ﾊﾔｾ ﾁﾋﾛ id=E200512"))


def test_a_particle_the_dictionary_also_lists_as_a_given_name_stays_out():
    assert "布施 より" not in values("主治医 布施 より（電話）")
