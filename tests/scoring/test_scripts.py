import pytest

from phi_core.scoring.scripts import SCRIPTS, script_of


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("山田太郎", "kanji"),
        ("やまだ", "hiragana"),
        ("ヤマダ", "katakana"),
        ("Yamada", "romaji"),
        ("03-1234-5678", "digits"),
        ("山田タロウ", "mixed"),
        ("佐々木", "kanji"),  # iteration mark 々 belongs to the kanji
        ("霞ヶ関", "kanji"),  # small ヶ inside a kanji name
        ("𠮷野", "kanji"),  # ideograph outside the BMP
        ("ﾔﾏﾀﾞ", "katakana"),  # half-width katakana folds to katakana
        ("ＹＡＭＡＤＡ", "romaji"),  # full-width Latin
        ("Ōno Tarō", "romaji"),  # Hepburn macrons; the space carries no script
        ("２０２４／０３／０１", "digits"),  # full-width digits and slashes
        ("０３ー１２３４", "digits"),  # ー between digits reads as a dash
        ("らーめん", "hiragana"),  # ー after hiragana lengthens it
        ("ターロー", "katakana"),
        ("2024年3月1日", "mixed"),  # digits and kanji
        ("45歳", "mixed"),
        ("Dr. 山田", "mixed"),
        ("やまだ たろう", "hiragana"),
        ("ヤマダ・タロウ", "katakana"),  # middle dot is punctuation
        ("Ἀθῆναι", "mixed"),  # a letter of another alphabet
        ("-/", "digits"),  # no letters at all: the "no letters" bucket
    ],
)
def test_script_of(text, script):
    assert script_of(text) == script


def test_every_result_is_a_declared_script():
    samples = ["山", "や", "ヤ", "A", "1", "山や", "", "ー"]
    assert {script_of(s) for s in samples} <= set(SCRIPTS)
