"""Person names: after a label, after "Dr.", before an honorific, after a role word.

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

from .candidates import RANK_LABEL, RANK_PATTERN, Candidate
from .recognizer import Document, Recognizer, register
from phi_core.japanese import honorifics
from phi_core.japanese.chars import HALF_WIDTH_KATAKANA, HIRAGANA_LETTERS, UNIFIED_KANJI
from phi_core.japanese.width import nfkc

from .chars import KANJI, KATAKANA, NAME_CHARS, is_hiragana, is_kanji, is_katakana, is_latin, looks_like_reading

SURNAME_FILE = Path(__file__).resolve().parents[3] / "data" / "rules" / "surnames.txt"

# Titles and job names written in front of a name inside a label value.
_LEADING_TITLES = re.compile(
    "(?:"
    + "|".join(f"{re.escape(t)}\\.?" for t in honorifics.LATIN_LEADING_TITLES if t not in ("Mr", "Mrs", "Ms"))
    + "|"
    + honorifics.alternation(honorifics.LEADING_TITLES)
    + ")[ \u3000]*"
)
# Titles and honorifics written after a name; never part of the span (印: the seal mark after a signature).
_TRAILING_TITLES = honorifics.longest_first(
    honorifics.words("person", "clinician", "letter", "position", "latin", exclude=("さま", "君", "MD")) + ("印",)
)
_NAME_STOPS = set('（()）、,，。/／\n"\\:：;；【】[]「」*')
_EMPTY_VALUES = {"なし", "不明", "未記載", "記載なし", "-", "—"}
_DEPARTMENT_IN_PARENS = re.compile(f"[{KANJI}{KATAKANA}]*?科")
_MAX_NAME = 30
_MAX_JAPANESE_NAME = 12


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


def _name_tokens_end(text: str, start: int, end: int) -> int:
    """Keep at most two whitespace-separated name tokens ("鈴木　健太 様　男性" -> "鈴木　健太")."""
    kept_end = start
    for count, token in enumerate(_TOKEN_RE.finditer(text, start, end)):
        word = token.group()
        if count == 2 or word in _SEX_WORDS or word.startswith(_TRAILING_TITLES) or word in ("TEL", "Tel", "ID"):
            break
        kept_end = token.end()
    return kept_end


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
        raw_end = _name_end(text, pos, limit)
        comma = _LATIN_COMMA_NAME_RE.match(text, pos, limit)
        if comma:
            raw_end = comma.end()
        if not all(is_latin(ch) or ch in " ,.-'" for ch in text[pos:raw_end]):
            raw_end = _cut_at_honorific(text, pos, raw_end)
        end = _strip_trailing_titles(text, pos, _name_tokens_end(text, pos, raw_end))
        value = text[pos:end]
        if not value or value in _EMPTY_VALUES or len(value) > _MAX_NAME:
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


# --- names in running text -----------------------------------------------------

_DR_RE = re.compile(
    f"D(?<![A-Za-z].)[rR]\\.?[ \u3000]?(?P<name>[{KANJI}]{{1,6}}(?:[ \u3000][{KANJI}]{{1,3}})?"
    f"|[A-Z][a-z]+(?: [A-Z][a-z]+)?|[{KATAKANA}]{{2,}})"
)
_HONORIFIC_RE = re.compile(
    honorifics.alternation(honorifics.words("person", "clinician", exclude=("さま",))) + "|Dr(?![A-Za-z.])"
)
_PHYSICIAN_HONORIFICS = {*honorifics.words("clinician"), "Dr"}
# 氏 after katakana is usually an eponym ("ウィリス氏動脈輪"), not a person here.
_KATAKANA_HONORIFICS = set(honorifics.words("person", "clinician", exclude=("さま", "氏", "君")))
_NAME_HONORIFICS = honorifics.words("person", exclude=("さま", "殿", "君"))
_INITIALS_RE = re.compile(
    r"[A-Z](?<![A-Za-z.].)\.[ ]?(?:[A-Z]\.[ ]?){0,2}(?=" + honorifics.alternation(_NAME_HONORIFICS) + ")"
)
_LABELLED_INITIALS_RE = re.compile(
    r"(?:イニシャル|[Ii]nitials?)[：:\s]*(?P<initials>[A-Z]\.?\s?[A-Z]\.?(?:\s?[A-Z]\.)?)(?![A-Za-z])"
    r"|(?<![\x00-\x7f])(?P<bare>[A-Z]\.[A-Z]\.)(?![A-Za-z])"
)
_QUOTED_READING_RE = re.compile(
    "(?:氏名|名前|フリガナ|ふりがな)(?:が|は|：|:)?[「『](?P<reading>[^」』\n]{2,24})[」』]"
)
# "担当医の森本です", "救急科の山田より": anchored on の, role checked before it.
_ROLE_RE = re.compile(f"の(?P<name>[{KANJI}]{{1,5}})(?=より|から|です|として|が|に|は|へ|、|。|\\*|\\s|$)")
_ROLE_WORDS = ("担当医", "主治医", "担当", "当直医", "当直", "救急", "執刀医", "科")
_RELATION_RE = re.compile(
    "(?:母親|父親|母|父|妻|夫|長男|長女|次男|次女|三男|三女|息子|娘|兄|姉|弟|妹|祖母|祖父|配偶者|家族)"
    f"[（(](?P<name>[{NAME_CHARS}]+(?:[ \u3000][{NAME_CHARS}]+)?)(?=[、,，)）])"
)
# Group words that end like a name followed by an honorific but are not names.
_NOT_NAME_ENDINGS = ("者", "人", "族", "員", "方", "院", "科")
_MAX_GIVEN_KANJI = 3
_MAX_GIVEN_KANA = 6


def _accept_name(run: str, katakana_ok: bool = True, strong_cue: bool = False) -> bool:
    """A surname (+ a short given name), or a katakana name where allowed."""
    if not run:
        return False
    if all(is_katakana(ch) or ch in " \u3000" for ch in run) and run.count(" ") + run.count("\u3000") <= 1:
        return katakana_ok and len(run.replace("・", "")) >= 2 and not run.startswith(("ー", "・", " ", "\u3000"))
    size = starts_with_surname(run)
    if not size:
        return False
    given = run[size:].lstrip(" \u3000")
    if not given:
        return True
    # Group words (関係者, 家族, 職員) end like this; given names such as 直人 are longer.
    if len(given) == 1 and given in _NOT_NAME_ENDINGS:
        return False
    if size == 1 and not strong_cue:
        # One-kanji surnames (星, 森, 原 ...) also start ordinary words: "星芒状様" means star-shaped.
        return False
    if all(is_kanji(ch) for ch in given):
        return len(given) <= _MAX_GIVEN_KANJI
    if all(is_katakana(ch) or is_hiragana(ch) for ch in given):
        return len(given) <= _MAX_GIVEN_KANA
    # Mixed given names: くみ子, 奈々, あや乃.
    return all(is_kanji(ch) or is_hiragana(ch) for ch in given) and len(given) <= 4


def _name_before(text: str, end: int, katakana_ok: bool) -> tuple[int, int] | None:
    """The name written right before an honorific at ``end``, if any."""
    while end > 0 and text[end - 1] in " \u3000":
        end -= 1
    start = end
    spaces = 0
    while start > 0 and end - start < 14:
        ch = text[start - 1]
        if is_kanji(ch) or is_katakana(ch) or is_hiragana(ch):
            start -= 1
        elif (
            ch in " \u3000"
            and spaces == 0
            and start < end
            and start >= 2
            and (is_kanji(text[start - 2]) or (is_katakana(text[start - 2]) and is_katakana(text[start])))
        ):
            spaces += 1
            start -= 1
        else:
            break
    while start < end and text[start] in " \u3000":
        start += 1
    # Leading words ("患者", "担当医") are dropped by trying later starting points.
    for offset in range(start, end):
        run = text[offset:end]
        if _accept_name(run, katakana_ok and _katakana_cue(text, offset, run)):
            return offset, end
    return None


def _katakana_cue(text: str, offset: int, run: str) -> bool:
    """Katakana before 様 is often a word ("ガラス様" = glass-like); ask for a cue."""
    if "・" in run or (" " in run or "\u3000" in run):
        return True
    before = text[max(0, offset - 3) : offset]
    return before.endswith(("患者", "患者の")) or (offset > 0 and text[offset - 1] in "：: \u3000")


def prose_name_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for match in _DR_RE.finditer(text):
        start, end = match.span("name")
        end = _strip_trailing_titles(text, start, end)
        if end > start:
            found.append(Candidate(start, end, "PHYSICIAN_NAME", RANK_PATTERN))
    for match in _HONORIFIC_RE.finditer(text):
        honorific = match.group()
        span = _name_before(text, match.start(), katakana_ok=honorific in _KATAKANA_HONORIFICS)
        if span:
            category = "PHYSICIAN_NAME" if match.group() in _PHYSICIAN_HONORIFICS else "PATIENT_NAME"
            if category == "PATIENT_NAME" and _after_relation(text, span[0]):
                category = "EMERGENCY_CONTACT"
            found.append(Candidate(span[0], span[1], category, RANK_PATTERN))
    for match in _INITIALS_RE.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] == " ":
            end -= 1
        found.append(Candidate(match.start(), end, "PATIENT_NAME", RANK_PATTERN))
    for match in _LABELLED_INITIALS_RE.finditer(text):
        group = "initials" if match.group("initials") else "bare"
        found.append(Candidate(match.start(group), match.end(group), "PATIENT_NAME", RANK_PATTERN))
    for match in _QUOTED_READING_RE.finditer(text):
        if looks_like_reading(match.group("reading")):
            found.append(Candidate(match.start("reading"), match.end("reading"), "NAME_READING", RANK_PATTERN))
    for match in _ROLE_RE.finditer(text):
        name = match.group("name")
        if text.endswith(_ROLE_WORDS, 0, match.start()) and _accept_name(name):
            found.append(Candidate(match.start("name"), match.end("name"), "PHYSICIAN_NAME", RANK_PATTERN))
    for match in _RELATION_RE.finditer(text):
        name = match.group("name")
        if _accept_name(name.replace(" ", "").replace("\u3000", ""), strong_cue=True) or all(
            is_katakana(c) or is_latin(c) or c == " " for c in name
        ):
            found.append(Candidate(match.start("name"), match.end("name"), "EMERGENCY_CONTACT", RANK_PATTERN))
    return found


_RELATION_WORDS_RE = (
    "(?:母親|父親|配偶者|長男|長女|次男|次女|三男|三女|息子|祖母|祖父|家族|キーパーソン|母|父|妻|夫|娘|兄|姉|弟|妹)"
)


def _after_relation(text: str, start: int) -> bool:
    """ "長男の濱田裕太さん", "妻：佐藤明子": a relative, i.e. an emergency contact."""
    before = text[max(0, start - 8) : start]
    return bool(re.search(_RELATION_WORDS_RE + "(?:の|：|:|は|（|\\()?[ \u3000]?$", before))


# A role word, then the name: "担当医 服部翔太", "院長 中村　くみ子", "主治医 鈴木美加子先生".
_ROLE_PREFIX_RE = re.compile(
    "(?:院長|副院長|担当医|主治医|診断医|記載医|執刀医|読影医|依頼医|報告者|記録者|担当看護師|看護師|技師|担当|医師|確認|"
    f"以上、|依頼は|依頼者は|(?:MD|M\\.D\\.) ?/ ?|(?<![^ \u3000\n」])[{UNIFIED_KANJI}]{{1,8}}(?:科|部)(?=[ \u3000])|"
    "Dr\\.?|Ns\\.?)[ \u3000:：]{0,2}(?:(?:医師|看護師|技師|Dr\\.?|Ns\\.?)[ \u3000]?)?"
    f"(?P<name>[{KANJI}]{{1,4}}[ \u3000]?[{KANJI}{HIRAGANA_LETTERS}{KATAKANA}]{{1,5}}|[{KATAKANA}]{{2,8}}[ \u3000][{KATAKANA}]{{1,8}}|[{KATAKANA}]{{3,12}})"
)
_RELATION_NAME_RE = re.compile(
    _RELATION_WORDS_RE + "(?:の|：|:|は|(?=[ \u3000]))[ \u3000]?"
    f"(?P<name>[{KANJI}]{{1,4}}[ \u3000]?[{KANJI}{HIRAGANA_LETTERS}{KATAKANA}]{{0,5}}|[{KATAKANA}]{{2,8}}[ \u3000][{KATAKANA}]{{1,8}}"
    f"|[{KATAKANA}]{{3,12}})"
)


def _best_name(text: str, start: int, end: int, strong_cue: bool = True) -> int:
    """End of the longest accepted name starting at ``start`` and ending at most at ``end``."""
    for stop in range(end, start + 1, -1):  # two characters at least: "記" after 医師 is no name
        run = text[start:stop]
        if run[-1] in " \u3000":
            continue
        if _accept_name(run, katakana_ok=True, strong_cue=strong_cue) and not _is_title_tail(run):
            return stop
    return start


def _is_title_tail(run: str) -> bool:
    return run.endswith(_TRAILING_TITLES)


_INNER_TITLE_RE = re.compile(
    honorifics.alternation(honorifics.words("person", "clinician", "letter", exclude=("さま", "氏", "君", "侍史")))
    + "|Dr(?![a-z])|より|から|が|は|に|の|と|を|へ|で"
)


def cut_at_title(text: str, start: int, end: int) -> int:
    """A name ends where a title, honorific or particle follows it ("松本恵美Drより" -> "松本恵美")."""
    match = _INNER_TITLE_RE.search(text, start + 2, end)
    return match.start() if match else end


# "妻の花子さん", "長男の健太さん": a relative named by the given name alone.
_GIVEN_ENDINGS = tuple("子美恵代江枝奈菜香花里理乃郎朗男夫雄生也哉太介輔助樹貴彦司治明博之人平吾")
_RELATIVE_HONORIFICS = honorifics.words("person", exclude=("さま", "殿", "氏", "君"))
_RELATIVE_GIVEN_RE = re.compile(
    _RELATION_WORDS_RE
    + f"の(?P<name>[{KANJI}]{{1,3}}|[{HIRAGANA_LETTERS}]{{2,4}}|[{KATAKANA}]{{2,5}})(?="
    + honorifics.alternation(_RELATIVE_HONORIFICS)
    + ")"
)
_ENGLISH_RELATIVE_RE = re.compile(
    r"(?:[Hh]is|[Hh]er|[Tt]he patient's)? ?(?:wife|husband|son|daughter|mother|father|sister|brother|spouse|partner)"
    r"[,:]? (?:Mr\.? |Ms\.? |Mrs\.? )?(?P<name>[A-Z][a-z]+ [A-Z][a-z]+|[A-Z][a-z]+ [A-Z]{2,}|[A-Z]{2,} [A-Z][a-z]+)"
)


def role_prefixed_names(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for match in _NAME_THEN_RELATION_RE.finditer(text):
        start, end = match.span("name")
        name = match.group("name")
        if name.isascii():
            if not any(w.strip(",") in _NOT_ROMAJI_NAMES for w in name.split()):
                found.append(Candidate(start, end, "EMERGENCY_CONTACT", RANK_PATTERN))
            continue
        for offset in range(start, end - 1):
            if text[offset] not in " \u3000" and _accept_name(text[offset:end], strong_cue=True):
                found.append(Candidate(offset, end, "EMERGENCY_CONTACT", RANK_PATTERN))
                break
    for match in _RELATIVE_GIVEN_RE.finditer(text):
        name = match.group("name")
        if not all(is_kanji(ch) for ch in name) or name.endswith(_GIVEN_ENDINGS) or starts_with_surname(name):
            found.append(Candidate(match.start("name"), match.end("name"), "EMERGENCY_CONTACT", RANK_PATTERN))
    for match in _ENGLISH_RELATIVE_RE.finditer(text):
        if not any(word in _NOT_ROMAJI_NAMES for word in match.group("name").split()):
            found.append(Candidate(match.start("name"), match.end("name"), "EMERGENCY_CONTACT", RANK_PATTERN))
    for match in _ROLE_PREFIX_RE.finditer(text):
        start, end = match.span("name")
        end = _strip_trailing_titles(text, start, cut_at_title(text, start, end))
        stop = _best_name(text, start, end)
        if stop > start:
            found.append(Candidate(start, stop, "PHYSICIAN_NAME", RANK_PATTERN))
    for match in _RELATION_NAME_RE.finditer(text):
        start, end = match.span("name")
        stop = _best_name(text, start, _strip_trailing_titles(text, start, cut_at_title(text, start, end)))
        if stop > start:
            found.append(Candidate(start, stop, "EMERGENCY_CONTACT", RANK_PATTERN))
    return found


# --- romaji, half-width katakana and caret-separated names -------------------------

_ROMAJI = "(?:[A-Z]\\. ?[A-Z][a-z]+|[A-Z][a-z]+ [A-Z][a-z]+|[A-Z]{2,}(?:, ?| )[A-Z][a-z]+|[A-Z]{2,}(?:, ?| )[A-Z]{2,}|[A-Z][a-z]+ [A-Z]{2,}|[A-Z][a-z]{2,})"
# A cue before ("Dr. Y. Ohashi", "Mr. Taro Yamada", "Reported by") or a degree after ("Y. Ohashi, MD").
_ROMAJI_BEFORE_RE = re.compile(
    "(?:(?<![A-Za-z])(?:Dr|Mr|Ms|Mrs|Miss|Prof)\\.? ?|(?:[Rr]eported|[Ss]igned|[Rr]ead|[Dd]ictated|[Rr]eferred|[Oo]rdered"
    "|[Aa]pproved|[Ii]nterpreted|[Rr]eviewed|[Pp]erformed|[Ee]xamined|[Vv]erified) by:? ?)(?P<name>" + _ROMAJI + ")"
)
_ROMAJI_AFTER_RE = re.compile("(?<![A-Za-z.])(?P<name>" + _ROMAJI + "),? (?:MD|M\\.D\\.|PhD|RN|RT)(?![A-Za-z])")
_HALF_WIDTH_NAME_RE = re.compile(f"[{HALF_WIDTH_KATAKANA}]{{2,}}(?:[ \u3000][{HALF_WIDTH_KATAKANA}]{{1,}})?")
_CARET_NAME_RE = re.compile(
    f"(?<![A-Za-z0-9^])(?:[A-Z][A-Za-z]+|[{KATAKANA}]{{2,}}|[{KANJI}]{{1,4}})\\^(?:[A-Z][A-Za-z]+|[{KATAKANA}]{{1,}}|[{KANJI}{HIRAGANA_LETTERS}]{{1,4}})(?![A-Za-z0-9])"
)
# Header and system words legacy screens write in half-width katakana.
_HALF_WIDTH_WORDS = frozenset(
    {"フリガナ", "カナ", "シメイ", "カナシメイ", "カルテ", "カンジャ", "カンジャメイ", "ヨミ", "セイベツ", "ナマエ"}
)
_ROMAJI_BEFORE_CUES = ("Dr", "Mr", "Ms", "Miss", "Prof", " by")
_ROMAJI_AFTER_CUES = ("MD", "M.D.", "PhD", "RN", "RT")
_HALF_WIDTH_RE = re.compile(f"[{HALF_WIDTH_KATAKANA}]")
_HL7_LINE_RE = re.compile(r"[A-Z][A-Z0-9]{2}\|")
_NOT_ROMAJI_NAMES = frozenset(
    {
        "The",
        "This",
        "That",
        "Male",
        "Female",
        "Man",
        "Woman",
        "Our",
        "Your",
        "His",
        "Her",
        "Dear",
        "These",
        "There",
        "No",
        "Impression",
        "Findings",
        "Report",
        "Clinical",
        "History",
        "Technique",
        "Comparison",
        "Conclusion",
        "Radiology",
        "Department",
        "Hospital",
        "Clinic",
        "Medical",
        "Center",
        "General",
        "City",
        "Central",
        "Memorial",
        "University",
        "Attending",
        "Physician",
        "Doctor",
        "Patient",
        "Study",
        # Field and header words (DICOM and export dumps): "Patient Birth Date" names nobody.
        "Birth",
        "Date",
        "Name",
        "Names",
        "Sex",
        "Age",
        "Size",
        "Weight",
        "Address",
        "Comments",
        "Position",
        "Telephone",
        "Numbers",
        "Series",
        "Instance",
        "Time",
        "Description",
        "Modality",
        "Number",
        "Identity",
        "Removed",
        "Other",
        "Mother",
        "Maiden",
        "Insurance",
        "Plan",
        "Code",
        "Sequence",
        "Institution",
        "Station",
        "Device",
        "Serial",
        "Referring",
        "Requesting",
        "Performing",
        "Reading",
        "Operators",
        "Admitting",
        "Diagnoses",
        "Accession",
        "Body",
        "Part",
        "Examined",
        "Protocol",
        "Contrast",
        "Bolus",
        "Agent",
        "Manufacturer",
        "Model",
        "Software",
        "Reason",
        "Requested",
        "Procedure",
        "Scheduled",
        "Status",
        "Type",
        "Value",
        "Units",
        "Id",
        "ID",
    }
)


_ROMAJI_HONORIFIC_RE = re.compile(
    r"(?<![A-Za-z])(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)[- ](?P<title>san|sama|sensei|kun|chan|shi)(?![a-z])"
)
# "高橋 光一（58才、男性）": a name right before its age is the patient's.
_NAME_BEFORE_AGE_RE = re.compile(
    f"(?P<name>[{KANJI}]{{1,4}}[ \u3000]?[{KANJI}{HIRAGANA_LETTERS}{KATAKANA}]{{1,5}})"
    f"(?:[ \u3000]?[（(]|[,、][ \u3000]?)[0-9０-９]{{1,3}}(?:[歳才]| ?y/o|-year| ?yo\\b| ?y\\b)"
)
# "平野　直人（肝臓内科）": a name right before a department in brackets is a doctor's.
_NAME_BEFORE_DEPT_RE = re.compile(
    f"(?P<name>[{KANJI}]{{1,4}}[ \u3000]?[{KANJI}{HIRAGANA_LETTERS}{KATAKANA}]{{1,5}})[ \u3000]?[（(](?P<dept>[{KANJI}{KATAKANA}・]{{1,10}}?科)[)）]"
)


def context_name_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for regex, category in ((_NAME_BEFORE_AGE_RE, "PATIENT_NAME"), (_NAME_BEFORE_DEPT_RE, "PHYSICIAN_NAME")):
        if regex is _NAME_BEFORE_DEPT_RE and "（" not in text and "(" not in text:
            break
        for match in regex.finditer(text):
            start, end = match.span("name")
            # The run may start with words before the name ("依頼は", "医師"): try later starts.
            for offset in range(start, end - 1):
                if text[offset] in " \u3000":
                    continue
                if _accept_name(text[offset:end], strong_cue=True):
                    relative = category == "PATIENT_NAME" and _after_relation(text, offset)
                    found.append(Candidate(offset, end, "EMERGENCY_CONTACT" if relative else category, RANK_PATTERN))
                    if category == "PHYSICIAN_NAME" and not match.group("dept").startswith("放射線"):
                        found.append(Candidate(match.start("dept"), match.end("dept"), "DEPARTMENT", RANK_PATTERN))
                    break
    return found


# "T. Yamada" needs no cue: an initial and a capitalised surname is a person.
_INITIAL_SURNAME_RE = re.compile(r"(?<![A-Za-z.])(?P<name>[A-Z]\. ?[A-Z][a-z]{2,}|[A-Z][a-z]{2,} [A-Z]\.)(?![A-Za-z])")
# "Taro Yamada, a 66-year-old man", "Taro YAMADA (66M)": a romaji name right before an age.
_ROMAJI_BEFORE_AGE_RE = re.compile(
    r"(?<![A-Za-z])(?P<name>[A-Z][a-z]+ [A-Z][a-z]+|[A-Z][a-z]+ [A-Z]{2,}|[A-Z]{2,},? [A-Z][a-z]+)"
    r"(?:,? (?:an? |aged )?[0-9]{1,3}(?:-year-old| y/o| yo\b| years? old|y\b)| \((?:[0-9]{1,3} ?[MF]|[MF],? ?[0-9]{1,3})\))"
)
_PATIENT_CUE_RE = re.compile(
    r"(?:[Pp]atient|[Pp]t\.?|Re:|RE:|Subject:)[ ,:]+(?P<name>[A-Z][a-z]+ [A-Z][a-z]+|[A-Z][a-z]+ [A-Z]{2,}|[A-Z]{2,},? [A-Z][a-z]+)"
)
# "Keiko Tanaka (wife)", "山田花子（妻）": a relation in brackets after a name.
_NAME_THEN_RELATION_RE = re.compile(
    f"(?<![A-Za-z{KATAKANA}])(?P<name>[A-Z][a-z]+ [A-Z][a-z]+|[A-Z]{{2,}},? [A-Z][a-z]+|[A-Z][a-z]+ [A-Z]{{2,}}|[{KANJI}]{{1,4}}[ \u3000]?[{KANJI}{HIRAGANA_LETTERS}]{{1,4}}"
    f"|[{KATAKANA}]{{2,8}}[ \u3000]?[{KATAKANA}]{{0,8}})[ \u3000]?[（(](?:{_RELATION_WORDS_RE}|wife|husband|son|daughter|mother|father|sister|brother|spouse)[)）、,]"
)
_INITIAL_STOP = frozenset({"Fig", "Vol", "No", "Dr", "Mr", "Ms", "St", "Jr", "Sr", "Coli", "Pylori"})


def romaji_name_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    if ". " in text or "." in text:
        for match in _INITIAL_SURNAME_RE.finditer(text):
            words = [w.strip(".") for w in match.group("name").split()]
            if any(w in _INITIAL_STOP or w in _NOT_ROMAJI_NAMES for w in words):
                continue
            found.append(Candidate(match.start("name"), match.end("name"), "PHYSICIAN_NAME", RANK_PATTERN - 1))
    for match in _ROMAJI_BEFORE_AGE_RE.finditer(text):
        if not any(w.strip(",") in _NOT_ROMAJI_NAMES for w in match.group("name").split()):
            found.append(Candidate(match.start("name"), match.end("name"), "PATIENT_NAME", RANK_PATTERN))
    for match in _PATIENT_CUE_RE.finditer(text):
        if not any(w.strip(",") in _NOT_ROMAJI_NAMES for w in match.group("name").split()):
            found.append(Candidate(match.start("name"), match.end("name"), "PATIENT_NAME", RANK_PATTERN))
    for match in _ROMAJI_HONORIFIC_RE.finditer(text):
        if match.group("name") in _NOT_ROMAJI_NAMES:
            continue
        category = "PHYSICIAN_NAME" if match.group("title") == "sensei" else "PATIENT_NAME"
        found.append(Candidate(match.start("name"), match.end("name"), category, RANK_PATTERN))
    for regex, category, cues in (
        (_ROMAJI_BEFORE_RE, "PHYSICIAN_NAME", _ROMAJI_BEFORE_CUES),
        (_ROMAJI_AFTER_RE, "PHYSICIAN_NAME", _ROMAJI_AFTER_CUES),
    ):
        if not any(cue in text for cue in cues):
            continue  # a C-speed check that saves a regex scan of the whole text
        for match in regex.finditer(text):
            name = match.group("name")
            if any(word.strip(",.") in _NOT_ROMAJI_NAMES for word in name.split()):
                continue
            cue = text[max(0, match.start() - 4) : match.start("name")]
            if regex is _ROMAJI_BEFORE_RE and re.search("M(?:r|s|rs)|Miss", cue):
                category = "PATIENT_NAME"
            found.append(Candidate(match.start("name"), match.end("name"), category, RANK_PATTERN))
    return found


def _script_of(value: str) -> str:
    if value.isascii():
        return "latin"
    if all(is_katakana(ch) for ch in value):
        return "katakana"
    return "kanji" if all(is_kanji(ch) or is_hiragana(ch) for ch in value) else "mixed"


def kana_form_candidates(text: str) -> list[Candidate]:
    """Half-width katakana runs (legacy systems write names this way) and ``FAMILY^GIVEN``."""
    found: list[Candidate] = []
    if _HALF_WIDTH_RE.search(text):
        for match in _HALF_WIDTH_NAME_RE.finditer(text):
            if nfkc(match.group()) in _HALF_WIDTH_WORDS:
                continue
            before = text[match.start() - 1 : match.start()] if match.start() else ""
            category = "NAME_READING" if before in ("（", "(", "【", "[", "「") else "PATIENT_NAME"
            found.append(Candidate(match.start(), match.end(), category, RANK_PATTERN))
    if "^" in text:
        for match in _CARET_NAME_RE.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            if _HL7_LINE_RE.match(text, line_start):
                continue  # HL7 fields are read by position (structured.py)
            family, given = match.group().split("^")[:2]
            if _script_of(family) != _script_of(given):
                continue  # "CT^胸部単純CT" is a code and its meaning, not a name
            if _script_of(family) == "kanji" and not starts_with_surname(family):
                continue
            found.append(Candidate(match.start(), match.end(), "PATIENT_NAME", RANK_PATTERN))
    return found


@register
class PersonNameRecognizer(Recognizer):
    """Names in running text found by a cue: Dr., honorifics, role words, relations, initials."""

    name = "person-name"
    categories = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT", "NAME_READING")

    def find(self, doc: Document) -> list[Candidate]:
        return prose_name_candidates(doc.text)


# "山田太郎（やまだ たろう）": a reading in brackets right after a name.
_NAME_WITH_READING_RE = re.compile(
    f"(?P<name>[{KANJI}]{{1,4}}[ \u3000]?[{KANJI}{HIRAGANA_LETTERS}]{{1,4}})[ \u3000]?[（(【]"
    f"(?P<reading>[{HIRAGANA_LETTERS}{KATAKANA}ー・ A-Za-z\u3000]{{2,24}})[）)】]"
)


def reading_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    if "（" not in text and "(" not in text and "【" not in text:
        return found
    for match in _NAME_WITH_READING_RE.finditer(text):
        if not looks_like_reading(match.group("reading")):
            continue
        start, end = match.span("name")
        for offset in range(start, end - 1):
            if text[offset] not in " \u3000" and _accept_name(text[offset:end], strong_cue=True):
                reading = match.group("reading")
                left = match.start("reading") + len(reading) - len(reading.lstrip())
                right = match.end("reading") - (len(reading) - len(reading.rstrip()))
                found.append(Candidate(offset, end, "PATIENT_NAME", RANK_PATTERN))
                found.append(Candidate(left, right, "NAME_READING", RANK_PATTERN))
                break
    return found


@register
class NameWithReadingRecognizer(Recognizer):
    """A kanji name with its kana or romaji reading in brackets, wherever it stands."""

    name = "name-with-reading"
    categories = ("PATIENT_NAME", "NAME_READING")

    def find(self, doc: Document) -> list[Candidate]:
        return reading_candidates(doc.text)


@register
class RolePrefixedNameRecognizer(Recognizer):
    """A name after a role or relation word, no colon needed: 担当医 服部翔太, 長男の北村稔."""

    name = "role-name"
    categories = ("PHYSICIAN_NAME", "EMERGENCY_CONTACT")

    def find(self, doc: Document) -> list[Candidate]:
        return role_prefixed_names(doc.text) + context_name_candidates(doc.text)


@register
class RomajiNameRecognizer(Recognizer):
    """Romaji names with a cue: Dr. Y. Ohashi, Mr. Taro Yamada, Reported by ..., YAMADA Taro, MD."""

    name = "romaji-name"
    categories = ("PHYSICIAN_NAME", "PATIENT_NAME")

    def find(self, doc: Document) -> list[Candidate]:
        return romaji_name_candidates(doc.text)


@register
class KanaFormNameRecognizer(Recognizer):
    """Half-width katakana names (ﾅｶﾑﾗ ﾊﾙｴ) and caret-separated names (ヒガシ^ユウジ, YAMADA^TARO)."""

    name = "kana-form-name"
    categories = ("PATIENT_NAME", "NAME_READING")

    def find(self, doc: Document) -> list[Candidate]:
        return kana_form_candidates(doc.text)
