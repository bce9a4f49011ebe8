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
  message (``検査_ヤギ:``, ``当直_根本：``).
"""

from __future__ import annotations

import re
from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, KANJI, LONG_VOWEL, is_kanji

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
    rf"(?<![\w])(?:[{KANJI}]{{1,6}}|[A-Za-z]{{1,10}})[_＿](?P<h>[{KANJI}]{{1,4}}|[{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,8}})[ ]?[:：]"
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
        for m in _LOGIN.finditer(text):
            if any(ch.isalpha() for ch in m.group("h")) and len(m.group("h")) >= 3:
                found.append(Candidate(*m.span("h"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        return found
