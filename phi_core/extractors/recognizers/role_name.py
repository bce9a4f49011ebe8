"""The `role-name` recognizer: a name after a role or relation word."""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_PATTERN, Candidate
from phi_core.extractors.recognition.name_forms import (
    _NAME_THEN_RELATION_RE,
    _NOT_ROMAJI_NAMES,
    context_name_candidates,
)
from phi_core.extractors.recognition.name_parts import _strip_trailing_titles, starts_with_surname
from phi_core.extractors.recognition.prose_names import (
    _RELATION_NAME_RE,
    _RELATION_WORDS_RE,
    _ROLE_PREFIX_RE,
    _accept_name,
    _best_name,
    cut_at_title,
)
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese import honorifics
from phi_core.japanese.chars import HIRAGANA_LETTERS, KANJI, KATAKANA, is_kanji

# "妻の花子さん", "長男の健太さん": a relative named by the given name alone.
_GIVEN_ENDINGS = tuple("子美恵代江枝奈菜香花里理乃郎朗男夫雄生也哉太介輔助樹貴彦司治明博之人平吾")
_RELATIVE_HONORIFICS = honorifics.words("person", exclude=("さま", "殿", "氏", "君"))
_RELATIVE_GIVEN_RE = re.compile(
    _RELATION_WORDS_RE
    + f"の(?P<name>[{KANJI}]{{1,3}}|[{HIRAGANA_LETTERS}]{{2,4}}|[{KATAKANA}]{{2,5}})(?="
    + honorifics.alternation(_RELATIVE_HONORIFICS)
    + ")"
)
_ENGLISH_RELATIVES = (
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "sister",
    "brother",
    "spouse",
    "partner",
)
_ENGLISH_RELATIVE_RE = re.compile(
    r"(?:[Hh]is|[Hh]er|[Tt]he patient's)? ?(?:" + "|".join(_ENGLISH_RELATIVES) + ")"
    r"[,:]? (?:Mr\.? |Ms\.? |Mrs\.? )?(?P<name>[A-Z][a-z]+ [A-Z][a-z]+|[A-Z][a-z]+ [A-Z]{2,}|[A-Z]{2,} [A-Z][a-z]+)"
)


# What closes a name written before its relation, found first: the name's pattern is tried only in front of it.
_RELATION_BRACKET_RE = re.compile("[（(](?:" + _RELATION_WORDS_RE + "|" + "|".join(_ENGLISH_RELATIVES) + ")[)）、,]")


def _names_then_relations(text: str):
    done = 0
    for bracket in _RELATION_BRACKET_RE.finditer(text):
        for match in _NAME_THEN_RELATION_RE.finditer(text, max(done, bracket.start() - 40), bracket.end()):
            if match.end() == bracket.end():
                done = match.end()
                yield match


def role_prefixed_names(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for match in _names_then_relations(text):
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
    # (its optional opening is tried at every position: only where one of its words is written)
    for match in _ENGLISH_RELATIVE_RE.finditer(text) if any(w in text for w in _ENGLISH_RELATIVES) else ():
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


@register
class RolePrefixedNameRecognizer(Recognizer):
    """A name after a role or relation word, no colon needed: 担当医 服部翔太, 長男の北村稔."""

    name = "role-name"
    categories = ("PHYSICIAN_NAME", "EMERGENCY_CONTACT")

    def find(self, doc: Document) -> list[Candidate]:
        return role_prefixed_names(doc.text) + context_name_candidates(doc.text)
