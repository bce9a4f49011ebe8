"""Person names, shared part: surnames, the dictionary's word checks, titles after a name.

Outside label context a name is accepted only when it starts with a known
surname (data/rules/surnames.txt plus Faker's ja_JP surnames) or is written in
katakana, so that words such as 患者様 or 関係者様 are not taken for names.
Names read from a label's value are in labelled_names.py.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from phi_core.extractors import fast_re as re
from phi_core.word_cache import word_cache
from phi_core.japanese import honorifics
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, KANJI, LONG_VOWEL, is_hiragana, is_kanji, is_katakana, is_latin

SURNAME_FILE = Path(__file__).resolve().parents[3] / "data" / "rules" / "surnames.txt"

# Titles and honorifics written after a name; never part of the span (印: the seal mark after a signature).
_TRAILING_TITLES = honorifics.longest_first(
    honorifics.words("person", "clinician", "letter", "position", "latin", exclude=("さま", "君", "MD")) + ("印",)
)
# What stands where a person's name would, saying nobody or everybody (実施者：全員, 判定者：不在).
NOT_A_NAME = frozenset(
    "なし 無し 不明 未記載 記載なし - — 不在 未定 同上 以下 休み 交代 全員 本人 家族 各位 一同 "
    "TBD TBA N/A NA None none Nil nil Pending pending Unknown unknown "
    # what a checker's or a signer's column says when it names no one
    "済 済み 未 未済 可 否 有 無 要 不要 完了 了 確認済 確認済み 実施済 未実施 OK ok "
    # how an interpreter or a meeting was held, not who (Interpreter: video)
    "video phone remote onsite declined refused self family staff".split()
)
# A side opens a finding, never a name (読影：左 U 領域 FAD).
SIDES = frozenset({"左", "右", "両側", "左右", "両"})


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Known surnames: the bundled list plus Faker's ja_JP provider (no download)."""
    names: set[str] = set()
    if SURNAME_FILE.exists():
        for line in SURNAME_FILE.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                names.add(line)
    try:
        from faker.providers.person.ja_JP import Provider

        names.update(Provider.last_names)
    except Exception:  # Faker missing or reorganised: the bundled list still works
        pass
    return frozenset(names)


@lru_cache(maxsize=1)
def latin_names() -> tuple[frozenset[str], frozenset[str]]:
    """Given names and family names in Latin letters from Faker's person providers of every locale.

    Read from the installed package (no download): tens of thousands of names
    of many countries, so Julien, Tunde's neighbours and Patel are known as names
    even where SudachiDict has the word as English (MARCHAND) or not at all.
    """
    given: set[str] = set()
    family: set[str] = set()
    try:
        import importlib
        import pkgutil

        import faker.providers.person as people

        for module in pkgutil.iter_modules(people.__path__):
            provider = getattr(importlib.import_module(f"{people.__name__}.{module.name}"), "Provider", None)
            for attr, into in (
                ("first_names", given),
                ("first_names_male", given),
                ("first_names_female", given),
                ("last_names", family),
            ):
                names = next((k.__dict__[attr] for k in getattr(provider, "__mro__", ()) if attr in k.__dict__), ())
                if isinstance(names, (list, tuple, set, frozenset, dict)):
                    into.update(n for n in names if len(n) >= 2 and n.isalpha() and all(ord(c) < 0x250 for c in n))
    except Exception:  # Faker missing or reorganised: no lexicon, the written forms still work
        pass
    return frozenset(given), frozenset(family)


@word_cache(maxsize=4096)
def can_be_surname(word: str) -> bool:
    """The surname list or SudachiDict (when installed) lists ``word`` as a family name (人名,姓)."""
    if word in surnames():
        return True
    from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

    if not sudachi_available():
        return False
    return any(pos[1:4] == ("固有名詞", "人名", "姓") for pos in sudachi_lookup(word))


def known_word(word: str) -> bool:
    """SudachiDict (when installed) has an entry spelled exactly ``word``."""
    from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

    return sudachi_available() and bool(sudachi_lookup(word))


def only_a_proper_noun(word: str) -> bool:
    """劉, 陳: SudachiDict (when installed) has ``word`` only as proper nouns, never as a common word."""
    from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

    readings = sudachi_lookup(word) if sudachi_available() else ()
    return bool(readings) and all(pos[1] == "固有名詞" for pos in readings)


