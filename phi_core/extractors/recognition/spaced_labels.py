"""Labels with only spaces before their value: 患者氏名 山田太郎, 氏　名 宇佐美 茂, 姓(かな) おおはし."""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.label_words import (
    _NOT_CLINICIAN_ROLES,
    _PHYSICIAN_ENDINGS,
    _PHYSICIAN_RULE,
    _PHYSICIAN_WORDS,
    LABEL_RULES,
    LabelRule,
    column_rule,
)
from phi_core.japanese.chars import KATAKANA, UNIFIED_KANJI, is_kanji


# "患者氏名 山田太郎", "性別　男": a Japanese label word standing alone as a
# token (line start, after a space or a drawn table's rule: │住　所　茅ケ崎市) with only spaces before its value.
# (only a word that can be a label, by its last letter: a listed label's, a role's or a script's bracket;
# the rest of a line's words are not tried one by one)
_LAST_LETTERS = re.escape(
    "".join(sorted({w[-1] for w in (*LABEL_RULES, *_PHYSICIAN_ENDINGS, *_PHYSICIAN_WORDS)} | set(")）")))
)
# (a bilingual form's English word in brackets may follow the label: 年令(Age) 58, 性別(Sex) 男)
_SPACED_LABEL_RE = re.compile(
    "(?:^|(?<=[ \u3000\t■□●○・◆◇│┃｜]))(?P<label>[^\\s:：|│┃｜,、。A-Za-z0-9]{2,10})"
    f"(?<=[{_LAST_LETTERS}])(?P<gloss>[（(][A-Za-z][A-Za-z ./&-]{{0,20}}[)）])?(?:[ \u3000]+|\t)(?=[^\\s:：|｜])",
    re.MULTILINE,
)


# A two-kanji label typeset with a space between its characters, as printed forms do: 氏　名, 住 所, 年 齢.
_LETTER_SPACED_LABEL_RE = re.compile(
    f"(?:^|(?<=[ \u3000\t■□●○・◆◇│┃｜]))(?P<label>[{UNIFIED_KANJI}][ \u3000]{{1,2}}[{UNIFIED_KANJI}])[ \u3000]+(?=[^\\s:：|｜])",
    re.MULTILINE,
)
# Three or four letters spaced so (調 査 員  東 郷  美 咲), set apart from their value by a wide gap or a colon.
_LONG_LETTER_SPACED_LABEL_RE = re.compile(
    f"(?:^|(?<=[ \u3000\t■□●○・◆◇│┃｜]))(?P<label>[{UNIFIED_KANJI}](?:[ \u3000][{UNIFIED_KANJI}]){{2,3}})"
    "(?:[ ]{2,}|\u3000|[ \u3000]?[：:])[ \u3000]*(?=[^\\s:：|｜])",
    re.MULTILINE,
)
# A script named in brackets after a label: 姓(かな), 名（漢字）, 氏名(ローマ字).
_SCRIPT_QUALIFIER_RE = re.compile(
    r"^(?P<word>.+?)[（(](?P<script>かな|カナ|ふりがな|フリガナ|よみ|ヨミ|漢字|ローマ字|英字)[)）]$"
)
_READING_RULE = LabelRule("whole", "NAME_READING")


def _inside_spaced_run(text: str, start: int, label_end: int, value_start: int) -> bool:
    """Is a letter-spaced label part of a longer run of spaced letters (検 査 結 果 報 告 書, 依 頼 日 2026)?

    A label spaced wider than the letters after it (氏　　名　小 池 サ ダ) heads a value typed a letter apart."""
    before = text[max(0, start - 2) : start]
    after = text[value_start : value_start + 2]
    own_gap = text[start + 1 : label_end - 1]
    wider = len(after) == 2 and after[1] == " " and own_gap != " " and text[label_end:value_start] != " "
    return (
        (len(before) == 2 and before[1] in " \u3000" and is_kanji(before[0]))
        or (len(after) == 2 and is_kanji(after[0]) and after[1] in " \u3000\n" and not wider)
        or len(after) == 1
        and is_kanji(after)
    )


def _spaced_label_rule(word: str) -> LabelRule | None:
    rule = LABEL_RULES.get(word)
    if rule is not None:
        return rule
    qualified = _SCRIPT_QUALIFIER_RE.match(word)
    if qualified is None:
        return None
    # 名 alone is no label, but with a script after it (名(かな) みさき) it can be nothing else.
    rule = LABEL_RULES.get("氏名" if qualified.group("word") == "名" else qualified.group("word"))
    if (
        rule is not None
        and rule.category == "PATIENT_NAME"
        and qualified.group("script") not in ("漢字", "ローマ字", "英字")
    ):
        return _READING_RULE  # 姓(かな) おおはし: the reading of the name, not the name
    return rule


