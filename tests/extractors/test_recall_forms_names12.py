"""Names of the twelfth round (blind-final16, blind-final17): forms and the look-alikes they must leave alone."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked, values

_NAMES = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT")


def _names(text: str) -> list[str]:
    return [v for v, c in masked(text) if c in _NAMES]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "参加者\n - 森 ことね (15) 術後2年",
            "森 ことね",
        ),  # a family name that is a word, a given name no dictionary lists
        ("生徒氏名 小野寺 かのん（ふりがな おのでら かのん）", "小野寺 かのん"),
        ("5/2|上野 颯真|2|ムコダイン", "上野 颯真"),  # a place that is also a family name, in a table cell
        ("Night midwife: 宮城 さち", "宮城 さち"),
        ("出席：MSW 千葉 礼・江頭 瑞穂", "千葉 礼"),  # the first name of a list joined by a middle dot
        ("報告先 当直医 Hendrik de VRIES", "Hendrik de VRIES"),  # a particle before a family name in capitals
        ("受信：当直 de Vries\n11/25 18:06", "de Vries"),  # a family name that starts with its particle
        ("説明者：薬剤師 柳瀬、看護師 Ng Thi Lan", "Ng Thi Lan"),  # a Latin name of three words after a post
        ("07  KIM MINSEO     D  D  O", "KIM MINSEO"),  # capitals alone in a row: a romaji word among them
        ("12   スミス 空  男   9   ○", "スミス 空"),  # a katakana family name and a kanji given name
        ("・説明：栗原 しほさん（児 N-2", "栗原 しほ"),
        ("11/18 13:52 森：面談の日程を確認しました", "森"),  # the speaker of a chat line, one kanji
        ("減免額は医事課 沖 より別紙報告", "沖"),  # a member after a unit, then a particle
        ("立会い：楠医師、看護師 土方", "楠"),  # one kanji the dictionary reads as a place here, a title on it
        ("氏名　王 秀英（ワン シウイン／WANG Xiuying）", "WANG Xiuying"),  # a second reading in the brackets
        ("議題２：原告代理人（溝口弁護士）より書面", "溝口"),  # a lawyer's title written onto the name
        ("久保田顧問：鑑定意見書について", "久保田"),
        ("・心理 堀：抑うつ症状は軽度", "堀"),  # a team's short word for a member, a speaker's colon
        ("遺族対応：通訳 Pham（院内登録）", "Pham"),
        ("面談は椎名と戸川で実施。", "戸川"),  # と between two family names in prose
        ("　　安田（MSW）、包括支援センター", "安田"),  # a proper noun with an occupation in brackets after it
        ("Ｆａｔｉｍａ Ａｌ-Ｒａｓｈｉｄ様\nFatima Al-Rashid", "Fatima Al-Rashid"),  # a hyphenated family name
        ("②K・Y様（82）犬のみ参加", "K・Y"),  # initials before an honorific
        ("02/09 18:15  田所 きぬ（0981-2243）", "田所 きぬ"),  # a kana given name also read as a place
        ("通知人西田 光子（以下「通知人光子」）は", "光子"),  # the given name written onto the word before it
        ("| 10:05 | 10 | 2 | 28 | 原田/李 |", "李"),  # one kanji, a family name, after a slash
        ("OT（Mori）：書字可\n心理（堀）：妻と面談", "堀"),
        ("owner           : kurosawa.aya", "kurosawa.aya"),  # a login of a whole romanised name
        ("児：ほし のぞみちゃん（5歳）", "ほし のぞみ"),  # a name in hiragana before an honorific
        ("Le Van An was seen at the desk", "Le Van An"),  # a Vietnamese middle name
        (
            "患者氏名：ボルドバートル ナランツェツェグ　ID：004",
            "ボルドバートル ナランツェツェグ",
        ),  # a long katakana name
        ("ts=2026-09-14T10:02 rate=3.0mL/s op=kmatsui", "kmatsui"),  # a login after a machine log's key
        ("| ER_VISIT  | oncall_dr_kanno", "oncall_dr_kanno"),
        ("来院 11:15、形成外科嶋Dr 診察", "嶋"),  # one kanji between its unit and Dr
        ("アラート → 心不全看護外来 湊 が電話", "湊"),
        ("the burner by his wife (Mrs. M.), who called", "M."),  # one initial after a title
        ("ICU bed 3 ODAGAWA H., bed 8 T. Brenner", "ODAGAWA H."),  # capitals and an initial
        ("2026-09-06T02:15,419937,HAYASHI^SUMIE,ACK,KUDO^M\n", "KUDO^M"),  # a caret name outside HL7
        ("set ME-0455, ME-0456).\n— Uno", "Uno"),  # a sign-off after a dash
        ("　看護師二宮、久米、理学療法士堀之内を含む11名。", "堀之内"),  # a post written onto the name
        ("He did not eat it. Wife Nadia (tel 080-9920-1111)", "Nadia"),  # a relation opening a sentence
        ("4 | 510-C | 宮城 重信 | 11/12 | —", "宮城 重信"),  # a place that is the family name, a given name
        ("10/15 相談員比嘉 晃が面会。", "比嘉 晃"),  # a post ending in 員 written onto a full name
        ("本人自署：Rosa Perez\n窓口", "Rosa Perez"),  # a Latin name after a signature's label
        ("参加：麻酔科 Kim／整形 浜田／リハ 堤", "Kim"),  # each item of a participants' list: a unit, then a name
        ("参加：麻酔科 Kim／整形 浜田／リハ 堤", "堤"),
        ("〇〇中学校 スクールカウンセラー Ms. 高瀬 宛　FAX", "高瀬"),  # a kanji name after an English title
        ("9/11予約あり\n保健師 kawano", "kawano"),  # a romanised family name in lower case after a post
        ("検温\n・坂口　36.6℃\n・梅田　出勤停止中\n・ブイ ヴァン タン　36.8℃\n・佐々木　36.5℃", "ブイ ヴァン タン"),
        ("2026-02-01T09:10,pain 6/10,come in,horie\n", "horie"),  # a row's last field, romaji in lower case
    ],
)
def test_names_of_the_twelfth_round(text, name):
    assert name in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "林 から連絡あり。",  # a particle after a family-name word
        "森 なし",
        "杉本 さんは 12月から",  # an honorific where a given name would stand
        "de Quervain腱鞘炎の術後",  # eponyms glued to the disease
        "van der Waals力",
        "von Willebrand病の疑い",
        "MEPM MIC ≥4 μg/mL",  # capitals the dictionary does not know, none of them read as a name
        "#社会的処方 LINE WORKS トーク記録",
        "0\nST ANALYSIS      Lead II",  # capitals after an occupation's letters
        "カテーテル 内 へ",
        "11/18 13:52 注：採血は翌朝",  # no family name before the colon
        "外科病棟 計 12床",
        "中央医師会の講習",
        "医療通訳 派遣を依頼",  # a service, not a member
        "臨床心理検査を予定",
        "佐藤と相談で決定",  # と before a word that is no family name
        "A・B様式",
        "患者 山田 光子。光子線治療を検討",  # the given name before a kanji word is another word
        "担当 佐藤/左",
        "file: report.pdf  see data.table",
        "それから ゆいちゃんが来た",  # prose before a given name
        "みんな げんきさんです",
        "a,b,none\nx,y,normal\n",
        "持参薬\n・ロキソニン　60mg\n・ムコスタ　100mg\n・アムロジピン　5mg",  # a list of drugs, no names in it
        "参加：約 20名",
        "看護師全員に周知、理学療法士会に報告",
        "東京都 新宿区",
        "相談員全員が出席、職員会議",
        "患者 佐藤 花子（さとう はなこ／外来）",
    ],
)
def test_look_alikes_of_the_twelfth_round(text):
    names = _names(text)
    assert all(" " not in n or n in ("佐藤 花子", "山田 光子") for n in names)  # 杉本 alone may stay a name
    assert not [
        n
        for n in names
        if n in ("相談", "A・B", "臨床", "医療", "左", "光子", "report.pdf", "data.table", "ロキソニン", "ムコスタ")
    ]
    assert not [n for n in names if n.startswith(("それから", "みんな")) or n in ("none", "normal")]
    assert "外来" not in values(text)


def test_the_unknown_given_name_recognizer_needs_a_listed_family_name():
    # 検体 is no family name, ことね no word: nothing; 堀之内 is one: the pair.
    assert found("unknown-given-name", "検体 ことね") == []
    assert found("unknown-given-name", "堀之内 ことね") == ["堀之内 ことね"]
    assert found("unknown-given-name", "上野 駅前で転倒") == []  # a word the dictionary knows


def test_a_post_before_capital_abbreviations_does_not_make_them_a_name():
    assert not _names("本日、技師 MRI 担当。")
