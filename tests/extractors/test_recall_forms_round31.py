"""Forms of the thirty-first round (blind-final89..96 once spent): each with its look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import balanced_masked, covered, found, values

# --- public offices by their short names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, office",
    [
        ("通報受理：大宮東署　法第23条　19:40", "大宮東署"),
        ("平田 和也\t博多北署\t封印確認済", "博多北署"),
        ("警察（船橋東署 丹羽さん）にも時間を共有", "船橋東署"),
        ("出場隊　市消防東分署 救急1隊", "市消防東分署"),
        ("┃身体的　┃北関東中央児相　┃", "北関東中央児相"),
        ("20250303\tPED-ER\tPA\tﾐﾅﾄ児相\t20250303", "ﾐﾅﾄ児相"),
        ('"2025/01/06","北区生活支援課","K-31-0047"', "北区生活支援課"),
        ("市担当: 船橋市 障害福祉課 中野 久美子", "船橋市 障害福祉課"),
        ("淀川区役所 子育て支援課：植田 佳代（保健師）", "淀川区役所 子育て支援課"),
        ("照会先：帯広市役所 市民課（R8.11.10発送）", "帯広市役所 市民課"),
        ("発信元：奥嶺町役場 建設課 除雪担当", "奥嶺町役場 建設課"),
    ],
)
def test_a_public_office_by_its_short_name_is_masked(text, office):
    assert office in found("public-office", text)
    assert covered(office, values(text))


@pytest.mark.parametrize(
    "text",
    [
        "同意書に署名をお願いします。",
        "報告部署：放射線部",
        "患者氏名（自署）",
        "異状死として所轄署へ届出済",
        "1時30分来署予定",
        "労基署への相談方法を説明",
        "受付番号,検案日,嘱託署,執刀医",
        "面会は児相の許可制とする",
        "☑ 市町村民税課税年額 235,000円",
        "須恵町役場前 8:25 発",
        "本日市役所で国保加入手続き",
        "各区福祉課へ通知",
    ],
)
def test_words_built_like_an_office_name_no_office(text):
    assert found("public-office", text) == []


def test_office_short_names_are_recall_first_only():
    text = "通報受理：大宮東署　法第23条"
    assert not covered("大宮東署", [value for value, _ in balanced_masked(text)])


# --- an officer by the family name before the rank, a blank between ---------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("│湊署 小島 巡査部長　　　　│", "小島"),
        ("警察：北浜署 刑事課 宗像 警部補が来院（07:30）", "宗像"),
        ("照会元：東和警察署 交通課　新井 巡査部長　折返し先", "新井"),
    ],
)
def test_a_family_name_before_an_officers_rank_is_masked(text, name):
    assert name in found("officer-name", text)
    assert covered(name, values(text))


@pytest.mark.parametrize("text", ["刑事生活安全課 巡査部長 1名", "立会 巡査 2名", "現場 警部補より連絡"])
def test_a_unit_or_a_deed_before_a_rank_is_no_officer(text):
    assert found("officer-name", text) == []


# --- interpreters' services and exchange associations by their kind ------------------------------------------------


@pytest.mark.parametrize(
    "text, service",
    [
        ("通訳：みなみ医療通訳センター サントスさん", "みなみ医療通訳センター"),
        ("（通訳: 浜松国際交流協会 医療通訳 オオタ・カミラ）", "浜松国際交流協会"),
        ("ベトナム語通訳同席（かながわ医療通訳ネット 手配済）", "かながわ医療通訳ネット"),
    ],
)
def test_an_interpreters_service_is_masked(text, service):
    assert covered(service, values(text))


def test_the_kind_of_an_interpreters_service_alone_is_no_name():
    assert found("service-name", "医療通訳センターへ依頼済") == []
