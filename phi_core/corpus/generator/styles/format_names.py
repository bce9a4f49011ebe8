"""The closed vocabulary of value formats recorded on gold spans (``Span.format``).

A writer in formats.py or a style module may only record a name listed here:
:class:`~phi_core.corpus.generator.styles.doc.StyleBuilder` refuses any other,
so a typo fails the tests instead of inventing a new row in the analysis.
"""

from __future__ import annotations

FORMATS: frozenset[str] = frozenset(
    {
        # dates
        "era date",
        "era first-year date",
        "era-abbreviated date",
        "era year",
        "western kanji date",
        "slash date",
        "ISO date",
        "two-digit-year date",
        "month-day date",
        "compact date",
        "English date",
        "US date",
        "full-width date",
        "year-month date",
        "HL7 timestamp",
        "DICOM date",
        # times
        "colon time",
        "kanji time",
        "compact time",
        "full-width time",
        "English time",
        # names
        "kanji name",
        "hiragana name",
        "katakana name",
        "half-width katakana name",
        "romaji name",
        "romaji name, family first",
        "romaji initial and surname",
        "initials",
        "HL7 name",
        "DICOM name",
        "surname alone",
        "romaji surname alone",
        "katakana surname alone",
        # phones
        "hyphen phone",
        "bracket phone",
        "bare phone",
        "full-width phone",
        "international phone",
        "extension",
        # addresses
        "address with postal code",
        "address without postal code",
        "address without prefecture",
        "address with building and room",
        "full-width address",
        "HL7 address",
        "English address",
        "city-only address",
        # identifiers
        "digit ID",
        "zero-padded ID",
        "prefixed ID",
        "grouped ID",
        "full-width ID",
        "HL7 ID",
        "accession number",
        "specimen number",
        "order number",
        "room number",
        "bed number",
        "device serial",
        # facility, department
        "facility name",
        "bracketed facility name",
        "romaji facility name",
        "HL7 facility",
        "department",
        "ward",
        "English department",
        # age, sex
        "age",
        "full-width age",
        "English age",
        "DICOM age",
        "sex word",
        "short sex word",
        "sex code",
        "English sex word",
    }
)
