"""Would GiNZA's statistical NER, as one more recognizer, help the rules? Printed, not asserted.

Runs the rule recognizers alone and with a GiNZA recognizer added (its
entities mapped to PHI categories, at the lowest rank so that rule spans win
overlaps), on the ``synthetic-styles`` dev and test splits, the PHI-free
paragraphs, the distractor documents and (when ../shared is present) the
study's dev reports, and times both. The result decides whether GiNZA is kept
(README, "Why no statistical NER").

Needs ``pip install ja-ginza`` (not a project dependency); exits with a
message when it is missing.

Usage: .venv/bin/python -m bench.ginza_ner [--limit N]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time

from phi_core.extractors.recognition.profiles import get_profile
from phi_core.extractors.rules import RECOGNIZERS, extract
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer
from phi_core.scoring import aggregate, score_report

# GiNZA (Sekine's extended named-entity labels) -> PHI category.
LABELS = {
    "Person": "PATIENT_NAME",
    "Date": "OTHER_DATE",
    "Time": "TIME",
    "Phone_Number": "PHONE",
    "Postal_Address": "ADDRESS",
    "Hospital": "HOSPITAL_NAME",
    "Age": "AGE",
}


class GinzaRecognizer(Recognizer):
    name = "ginza"

    def __init__(self, nlp, labels: dict[str, str]) -> None:
        self.nlp = nlp
        self.labels = labels

    def find(self, doc: Document) -> list[Candidate]:
        parsed = self.nlp(doc.text)
        return [
            Candidate(ent.start_char, ent.end_char, self.labels[ent.label_], 0)
            for ent in parsed.ents
            if ent.label_ in self.labels
        ]


def measure(title: str, reports, recognizers) -> None:
    started = time.process_time()
    scores = [score_report(r.text, r.spans, extract(r.text, recognizers)) for r in reports]
    seconds = time.process_time() - started
    summary = aggregate(scores, n_boot=100)
    recall = 1 - summary["char_leak_rate"] if summary["char_leak_rate"] is not None else float("nan")
    precision = summary["relaxed_precision"] or float("nan")
    fp = sum(s.counts["relaxed_fp"] for s in scores)
    print(
        f"  {title:<34} char recall {recall:.3f}  span precision {precision:.3f}  "
        f"composite {summary['score']:.2f}  spurious spans {fp}  ({len(reports) / seconds:,.0f} docs per CPU s)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="use only the first N reports of each set")
    args = parser.parse_args()
    if importlib.util.find_spec("ginza") is None or importlib.util.find_spec("ja_ginza") is None:
        print("GiNZA is not installed: `.venv/bin/pip install ja-ginza` to run this measurement.")
        return 1
    import spacy

    nlp = spacy.load("ja_ginza")
    from bench.bench_styles_data import load_sets

    sets = load_sets(args.limit)
    variants = {
        "rules": get_profile("balanced").enabled(),
        "rules + GiNZA (Person)": {**RECOGNIZERS, "ginza": GinzaRecognizer(nlp, {"Person": "PATIENT_NAME"})},
        "rules + GiNZA (all mapped)": {**RECOGNIZERS, "ginza": GinzaRecognizer(nlp, LABELS)},
    }
    for set_name, reports in sets.items():
        print(f"{set_name} ({len(reports)} documents)")
        for title, recognizers in variants.items():
            measure(title, reports, recognizers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
