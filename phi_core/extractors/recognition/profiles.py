"""Profiles: which recognizers a pipeline runs, and at which rank, read from a data file.

The file is data/rules/profiles.toml (its format is described at its top).
A profile names recognizers by their registered ``name``; an optional rank per
recognizer caps the rank of every candidate it proposes, so that, for
instance, a statistical recognizer can be told to lose every overlap with a
rule (rank 0) without touching its code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from phi_core.extractors.recognition.candidates import RANK_LABEL
from phi_core.extractors.recognition.recognizer import RECOGNIZERS, Recognizer
from phi_core.paths import DATA_DIR

PROFILES_FILE = DATA_DIR / "rules" / "profiles.toml"
DEFAULT_PROFILE = "balanced"
_KEYS = {
    "description",
    "description_ja",
    "recognizers",
    "ranks",
    "extends",
    "supplements",
    "supplement_rank",
    "allow_list",
}


class ProfileError(ValueError):
    """A profile file or name that cannot be used; the message says what to change (English and Japanese)."""


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    recognizers: tuple[str, ...]
    # recognizer name -> highest rank its candidates may keep (absent: their own rank).
    ranks: dict[str, int] = field(default_factory=dict)
    description_ja: str = ""
    # Recognizers whose proposals pass the allow-list first and then run at
    # supplement_rank (recall-first: names, unknown words, identifier shapes).
    supplements: tuple[str, ...] = ()
    supplement_rank: int = 0
    # File in data/rules/ that says which proposals are clinical facts, not PHI.
    allow_list: str | None = None

    def enabled(self) -> dict[str, Recognizer]:
        """The registered recognizers this profile runs, in the file's order."""
        return self._registered(self.recognizers)

    def supplement_recognizers(self) -> dict[str, Recognizer]:
        """The registered supplement recognizers, in the file's order."""
        return self._registered(self.supplements)

    def _registered(self, names: tuple[str, ...]) -> dict[str, Recognizer]:
        missing = [name for name in names if name not in RECOGNIZERS]
        if missing:
            raise ProfileError(
                f"profile {self.name!r} names recognizer(s) that do not exist: {', '.join(missing)}. "
                f"Known: {', '.join(RECOGNIZERS)}. Fix {PROFILES_FILE.name}. / "
                f"プロファイル {self.name!r} に存在しない認識器 {', '.join(missing)} があります。"
                f"{PROFILES_FILE.name} を直してください。"
            )
        return {name: RECOGNIZERS[name] for name in names}


def _parse(name: str, table: object, source: str, bases: dict[str, Profile] | None = None) -> Profile:
    def fail(what: str, what_ja: str) -> ProfileError:
        return ProfileError(f"{source}: profile {name!r}: {what} / {source} のプロファイル {name!r}: {what_ja}")

    if not isinstance(table, dict):
        raise fail("must be a table ([name] with keys)", "テーブル（[名前] とキー）で書いてください")
    unknown = set(table) - _KEYS
    if unknown:
        raise fail(f"unknown key(s) {', '.join(sorted(unknown))}", f"不明なキー {', '.join(sorted(unknown))}")
    base = None
    if "extends" in table:
        base = (bases or {}).get(table["extends"])
        if base is None:
            raise fail(
                f"`extends` names {table['extends']!r}, which is not a profile defined above it",
                f"`extends` の {table['extends']!r} は、これより前に定義されたプロファイルではありません",
            )
    recognizers = table.get("recognizers", list(base.recognizers) if base else None)
    if not isinstance(recognizers, list) or not recognizers or not all(isinstance(r, str) for r in recognizers):
        raise fail("`recognizers` must be a non-empty list of names", "`recognizers` は名前の空でないリストです")
    if len(set(recognizers)) != len(recognizers):
        raise fail("a recognizer is listed twice", "同じ認識器が二度書かれています")
    ranks = table.get("ranks", dict(base.ranks) if base else {})
    if not isinstance(ranks, dict):
        raise fail("`ranks` must be a table of name = rank", "`ranks` は 名前 = 順位 のテーブルです")
    for recognizer, rank in ranks.items():
        if recognizer not in recognizers:
            raise fail(
                f"rank given for {recognizer!r}, which it does not run", f"実行しない {recognizer!r} に順位があります"
            )
        if not isinstance(rank, int) or isinstance(rank, bool) or not 0 <= rank <= RANK_LABEL:
            raise fail(
                f"rank of {recognizer!r} must be a whole number 0-{RANK_LABEL}",
                f"{recognizer!r} の順位は 0〜{RANK_LABEL} の整数です",
            )
    supplements = table.get("supplements", [])
    if not isinstance(supplements, list) or not all(isinstance(r, str) for r in supplements):
        raise fail("`supplements` must be a list of names", "`supplements` は名前のリストです")
    if base is not None:
        # A profile that extends another checks at least what the other checks.
        supplements = list(base.supplements) + [r for r in supplements if r not in base.supplements]
    if set(supplements) & set(recognizers):
        raise fail("a recognizer is both run and a supplement", "同じ認識器が通常と補助の両方にあります")
    supplement_rank = table.get("supplement_rank", base.supplement_rank if base else 0)
    if (
        not isinstance(supplement_rank, int)
        or isinstance(supplement_rank, bool)
        or not 0 <= supplement_rank <= RANK_LABEL
    ):
        raise fail(
            f"`supplement_rank` must be a whole number 0-{RANK_LABEL}",
            f"`supplement_rank` は 0〜{RANK_LABEL} の整数です",
        )
    allow_list = table.get("allow_list", base.allow_list if base else None)
    if allow_list is not None and (not isinstance(allow_list, str) or "/" in allow_list or "\\" in allow_list):
        raise fail("`allow_list` must be a file name in data/rules/", "`allow_list` は data/rules/ のファイル名です")
    return Profile(
        name=name,
        description=str(table.get("description", "")),
        description_ja=str(table.get("description_ja", "")),
        recognizers=tuple(recognizers),
        ranks=dict(ranks),
        supplements=tuple(supplements),
        supplement_rank=supplement_rank,
        allow_list=allow_list,
    )


def parse_profiles(text: str, source: str = "profiles.toml") -> dict[str, Profile]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(
            f"{source} is not valid TOML: {exc} / {source} は正しい TOML ではありません: {exc}"
        ) from None
    profiles: dict[str, Profile] = {}
    for name, table in data.items():
        profiles[name] = _parse(name, table, source, profiles)
    return profiles


@lru_cache(maxsize=4)
def load_profiles(path: Path = PROFILES_FILE) -> dict[str, Profile]:
    return parse_profiles(path.read_text(encoding="utf-8"), path.name)


def get_profile(name: str = DEFAULT_PROFILE, path: Path = PROFILES_FILE) -> Profile:
    profiles = load_profiles(path)
    if name not in profiles:
        raise ProfileError(
            f"there is no profile called {name!r}; choose one of {', '.join(profiles)} ({path.name}). / "
            f"プロファイル {name!r} はありません。{', '.join(profiles)} から選んでください。"
        )
    return profiles[name]
