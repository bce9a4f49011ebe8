"""Finding English left in a page shown in Japanese.

Used by the AppTest check (tests/ui/test_languages_apptest.py) and the
browser check (tests/e2e/test_languages_e2e.py). Text is cut into runs of
Latin-letter words; a run is untranslated when one of its words is on no
allowlist. Japanese interface text legitimately keeps some Latin words:
each kind is an entry of ALLOWLIST with the reason it may stay. Data values
(dataset, model and backend names, ids, names in the reports) are allowed
only as read from the database or corpus the page shows, never as a fixed
guess, so that an English word does not slip through because a model
happens to share its name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from phi_core.taxonomy import CATEGORY_CODES, COARSE_LABELS
from phi_core.ui.plain import unescape

CORPUS_FILE = Path(__file__).resolve().parents[2] / "data" / "corpus" / "synthetic.jsonl"

# A word: Latin letters, digits inside, joined by ' - . _ (Self-Refine, t-test, GPT-4.1, phi-bench, PATIENT_NAME).
WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9]*(?:['’.\-_][A-Za-z0-9]+)*")
# Words separated by nothing but spaces and light punctuation read as one phrase.
GAP = re.compile(r"^[\s,()/:&+]*$")
# Not language at all: removed before looking for words.
NOT_LANGUAGE = (
    re.compile(r"[a-z][a-z0-9+.-]*://\S+"),  # URLs (Ollama hosts)
    re.compile(r"\S*[/\\]\S*\.\w+"),  # file paths (docs/statistics.md, the database file)
    re.compile(r"`[^`]*`"),  # code spans that reached the text unrendered
    # Command lines shown on purpose (what to type in a terminal), up to a comma, bracket or Japanese punctuation.
    re.compile(r"\bpython3? -m phi_core(?: +[^\s、。，（）(),]+)*"),
    re.compile(r"--[a-z][a-z-]*"),  # command-line options
    re.compile(r":material/[a-z_]+:"),  # icon shortcodes (drawn as icons, never read)
    re.compile(r"\{[a-z_]+\}"),  # placeholders of prompt templates ({report}), typed as they are
)


@dataclass(frozen=True)
class Allowed:
    why: str
    words: frozenset[str]
    case_sensitive: bool = True


def _entry(why: str, words: Iterable[str], *, case_sensitive: bool = True) -> Allowed:
    return Allowed(why, frozenset(words), case_sensitive)


ALLOWLIST: tuple[Allowed, ...] = (
    _entry(
        "the product and the programs it names are proper names, written as such in Japanese too",
        {
            "phi-bench",
            "phi_core",
            "python",
            "Python",
            "Streamlit",
            "DuckDB",
            "Ollama",
            "Chromium",
            "Playwright",
            "llama.cpp",
            "OpenAI",
            "Excel",
            "doccano",
        },
    ),
    _entry(
        "technique, model-family and field terms Japanese texts write in Latin letters",
        {"LLM", "LLMs", "PHI", "Self-Refine", "JSON", "OCR", "OIDC", "API", "GPU", "CPU", "ID", "IDs", "Refine"},
    ),
    _entry(
        "statistical symbols and tests named after people are written in Latin letters in Japanese papers",
        {
            "CI",
            "SD",
            "F1",
            "F2",
            "dz",
            "Holm",
            "Wilcoxon",
            "Welch",
            "Mann-Whitney",
            "Cohen",
            "Krippendorff",
            "kappa",
            "alpha",
            "t-test",
            "R2",
            "nan",
        },
    ),
    _entry("text encodings are named by their standard names", {"UTF-8", "UTF-8-SIG", "Shift_JIS", "CP932", "EUC-JP"}),
    _entry(
        "run labels name the phase as a short code, the same in both languages (gemma3 · p3)",
        {f"p{n}" for n in range(10)},
    ),
    _entry(
        "file formats and units stay as written",
        {"PNG", "SVG", "PDF", "HTML", "CSV", "JSONL", "TOML", "zip", "px", "KB", "MB", "GB", "ms"},
    ),
    _entry(
        "category codes of the taxonomy and the prompts' coarse types are identifiers, not prose",
        {*CATEGORY_CODES, *COARSE_LABELS},
    ),
    _entry("split codes are the values the CLI takes (--split dev)", {"dev", "test", "all"}),
    _entry(
        "document format codes are the values the CLI takes (--format paper-csv)", {"jsonl", "paper-csv", "csv", "txt"}
    ),
    _entry("the language switch names English in English", {"English"}),
)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def data_words(values: Iterable[str]) -> frozenset[str]:
    """The words in data values (names of datasets, models, backends, report ids)."""
    return frozenset(w for value in values if value for w in words(str(value)))


def store_words(store) -> frozenset[str]:
    """Words of the data values a database shows: dataset, backend and model names, run and report ids,
    the paper's model names and table ids (S8), and the names in the built-in reports."""
    datasets = store.dataset_names()
    runs = [run for name in datasets for run in store.runs(name)]
    reference = store.reference_scores()
    values = [
        *datasets,
        *(r.backend for r in runs),
        *(r.model or "" for r in runs),
        *(r.run_id for r in runs),
        *store.report_ids(),
    ]
    for column in ("model", "source_table"):
        if column in reference:
            values += [str(v) for v in reference[column].dropna()]
    return data_words(values) | corpus_words() | registry_words()


