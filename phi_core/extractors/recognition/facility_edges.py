"""The edges of a place's name that a rule with a higher rank cut off (recall-first).

- A kana name glued after the kind a rule ended on: 南区地域包括支援センターはまなす (a rule took
  南区地域包括支援センター; the name after the kind is the place's own), not a particle or an ending
  that goes on with the sentence (センターから, センターでは).
- A short word and の written before a name the rules cut at the の: もりの宮クリニック, 海の見える丘病院
  (found as 宮クリニック, 見える丘病院), the word opening a line, a bracket, an item or a field; one
  kanji or up to four kana only (患者の田中クリニック: a word of the sentence, not the name).
- A word before が or ヶ that a rule took for a person or a place, where the facility's name holds a place
  called so: 川口みどりが丘病院 (found as 川口みどり and 丘病院); or that no rule took, opening a field
  (dest="みどりが丘リハビリテーション病院", found as 丘リハビリテーション病院).
- A branch a blank after the firm's name: あおい薬局 かもめ台駅前店, ひかり薬局 本町店, 横浜営業所; and a
  centre of the facility so (湊北中央病院 健診センター, けやき台総合病院 予防医療センター).
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, KATAKANA, LONG_VOWEL, is_hiragana
from phi_core.japanese.honorifics import alternation
from phi_core.japanese.organisations import PRACTICE_SPECIALTIES

_KIND_END = ("センター", "ホーム", "ステーション", "クリニック")
# A centre of the facility a blank after its name, one place of care with it (湊北中央病院 健診センター).
_CENTRE_AFTER = re.compile(
    rf"[ \u3000](?:[{KANJI}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,10}})センター(?=[\s、。,，（(）)】]|$)"
)
# ... or three letters or more before より or から, where the sentence goes on: レディースクリニックみのりより搬送.
_KANA_AFTER = re.compile(
    rf"[{HIRAGANA_LETTERS}]{{2,5}}(?=[\s、。,，（(）)]|$)|[{HIRAGANA_LETTERS}]{{3,5}}?(?=より(?![{HIRAGANA_LETTERS}])|から)"
)
# A particle and what follows it in a sentence (から, では, がある); a two-letter run that opens with a
# particle is one too (では, にて). A name may open with a particle's letter: はまなす, のぞみ, かえで.
NOT_A_KANA_NAME = re.compile(
    "(?:から|まで|より|では|には|にて|への|での|でも|へも|とは|など|ため|です|でし|して|する|され|だっ|ので|のみ"
    "|にも|とも|とし|にお|へは|をお|があ|がな|がい|はあ|はな[いく]|もあ|もな)"
    "|[はがをにでとへもやよのか].$"
)
_NO_BEFORE = re.compile(
    rf"(?:(?<=[\s（(「『・：:、,，【])|^)(?:[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{1,4}}|[{KANJI}])の$",
    re.MULTILINE,
)
# A practice's further specialties after a dot, one name: 銀座ルミナ皮フ科・美容皮フ科, 山田内科・小児科.
_MORE_SPECIALTIES = re.compile(
    rf"(?:[・･](?:[{KANJI}{KATAKANA}ー]{{0,4}}?)(?:{alternation(PRACTICE_SPECIALTIES)}))+(?![{KANJI}])"
)
_POINTING = ("当", "同", "貴", "他", "各", "本", "この", "その", "あの", "どの")
_OPENING = re.compile(r"(?:(?<=[\s（(「『・：:、,，【])|^)", re.MULTILINE)
# A branch a blank after its firm's name: あおい薬局 かもめ台駅前店, ライフケア湘南 横浜営業所.
# (a clinic chain's branch too: リュクス美容外科 渋谷院; not 入院, 通院, 当院, 大学院)
_BRANCH_END = re.compile(r"(?<![当同貴他自本分病医寺入退通来学議])院(?=[\s、。,，（(）)]|$)")
_BRANCH = re.compile(
    r"[ \u3000](?P<branch>[^\s、。,，（(）)：:]{1,10}?(?:店|営業所|出張所|(?<![当同貴他自本分病医寺入退通来学議])院))"
    r"(?=[\s、。,，（(）)]|$)"
)
# が丘, ヶ丘, ケ谷: a place's name joined by a connector, the place's name part of the facility's.
_CONNECTORS = "がヶケ"
_PARTICLE_LETTERS = "はやとにもを"
# ... and the word before the connector found as nothing, opening a field of any kind (^, "=", a quote):
# dest="みどりが丘リハビリテーション病院", MIDORIGAOKA_RH^みどりが丘リハビリテーション病院.
_WORD_BEFORE_CONNECTOR = re.compile(
    rf"(?:(?<=[\s（(「『・：:、,，【^\"'=|/])|^)(?:[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,4}}|[{KANJI}]{{1,3}})"
    rf"[{_CONNECTORS}]$",
    re.MULTILINE,
)
_SHORT_CORE = re.compile(rf"[{KANJI}](?:病院|医院|クリニック|診療所)$")


def _place_before_no(text: str, spans: list[Candidate], start: int) -> Candidate | None:
    """A place a rule found before の, where the rules cut a name at the の: 見沼の杜病院 (found as 見沼 and
    杜病院), the place opening a line, a bracket or a field. The name after the の is one kanji and its
    kind, as no hospital is called by that alone; the place is the name's first word."""
    if start < 2 or text[start - 1] != "の":
        return None
    for s in spans:
        if s.end == start - 1 and s.category in ("ADDRESS", "FACILITY_ADDRESS") and _OPENING.match(text, s.start):
            name_end = next((c.end for c in spans if c.start == start and c.category == "HOSPITAL_NAME"), start)
            if _SHORT_CORE.fullmatch(text, start, name_end) and start - 1 - s.start <= 4:
                return s
    return None


