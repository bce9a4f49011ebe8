"""The lenient reply parser: what it extracts and which violations it records."""

from __future__ import annotations

import json
import random

import pytest

from phi_core.llm.mixed_values import is_mixed_value
from phi_core.llm.parsing import VIOLATION_CODES, ParsedReply, parse_reply


def pairs(parsed: ParsedReply) -> list[tuple[str, str]]:
    return [(item.category, item.value) for item in parsed.items]


# -- the contract shapes ------------------------------------------------------------------


def test_clean_category_object():
    text = json.dumps(
        {"患者氏名": "山田太郎", "医師名": ["田中一郎", "佐藤花子"], "住所": None, "電話番号": "", "年齢": "なし"},
        ensure_ascii=False,
    )
    parsed = parse_reply(text, expected_shape="category_object")
    assert parsed.shape == "category_object"
    assert pairs(parsed) == [("患者氏名", "山田太郎"), ("医師名", "田中一郎"), ("医師名", "佐藤花子")]
    assert parsed.violations == []


def test_clean_phi_list_keeps_labels_as_written_and_strips_values():
    text = '{"phi_list": [{"type": "NAME", "value": "  山田太郎 "}, {"type": "date", "value": "2024年1月5日"}]}'
    parsed = parse_reply(text, expected_shape="phi_list")
    assert parsed.shape == "phi_list"
    assert pairs(parsed) == [("NAME", "山田太郎"), ("date", "2024年1月5日")]
    assert parsed.violations == []


@pytest.mark.parametrize("none_marker", ["なし", "該当なし", "N/A", "", "  "])
def test_no_value_markers_give_no_item_in_a_category_object(none_marker):
    parsed = parse_reply(json.dumps({"住所": none_marker}, ensure_ascii=False), expected_shape="category_object")
    assert parsed.items == [] and parsed.violations == []


def test_empty_phi_list_and_null_phi_list_are_clean():
    assert parse_reply('{"phi_list": []}', expected_shape="phi_list").violations == []
    assert parse_reply('{"phi_list": null}', expected_shape="phi_list").shape == "phi_list"


def test_repeated_keys_keep_every_value():
    parsed = parse_reply('{"医師名": "田中", "医師名": "鈴木", "患者ID": "1"}', expected_shape="category_object")
    assert pairs(parsed) == [("医師名", "田中"), ("医師名", "鈴木"), ("患者ID", "1")]


# -- wrappers and repairs ----------------------------------------------------------------------


def test_code_fence_and_prose_are_extra_text():
    text = 'Here is the result:\n```json\n{"phi_list": [{"type": "ID", "value": "123456"}]}\n```\nHope it helps!'
    parsed = parse_reply(text, expected_shape="phi_list")
    assert pairs(parsed) == [("ID", "123456")]
    assert parsed.violations == ["extra_text"]


def test_bare_code_fence_alone_still_counts_as_extra_text():
    parsed = parse_reply('```\n{"患者ID": "123"}\n```', expected_shape="category_object")
    assert pairs(parsed) == [("患者ID", "123")] and parsed.violations == ["extra_text"]


def test_single_quotes_and_trailing_commas_are_repaired():
    text = "{'phi_list': [{'type': 'NAME', 'value': \"O'Brien\"},],}"
    parsed = parse_reply(text, expected_shape="phi_list")
    assert pairs(parsed) == [("NAME", "O'Brien")]
    assert parsed.violations == ["repaired_json"]


def test_python_literal_dict():
    parsed = parse_reply("{'患者氏名': '山田', '性別': None, '年齢': 65}", expected_shape="category_object")
    assert pairs(parsed) == [("患者氏名", "山田"), ("年齢", "65")]
    assert parsed.violations == ["repaired_json", "non_string_value"]


def test_json_string_nested_inside_a_key():
    inner = json.dumps({"患者氏名": "山田", "検査日": "2024/1/5"}, ensure_ascii=False)
    parsed = parse_reply(json.dumps({"PHI": inner}, ensure_ascii=False), expected_shape="category_object")
    assert pairs(parsed) == [("患者氏名", "山田"), ("検査日", "2024/1/5")]
    assert "wrong_shape" in parsed.violations


