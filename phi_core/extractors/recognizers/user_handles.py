"""People named by their handle: chat mentions and system logins (@s.mizoguchi, printed by user akuramochi).

Ward chats, ticket systems and printouts name the people who work there by
the handle they log in with, not by a form's label:

- a mention in a chat, ``@`` then a Latin handle (``@s.mizoguchi``, ``@t_kudo``)
  or a kanji family name (``@田中さん``); an e-mail address is not a mention (a word
  stands before its ``@``), and the broadcast words (``@here``, ``@all``) name
  nobody;
- a login after the words that introduce one: ``by user``, ``user:``,
  ``login ID``, ``operator``, ``ユーザーID：``, ``ログイン名``, ``操作者：``;
- a chat's sender shown as a role, an underscore and the name, before the colon that opens the
  message (``検査_ヤギ:``, ``当直_根本：``, ``4西_森：``);
- who entered or imported a record, by a romaji login after the word for it (``取込 mizuno``, ``入力者: t.sato``,
  ``exported by kmatsuda``);
- a log's or chat's speaker by a login in lower case, after the line's time stamp and before the colon
  that opens the message (``[08:40] yoshikawa: FYI``, ``2024-10-05 sakai: OCB 陽性``): a word that reads
  as Hepburn romaji and is no English word a log writes there (``note:``, ``memo:``); or a display name
  of two such words (``[07:55] Tomo Arai:``), or a name in kana or kanji with the sender's post in brackets
  (``10:37 ｱｵﾔｷﾞ(検査室):``, ``[1/9 7:48] Kudo(R1):``) or the unit before it (``[07:58] ER 乾:``), or nicknames in hiragana that each send twice or more
  (``06:58 よしだ：``, ``07:01 ちえ@日勤L：``), or a katakana name that sends twice or more where others talk too
  (``01:12 ﾊﾞﾝﾄﾞｳ:``), or a capitalised word that does where another such does too (``[10:31] Reyes:``), or any login in angle brackets where two or more talk (``08:15 <oconogi_r>``); the message may open with ``>`` (``07:58 sasagawa > …``); the unit may be a hospital and its clinic
  (``14:21 南部医療センター PD外来 金城：``);
- a chat export's sender alone on the line of the message's time (``yuki_ict  8:05 AM``), or in square brackets
  after it (``15:48 [コーディネーター 早瀬]``).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, KATAKANA, LONG_VOWEL, is_kanji
from phi_core.japanese import honorifics

from .romaji_words import is_any_romaji, is_romaji
from .sudachi_names import RANK_SUPPLEMENT

_HANDLE = r"[A-Za-z][A-Za-z0-9._-]*[A-Za-z0-9]"
_LATIN_MENTION = re.compile(rf"(?<![\w.@/])@(?P<h>{_HANDLE})(?![\w@]|\.[A-Za-z])")
# A kanji family name only: after @ a katakana word is as often a place (@アパート, "at the flat").
_NAME_MENTION = re.compile(rf"(?<![\w.@/])@(?P<h>[{KANJI}]{{1,4}})")
_BROADCAST = frozenset({"here", "channel", "all", "everyone", "room", "home", "channels"})
_LOGIN = re.compile(
    r"(?:(?<![A-Za-z])(?:by user|user(?: ?name| ?id)?|login(?: ?name| ?id)?|operator(?: ?id)?|uid)"
    rf"|ユーザー?(?:ID|ＩＤ|名)?|ログイン(?:ID|ＩＤ|名)|操作者(?:ID|ＩＤ)?)(?:[ \t]*[:：=][ \t]*|[ \t]+)(?P<h>{_HANDLE})",
    re.IGNORECASE,
)

_ROLE_SENDER = re.compile(
    # (a ward by its floor too: 4西_森：)
    rf"(?<![\w])(?:[0-9０-９]{{0,2}}[{KANJI}]{{1,6}}|[A-Za-z]{{1,10}})[_＿](?P<h>[{KANJI}]{{1,4}}|[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,8}})[ ]?[:：]"
)

# The stamp opening a log line: a clock time, a date, or both, bracketed or not.
_DATE = r"(?:(?:19|20)?[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2})"
# (an ISO stamp with its T and zone too: 2025-01-06T23:48:12+09:00 itagaki: …)
_ISO = r"(?:19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?"
# (a phone's chat export writes the clock with its half of the day: 午前1:52, 1:52 AM)
_STAMP = rf"\[?(?:{_DATE}[ \t]+)?(?:午前|午後)?[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?:[ \t]?[AP]M)?\]?|\[?{_ISO}\]?|\[?{_DATE}\]?"
_LOG_SPEAKER = re.compile(
    # (the sender's post may stand in brackets before the colon: [2025-03-05 09:12] hibino (CE):)
    rf"^[ \t]*(?:{_STAMP})[ \t]+(?P<h>(?P<word>[a-z]{{4,12}})(?:[._][a-z]{{1,4}})?)"
    # (or the column gap of a log that sets the sender between its time and the message: …+09:00  koike.anes  了解です)
    # (a chat may open the message with > instead: 07:58 sasagawa > 今日の…, 09:02 minato(8W) > 受け取りました)
    r"(?:(?:[ \t]?[(（][^()（）\n]{1,12}[)）])?[ \t]?(?:[:：]|>(?=[ \t]))|(?<=[a-z])[ \t]{2,}(?=[^\s\x00-\x7f]))",
    re.MULTILINE,
)
# ... or by a handle joining a role and the name with hyphens or underscores, bracketed as a chat server prints it or
# before the colon (``[22:41] er-leader-nakai:``, ``<dispatch_nakai> 本日の…``, ``[17:20] seo_neurosurg: OK``).
_LOG_ROLE_HANDLE = re.compile(
    rf"^[ \t]*(?:{_STAMP})[ \t]+(?:<(?P<b>[a-z]{{2,12}}(?:[-_][a-z]{{2,12}}){{1,3}})>"
    r"|(?P<h>[a-z]{2,12}(?:[-_][a-z]{2,12}){1,3})[ \t]?[:：])",
    re.MULTILINE,
)
# ... or by any login in angle brackets, as an IRC-style chat prints its senders (``08:15 <oconogi_r> …``, ``<ns.park>``):
# only where two senders or more talk, and not a log's level (``<INFO>``, ``<warn>``) or a listing's ``<DIR>``.
_LOG_ANGLE_SENDER = re.compile(
    rf"^[ \t]*(?:{_STAMP})[ \t]+<(?P<h>[A-Za-z][A-Za-z0-9._-]{{0,20}}[A-Za-z0-9])>", re.MULTILINE
)
_LOG_LEVELS = frozenset(
    "info warn warning error err debug trace notice fatal crit critical alert system sys dir".split()
)
# Who entered or imported a record, by login (取込 mizuno, 入力者: t.sato): the login reads as romaji.
_ENTERED_BY = re.compile(
    rf"(?:取込|取り込み|入力|登録|作成|更新|出力|印刷)者?(?:[ \t]*[:：][ \t]*|[ \t\u3000]+)(?P<h>{_HANDLE})(?![A-Za-z0-9])"
)
# A chat's sender in kana or kanji with the sender's post in brackets before the colon that opens the message
# (``2025/01/08 10:37 ｱｵﾔｷﾞ(検査室):``, ``08:31 野口(処置室Ns):``): the bracket says a person speaks.
_LOG_POSTED_SPEAKER = re.compile(
    rf"^[ \t]*(?:{_STAMP})[ \t]+(?P<h>[{KATAKANA}]{{2,8}}|[{KANJI}]{{1,4}}|[A-Z][a-z]{{1,11}})[(（][^()（）\n:：]{{1,12}}[)）][ \t]?[:：]",
    re.MULTILINE,
)
_TITLE_AFTER = honorifics.alternation(honorifics.words("person", "clinician"))
# A chat's sender after the unit the sender speaks for, a title between (``[07:58] ER 乾:``, ``21:04 RRT Dr.リ:``),
# the unit also a team or a hospital and its clinic (``14:21 南部医療センター PD外来 金城：``, ``14:05 訪看ひまわり 嘉手納：``).
_LOG_UNIT_SPEAKER = re.compile(
    rf"^[ \t]*(?:{_STAMP})[ \t]+(?:[A-Z]{{2,5}}|[^\s:：]{{2,12}}(?:[ \t\u3000][^\s:：]{{2,12}})?)[ \t\u3000]+"
    rf"(?:(?P<title>Dr|Ns|DR|NS)\.?[ \t]?)?"
    rf"(?P<h>[{KANJI}]{{1,4}}?|[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,8}})(?:{_TITLE_AFTER})?[ \t]?[:：]",
    re.MULTILINE,
)
# A chat's sender by a name in hiragana, as a phone's chat app shows a nickname (06:58 よしだ：, 07:01 ちえ@日勤L：):
# only where two or more such names each send twice or more, so a log's word before a colon (07:00 めも：) is left alone.
_LOG_KANA_SPEAKER = re.compile(
    rf"^[ \t]*(?:{_STAMP})[ \t]+(?P<h>[{HIRAGANA_LETTERS}]{{2,6}})(?:@[^\s:：@]{{1,8}})?[ \t]?[:：]", re.MULTILINE
)
# A chat's sender by a name in katakana of either width, as a nurses' chat shows it (01:12 ﾊﾞﾝﾄﾞｳ: 305-2 …): only a
# name that sends twice or more where two senders or more talk, so a log's one word (03:05 エコー：…) is left alone.
_LOG_KATAKANA_SPEAKER = re.compile(
    rf"^[ \t]*(?:{_STAMP})[ \t]+(?P<h>[{KATAKANA}]{{2,8}})[ \t]?(?:[:：]|>(?=[ \t]))", re.MULTILINE
)
# ... or by one capitalised word, a foreign surname no romaji reading vouches for ([10:31] Reyes: …): only a word
# that sends twice or more where two such senders talk, and no word a log writes there (Note:, Update:).
_LOG_CAPITAL_SPEAKER = re.compile(rf"^[ \t]*(?:{_STAMP})[ \t]+(?P<h>[A-Z][a-z]{{2,14}})[ \t]?[:：]", re.MULTILINE)
_LOG_HEADINGS = frozenset(
    "note memo update plan reminder summary action status result results comment reply answer question todo "
    "fyi info alert warning error system admin bot auto call phone task order orders vitals".split()
)
# Any chat line's sender, in any script, with a post in brackets or not (01:15 溝口(リーダー):).
_ANY_SPEAKER = re.compile(
    rf"^[ \t]*(?:{_STAMP})[ \t]+(?P<h>[^\s:：>()（）]{{1,12}})(?:[(（][^()（）\n]{{1,12}}[)）])?[ \t]?(?:[:：]|>(?=[ \t]))",
    re.MULTILINE,
)
# A chat's sender by a display name of two capitalised words ([07:55] Tomo Arai: ...), or alone on the line of the
# message's time with the sender's post in brackets, as a chat export prints it ([8:43 AM] Hashimoto Ren (ME)).
_LOG_DISPLAY_NAME = re.compile(
    rf"^[ \t]*(?:{_STAMP}|\[[0-9]{{1,2}}:[0-9]{{2}} ?[AP]M\])[ \t]+(?P<h>[A-Z][a-z]+ [A-Z][a-z]+)"
    r"(?:[ \t]?[:：]|(?:[ \t]*[(（][^()（）\n]{1,12}[)）])?[ \t]*$)",
    re.MULTILINE,
)
# A chat's sender in square brackets after the time, a post before the name (15:48 [コーディネーター 早瀬] 承知しました).
_BRACKETED_SENDER = re.compile(
    rf"^[ \t]*(?:{_STAMP})[ \t]+\[(?:[^\]\s]{{1,12}}[ \t\u3000])?(?P<h>[{KANJI}]{{1,4}})\]", re.MULTILINE
)
# A chat export's sender on a line of its own with the message's time, the message below (yuki_ict  8:05 AM).
_SENDER_LINE = re.compile(
    r"^(?P<h>[a-z][a-z0-9]*(?:[._][a-z0-9]+)*)[ \t]+[0-9]{1,2}:[0-9]{2}(?: ?[AP]M)?[ \t]*$", re.MULTILINE
)
# A record made by a login: exported by kmatsuda, printed by t_ono, Printed 2024/11/28 07:15 by matsuura; or a
# time stamp's maker closing its line (DB 2024-10-16 09:31 by morita; not "13:05 by phone, will call").
_MADE_BY = re.compile(
    r"(?:(?<![A-Za-z])(?i:exported|printed|created|modified|updated|entered|signed|approved|reviewed|saved|export|print)"
    r"(?:[ \t]+(?:on[ \t]+)?[0-9][0-9/\-.: ]{4,18}[0-9])?"
    rf" by[ \t]+(?P<h>{_HANDLE})(?![A-Za-z0-9])"
    rf"|[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})? by[ \t]+(?P<s>{_HANDLE})[ \t]*$)",
    re.MULTILINE,
)
# Romaji-shaped English words a log or a chat writes before a colon.
_LOG_WORDS = frozenset(
    "note memo none done home same sure make take more also data name type mode side kana auto".split()
)


@register
class UserHandleRecognizer(Recognizer):
    name: ClassVar[str] = "user-handle"
    categories: ClassVar[tuple[str, ...]] = ("PHYSICIAN_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if "@" in text:
            for m in _LATIN_MENTION.finditer(text):
                if m.group("h").lower() not in _BROADCAST and len(m.group("h")) >= 3:
                    found.append(Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
            for m in _NAME_MENTION.finditer(text):
                handle = m.group("h")
                if any(can_be_surname(handle[:n]) for n in (1, 2, 3)):
                    found.append(Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        if "_" in text or "＿" in text:
            for m in _ROLE_SENDER.finditer(text):
                handle = m.group("h")
                if not is_kanji(handle[0]) or any(can_be_surname(handle[:n]) for n in (1, 2, 3)):
                    found.append(Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        for m in _LOG_SPEAKER.finditer(text):
            if is_romaji(m.group("word")) and m.group("word") not in _LOG_WORDS:
                found.append(Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        for m in _LOG_ROLE_HANDLE.finditer(text):
            group = "b" if m.group("b") else "h"
            parts = re.split(r"[-_]", m.group(group))
            if any(len(p) >= 3 and is_romaji(p) and p not in _LOG_WORDS for p in parts):
                found.append(Candidate(*m.span(group), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        for m in _LOG_POSTED_SPEAKER.finditer(text):
            handle = m.group("h")
            if handle.isascii() and not (is_romaji(handle.lower()) and handle.lower() not in _LOG_WORDS):
                continue  # Note(1):, Memo(追記): a log's own word
            if not is_kanji(handle[0]) or any(can_be_surname(handle[:n]) for n in (1, 2, 3)):
                found.append(Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        for m in _LOG_UNIT_SPEAKER.finditer(text):
            handle = m.group("h")
            if m.group("title") or (is_kanji(handle[0]) and any(can_be_surname(handle[:n]) for n in (1, 2, 3))):
                found.append(Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        kana_speakers = list(_LOG_KANA_SPEAKER.finditer(text))
        senders = _posting_twice(kana_speakers)
        if len({m.group("h") for m in senders}) >= 2:  # a talk between people, not a log's one word
            found += [Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT) for m in senders]
        found += _katakana_senders(text)
        found += _capitalised_senders(text)
        if "<" in text:
            found += _angle_senders(text)
        for m in _LOG_DISPLAY_NAME.finditer(text):
            given, family = m.group("h").lower().split()
            if is_romaji(given) and is_romaji(family) and given not in _LOG_WORDS:
                found.append(Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        for m in _BRACKETED_SENDER.finditer(text):
            if any(can_be_surname(m.group("h")[:n]) for n in (1, 2, 3)):
                found.append(Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        for m in _SENDER_LINE.finditer(text):
            parts = re.split(r"[._]", m.group("h"))
            if any(len(p) >= 3 and is_any_romaji(p) and p not in _LOG_WORDS for p in parts) and len(m.group("h")) >= 4:
                found.append(Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        for m in _MADE_BY.finditer(text):
            group = "h" if m.group("h") else "s"
            if _reads_as_login(m.group(group)):
                found.append(Candidate(*m.span(group), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        for m in _ENTERED_BY.finditer(text):
            if _reads_as_login(m.group("h")):
                found.append(Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        for m in _LOGIN.finditer(text):
            if any(ch.isalpha() for ch in m.group("h")) and len(m.group("h")) >= 3:
                found.append(Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        return found


def _posting_twice(posts: list[re.Match]) -> list[re.Match]:
    """The posts whose sender posts twice or more (a talk's speakers, not a log's one word)."""
    names = [m.group("h") for m in posts]
    return [m for m in posts if names.count(m.group("h")) >= 2]


def _katakana_senders(text: str) -> list[Candidate]:
    posts = list(_LOG_KATAKANA_SPEAKER.finditer(text)) if ":" in text or "：" in text or ">" in text else []
    repeated = _posting_twice(posts)
    if not repeated or len({m.group("h") for m in _ANY_SPEAKER.finditer(text)}) < 2:
        return []
    return [Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT) for m in repeated]


def _capitalised_senders(text: str) -> list[Candidate]:
    posts = [m for m in _LOG_CAPITAL_SPEAKER.finditer(text) if m.group("h").lower() not in _LOG_HEADINGS | _LOG_LEVELS]
    repeated = _posting_twice(posts)
    if len({m.group("h") for m in repeated}) < 2:
        return []
    return [Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT) for m in repeated]


def _angle_senders(text: str) -> list[Candidate]:
    posts = [m for m in _LOG_ANGLE_SENDER.finditer(text) if m.group("h").lower() not in _LOG_LEVELS]
    senders = {m.group("h") for m in posts if any(ch.islower() for ch in m.group("h"))}
    if len(senders) < 2:
        return []
    return [Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT) for m in posts if m.group("h") in senders]


_LOGIN_SHAPE = re.compile(r"[A-Za-z]+(?:[._-][A-Za-z]+)?")


def _reads_as_login(handle: str) -> bool:
    """A login of romaji: its longest part reads as romaji, or does after an initial (kmatsuda, t.sato)."""
    if not _LOGIN_SHAPE.fullmatch(handle):
        return False  # a file's name (wb_photo_a03.jpg) or a code, not a person's login
    word = max(re.split(r"[._-]", handle), key=len).lower()
    return len(handle) >= 4 and (is_any_romaji(word) or is_any_romaji(word[1:]))
