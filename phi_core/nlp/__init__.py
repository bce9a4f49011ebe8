"""Japanese morphology (SudachiPy) and statistical NER (GiNZA), loaded lazily once per process.

Importing this package loads nothing: the first call to :func:`sudachi` or
:func:`ginza` does, and later calls reuse the same object (a dictionary takes
tens of milliseconds to open, GiNZA's model seconds). Both are ordinary
dependencies (requirements.txt); a missing one raises :class:`NlpUnavailable`
with a message in English and Japanese that says what to install.
"""

from phi_core.nlp.loaders import (
    SUDACHI_DICTIONARIES,
    NlpUnavailable,
    ginza,
    ginza_available,
    sudachi,
    sudachi_available,
    sudachi_dictionary_name,
)

__all__ = [
    "SUDACHI_DICTIONARIES",
    "NlpUnavailable",
    "ginza",
    "ginza_available",
    "sudachi",
    "sudachi_available",
    "sudachi_dictionary_name",
]
