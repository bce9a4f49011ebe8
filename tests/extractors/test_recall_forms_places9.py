"""recall-first on facility names made of ordinary words before a head noun, departments of record, and look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked


def _of(category: str, text: str) -> list[str]:
    return [value for value, cat in masked(text) if cat == category]


# --- a compound that ends in a facility head noun ---------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("否定済（2025年5月、県立こども医療センター）。", "県立こども医療センター"),
        ("ご不明な点は ひだまり発達相談室（TEL 048-661-2000）", "ひだまり発達相談室"),
        ("処方元：経堂こどもと大人のクリニック（主治医 五十嵐 先生）", "経堂こどもと大人のクリニック"),
        ("受診困難な場合は まつもと母乳育児相談室 を紹介予定。", "まつもと母乳育児相談室"),
        ("搬送先：こども医療センター北 小児科", "こども医療センター北"),
        ("ドクターカー出動簿　横浜北部救命救急センター", "横浜北部救命救急センター"),
        ("1名は国立病院機構 横浜医療センターへ分散搬送。", "国立病院機構 横浜医療センター"),
        ("リワーク施設（横浜リワークセンター ひだまり）に週3回通所", "横浜リワークセンター ひだまり"),
        ("紹介元：青葉区こどもの発達クリニック", "青葉区こどもの発達クリニック"),
        ("市立川口こども発達センターで療育中", "市立川口こども発達センター"),
        ("転院先：ゆうあい訪問看護ステーション", "ゆうあい訪問看護ステーション"),
        ("かもめ助産院で出産", "かもめ助産院"),
        ("昨日横浜医療センターへ紹介", "横浜医療センター"),
    ],
)
def test_a_compound_before_a_facility_head_is_a_facility(text, name):
    assert name in found("facility-compound", text)
    assert any(name in value for value in _of("HOSPITAL_NAME", text)), masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "当院救命救急センターに搬送された",
        "救命救急センターに搬送",
        "地域包括支援センターに相談",
        "同センターで再検",
        "当院検査センターへ提出",
        "A病院から紹介",
        "近医クリニックより",
        "総合病院で精査",
        "大学病院へ紹介",
        "近くのクリニックを受診",
        "自宅近くの病院",
        "かかりつけの病院",
        "横浜の病院に入院",
        "患者の病院",
        "山田先生のクリニック",
        "こころの医療センター",
        "県立病院に通院中",
        "新しいクリニックへ",
        "ナースステーション前で",
        "訪問看護ステーションと連携",
        "がん相談支援センター",
        "患者サポートセンター",
        "内視鏡センター",
        "回復期リハビリテーション病院を検討",
        "トラベルクリニック",
        "メンタルクリニック",
        "病院長へ報告",
        "国立病院機構の規定",
        "センターラインを越えて",
        "その病院",
        "別の病院",
    ],
)
def test_a_kind_or_a_pointer_before_a_head_is_no_name(text):
    assert found("facility-compound", text) == []