def only_an_action(word: str) -> bool:
    """指示, 診察: SudachiDict (when installed) has ``word`` only as common words, one of them a noun of doing
    (サ変可能), never as a name or a place (岩清水 and 蔀 are common words and family names both)."""
    from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

    readings = sudachi_lookup(word) if sudachi_available() else ()
    return (
        bool(readings)
        and all(pos[1] != "固有名詞" for pos in readings)
        and any(pos[2] == "サ変可能" for pos in readings)
    )


def can_be_particle(word: str) -> bool:
    """より, から: SudachiDict (when installed) lists ``word`` as a particle or an auxiliary verb."""
    from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

    return sudachi_available() and any(pos[0] in ("助詞", "助動詞") for pos in sudachi_lookup(word))


@word_cache(maxsize=4096)
def can_be_given_name(word: str) -> bool:
    """SudachiDict (when installed) lists ``word`` as a given name (人名,名)."""
    from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

    return sudachi_available() and any(pos[1:4] == ("固有名詞", "人名", "名") for pos in sudachi_lookup(word))


# A given name in katakana a blank after a family name in kanji, closing its field (a CSV's "福田 ロサリンダ",
# a cell's 望月 ハル│): the whole name, where the katakana are a given name or no word the dictionary knows.
_KATAKANA_GIVEN_AFTER = re.compile(
    rf"[ \u3000](?P<rest>[{FULL_WIDTH_KATAKANA}][{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,7}})"
    r"(?=[\"”',，、\t|│）)\]]|[ \u3000]*(?:\n|$))"
)


def katakana_given_after(text: str, value: str, end: int) -> re.Match[str] | None:
    if not (1 <= len(value) <= 3 and all(is_kanji(ch) for ch in value) and can_be_surname(value)):
        return None
    rest = _KATAKANA_GIVEN_AFTER.match(text, end)
    return rest if rest and (can_be_given_name(rest.group("rest")) or not known_word(rest.group("rest"))) else None


@lru_cache(maxsize=1)
def _max_surname_length() -> int:
    return max((len(s) for s in surnames()), default=3)


# Old and variant forms written in names (濱田, 髙橋, 宮﨑, 渡邊): folded one
# character to one character, so offsets do not move.
_VARIANTS = str.maketrans(
    {
        **dict(zip("濱髙﨑邊邉齋齊澤嶋廣櫻籐蘒冨瀨曻德眞淺埜", "浜高崎辺辺斎斉沢島広桜藤荻富瀬昇徳真浅野")),
        "\U00020bb7": "吉",
    }
)


def starts_with_surname(run: str) -> int:
    """Length of the longest known surname that ``run`` starts with (0 if none)."""
    known = surnames()
    run = run.translate(_VARIANTS)
    for size in range(min(_max_surname_length(), len(run)), 0, -1):
        if run[:size] in known:
            return size
    return 0


def _strip_trailing_titles(text: str, start: int, end: int) -> int:
    while True:
        while end > start and text[end - 1] in " \u3000":
            end -= 1
        if not text.endswith(_TRAILING_TITLES, start, end):
            return end
        title = next(t for t in _TRAILING_TITLES if text.endswith(t, start, end))
        if end - start <= len(title):
            return end
        end -= len(title)


# A particle written onto the next word after a name: 山田 が対応, 広瀬 に確認 (not きよ子, あゆ美).
_PARTICLE_THEN_WORD = re.compile(f"(?:が|に|は|を|へ|と|も|で|の|より|から)[{KANJI}]")


def particle_then_word(word: str) -> bool:
    """が対応, に確認: a particle and the clause after a name, never a part of it."""
    return _PARTICLE_THEN_WORD.match(word) is not None


_KANA_OR_LATIN_READING = set(" \u3000・･,.，、'-")


_POSTS = frozenset(honorifics.POSTS_AFTER_NAME + honorifics.STAFF_OCCUPATIONS)


def is_post(word: str) -> bool:
    """A staff member's post or occupation (リーダー, 師長, ナース), as a bracket after a name may hold it."""
    return word.strip() in _POSTS


def looks_like_reading(text: str) -> bool:
    """A parenthesised kana or romaji rendering of a name (no kanji, no digits)."""
    stripped = text.strip()
    if not stripped:
        return False
    # "(CT)", "(MD)", "(RT)": a job title abbreviation, not a romaji reading; nor is a post (溝口(リーダー)).
    if stripped.isascii() and stripped.isupper() and len(stripped) <= 3:
        return False
    if is_post(stripped):
        return False
    letters = 0
    for ch in stripped:
        if is_hiragana(ch) or is_katakana(ch) or is_latin(ch):
            letters += 1
        elif ch not in _KANA_OR_LATIN_READING:
            return False
    return letters >= 2
