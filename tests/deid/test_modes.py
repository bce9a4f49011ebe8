import re
from datetime import date

import pytest

from phi_core.deid import Document, deidentify
from phi_core.deid.surrogate.dates import ERAS
from phi_core.deid.surrogate.names import family_pool, given_pool
from phi_core.deid.surrogate.shapes import ascii_digits

ITEMS = [("PATIENT_NAME", "山田太郎"), ("PHONE", "03-1234-5678"), ("EXAM_DATE", "2024年8月6日")]
TEXT = "患者名：山田太郎 様\n電話：03-1234-5678\n検査日：2024年8月6日\n山田太郎さんは経過良好。"


def test_tags_replace_each_span_with_its_category(detector_for):
    doc = Document("d1", TEXT)
    out = deidentify([doc], detector_for(ITEMS), "tags").texts[0]
    assert out == "患者名：【患者氏名】 様\n電話：【電話番号】\n検査日：【検査日】\n【患者氏名】さんは経過良好。"
    english = deidentify([doc], detector_for(ITEMS), "tags", english_tags=True).texts[0]
    assert english.startswith("患者名：[PATIENT_NAME] 様\n電話：[PHONE]")


def test_redact_keeps_every_length_and_position(detector_for):
    result = deidentify([Document("d1", TEXT)], detector_for(ITEMS), "redact")
    out = result.texts[0]
    assert len(out) == len(TEXT)
    masked = {i for r in result.documents[0].replacements for i in range(r.start, r.end)}
    assert masked == {i for i, c in enumerate(out) if c == "■"}
    assert all(out[i] == TEXT[i] for i in range(len(TEXT)) if i not in masked)
    assert "山田" not in out and "5678" not in out


def test_output_offsets_point_at_the_replacements(detector_for):
    result = deidentify([Document("d1", TEXT)], detector_for(ITEMS), "tags")
    doc = result.documents[0]
    for r in doc.replacements:
        assert doc.text[r.out_start : r.out_end] == r.replacement
        assert doc.original[r.start : r.end] == r.original


