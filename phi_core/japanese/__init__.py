"""Japanese text, in one place: character classes and scripts, width folding,
eras and date reading, honorifics and titles.

This package sits on the ground floor: it imports nothing from phi_core, so
every layer (rules, scoring, generators, de-identification, reply parsing)
can use it. Each table is defined once here; a test
(tests/test_japanese_tables.py) fails when a copy appears elsewhere.

Modules:
    chars       character ranges, regex fragments and per-character tests
    scripts     the writing system of a value (scorer's breakdown, surrogates)
    width       full/half width conversion and NFKC folding with offset maps
    eras        the era table, era <-> Western years
    dates       reading a written date into (year, month, day)
    honorifics  honorifics and titles written before or after names
    romaji      the Latin initial a kana reading starts with
"""
