import random

import pytest

from phi_core.deid.surrogate.dates import shift_dates, shift_times
from phi_core.deid.surrogate.names import reading_keys
from phi_core.japanese.scripts import name_writing
from phi_core.deid.surrogate.shapes import capped_age, fictional_phone, fictional_postal, same_shape


@pytest.mark.parametrize(
    "text,days,expected",
    [
        ("令和6年8月6日", -1, "令和6年8月5日"),
        ("令和元年5月1日", -1, "平成31年4月30日"),  # crosses the era boundary
        ("平成31年4月30日", 1, "令和元年5月1日"),  # the first year of an era is 元年
        ("令和1年5月1日", 1, "令和1年5月2日"),  # unless the original wrote 1
        ("R6.8.6", 30, "R6.9.5"),
        ("R06.08.06", 30, "R06.09.05"),  # zero padding kept
        ("2024/08/06", 365, "2025/08/06"),
        ("２０２４年８月６日", 1, "２０２４年８月７日"),  # full width kept
        ("2024-02-28", 1, "2024-02-29"),
        ("2024年8月", 31, "2024年9月"),
        ("8月6日", -6, "7月31日"),
        ("昭和38年11月15日生", 10, "昭和38年11月25日生"),
    ],
)
def test_dates_shift_in_their_written_form(text, days, expected):
    assert shift_dates(text, days)[0] == expected


def test_times_wrap_round_the_clock_and_keep_width():
    assert shift_times("23:50", 20)[0] == "0:10"
    assert shift_times("９時５分", 60)[0] == "１０時５分"
    assert shift_times("14:05", -10)[0] == "13:55"
    assert shift_times("血圧 120/80", 30) == ("血圧 120/80", 0)


def test_shapes():
    rng = random.Random(0)
    assert all(fictional_phone("03-1234-5678", rng)[3] == "0" for _ in range(20))
    assert fictional_phone("0120-123-456", rng).startswith("0120-0")
    assert fictional_postal("〒１２３－４５６７", rng).startswith("〒０００－")
    out = same_shape("Ｘ１２ab-9", rng)
    assert len(out) == 7 and out[0] in "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ" and out[5] == "-"
    assert capped_age("93歳") == "90歳" and capped_age("45歳") == "45歳" and capped_age("９５歳") == "９０歳"


def test_readings_meet_across_scripts():
    assert reading_keys("ヤマダ タロウ") == reading_keys("やまだ たろう") == ["yamada", "taro"]
    assert reading_keys("YAMADA Taro") == ["yamada", "taro"]
    assert reading_keys("ｵｵﾉ") == reading_keys("Ono") == ["ono"]
    assert name_writing("T.Y.") == "initials" and name_writing("山田") == "kanji" and name_writing("ﾔﾏﾀﾞ") == "halfkana"


def test_given_names_keep_their_likely_sex():
    from phi_core.deid.surrogate.names import NameBook, given_pool, guess_sex

    assert guess_sex("美咲") == "F" and guess_sex("健一") == "M" and guess_sex("論") is None
    book = NameBook(random.Random(4), avoid="高橋美咲 松本健一")
    female = {p.kanji for p in given_pool("F")}
    male = {p.kanji for p in given_pool("M")}
    assert book.kanji("高橋美咲")[1].given.kanji in female
    assert book.kanji("松本健一")[1].given.kanji in male


def test_emergency_contact_pieces_are_replaced_by_kind():
    from phi_core.deid.surrogate import SurrogateBook

    book = SurrogateBook(seed=3)
    out, _ = book.replace("EMERGENCY_CONTACT", "妻 山田花子 携帯090-1234-5678", "p")
    assert out.startswith("妻 ") and " 携帯090-0" in out and "山田" not in out and "1234" not in out
    name = out.split()[1]
    assert book.replace("EMERGENCY_CONTACT", "山田花子（長女）", "p")[0] == f"{name}（長女）"
