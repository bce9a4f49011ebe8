"""Whose name is it: a staff cue beside a name makes it a physician's, otherwise the patient's.

Shared by the recognizers that find names without a label (Sudachi, GiNZA,
romaji words), so they type names the same way.
"""

from __future__ import annotations

from phi_core.extractors import fast_re as re

_STAFF_BEFORE = re.compile(
    r"(?:Dr\.?|DR\.?|Ns\.?|医師|主治医|担当医?|看護師|技師|薬剤師|読影医?|報告者|記載者?|記録者?|"
    r"ケアマネ(?:ージャー)?|MSW|PT|OT|ST|署名|承認者?|依頼医)[\s:：　]*$"
)
_STAFF_AFTER = re.compile(r"^[\s　]*(?:先生|医師|Dr|看護師|技師|薬剤師|主治医|ケアマネ|PT|OT|ST\b|MD\b|M\.D\.)")


def person_category(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 12) : start]
    after = text[end : end + 8]
    if _STAFF_BEFORE.search(before) or _STAFF_AFTER.match(after):
        return "PHYSICIAN_NAME"
    return "PATIENT_NAME"
