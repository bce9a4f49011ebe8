"""Person names, shared part: surnames, titles, and names read after a label.

Outside label context a name is accepted only when it starts with a known
surname (data/rules/surnames.txt plus Faker's ja_JP surnames) or is written in
katakana, so that words such as 患者様 or 関係者様 are not taken for names.
A kana or romaji reading in parentheses right after a name is its own
NAME_READING span, without the parentheses.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from phi_core.extractors.recognition.candidates import RANK_LABEL, Candidate
from phi_core.japanese import honorifics
from phi_core.japanese.chars import KANJI, KATAKANA, is_hiragana, is_katakana, is_latin
from phi_core.japanese.eras import ERA_LETTERS, ERA_NAMES
from phi_core.japanese.organisations import LEGAL_FORMS

SURNAME_FILE = Path(__file__).resolve().parents[3] / "data" / "rules" / "surnames.txt"

# Titles and job names written in front of a name inside a label value.
_LEADING_TITLES = re.compile(
    "(?:"
    + "|".join(f"{re.escape(t)}\\.?" for t in honorifics.LATIN_LEADING_TITLES if t not in ("Mr", "Mrs", "Ms"))
    + "|"
    + honorifics.alternation(honorifics.LEADING_TITLES)
    + ")[ \u3000]*"
    # Any other occupation, kanji ending in 士 or 師 among them, when a space sets it apart (診療情報管理士 ラミレス 香),
    # and a post with its department before it (腎臓内科医長 石毛).
    + f"|(?:[{KANJI}]{{1,8}}[科部室課])?(?:"
    + honorifics.alternation(tuple(w for w in honorifics.STAFF_OCCUPATIONS if not w.isascii()))
    + f"|[{KANJI}]{{1,7}}[士師])[ \u3000]+"
)
# Titles and honorifics written after a name; never part of the span (印: the seal mark after a signature).
_TRAILING_TITLES = honorifics.longest_first(
    honorifics.words("person", "clinician", "letter", "position", "latin", exclude=("さま", "君", "MD")) + ("印",)
)
_NAME_STOPS = set('（()）、,，。/／\n"\\:：;；【】[]「」*')
# What stands where a person's name would, saying nobody or everybody (実施者：全員, 判定者：不在).
NOT_A_NAME = frozenset(
    "なし 無し 不明 未記載 記載なし - — 不在 未定 同上 以下 休み 交代 全員 本人 家族 各位 一同".split()
)
_DEPARTMENT_IN_PARENS = re.compile(f"[{KANJI}{KATAKANA}]*?科")
_MAX_NAME = 30
# A side opens a finding, never a name (読影：左 U 領域 FAD).
SIDES = frozenset({"左", "右", "両側", "左右", "両"})
# A sign-off label is followed by a date as often as by a name (作成：令和8年12月4日, 記載：R8.12.4 山田).
_DATE_START = re.compile(rf"(?:{'|'.join(ERA_NAMES)})[0-9０-９元]|[{ERA_LETTERS}][0-9０-９]{{1,2}}[./．年]|[0-9０-９]")
_ERA_DATE_AFTER_SPACE = re.compile(rf"[ \u3000](?=(?:{'|'.join(ERA_NAMES)})[0-9０-９元])")
_MAX_JAPANESE_NAME = 12
_MAX_KATAKANA_NAME = 24


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


@lru_cache(maxsize=4096)
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


def can_be_particle(word: str) -> bool:
    """より, から: SudachiDict (when installed) lists ``word`` as a particle or an auxiliary verb."""
    from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

    return sudachi_available() and any(pos[0] in ("助詞", "助動詞") for pos in sudachi_lookup(word))


@lru_cache(maxsize=4096)
def can_be_given_name(word: str) -> bool:
    """SudachiDict (when installed) lists ``word`` as a given name (人名,名)."""
    from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

    return sudachi_available() and any(pos[1:4] == ("固有名詞", "人名", "名") for pos in sudachi_lookup(word))


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


_NAME_RUN_RE = re.compile("[^" + re.escape("".join(sorted(_NAME_STOPS))) + "0-9０-９]*")


def _name_end(text: str, start: int, limit: int) -> int:
    return _NAME_RUN_RE.match(text, start, limit).end()


_HONORIFIC_INSIDE_RE = re.compile(
    honorifics.alternation(
        honorifics.words("person", "clinician", "letter", exclude=("さま", "氏", "君", "くん", "ちゃん", "侍史"))
    )
    + "|Dr(?![a-z])|より|から"
)


def _cut_at_honorific(text: str, start: int, end: int) -> int:
    match = _HONORIFIC_INSIDE_RE.search(text, start + 1, end)
    return match.start() if match else end


# "NISHIDA, SHOTA", "WATANABE, Mikako": family name, comma, given name.
_LATIN_COMMA_NAME_RE = re.compile(r"[A-Z][A-Za-z'-]+, ?[A-Z][A-Za-z'-]+(?![A-Za-z])")


def _plausible_name(value: str) -> bool:
    """Label values can run into prose ("担当医: Dr.佐藤）からの..."): keep names short."""
    compact = value.replace(" ", "").replace("\u3000", "")
    if all(is_latin(ch) or ch in " ,.-'" for ch in value):
        return len(compact) <= _MAX_NAME
    if all(is_katakana(ch) or ch in " \u3000・･=＝" for ch in value):
        # a foreign name spelt in katakana runs longer (ボルドバートル ナランツェツェグ)
        return len(compact) <= _MAX_KATAKANA_NAME
    return len(compact) <= _MAX_JAPANESE_NAME


def _closing_paren(text: str, open_at: int, limit: int) -> int:
    for index in range(open_at + 1, min(limit, open_at + 60)):
        if text[index] in "）)】]":
            return index
        if text[index] == "\n":
            return -1
    return -1


_SEX_WORDS = ("男性", "女性", "男児", "女児", "男", "女")
_RELATION_WORDS = (
    "母親",
    "父親",
    "配偶者",
    "長男",
    "長女",
    "次男",
    "次女",
    "三男",
    "三女",
    "息子",
    "祖母",
    "祖父",
    "母",
    "父",
    "妻",
    "夫",
    "娘",
    "兄",
    "姉",
    "弟",
    "妹",
    "家族",
)
_TOKEN_RE = re.compile("[^ \u3000]+")


_LATIN_NAME_WORD = re.compile(r"[A-ZÀ-Þ][A-Za-zÀ-ÿ'\-]+")
# Words that end a Latin name rather than continue it: a sex, a title, a unit of the ward.
_NOT_NAME_WORDS = frozenset("Male Female MALE FEMALE MD PhD RN Dr DR Ns NS Jr Sr MSW PSW".split())


# A particle written onto the next word after a name: 山田 が対応, 広瀬 に確認 (not きよ子, あゆ美).
_PARTICLE_THEN_WORD = re.compile(f"(?:が|に|は|を|へ|と|も|で|の|より|から)[{KANJI}]")


def particle_then_word(word: str) -> bool:
    """が対応, に確認: a particle and the clause after a name, never a part of it."""
    return _PARTICLE_THEN_WORD.match(word) is not None


def _latin_name_word(word: str) -> bool:
    # A middle initial counts as a word of the name (Thomas R. BAKER).
    return bool(_LATIN_NAME_WORD.fullmatch(word) or re.fullmatch(r"[A-Z]\.", word)) and word not in _NOT_NAME_WORDS


# A middle dot between kanji lists two names (日比野 健太・日比野 唯); between katakana it joins one (ファム・ティ).
_DOT_BETWEEN_KANJI = re.compile(f"(?<=[{KANJI}])[・･](?=[{KANJI}])")


def _name_tokens_end(text: str, start: int, end: int) -> int:
    """Keep at most two whitespace-separated name tokens ("鈴木　健太 様　男性" -> "鈴木　健太")."""
    kept_end = start
    tokens = list(_TOKEN_RE.finditer(text, start, end))
    # Latin names run to more words (Vo Thanh Long, SILVA ANA PAULA, Maria Dela Cruz): up to four capitalised ones.
    most = 2
    while (
        most < min(4, len(tokens))
        and all(_latin_name_word(t.group()) for t in tokens[: most + 1])
        and tokens[most].start() - tokens[most - 1].end() == 1  # one space: a wider gap starts the next field
    ):
        most += 1
    for count, token in enumerate(tokens):
        word = token.group()
        if (
            count == most
            or particle_then_word(word)
            or word in _SEX_WORDS
            or word.startswith(_TRAILING_TITLES)
            or word in ("TEL", "Tel", "ID")
        ):
            break
        kept_end = token.end()
    return kept_end


def _after_company(text: str, start: int, limit: int) -> int:
    """Where the person starts after their employer: 作業者：㈱関東電設サービス Vo Thanh Long."""
    token = _TOKEN_RE.match(text, start, limit)
    if token is None or token.end() >= limit or not any(form in token.group() for form in LEGAL_FORMS):
        return start
    end = token.end()
    while end < limit and text[end] in " \u3000":
        end += 1
    return end


def _department_prefix(text: str, start: int, limit: int) -> int:
    """End of a leading department word ("呼吸器外科 Dr.田中"), or ``start`` if none."""
    token = _TOKEN_RE.match(text, start, limit)
    if token and len(token.group()) >= 2 and token.group().endswith("科"):
        return token.end()
    return start


def parse_labelled_name(text: str, start: int, limit: int, category: str, relation_ok: bool = False) -> list[Candidate]:
    """Read one or more names from a label value (e.g. ``Dr. 清水 玲子（内分泌内科）``)."""
    found: list[Candidate] = []
    pos = start
    while pos < limit:
        while pos < limit and text[pos] in " \u3000\"'":
            pos += 1
        if category == "PHYSICIAN_NAME":
            dept_end = _department_prefix(text, pos, limit)
            if dept_end > pos:
                found.append(Candidate(pos, dept_end, "DEPARTMENT", RANK_LABEL))
                pos = dept_end
                while pos < limit and text[pos] in " \u3000":
                    pos += 1
        if relation_ok:
            for word in _RELATION_WORDS:
                if text.startswith(word, pos) and pos + len(word) < limit and text[pos + len(word)] in " \u3000":
                    pos += len(word) + 1
                    break
        title = _LEADING_TITLES.match(text, pos, limit)
        while title and title.end() > pos:
            pos = title.end()
            title = _LEADING_TITLES.match(text, pos, limit)
        if _DATE_START.match(text, pos, limit):
            break
        pos = _after_company(text, pos, limit)
        raw_end = _name_end(text, pos, limit)
        era = _ERA_DATE_AFTER_SPACE.search(text, pos, raw_end + 1)
        if era and era.start() < raw_end:
            raw_end = era.start()  # 署名 池田恵理子　令和7年8月4日: the date after the name is no part of it
        dot = _DOT_BETWEEN_KANJI.search(text, pos, raw_end)
        if dot:
            raw_end = dot.start()  # 日比野 健太・日比野 唯: two names listed, not one
        comma = _LATIN_COMMA_NAME_RE.match(text, pos, limit)
        if comma:
            raw_end = comma.end()
        if not all(is_latin(ch) or ch in " ,.-'" for ch in text[pos:raw_end]):
            raw_end = _cut_at_honorific(text, pos, raw_end)
        end = _strip_trailing_titles(text, pos, _name_tokens_end(text, pos, raw_end))
        value = text[pos:end]
        if not value or value in NOT_A_NAME or len(value) > _MAX_NAME or value.split()[0] in SIDES:
            break
        if not any(ch.isalpha() for ch in value) or not _plausible_name(value):
            break
        found.append(Candidate(pos, end, category, RANK_LABEL))
        after = raw_end
        while after < limit and text[after] in " \u3000":
            after += 1
        if after < limit and text[after] in "（(【[":
            close = _closing_paren(text, after, limit)
            if close > after:
                found.extend(_parenthesised(text, after + 1, close, category))
                after = close + 1
        if dot and dot.start() == raw_end:
            pos = dot.end()
            continue
        # Several names in one value ("Dr.A、Dr.B") continue after a comma.
        if after < limit and text[after] in "、,，／/" and not relation_ok:
            following = after + 1
            while following < limit and text[following] in " \u3000":
                following += 1
            if text.startswith(("Dr", "DR"), following):
                pos = following
                continue
        break
    return found


_ENGLISH_DEPARTMENT_IN_PARENS = re.compile(r"[A-Z][a-z]+(?: (?:[A-Z][a-z]+|and|&))*")


def _parenthesised(text: str, start: int, end: int, category: str) -> list[Candidate]:
    inner = text[start:end]
    name_is_latin = text[max(0, start - 2)].isascii()
    if name_is_latin and inner.isascii():
        # "GOTO SHOHEI (Radiology)": a romaji name has no reading; a capitalised word is the department.
        if (
            category == "PHYSICIAN_NAME"
            and _ENGLISH_DEPARTMENT_IN_PARENS.fullmatch(inner.strip())
            and "Radiolog" not in inner
        ):  # the reading department identifies nobody
            return [Candidate(start, end, "DEPARTMENT", RANK_LABEL)]
        return []
    if looks_like_reading(inner):
        left = start + (len(inner) - len(inner.lstrip()))
        right = end - (len(inner) - len(inner.rstrip()))
        return [Candidate(left, right, "NAME_READING", RANK_LABEL)]
    if category == "PHYSICIAN_NAME":
        match = _DEPARTMENT_IN_PARENS.fullmatch(text, start, end)
        # The reading radiologist's own department (放射線科) is in every report
        # and identifies nobody; a title ("放射線科部長") is not a department.
        if match and match.end() - match.start() >= 2 and not match.group().startswith("放射線"):
            return [Candidate(match.start(), match.end(), "DEPARTMENT", RANK_LABEL)]
    return []


_KANA_OR_LATIN_READING = set(" \u3000・･,.，、'-")


def looks_like_reading(text: str) -> bool:
    """A parenthesised kana or romaji rendering of a name (no kanji, no digits)."""
    stripped = text.strip()
    if not stripped:
        return False
    # "(CT)", "(MD)", "(RT)": a job title abbreviation, not a romaji reading.
    if stripped.isascii() and stripped.isupper() and len(stripped) <= 3:
        return False
    letters = 0
    for ch in stripped:
        if is_hiragana(ch) or is_katakana(ch) or is_latin(ch):
            letters += 1
        elif ch not in _KANA_OR_LATIN_READING:
            return False
    return letters >= 2