def test_whole_reply_is_a_json_string_holding_json():
    inner = json.dumps({"phi_list": [{"type": "AGE", "value": "65歳"}]}, ensure_ascii=False)
    parsed = parse_reply(json.dumps(inner, ensure_ascii=False), expected_shape="phi_list")
    assert pairs(parsed) == [("AGE", "65歳")]
    assert parsed.shape == "phi_list"


def test_escaped_json_pasted_without_outer_quotes():
    parsed = parse_reply('{\\"患者ID\\": \\"A-1\\"}', expected_shape="category_object")
    assert pairs(parsed) == [("患者ID", "A-1")] and "repaired_json" in parsed.violations


def test_reply_cut_off_by_the_token_cap_keeps_complete_entries():
    text = '{"phi_list": [{"type": "NAME", "value": "山田"}, {"type": "DATE", "value": "2024年'
    parsed = parse_reply(text, expected_shape="phi_list")
    assert pairs(parsed) == [("NAME", "山田")]
    assert parsed.violations == ["repaired_json"]

    text = '{"患者氏名": "山田", "医師名": ["田中", "佐'
    assert pairs(parse_reply(text, expected_shape="category_object")) == [("患者氏名", "山田"), ("医師名", "田中")]


def test_first_value_that_can_hold_items_wins():
    text = 'See note [1]. {"患者ID": "111"} and later {"患者ID": "222"}'
    assert pairs(parse_reply(text, expected_shape="category_object")) == [("患者ID", "111")]


def test_unclosed_prose_brace_does_not_hide_the_json():
    text = 'Thinking {about it... {"phi_list": [{"type": "ID", "value": "9"}]}'
    assert pairs(parse_reply(text, expected_shape="phi_list")) == [("ID", "9")]


# -- other layouts and wrong shapes -------------------------------------------------------------


@pytest.mark.parametrize(
    "entry",
    [
        {"type": "NAME", "value": "山田"},
        {"category": "NAME", "value": "山田"},
        {"label": "NAME", "text": "山田"},
    ],
)
def test_bare_list_entries_are_read_but_are_the_wrong_shape(entry):
    parsed = parse_reply(json.dumps([entry], ensure_ascii=False), expected_shape="phi_list")
    assert pairs(parsed) == [("NAME", "山田")]
    assert parsed.shape == "list" and parsed.violations == ["wrong_shape"]


def test_object_given_when_phi_list_asked_is_wrong_shape_but_extracted():
    parsed = parse_reply('{"患者氏名": "山田"}', expected_shape="phi_list")
    assert pairs(parsed) == [("患者氏名", "山田")]
    assert parsed.shape == "category_object" and parsed.violations == ["wrong_shape"]


def test_phi_list_given_when_category_object_asked_is_wrong_shape():
    parsed = parse_reply('{"phi_list": [{"type": "NAME", "value": "山田"}]}', expected_shape="category_object")
    assert parsed.violations == ["wrong_shape"] and pairs(parsed) == [("NAME", "山田")]


def test_grouped_entries_are_flattened():
    text = json.dumps(
        {"visible": [{"type": "NAME", "value": "山田"}], "hidden": [{"type": "ID", "value": "X-9"}]}, ensure_ascii=False
    )
    parsed = parse_reply(text, expected_shape="phi_list")
    assert pairs(parsed) == [("NAME", "山田"), ("ID", "X-9")] and "wrong_shape" in parsed.violations


# -- value-level violations -------------------------------------------------------------------


def test_unknown_category_is_flagged_but_kept():
    parsed = parse_reply('{"phi_list": [{"type": "FAVOURITE_FOOD", "value": "寿司"}]}', expected_shape="phi_list")
    assert pairs(parsed) == [("FAVOURITE_FOOD", "寿司")]
    assert parsed.violations == ["unknown_category"]


def test_entry_without_value_is_empty_value():
    text = '{"phi_list": [{"type": "NAME", "value": ""}, {"type": "DATE"}, {"type": "ID", "value": null}]}'
    parsed = parse_reply(text, expected_shape="phi_list")
    assert parsed.items == [] and parsed.violations == ["empty_value"]


def test_numbers_are_kept_as_text_and_flagged():
    parsed = parse_reply(
        '{"phi_list": [{"type": "AGE", "value": 65}, {"type": "ID", "value": 12.5}]}', expected_shape="phi_list"
    )
    assert pairs(parsed) == [("AGE", "65"), ("ID", "12.5")]
    assert parsed.violations == ["non_string_value"]