def registry_words() -> frozenset[str]:
    """Identifiers the app offers from its registries, not from prose: backend names
    (rules, ollama, llamacpp) and the phases' keys and names (p1-v1-3daf537d, capacity_matched)."""
    from phi_core.phases import default_registry
    from phi_core.runs.extractor_factory import backend_names

    phases = default_registry().all()
    return data_words([*backend_names(), *(p.key for p in phases), *(p.name for p in phases)])


def corpus_words(path: Path = CORPUS_FILE) -> frozenset[str]:
    """Names, device names, abbreviations and ids in the built-in reports.

    Only words written with a capital or a digit: the reports also hold a few
    plain English words (score, type, line) that must not excuse the interface.
    """
    found: set[str] = set()
    if path.exists():
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    found.update(words(json.loads(line)["text"]))
    return frozenset(w for w in found if not w.islower())


def _allowed(word: str, extra: frozenset[str]) -> bool:
    if len(word) == 1 or word in extra:  # one letter: a symbol or unit (p, n, t, U, s)
        return True
    for entry in ALLOWLIST:
        if word in entry.words or (not entry.case_sensitive and word.lower() in {w.lower() for w in entry.words}):
            return True
    return False


def english_runs(text: str, extra: frozenset[str] = frozenset()) -> list[str]:
    """Phrases of ``text`` with a Latin word that is on no allowlist (``extra``: this page's data words).

    Markdown sources are read as a reader sees them: plain.escape's backslashes and word joiners
    would otherwise split or glue words (``python \\-m phi\\_core``).
    """
    text = unescape(text)
    for pattern in NOT_LANGUAGE:
        text = pattern.sub(" ", text)
    runs: list[list[tuple[str, bool]]] = []
    last_end = None
    for match in WORD.finditer(text):
        item = (match.group(), _allowed(match.group(), extra))
        if runs and last_end is not None and GAP.match(text[last_end : match.start()]):
            runs[-1].append(item)
        else:
            runs.append([item])
        last_end = match.end()
    return [" ".join(w for w, _ in run) for run in runs if not all(ok for _, ok in run)]


def untranslated(texts: Iterable[str], extra: frozenset[str] = frozenset()) -> list[str]:
    """Every flagged phrase with the text it came from, once each."""
    found: dict[str, None] = {}
    for text in texts:
        for run in english_runs(text, extra):
            found[f"{run!r} in {text.strip()[:120]!r}"] = None
    return list(found)