def _dates_of(text):
    """(date, raw) for western and era dates written in several forms."""
    found = []
    for m in re.finditer(r"(令和|平成|昭和)(元|\d+)年(\d+)月(\d+)日", ascii_digits(text)):
        start = {name: first for name, _, first in ERAS}[m.group(1)]
        year = 1 if m.group(2) == "元" else int(m.group(2))
        found.append(date(start.year + year - 1, int(m.group(3)), int(m.group(4))))
    for m in re.finditer(r"(?<![\d.])(\d{4})[年/-](\d{1,2})[月/-](\d{1,2})", ascii_digits(text)):
        found.append(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in re.finditer(r"\b([RH])(\d+)\.(\d+)\.(\d+)", text):
        start = {letter: first for _, letter, first in ERAS}[m.group(1)]
        found.append(date(start.year + int(m.group(2)) - 1, int(m.group(3)), int(m.group(4))))
    return found


def test_surrogate_dates_keep_their_form_and_every_interval_of_a_patient(detector_for):
    a = "生年月日：昭和38年11月15日\n検査日：2024/08/06\n前回：R6.1.9\n次回：２０２４年１２月２４日"
    b = "検査日：2024年9月1日"
    items = [
        ("BIRTH_DATE", "昭和38年11月15日"),
        ("EXAM_DATE", "2024/08/06"),
        ("OTHER_DATE", "R6.1.9"),
        ("OTHER_DATE", "２０２４年１２月２４日"),
        ("EXAM_DATE", "2024年9月1日"),
    ]
    docs = [Document("a", a, patient="p1"), Document("b", b, patient="p1")]
    result = deidentify(docs, detector_for(items), "surrogate", seed=7)
    out_a, out_b = result.texts
    # forms: era with kanji, slash with zero padding, era letter, full-width digits
    assert re.search(r"生年月日：(昭和|平成)\d+年\d+月\d+日\n", out_a)
    assert re.search(r"検査日：\d{4}/\d{2}/\d{2}\n", out_a)
    assert re.search(r"前回：[RH]\d+\.\d+\.\d+\n", out_a)
    assert re.search(r"次回：[０-９]{4}年[０-９]{1,2}月[０-９]{1,2}日$", out_a)
    assert re.fullmatch(r"検査日：\d{4}年\d{1,2}月\d{1,2}日", out_b)
    before = _dates_of(a) + _dates_of(b)
    after = _dates_of(out_a) + _dates_of(out_b)
    assert len(before) == len(after) == 5
    shift = after[0] - before[0]
    assert shift.days != 0
    assert [d - before[0] for d in before] == [d - after[0] for d in after]


def test_each_document_without_a_patient_key_gets_its_own_shift(detector_for):
    docs = [Document(str(i), "検査日：2024年8月6日") for i in range(12)]
    result = deidentify(docs, detector_for([("EXAM_DATE", "2024年8月6日")]), "surrogate", seed=3)
    assert len(set(result.texts)) > 1
    assert len(result.day_offsets) == 12


def test_surrogate_names_are_consistent_and_readings_match(detector_for):
    a = "患者：山田太郎（ヤマダ タロウ）\n主治医：鈴木 一郎\nYAMADA Taro 様"
    b = "患者：山田 太郎 様（やまだ たろう）、山田様"
    items = [
        ("PATIENT_NAME", "山田太郎"),
        ("NAME_READING", "ヤマダ タロウ"),
        ("PHYSICIAN_NAME", "鈴木 一郎"),
        ("NAME_READING", "YAMADA Taro"),
        ("PATIENT_NAME", "山田 太郎"),
        ("NAME_READING", "やまだ たろう"),
        ("PATIENT_NAME", "山田"),
    ]
    docs = [Document("a", a, patient="p1"), Document("b", b, patient="p1")]
    result = deidentify(docs, detector_for(items), "surrogate", seed=11)
    reps = {(d.id, r.original): r.replacement for d in result.documents for r in d.replacements}
    full = reps[("a", "山田太郎")]
    spaced = reps[("b", "山田 太郎")]
    assert spaced.replace(" ", "") == full and " " in spaced
    family = reps[("b", "山田")]
    assert full.startswith(family)
    kana = {p.kanji: p for p in family_pool() + given_pool()}
    fam, giv = kana[family], kana[full[len(family) :]]
    assert reps[("a", "ヤマダ タロウ")] == f"{fam.kana} {giv.kana}"
    import jaconv

    assert reps[("b", "やまだ たろう")] == jaconv.kata2hira(f"{fam.kana} {giv.kana}")
    assert reps[("a", "YAMADA Taro")] == f"{fam.romaji.upper()} {giv.romaji}"
    doctor = reps[("a", "鈴木 一郎")]
    assert " " in doctor and doctor.replace(" ", "") != full
    for original in ("山田", "太郎", "鈴木", "一郎", "ヤマダ", "やまだ", "YAMADA"):
        assert all(original not in t for t in result.texts)


def test_ids_phones_and_postal_codes_keep_their_shape(detector_for):
    text = "ID：AB-0012345\n電話：090-1234-5678\nTEL ０３－１２３４－５６７８\n住所：〒123-4567 東京都新宿区西新宿2-8-1"
    items = [
        ("PATIENT_ID", "AB-0012345"),
        ("PHONE", "090-1234-5678"),
        ("FACILITY_PHONE", "０３－１２３４－５６７８"),
        ("ADDRESS", "〒123-4567 東京都新宿区西新宿2-8-1"),
    ]
    result = deidentify([Document("d", text)], detector_for(items), "surrogate", seed=5)
    reps = {r.original: r.replacement for r in result.documents[0].replacements}
    assert re.fullmatch(r"[A-Z]{2}-\d{7}", reps["AB-0012345"]) and reps["AB-0012345"] != "AB-0012345"
    assert re.fullmatch(r"090-0\d{3}-\d{4}", reps["090-1234-5678"])
    assert re.fullmatch(r"０[１-９]－０[０-９]{3}－[０-９]{4}", reps["０３－１２３４－５６７８"])
    assert re.fullmatch(r"〒000-\d{4} \S+", reps["〒123-4567 東京都新宿区西新宿2-8-1"])
    assert "新宿区西新宿" not in result.texts[0]


def test_unknown_mode_is_refused(detector_for):
    with pytest.raises(ValueError, match="choose one of"):
        deidentify([Document("d", "x")], detector_for([]), "shuffle")
