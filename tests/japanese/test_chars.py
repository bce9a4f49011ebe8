"""Script conversion in phi_core/japanese/chars.py."""

from phi_core.japanese.chars import to_hiragana, to_katakana


def test_hiragana_and_katakana_convert_letter_for_letter_and_leave_the_rest():
    assert to_katakana("おかだ れん") == "オカダ レン"
    assert to_hiragana("ショウワ") == "しょうわ"
    assert to_hiragana("ﾚｲﾜ ヴー A1") == "ﾚｲﾜ ゔー A1"  # half width, the long vowel and Latin stay
    assert to_katakana("山田 12") == "山田 12"
