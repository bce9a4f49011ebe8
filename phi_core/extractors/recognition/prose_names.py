"""Names in running text found by a cue: Dr., honorifics, role words, relations."""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_PATTERN, Candidate
from phi_core.extractors.recognition.name_parts import (
    _TRAILING_TITLES,
    _strip_trailing_titles,
    can_be_surname,
    only_an_action,
    only_a_proper_noun,
    looks_like_reading,
    starts_with_surname,
)
from phi_core.japanese import honorifics
from phi_core.japanese.organisations import FACILITY_HEADS
from phi_core.japanese.chars import (
    HIRAGANA_LETTERS,
    KANJI,
    KATAKANA,
    NAME_CHARS,
    UNIFIED_KANJI,
    is_hiragana,
    is_kanji,
    is_katakana,
    is_latin,
)

# --- names in running text -----------------------------------------------------

_DR_RE = re.compile(
    f"D(?<![A-Za-z].)[rR]\\.?[ \u3000]?(?P<name>[{KANJI}]{{1,6}}(?:[ \u3000][{KANJI}]{{1,3}})?"
    f"|[A-Z][a-z]+(?: [A-Z][a-z]+)?|[{KATAKANA}]{{2,}})"
)
# さま in kana counts after kanji only (宮坂さま; not さまざま, みなさま).
_HONORIFIC_RE = re.compile(
    honorifics.alternation(honorifics.words("person", "clinician", exclude=("さま",)))
    + f"|さま(?<=[{KANJI}]さま)(?!ざ)|(?:Dr|Ns)(?![A-Za-z.])"
    # (a newborn by the family's name: 松浦ベビー, not a thing for babies: ベビーカー, ベビー服)
    + f"|(?:{honorifics.alternation(honorifics.words('newborn'))})(?![{KATAKANA}{KANJI}])"
)
# A nurse's Ns is written onto her name as a doctor's Dr is (記録 和田 美穂Ns).
_PHYSICIAN_HONORIFICS = {*honorifics.words("clinician"), "Dr", "Ns"}
_DICTIONARY_CUES = {*honorifics.words("person"), "先生", "せんせい"}
# 氏 after katakana is usually an eponym ("ウィリス氏動脈輪"), not a person here.
_KATAKANA_HONORIFICS = set(honorifics.words("person", "clinician", exclude=("さま", "氏", "君")))
_NAME_HONORIFICS = honorifics.words("person", exclude=("さま", "殿", "君"))
_INITIALS_RE = re.compile(
    r"[A-Z](?<![A-Za-z.].)\.[ ]?(?:[A-Z]\.[ ]?){0,2}(?=" + honorifics.alternation(_NAME_HONORIFICS) + ")"
)
_LABELLED_INITIALS_RE = re.compile(
    # after dot leaders too (Initials ........ K-M-T), in full width, parted by dots, middle dots or hyphens
    r"(?:イニシャル|[Ii]nitials?)(?:[（(][^）)\n]{1,8}[）)])?(?:[：:\s]|\.{2,}|…+)*"
    r"(?!(?:OK|NG|NA|ND|NR)(?![A-Za-z]))"
    r"(?P<initials>[A-ZＡ-Ｚ](?:[ ]?[.．・･\-－][ ]?|[ ]?)[A-ZＡ-Ｚ](?:(?:[ ]?[.．・･\-－][ ]?|[ ]?)[A-ZＡ-Ｚ])?[.．]?)"
    r"(?![A-Za-zＡ-Ｚａ-ｚ])"
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


def _accept_name(run: str, katakana_ok: bool = True, strong_cue: bool = False, dictionary: bool = False) -> bool:
    """A surname (+ a short given name), or a katakana name where allowed."""
    if not run:
        return False
    if all(is_katakana(ch) or ch in " \u3000" for ch in run) and run.count(" ") + run.count("\u3000") <= 1:
        return katakana_ok and len(run.replace("・", "")) >= 2 and not run.startswith(("ー", "・", " ", "\u3000"))
    size = starts_with_surname(run)

    # A family name the list lacks but SudachiDict has as one, whole before a person's honorific (鳥居先生,
    # 中条さん; 森永先生, which the list reads as 森 and a given name 永), where the caller allows it.
    def whole_surname() -> bool:
        # (one kanji only when the dictionary has it as nothing but a name: 劉 さん, not 上様 or お孫さん)
        if not (dictionary and len(run) <= 3 and all(is_kanji(ch) for ch in run) and can_be_surname(run)):
            return False
        return len(run) > 1 or only_a_proper_noun(run)

    if not size:
        return whole_surname()
    given = run[size:].lstrip(" \u3000")
    if not given:
        return True
    # Group words (関係者, 家族, 職員) end like this; given names such as 直人 are longer.
    if len(given) == 1 and given in _NOT_NAME_ENDINGS:
        return False
    if size == 1 and not strong_cue:
        # One-kanji surnames (星, 森, 原 ...) also start ordinary words: "星芒状様" means star-shaped.
        return whole_surname()
    if all(is_kanji(ch) for ch in given):
        return len(given) <= _MAX_GIVEN_KANJI
    if all(is_katakana(ch) or is_hiragana(ch) for ch in given):
        return len(given) <= _MAX_GIVEN_KANA
    # Mixed given names: くみ子, 奈々, あや乃.
    return all(is_kanji(ch) or is_hiragana(ch) for ch in given) and len(given) <= 4


def _name_before(text: str, end: int, katakana_ok: bool, dictionary: bool = False) -> tuple[int, int] | None:
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
        # (a family name only the dictionary knows must open a word: not 棟長 in 病棟長 殿, 会生 in 医師会生涯)
        whole = dictionary and (offset == 0 or not is_kanji(text[offset - 1]))
        if _accept_name(run, katakana_ok and _katakana_cue(text, offset, run), dictionary=whole):
            return offset, end
    return None


def _katakana_cue(text: str, offset: int, run: str) -> bool:
    """Katakana before 様 is often a word ("ガラス様" = glass-like); ask for a cue."""
    if "・" in run or (" " in run or "\u3000" in run):
        return True
    before = text[max(0, offset - 3) : offset]
    return before.endswith(("患者", "患者の")) or (offset > 0 and text[offset - 1] in "：: \u3000")


_FACILITY_WORDS = tuple(head for head in FACILITY_HEADS if len(head) >= 2)


def _after_facility_word(text: str, start: int, end: int) -> tuple[int, int]:
    """大和こども発達クリニック ｺﾊﾞﾔｼ医師: the doctor is the word after the clinic, not the clinic's last word."""
    first, space, rest = text[start:end].partition(" ")
    if space and rest and first.endswith(_FACILITY_WORDS):
        return start + len(first) + 1, end
    return start, end


def prose_name_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for match in _DR_RE.finditer(text):
        start, end = match.span("name")
        end = _strip_trailing_titles(text, start, end)
        if end > start and not only_an_action(text[start:end]):
            found.append(Candidate(start, end, "PHYSICIAN_NAME", RANK_PATTERN))
        elif end > start:
            # What the doctor did follows (増田Dr 指示にて, 篠宮 Dr. 診察): the name, if any, stands before the title.
            before = match.start()
            while before and text[before - 1] in " \u3000":
                before -= 1
            span = _name_before(text, before, True, dictionary=True)
            if span:
                found.append(Candidate(span[0], span[1], "PHYSICIAN_NAME", RANK_PATTERN))
    for match in _HONORIFIC_RE.finditer(text):
        honorific = match.group()
        # The dictionary's family names only before a person's honorific or 先生 (院内医師 is a post, 様式 a form).
        dictionary = honorific in _DICTIONARY_CUES and text[match.end() : match.end() + 1] != "式"
        span = _name_before(text, match.start(), honorific in _KATAKANA_HONORIFICS, dictionary)
        if span and honorific == "Ns" and span[0] and text[span[0] - 1].isdigit():
            span = None  # 4西 Ns: the nurses of a ward, no one's name
        if span:
            span = _after_facility_word(text, *span)
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
    "(?:院長|副院長|担当医|主治医|診断医|記載医|執刀医|読影医|依頼医|報告者|記録者|担当看護師|看護師|技師|担当|医師|確認|リーダー|"
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