def test_mixed_entries_are_flagged():
    text = json.dumps(
        {
            "phi_list": [
                {"type": "NAME", "value": "山田太郎、佐藤花子"},
                {"type": "PHONE", "value": "090-1234-5678 03-1111-2222"},
            ]
        },
        ensure_ascii=False,
    )
    parsed = parse_reply(text, expected_shape="phi_list")
    assert len(parsed.items) == 2 and parsed.violations == ["mixed_entry"]


@pytest.mark.parametrize(
    ("value", "mixed"),
    [
        ("山田太郎、佐藤花子", True),
        ("田中先生, 鈴木先生", True),
        ("Yamada Taro, Sato Hanako", True),
        ("090-1234-5678 / 03-1234-5678", True),
        ("2024年1月5日、2024年2月1日", True),
        ("山田太郎", False),
        ("YAMADA, Taro", False),  # surname, given name: one name
        ("ジョン・スミス", False),
        ("東京都千代田区丸の内1-2-3", False),
        ("2024/01/05", False),
        ("090-1234-5678", False),
    ],
)
def test_mixed_value_heuristic(value, mixed):
    assert is_mixed_value(value) is mixed


# -- garbage never raises --------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "no json here", "[1, 2, 3]", "42", "{", "}{", "null", "\x00\x01\x02"])
def test_garbage_is_unparseable(text):
    parsed = parse_reply(text, expected_shape="phi_list")
    assert parsed.items == [] and parsed.violations == ["unparseable"] and parsed.shape == "none"


def test_huge_and_deeply_nested_inputs_return_quickly():
    for text in ("{" * 200_000, "[" * 5000 + "]" * 5000, '{"a": ' * 3000 + "1" + "}" * 3000, "x" * 1_000_000):
        parsed = parse_reply(text, expected_shape="category_object")
        assert isinstance(parsed, ParsedReply)


def test_unknown_expected_shape_is_a_programming_error():
    with pytest.raises(ValueError, match="expected_shape"):
        parse_reply("{}", expected_shape="table")


FRAGMENTS = [
    "{",
    "}",
    "[",
    "]",
    '"',
    "'",
    ",",
    ":",
    "\\",
    "```",
    "```json\n",
    "\n",
    " ",
    "null",
    "true",
    "None",
    '"phi_list"',
    '"type"',
    '"value"',
    '"患者氏名"',
    '"NAME"',
    '"山田"',
    "なし",
    "0",
    "-1.5e3",
    "“",
    "”",
    '{"phi_list": [',
    '{"type": "NAME", "value": "x"}',
    "\x00",
    "\ud800",
    "😀",
]


def test_random_strings_never_raise_and_always_give_known_codes():
    rng = random.Random(20250101)
    alphabet = "{}[]\"':,\\ \nab山田0-"
    for round_number in range(1500):
        if round_number % 2:
            text = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 30)))
        else:
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        for shape in ("category_object", "phi_list"):
            parsed = parse_reply(text, expected_shape=shape)
            assert set(parsed.violations) <= set(VIOLATION_CODES), text
            assert parsed.shape in ("category_object", "phi_list", "list", "none")
            assert all(isinstance(item.value, str) and isinstance(item.category, str) for item in parsed.items)
            if parsed.shape == "none":
                assert parsed.items == [] and "unparseable" in parsed.violations


# -- bounded replies ---------------------------------------------------------------


def test_a_deeply_nested_100kb_reply_is_refused_at_once():
    import time

    nested = "[" * 50_000 + "]" * 50_000  # 100 KB, 50,000 levels
    started = time.perf_counter()
    parsed = parse_reply(nested, expected_shape="phi_list")
    assert time.perf_counter() - started < 1.0
    assert parsed.violations == ["reply_too_large"] and parsed.items == []


def test_a_reply_nested_past_the_bound_but_short_is_refused_too():
    parsed = parse_reply('{"phi_list": ' + "[" * 100 + "]" * 100 + "}", expected_shape="phi_list")
    assert parsed.violations == ["reply_too_large"]


def test_a_long_but_flat_reply_within_the_bound_is_still_read():
    entries = ", ".join('{"type": "NAME", "value": "山田太郎"}' for _ in range(500))
    parsed = parse_reply('{"phi_list": [' + entries + "]}", expected_shape="phi_list")
    assert parsed.violations == [] and len(parsed.items) == 500
