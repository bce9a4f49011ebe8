"""The document sets the style benchmarks share (bench/styles.py, bench/ginza_ner.py)."""

from __future__ import annotations


from phi_core.corpus.importers import read_corpus
from phi_core.models import Report
from phi_core.paths import DATA_DIR, SHARED_DIR

STYLES_FILE = DATA_DIR / "corpus" / "synthetic-styles.jsonl"
PHI_FREE = DATA_DIR / "rules" / "phi_free_findings.txt"
PAPER_DEV = SHARED_DIR / "data" / "paper_dev_100.csv"


def styles_reports() -> list[Report]:
    if STYLES_FILE.exists():
        return read_corpus(STYLES_FILE, "jsonl", dataset="synthetic-styles").reports
    from phi_core.corpus.generator.styles import generate_styles_reports

    return generate_styles_reports()


def phi_free_reports() -> list[Report]:
    paragraphs = [p.strip() for p in PHI_FREE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return [Report(id=f"phi-free-{i}", text=p, spans=[]) for i, p in enumerate(paragraphs)]


def load_sets(limit: int = 0) -> dict[str, list[Report]]:
    styles = styles_reports()
    sets = {
        "synthetic-styles dev": [r for r in styles if r.split == "dev"],
        "synthetic-styles test": [r for r in styles if r.split == "test"],
        "PHI-free paragraphs + distractor documents": phi_free_reports()
        + [r for r in styles if (r.style or "") == "distractor"],
    }
    if PAPER_DEV.exists():
        paper = read_corpus(PAPER_DEV, "paper-csv", dataset="paper-dev", split="dev").reports
        sets["study dev reports (labelled)"] = [r for r in paper if r.spans]
    return {name: (reports[:limit] if limit else reports) for name, reports in sets.items()}
