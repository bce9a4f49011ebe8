"""Staff named by how a note introduces them: 管理室の甲斐です, 安全管理者 甲斐、, Ong(MSW), 野中Dr., 記録：釈 慈光.

Letters, e-mails, minutes and logs of every kind name the people who work
there without a form's label:

- a writer introducing themself: ``放射線安全管理室の甲斐です``, ``担当の上原と申します``;
- a post made of kanji that ends in a person word (者, 長, 員, 士, 師, 医, 官) before the name:
  ``放射線安全管理者 甲斐、``, ``感染対策委員長 東條 誠``, or one ending in 士, 師 or 員 written onto it
  (``理学療法士堀之内を含む``, ``相談員比嘉 晃が面会``);
- a name before its occupation in brackets: ``Ong(MSW)``, ``Kim（Ns）``, ``石神（Ns）``;
- a family name written straight onto a Latin title: ``野中Dr.より紹介``, and a full name onto a post
  (``能登 健吾PT／日下部 綾OT``);
- a sign-off or post, a colon, then a family and a given name: ``記録：釈 慈光（非常勤）``;
- a signature: a full name before its seal mark (``金城 大地（印）``), a family name alone on the last line;
- a seal with the name in brackets (``受付者印 [小池]``) and the family names listed after a label of the people
  present (``出席：根本、吉岡、三浦``, ``ダブルチェック：平野／須田``).

Where the family name ends is read from the dictionary as for glued names
(``surname_after``): a kanji run the dictionary does not know as a family name
is a word (担当の予定です, 管理者 不在).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import SIDES, can_be_given_name, can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HALF_WIDTH_KATAKANA, UNIFIED_KANJI
from phi_core.japanese.honorifics import (
    LATIN_STAFF_ABBREVIATIONS,
    SIGN_OFF_WORDS,
    STAFF_OCCUPATIONS,
    alternation,
    words,
)
from phi_core.nlp.morphemes import Morpheme, document_morphemes

from .glued_names import family_name_ending, surname_after
from .sudachi_names import RANK_SUPPLEMENT

_KANJI = f"[{UNIFIED_KANJI}々]"
_CLAUSE_END = (
    r"(?=[、。，,）)／/]|[ \u3000]{2}|\n|$|[ \u3000]?(?:より|から|が|は|に|へ|と|も|の|で|を)(?!" + _KANJI + "))"
)
_SELF_INTRODUCTION = re.compile(
    rf"(?:(?<=の)|(?<=[。、\n \u3000])|^)(?P<name>{_KANJI}{{1,4}})(?:です|と申します|でございます)(?![{UNIFIED_KANJI}])",
    re.MULTILINE,
)
# (the next post and its name may follow a blank apart: 確認印：薬剤部長 古賀　看護部長 藤間)
_POST = rf"{_KANJI}{{1,8}}[者長員士師医官]"
_POST_THEN_NAME = re.compile(
    rf"(?<!{_KANJI}){_POST}[ \u3000](?P<name>{_KANJI}{{1,3}})"
    rf"(?:[ \u3000](?P<given>{_KANJI}{{1,3}}))?(?:{_CLAUSE_END}|(?=[ \u3000]{_POST}[ \u3000]{_KANJI}))"
)
# The same post written straight onto the family name in a list of staff (看護師二宮、理学療法士堀之内を含む).
_POST_GLUED_NAME = re.compile(
    # not a room or a meeting of the post (部長室, 師長会)
    rf"(?<!{_KANJI}){_KANJI}{{1,8}}[士師員長](?![室会局課科部棟])(?P<name>{_KANJI}{{2,3}})(?:[ \u3000](?P<given>{_KANJI}{{1,2}}))?"
    rf"(?=[、。，,）)／/ \u3000\n]|[をがはにへとも]|{alternation(words('person'))}|$)"
)
_NAME_BEFORE_BRACKETED_ROLE = re.compile(
    # a name, or a member's initials (MT(Ns) / HK(PSW) in a team's log)
    r"(?<![A-Za-z])(?P<name>[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?|[A-Z]{2,3})[(（]"
    rf"(?:{alternation(LATIN_STAFF_ABBREVIATIONS)}|Ns長|MD|RN)[)）]"
)
# The same with a family name in kanji (石神（Ns）, 陳（PT）): the kanji must be a family name.
_KANJI_NAME_BEFORE_BRACKETED_ROLE = re.compile(
    rf"(?<!{_KANJI})(?P<name>{_KANJI}{{1,3}})[(（](?:{alternation(LATIN_STAFF_ABBREVIATIONS)}|MD|RN)[)）]"
)
_NAME_BEFORE_LATIN_TITLE = re.compile(rf"(?P<run>{_KANJI}{{2,6}})(?:Dr|DR|Ns|NS)\.?(?![A-Za-z])")
# A full name with the member's post written onto it, as a conference's list gives them (能登 健吾PT／日下部 綾OT).
_FULL_NAME_BEFORE_POST = re.compile(
    rf"(?<!{_KANJI})(?P<family>{_KANJI}{{1,3}})[ \u3000](?P<given>{_KANJI}{{1,3}})"
    rf"(?:{alternation(LATIN_STAFF_ABBREVIATIONS)})(?![A-Za-z])"
)
_LABELLED_FULL_NAME = re.compile(
    rf"(?:{alternation(SIGN_OFF_WORDS + tuple(w for w in STAFF_OCCUPATIONS if not w.isascii()))}|[{UNIFIED_KANJI}]者)"
    rf"[ \u3000]?[：:][ \u3000]?(?P<family>{_KANJI}{{1,3}})[ \u3000](?P<given>{_KANJI}{{1,3}})"
    r"(?=[（(、,，。\n]|[ \u3000]{2}|$)",
    re.MULTILINE,
)

# A seal or a stamp with the name in brackets: 受付者印 [小池], 確認㊞（佐藤）.
_SEAL = re.compile(
    rf"(?:印|㊞)[ \u3000]*[\[［「【(（](?P<name>{_KANJI}{{1,4}}|[{FULL_WIDTH_KATAKANA}{HALF_WIDTH_KATAKANA}ー]{{2,8}})"
    r"[\]］」】)）]"
    # or written straight after the seal's word at the end of the line: 確認印堀, 検印 佐藤.
    rf"|(?<={_KANJI})(?:印|㊞)[ \u3000]?(?P<bare>{_KANJI}{{1,3}})(?=[ \u3000]*(?:\n|$))",
    re.MULTILINE,
)
# The people present, in a list after its label: 出席：根本、吉岡、三浦, 同行職員：佐川、平良, ダブルチェック：平野／須田.
_PEOPLE_LABEL = re.compile(
    r"(?:出席者?|参加者?|同席者?|同行(?:者|職員)?|立会(?:者|人)?|メンバー|ダブルチェック|確認者|チェック者)"
    r"[ \u3000]?[：:][ \u3000]?"
)
# A Latin family name alone after a sign-off or an occupation and a colon: 記録：Müller, 担当：Smith（分教室）.
_LABELLED_LATIN_NAME = re.compile(
    rf"(?:{alternation(SIGN_OFF_WORDS + tuple(w for w in STAFF_OCCUPATIONS if not w.isascii()))}|担当)"
    r"[ \u3000]?[：:][ \u3000]?(?P<name>[A-Z][a-zß-öø-ÿ]{1,15}(?: [A-Z][a-zß-öø-ÿ]{1,15})?)"
    r"(?=[（(、,，\n]|[ \u3000]{2}|$)",
    re.MULTILINE,
)
# A signature: a full name with its seal mark ending a line (金城 大地（印）), or a family name alone on the
# document's last line (…次回 2027年9月。⏎金城).
_SIGNED_FULL_NAME = re.compile(
    rf"(?:^|(?<=[ \u3000]))(?P<family>{_KANJI}{{1,3}})[ \u3000](?P<given>{_KANJI}{{1,3}})[ \u3000]?(?:[（(]印[)）]|㊞|印)[ \u3000]*$",
    re.MULTILINE,
)
# Who wrote a note, in brackets after the note's word and before its colon: 受付メモ（大橋）：, 記録(堀):.
_NOTE_WRITER = re.compile(
    rf"(?:メモ|記録|記載|記入|入力|対応|確認)[（(](?P<name>{_KANJI}{{1,4}})[)）][ \u3000]?[：:]"
    # or who did what a status says was done: 一次済（本田）, 確認済(堀)
    rf"|済[（(](?P<done>{_KANJI}{{1,4}})[)）]"
)

_LAST_LINE_NAME = re.compile(rf"\n[ \u3000]*(?P<name>{_KANJI}{{1,4}})[ \u3000]*\Z")
_LIST_ITEM = re.compile(rf"(?P<name>{_KANJI}{{1,4}})(?=[、，,／/・\n（(]|[ \u3000]|$)")


@register
class StaffMentionRecognizer(Recognizer):
    name: ClassVar[str] = "staff-mention"
    categories: ClassVar[tuple[str, ...]] = ("PHYSICIAN_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        by_start: dict[int, Morpheme] | None = None

        def morphemes() -> dict[int, Morpheme]:
            nonlocal by_start
            if by_start is None:
                by_start = {m.start: m for m in document_morphemes(doc)}
            return by_start

        spans: list[tuple[int, int]] = []
        for pattern in (_SELF_INTRODUCTION, _POST_THEN_NAME, _POST_GLUED_NAME):
            for m in pattern.finditer(text):
                start, end = m.span("name")
                if surname_after(text, start, morphemes()) != end:
                    continue
                given = m.groupdict().get("given")
                if given and can_be_given_name(given):
                    end = m.end("given")
                spans.append((start, end))
        spans += [m.span("name") for m in _NAME_BEFORE_BRACKETED_ROLE.finditer(text)]
        spans += [
            m.span("name")
            for m in _KANJI_NAME_BEFORE_BRACKETED_ROLE.finditer(text)
            if can_be_surname(m.group("name")) and m.group("name") not in SIDES
        ]
        spans += [
            m.span()[:1] + (m.end("given"),)
            for m in _FULL_NAME_BEFORE_POST.finditer(text)
            if can_be_surname(m.group("family")) and can_be_given_name(m.group("given"))
        ]
        for m in _NAME_BEFORE_LATIN_TITLE.finditer(text):
            start = family_name_ending(text, m.start("run"), m.end("run"), morphemes())
            if start is not None:
                spans.append((start, m.end("run")))
        for m in _SEAL.finditer(text):
            if m.group("name") and _kana_or_surname(m.group("name")):
                spans.append(m.span("name"))
            elif m.group("bare") and can_be_surname(m.group("bare")):
                spans.append(m.span("bare"))
        for m in _LABELLED_LATIN_NAME.finditer(text):
            starts = [m.start("name")] + [m.start("name") + i + 1 for i, ch in enumerate(m.group("name")) if ch == " "]
            words = [morphemes().get(start) for start in starts]
            # one word the dictionary does not know or calls a person's is enough (Rosa Perez); not 記録：Excel, 確認：Yes
            if any(word is None or word.oov or word.is_person for word in words):
                spans.append(m.span("name"))
        for label in _PEOPLE_LABEL.finditer(text):
            spans += _people_listed(text, label.end())
        for m in _SIGNED_FULL_NAME.finditer(text):
            if can_be_surname(m.group("family")) or can_be_given_name(m.group("given")):
                spans.append((m.start("family"), m.end("given")))
        for m in _NOTE_WRITER.finditer(text):
            group = "name" if m.group("name") else "done"
            if _kana_or_surname(m.group(group)):
                spans.append(m.span(group))
        last = _LAST_LINE_NAME.search(text)
        if last and surname_after(text, last.start("name"), morphemes()) == last.end("name"):
            spans.append(last.span("name"))
        for m in _LABELLED_FULL_NAME.finditer(text):
            if m.group("family") in SIDES:
                continue  # 読影：左 乳房: a finding
            if can_be_surname(m.group("family")) or can_be_given_name(m.group("given")):
                spans.append((m.start("family"), m.end("given")))
        return [Candidate(start, end, "PHYSICIAN_NAME", RANK_SUPPLEMENT) for start, end in spans]


def _kana_or_surname(name: str) -> bool:
    return not re.match(_KANJI, name) or can_be_surname(name[:2]) or can_be_surname(name[:1])


def _people_listed(text: str, start: int) -> list[tuple[int, int]]:
    """The family names listed from ``start`` to the end of the list: items apart by 、 ／ ・, on one line."""
    spans = []
    at = start
    while True:
        m = _LIST_ITEM.match(text, at)
        if m is None or not can_be_surname(m.group("name")):
            break
        spans.append(m.span("name"))
        at = m.end()
        if at >= len(text) or text[at] not in "、，,／/・":
            break
        at += 1
    return spans
