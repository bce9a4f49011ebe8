"""Names read from a label's value: 氏名：山田 太郎（ヤマダ タロウ）, 依頼医：呼吸器外科 Dr.田中.

The value runs to the next stop (a bracket, a comma, a colon, a digit, a
form's next field); titles before and after the name stay outside, a
department before a doctor is its own span, several names in one value are
read one by one, and a reading in brackets after a name is a NAME_READING.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.word_cache import word_cache
from phi_core.extractors.recognition.candidates import RANK_LABEL, Candidate
from phi_core.extractors.recognition.name_parts import (
    _TRAILING_TITLES,
    NOT_A_NAME,
    SIDES,
    _strip_trailing_titles,
    looks_like_reading,
    particle_then_word,
)
from phi_core.japanese import honorifics
from phi_core.japanese.chars import HIRAGANA_LETTERS, KANJI, KATAKANA, is_katakana, is_latin
from phi_core.japanese.eras import ERA_LETTERS, ERA_NAMES
from phi_core.japanese.width import to_full_width
from phi_core.japanese.organisations import CARE_PLACE_WORDS, LEGAL_FORMS

# Titles and job names written in front of a name inside a label value.
_LEADING_TITLES = re.compile(
    # Mr./Mrs./Ms. only before a capital: the name follows (RE: Mr. HARTONO WIJAYA)
    r"(?:Mrs|Mr|Ms|MRS|MR|MS|Miss)\.?[ ]+(?=[A-Z])|"
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

_NAME_STOPS = set('（()）、,，。/／\n"\\:：;；【】[]「」*')

_DEPARTMENT_IN_PARENS = re.compile(f"[{KANJI}{KATAKANA}]*?科")
_MAX_NAME = 30

# The patient's number written before the name in a patient label (患者：3008-5521　五十嵐 修).
_RECORD_NUMBER = re.compile(r"[#＃]?(?P<n>[0-9]{3,6}-[0-9]{3,6}|[0-9]{5,10})[ \u3000]+(?=[^\s0-9A-Za-z]|[A-Z][A-Za-z])")
# A sign-off label is followed by a date as often as by a name (作成：令和8年12月4日, 記載：R8.12.4 山田).
_DATE_START = re.compile(rf"(?:{'|'.join(ERA_NAMES)})[0-9０-９元]|[{ERA_LETTERS}][0-9０-９]{{1,2}}[./．年]|[0-9０-９]")
# (or by its letter, in either width: 作成：西村　Ｒ７．３．５, 記載 山田 H30.4.1)
_WIDE_ERA_LETTERS = to_full_width(ERA_LETTERS)
_ERA_DATE_AFTER_SPACE = re.compile(
    rf"[ \u3000](?=(?:{'|'.join(ERA_NAMES)})[0-9０-９元]|[{ERA_LETTERS}{_WIDE_ERA_LETTERS}][0-9０-９]{{1,2}}[./．])"
)
_MAX_JAPANESE_NAME = 12
_MAX_KATAKANA_NAME = 24

_NAME_RUN_RE = re.compile("[^" + re.escape("".join(sorted(_NAME_STOPS))) + "0-9０-９]*")


# Three spaces or a tab: the next field of a form, not the next part of a name.
_FIELD_GAP_RE = re.compile(r" {3,}|\t")


def _skip_blanks(text: str, start: int, limit: int) -> int:
    while start < limit and text[start] in " \u3000":
        start += 1
    return start


def _name_end(text: str, start: int, limit: int) -> int:
    end = _NAME_RUN_RE.match(text, start, limit).end()
    gap = _FIELD_GAP_RE.search(text, start, end)
    if gap:
        return gap.start()
    if end < limit and text[end] in ":：":
        # 姓：山田　名：太郎: the word before the next colon is the next field's label
        space = max(text.rfind(" ", start, end), text.rfind("\u3000", start, end))
        if space > start:
            return len(text[start:space].rstrip(" \u3000")) + start
    return end


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


def _latin_name_word(word: str) -> bool:
    # A middle initial counts as a word of the name (Thomas R. BAKER).
    return bool(_LATIN_NAME_WORD.fullmatch(word) or re.fullmatch(r"[A-Z]\.", word)) and word not in _NOT_NAME_WORDS


# A middle dot between kanji lists two names (日比野 健太・日比野 唯); between katakana it joins one (ファム・ティ).
_DOT_BETWEEN_KANJI = re.compile(f"(?<=[{KANJI}])[・･](?=[{KANJI}])")
_LOWER_CASE_PROSE = re.compile(r"[a-z]+ (?![a-z_]+=)[a-z0-9]")
_SCANNED_LETTER = re.compile(r"[01][A-Za-z]")
# A contact who is a place of care (緊急連絡先：はりま在宅クリニック 079-…) is no person's name.
_FACILITY_WORD = re.compile("|".join(CARE_PLACE_WORDS))
# A word with kana endings between its kanji (申し送り, 引き継ぎ, 立ち会い) is a verb's noun, never a name:
# "当直 申し送り" is a heading, not a doctor on duty.
_OKURIGANA_WORD = re.compile(
    f"[{KANJI}]{{1,2}}(?:(?!の)[{HIRAGANA_LETTERS}]){{1,2}}[{KANJI}][{HIRAGANA_LETTERS}]{{1,2}}(?![{HIRAGANA_LETTERS}])"
    "(?<!くん)(?<!さん)(?<!さま)"
)


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
    # A family name scanned a letter apart, then the given name whole or in pieces (沖 田 喜久雄, 三 上 キミ エ).
    gap = text[tokens[0].end() : tokens[1].start()] if len(tokens) > 1 else ""
    if most == 2 and len(tokens) > 2 and all(len(t.group()) == 1 for t in tokens[:2]):
        given = 0
        while (
            most < min(6, len(tokens))
            and text[tokens[most - 1].end() : tokens[most].start()] == gap
            and tokens[most].group() not in _SEX_WORDS
            and given + len(tokens[most].group()) <= 4
            and (most > 2 or len(tokens[most].group()) >= 2)
        ):
            given += len(tokens[most].group())
            most += 1
    # A name typed or scanned a letter apart runs on by single letters one blank apart (前田 啓 子, 百 瀬 ふ み).
    while (
        most < min(6, len(tokens))
        and all(len(t.group()) == 1 and t.group() not in _SEX_WORDS for t in tokens[most - 1 : most + 1])
        and text[tokens[most - 1].end() : tokens[most].start()] == text[tokens[0].end() : tokens[1].start()]
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


_LEGAL_FORM_RE = re.compile("|".join(re.escape(form) for form in LEGAL_FORMS))


def _after_company(text: str, start: int, limit: int) -> int:
    """Where the person starts after their employer: 作業者：㈱関東電設サービス Vo Thanh Long."""
    token = _TOKEN_RE.match(text, start, limit)
    if token is None or token.end() >= limit or not _LEGAL_FORM_RE.search(token.group()):
        return start
    return _skip_blanks(text, token.end(), limit)


def _department_prefix(text: str, start: int, limit: int) -> int:
    """End of a leading department word ("呼吸器外科 Dr.田中"), or ``start`` if none."""
    token = _TOKEN_RE.match(text, start, limit)
    if token and len(token.group()) >= 2 and token.group().endswith("科"):
        return token.end()
    return start


def _after_spaces(text: str, start: int, limit: int) -> int:
    while start < limit and text[start] in " \u3000\"'":
        start += 1
    return start


def _wide_gap_before(text: str, pos: int) -> bool:
    return pos >= 3 and all(ch in " \u3000\t" for ch in text[pos - 3 : pos])


@word_cache(maxsize=4096)
def _column_header(value: str) -> bool:
    """A word SudachiDict reads as common nouns only (目的, 確認時刻, 胸部X線), set apart by a wide gap
    after a label: the next column's header, not a name (山田 太郎, 森, 松下 are proper nouns)."""
    from phi_core.extractors.recognition.name_parts import can_be_surname
    from phi_core.nlp.loaders import sudachi_available
    from phi_core.nlp.morphemes import morphemes

    if not sudachi_available() or can_be_surname(value):
        return False
    words = [m for m in morphemes(value) if m.pos[0] != "空白"]
    return bool(words) and all(
        not m.oov and (m.pos[1] == "普通名詞" or m.pos[0] in ("接尾辞", "接頭辞")) for m in words
    )


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
                pos = _skip_blanks(text, dept_end, limit)
        if relation_ok:
            for word in _RELATION_WORDS:
                if text.startswith(word, pos) and pos + len(word) < limit and text[pos + len(word)] in " \u3000":
                    pos += len(word) + 1
                    break
        title = _LEADING_TITLES.match(text, pos, limit)
        while title and title.end() > pos:
            pos = title.end()
            title = _LEADING_TITLES.match(text, pos, limit)
        record = _RECORD_NUMBER.match(text, pos, limit) if category == "PATIENT_NAME" and not found else None
        if record:
            found.append(Candidate(*record.span("n"), "PATIENT_ID", RANK_LABEL))
            pos = record.end()
            continue
        if _DATE_START.match(text, pos, limit):
            break
        pos = _after_company(text, pos, limit)
        raw_end = _name_end(text, pos, limit)
        era = _ERA_DATE_AFTER_SPACE.search(text, pos, min(limit, raw_end + 4))  # (room for the look-ahead)
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
        if value.endswith(("日", "年", "月", "日付")) and _DATE_START.match(
            text, _skip_blanks(text, end, limit), limit
        ):
            # the next label and its date: 本人確認：生年月日 S37.12.1 holds no name, 受付者：松浦　登録日 2025/… holds one
            blank = max(value.rfind(" "), value.rfind("\u3000"))
            if blank < 0:
                break
            end = pos + len(value[:blank].rstrip(" \u3000"))
            value = text[pos:end]
        facility = _FACILITY_WORD.search(value)
        if facility:
            # the place of care heads the value (主治医：さくら病院 山田): its staff member may follow it
            found.append(Candidate(pos, pos + facility.end(), "HOSPITAL_NAME", RANK_LABEL))
            after = _skip_blanks(text, pos + facility.end(), limit)
            if after == pos + facility.end() or after >= limit:
                break
            pos = after
            continue
        if end < limit and value.isascii() and value.isalpha() and text[end].isdigit():
            if not _SCANNED_LETTER.match(text, end):
                break  # O79-336-2841, u0913: a number or a login code, not a name (SANT0S is a scanned name)
        if _OKURIGANA_WORD.match(value) or _LOWER_CASE_PROSE.match(text, pos):
            break  # (a login stands alone, "Reported by: tanaka"; "Surgeon: expected 60 min" is a remark)
        if not any(ch.isalpha() for ch in value) or not _plausible_name(value) or value.endswith(("課", "係")):
            break  # 医事課, 文書係: an office, not a person
        if value.isascii() and " " in value and value == value.lower():
            break  # Interpreter: not needed: words in lower case are a remark, not a name
        if pos == _after_spaces(text, start, limit) and _wide_gap_before(text, pos) and _column_header(value):
            break  # 氏名          目的          対応者: a header row, the names stand below it
        found.append(Candidate(pos, end, category, RANK_LABEL))
        after = _skip_blanks(text, raw_end, limit)
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
            following = _skip_blanks(text, after + 1, limit)
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
