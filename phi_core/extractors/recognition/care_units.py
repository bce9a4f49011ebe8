"""Intensive and high care units by their letters: one table for every rule that reads a ward or a bed.

A unit is the patient's DEPARTMENT of record wherever it stands (ICU, NICU, CVICU),
and its bed an OTHER_ID (ICU-3, HCU 入室（H2）).
"""

from __future__ import annotations

# An intensive care unit of a kind (N: neonatal, P: paediatric, MF: maternal-fetal, CV: cardiovascular, CS: cardiac surgical,
# B: burns, S: surgical, M: medical, E: emergency, C: cardiac, R: respiratory, T: trauma, G and H: general, high);
# then the other units by their letters (EMU: epilepsy monitoring).
CARE_UNITS = (
    *(f"{kind}ICU" for kind in ("MF", "CV", "CS", "N", "P", "B", "S", "M", "E", "C", "R", "T", "G", "H")),
    "ICU", "HCU", "CCU", "SCU", "GCU", "HDU", "EMU",
)  # fmt: skip

# Longest first, so that an alternation takes CVICU whole before ICU.
CARE_UNIT_ALTERNATION = "|".join(sorted(CARE_UNITS, key=len, reverse=True))