def space_separated_labels(text: str) -> list[tuple[int, int, str, LabelRule]]:
    found = []
    for match in _LETTER_SPACED_LABEL_RE.finditer(text):
        word = match.group("label")
        rule = LABEL_RULES.get(word[0] + word[-1])
        if rule is not None and not _inside_spaced_run(text, match.start("label"), match.end("label"), match.end()):
            found.append((match.start("label"), match.end(), word, rule))
    for match in _LONG_LETTER_SPACED_LABEL_RE.finditer(text):
        word = match.group("label")
        joined = "".join(word.split())
        rule = LABEL_RULES.get(joined)
        if rule is None and joined.endswith(_PHYSICIAN_ENDINGS + ("員",)) and joined not in _NOT_CLINICIAN_ROLES:
            rule = _PHYSICIAN_RULE  # 調 査 員, 記 載 者: who did it
        before = text[max(0, match.start("label") - 2) : match.start("label")]
        if rule is not None and not (len(before) == 2 and before[1] in " \u3000" and is_kanji(before[0])):
            found.append((match.start("label"), match.end(), word, rule))
    found.extend(_labels_in_spaced_runs(text, {hit[0] for hit in found}))
    for match in _SPACED_LABEL_RE.finditer(text):
        word = match.group("label")
        rule = _spaced_label_rule(word)
        if (
            rule is not None
            and word not in LABEL_RULES
            and match.end() - match.end("label") > 2
            and not match.group("gloss")
        ):
            continue  # 氏名(カナ)          レジメン: a header row's columns, not a value
        back = match.start()
        while back and text[back - 1] == " ":
            back -= 1
        before = text[back - 1] if back else ""  # (not a copy of all the text before: this runs per word)
        opens_line = not before or before in "\n\t\u3000■□●○・◆◇／/|│┃｜"
        # A guessed role word mid-line is more often a title after a name ("三浦京助 医師 記").
        if rule is None and opens_line and word.endswith(_PHYSICIAN_ENDINGS) and all(is_kanji(ch) for ch in word):
            rule = _PHYSICIAN_RULE
        if rule is None and word in _PHYSICIAN_WORDS and _surname_next(text, match.end()):
            rule = _PHYSICIAN_RULE  # 術者 北条 助手 森下: an operation's team, mid-line too (not 術者 麻酔 備考)
        if rule is not None and text[match.end() - 1] == "\t" and not _key_and_value_line(text, match):
            continue  # 患者名<tab>ﾌﾘｶﾞﾅ<tab>生年月日: a tab-separated table's header, not a label and its value
        if rule is not None:
            found.append((match.start("label"), match.end(), word, rule))
    return found


def _key_and_value_line(text: str, match) -> bool:
    """年齢<tab>66 on a line of its own, or pairs along one line (出力日時<tab>2025-02-12<tab>出力者<tab>HIRANO M):
    labels in the odd cells, values in the even ones. A row of column names is no such line (患者名<tab>ﾌﾘｶﾞﾅ)."""
    line_start = text.rfind("\n", 0, match.start("label")) + 1
    line_end = text.find("\n", match.end())
    cells = [cell.strip() for cell in text[line_start : len(text) if line_end < 0 else line_end].split("\t")]
    if len(cells) % 2:
        return False
    labels, values = cells[0::2], cells[1::2]
    return all(column_rule(label) is not None for label in labels) and not any(column_rule(v) for v in values)


def _surname_next(text: str, start: int, spaced: bool = False) -> bool:
    """Does a family name (listed, or katakana, or Latin) open the text at ``start``?"""
    window = text[start : start + 12]
    if spaced:
        window = window.replace(" ", "")  # 五 十 嵐: the letters of a scanned name, a blank between each
    word = re.match(r"[^\s・、,，()（）]+", window)
    if word is None:
        return False
    word = word.group()
    return any(can_be_surname(word[:n]) for n in (1, 2, 3)) or bool(re.fullmatch(f"[{KATAKANA}]+|[A-Z][a-z]+", word))


# A whole line scanned with a blank between every letter: 記 載 者 五 十 嵐, the label's end unmarked.
_SPACED_RUN_RE = re.compile(
    f"(?:^|(?<=[ \u3000\t]{{2}})|(?<=\u3000))(?P<run>[{UNIFIED_KANJI}](?: [{UNIFIED_KANJI}]){{3,9}})(?![{UNIFIED_KANJI}])",
    re.MULTILINE,
)


def _labels_in_spaced_runs(text: str, taken: set[int]) -> list[tuple[int, int, str, LabelRule]]:
    """A label that opens a run of spaced letters, when a family name follows it (記 載 者 五 十 嵐)."""
    found = []
    for match in _SPACED_RUN_RE.finditer(text):
        if match.start("run") in taken:
            continue
        letters = match.group("run").split(" ")
        for n in (4, 3, 2):
            if len(letters) - n < 2:
                continue
            word = "".join(letters[:n])
            rule = LABEL_RULES.get(word)
            if rule is None and word.endswith(_PHYSICIAN_ENDINGS + ("員",)) and word not in _NOT_CLINICIAN_ROLES:
                rule = _PHYSICIAN_RULE
            if (
                rule is not None
                and rule.read_as == "name"
                and _surname_next(text, match.start("run") + 2 * n, spaced=True)
            ):
                found.append((match.start("run"), match.start("run") + 2 * n, word, rule))
                break
    return found
