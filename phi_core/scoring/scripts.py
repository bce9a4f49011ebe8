"""Which writing system a piece of PHI is written in (recall by script).

The study reports recall by script (kanji, katakana, hiragana, romaji, mixed)
because local models miss kana names far more often than kanji ones. The
classifier and its rules (docs/scoring.md) live with the other Japanese
tables in phi_core/japanese/scripts.py; the scorer uses them from here.
"""

from __future__ import annotations

from phi_core.japanese.scripts import SCRIPTS, Script, char_script, script_of

__all__ = ["SCRIPTS", "Script", "char_script", "script_of"]
