"""Profiles are data: which recognizers run, and at which rank, comes from data/rules/profiles.toml."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from phi_core.extractors import rules
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.profiles import ProfileError, get_profile, load_profiles, parse_profiles
from phi_core.extractors.recognition.recognizer import RECOGNIZERS, Recognizer, recognizer_class

EXTRACTORS = Path(rules.__file__).resolve().parents[1]


def test_balanced_is_read_from_the_data_file_and_is_the_default():
    balanced = get_profile("balanced")
    assert set(balanced.enabled()) <= set(RECOGNIZERS)
    assert len(balanced.recognizers) >= 15
    text = "患者氏名：山田太郎\n生年月日：昭和45年3月2日"
    assert rules.extract_spans(text) == rules.extract_spans(text, profile="balanced")


def test_a_profile_runs_only_what_it_names(tmp_path):
    path = tmp_path / "profiles.toml"
    path.write_text('[dates-only]\ndescription = "x"\nrecognizers = ["date"]\n', encoding="utf-8")
    profile = load_profiles(path)["dates-only"]
    text = "検査日 2024/08/06、主治医 山田太郎先生"
    found = rules.run_recognizers(text, profile.enabled(), profile.ranks)
    assert {text[c.start : c.end] for c in found} == {"2024/08/06"}


class _Fake(Recognizer):
    categories = ("PATIENT_NAME",)

    def __init__(self, name: str, start: int, end: int, rank: int):
        self.name, self.span, self.rank = name, (start, end), rank

    def find(self, doc):
        return [Candidate(*self.span, "PATIENT_NAME", self.rank)]


def test_a_rank_in_the_profile_decides_overlaps():
    text = "ABCDEFGHIJ"
    strong_short = _Fake("short", 0, 3, 3)
    weak_long = _Fake("long", 0, 6, 1)
    both = {"short": strong_short, "long": weak_long}
    assert [(c.start, c.end) for c in rules.run_recognizers(text, both)] == [(0, 3)]
    capped = rules.run_recognizers(text, both, {"short": 0})
    assert [(c.start, c.end) for c in capped] == [(0, 6)]


@pytest.mark.parametrize(
    "text, message",
    [
        ("[p]\nrecognizers = []\n", "non-empty list"),
        ('[p]\nrecognizers = ["date"]\ncolour = "red"\n', "unknown key"),
        ('[p]\nrecognizers = ["date"]\n[p.ranks]\ndate = 7\n', "whole number 0-3"),
        ('[p]\nrecognizers = ["date"]\n[p.ranks]\ntime = 1\n', "does not run"),
        ('[p]\nrecognizers = ["date", "date"]\n', "twice"),
        ("[p\n", "not valid TOML"),
    ],
)
def test_a_bad_profile_file_says_what_to_change(text, message):
    with pytest.raises(ProfileError, match=message):
        parse_profiles(text)


def test_unknown_names_are_refused_in_both_languages():
    profile = parse_profiles('[p]\nrecognizers = ["no-such-thing"]\n')["p"]
    with pytest.raises(ProfileError, match="do not exist.*存在しない"):
        profile.enabled()
    with pytest.raises(ProfileError, match="no profile called"):
        get_profile("no-such-profile")


def test_one_recognizer_per_module_and_no_big_files():
    modules = Counter(recognizer_class(name).__module__ for name in RECOGNIZERS)
    assert all(count == 1 for count in modules.values()), modules
    assert all(module.startswith("phi_core.extractors.recognizers.") for module in modules)
    for path in EXTRACTORS.rglob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name


def test_recall_first_is_data_extending_balanced():
    from phi_core.extractors.recognition.profiles import get_profile

    balanced, recall = get_profile("balanced"), get_profile("recall-first")
    assert recall.recognizers == balanced.recognizers
    assert "sudachi-person" in recall.supplements and "identifier-shape" in recall.supplements
    assert recall.allow_list == "clinical_allow_list.toml"
    # Registering the supplements must not make the benchmark baseline run them.
    assert not set(recall.supplements) & set(balanced.enabled())
    assert set(recall.supplement_recognizers()) == set(recall.supplements)


def test_supplements_come_from_the_file():
    from phi_core.extractors.recognition.profiles import parse_profiles

    text = """
[base]
recognizers = ["date"]
[wide]
extends = "base"
supplements = ["identifier-shape"]
supplement_rank = 0
"""
    profiles = parse_profiles(text)
    assert profiles["wide"].recognizers == ("date",)
    assert profiles["wide"].supplements == ("identifier-shape",)


@pytest.mark.parametrize(
    "text",
    [
        '[a]\nextends = "missing"\n',
        '[a]\nrecognizers = ["date"]\nsupplements = ["date"]\n',
        '[a]\nrecognizers = ["date"]\nsupplement_rank = 9\n',
        '[a]\nrecognizers = ["date"]\nallow_list = "../x.toml"\n',
    ],
)
def test_bad_supplement_settings_are_refused(text):
    from phi_core.extractors.recognition.profiles import ProfileError, parse_profiles

    with pytest.raises(ProfileError):
        parse_profiles(text)