def _place_before_connector(text: str, spans: list[Candidate], start: int) -> Candidate | None:
    """A word a rule took for a person's or a place's name before が or ヶ, where a facility's name holds a place
    called so (川口みどりが丘病院: found as 川口みどり and 丘病院): the word opening a line, a bracket or a field.
    So too a place before a kana name that opens with a particle's letter, which the rules cut there
    (沼田やまゆり病院, 堺はまでら病院: found as 沼田 and まゆり病院): the kana go on after the letter."""
    particle = text[start - 1] in _PARTICLE_LETTERS and is_hiragana(text[start])
    if start < 2 or not (text[start - 1] in _CONNECTORS or particle):
        return None
    for s in spans:
        if (
            s.end == start - 1
            and s.category != "HOSPITAL_NAME"
            and (not particle or s.category in ("ADDRESS", "FACILITY_ADDRESS"))
            and start - 1 - s.start <= 8
            and _OPENING.match(text, s.start)
        ):
            return s
    return None


def grow_place_names(text: str, spans: list[Candidate]) -> list[Candidate]:
    """Each HOSPITAL_NAME span grows over a kana name after its kind and a short word with の before it."""
    out = sorted(spans, key=lambda c: c.start)
    for span in [s for s in out if s.category == "HOSPITAL_NAME"]:
        start, end = span.start, span.end
        if text.endswith(_KIND_END, span.start, span.end):
            kana = _KANA_AFTER.match(text, end)
            if kana and not NOT_A_KANA_NAME.match(kana.group()):
                end = kana.end()
        if text.endswith(PRACTICE_SPECIALTIES, span.start, span.end):
            more = _MORE_SPECIALTIES.match(text, end)
            end = more.end() if more else end
        unit = _CENTRE_AFTER.match(text, end)
        end = unit.end() if unit else end
        branch = _BRANCH.match(text, end)
        if not branch and _BRANCH_END.match(text, end) and re.search(r"[ \u3000]", text[start:end]):
            end += 1  # the branch's place already taken as the name's (リュクス美容外科 渋谷 + 院)
        if branch:
            end = branch.end()
            out = [s for s in out if not (branch.start("branch") <= s.start and s.end <= end)]
        line_start = text.rfind("\n", 0, start) + 1
        before = _NO_BEFORE.search(text, max(line_start, start - 6), start)
        if before and not before.group().startswith(_POINTING):
            start = before.start()
        place = _place_before_no(text, out, start) or _place_before_connector(text, out, start)
        if place is not None:
            out.remove(place)
            start = place.start
        elif text[start - 1 : start] in _CONNECTORS:
            word = _WORD_BEFORE_CONNECTOR.search(text, max(line_start, start - 5), start)
            start = word.start() if word else start
        if (start, end) == (span.start, span.end) or any(
            s is not span and s.start < end and start < s.end for s in out
        ):
            continue  # nothing to add, or another value stands there: leave both
        out = sorted([s for s in out if s is not span] + [span._replace(start=start, end=end)], key=lambda c: c.start)
    return out
