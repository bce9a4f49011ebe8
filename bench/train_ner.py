"""Does a NER model trained by the project add recall on documents it was not trained on? Printed, not asserted.

Trains a small spaCy NER (a blank ``ja`` pipeline: spaCy's Japanese tokenizer
on SudachiPy, no downloaded model) whose labels are the project's category
codes, on the project's generated corpora and the study's dev file:

- ``synthetic`` (every document), the ``synthetic-styles`` dev split;
- the study's dev file (../shared/data/paper_dev_100.csv) when present, its
  reports with spans. Those reports were labelled for some categories only
  (``label_scope``); PHI of the other categories is taught as "not PHI",
  which can only lower the model's recall.

Then measures, on documents it was not trained on (``blind-dev``, written
independently of the project, and the ``synthetic-styles`` test split), with
``bench.generalisation.measure`` (character recall, span precision, F2):
the NER alone, ``recall-first`` alone, and ``recall-first`` plus the NER's
spans that overlap no recall-first span (the NER at the lowest rank, as a
supplement would run). Prints training time, model size on disk and
documents per CPU second. ``blind-final`` is never read here.

The model is saved to a temporary folder (or ``--out``), never into the
repository: it ships only if it clearly adds recall on blind-dev.

Usage: .venv/bin/python -m bench.train_ner [--epochs N] [--max-docs N] [--out DIR] [--model DIR]
``--model DIR`` measures a model trained earlier instead of training one.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from bench.generalisation import CORPUS, PAPER_DEV, fmt, measure, profiles
from phi_core.corpus.importers import read_corpus
from phi_core.models import Report, Span
from phi_core.taxonomy import CATEGORY_CODES


def training_reports(max_docs: int, seed: int) -> tuple[list[Report], dict[str, int]]:
    sources: dict[str, list[Report]] = {
        "synthetic (all splits)": read_corpus(CORPUS / "synthetic.jsonl", "jsonl", dataset="synthetic").reports,
        "synthetic-styles dev": [
            r
            for r in read_corpus(CORPUS / "synthetic-styles.jsonl", "jsonl", dataset="synthetic-styles").reports
            if r.split == "dev"
        ],
    }
    if PAPER_DEV.exists():
        paper = read_corpus(PAPER_DEV, "paper-csv", dataset="paper-dev", split="dev").reports
        sources["study dev file (reports with spans)"] = [r for r in paper if r.spans]
    reports = [r for rs in sources.values() for r in rs]
    random.Random(seed).shuffle(reports)
    if max_docs:
        reports = reports[:max_docs]
    return reports, {k: len(v) for k, v in sources.items()}


def examples(nlp, reports: list[Report]) -> tuple[list, int, int]:
    """spaCy examples; gold spans widened to token edges, overlapping ones dropped (the longer kept)."""
    from spacy.training import Example
    from spacy.util import filter_spans

    out, kept, dropped = [], 0, 0
    for report in reports:
        doc = nlp.make_doc(report.text)
        spans = [doc.char_span(g.start, g.end, label=g.category, alignment_mode="expand") for g in report.spans]
        spans = filter_spans([s for s in spans if s is not None])
        kept += len(spans)
        dropped += len(report.spans) - len(spans)
        reference = nlp.make_doc(report.text)
        reference.ents = [reference.char_span(s.start_char, s.end_char, label=s.label_) for s in spans]
        out.append(Example(doc, reference))
    return out, kept, dropped


def train(reports: list[Report], epochs: int, seed: int):
    import spacy
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = spacy.blank("ja")
    ner = nlp.add_pipe("ner")
    for code in CATEGORY_CODES:
        ner.add_label(code)
    data, kept, dropped = examples(nlp, reports)
    print(f"training spans: {kept} ({dropped} gold spans dropped: overlapping another after widening to tokens)")
    started = time.perf_counter()
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(data)
        losses: dict[str, float] = {}
        for batch in minibatch(data, size=8):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        print(
            f"  epoch {epoch + 1}/{epochs}: loss {losses.get('ner', 0.0):,.0f}  ({time.perf_counter() - started:.0f} s)"
        )
    return nlp, time.perf_counter() - started, kept


def ner_extractor(nlp) -> Callable[[str], list[Span]]:
    def extract(text: str) -> list[Span]:
        return [Span(start=e.start_char, end=e.end_char, category=e.label_, text=e.text) for e in nlp(text).ents]

    return extract


def union(first: Callable[[str], list[Span]], extra: Callable[[str], list[Span]]) -> Callable[[str], list[Span]]:
    """``first``'s spans, plus ``extra``'s that overlap none of them (``first`` wins overlaps)."""

    def extract(text: str) -> list[Span]:
        base = first(text)
        return base + [s for s in extra(text) if not any(s.overlaps(b) for b in base)]

    return extract


def size_on_disk(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--max-docs", type=int, default=0, help="train on at most N documents (0: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="save the model here (default: a new temporary folder)")
    parser.add_argument("--model", type=Path, help="measure this saved model instead of training one")
    args = parser.parse_args()

    import spacy

    if args.model:
        nlp = spacy.load(args.model)
        folder = args.model
        print(f"model: {folder} (trained earlier)")
    else:
        reports, sources = training_reports(args.max_docs, args.seed)
        print(f"training documents: {len(reports)} of " + ", ".join(f"{k} {v}" for k, v in sources.items()))
        nlp, seconds, _ = train(reports, args.epochs, args.seed)
        folder = args.out or Path(tempfile.mkdtemp(prefix="phi-ner-"))
        nlp.to_disk(folder)
        print(f"training time: {seconds:.0f} s wall clock, {args.epochs} epochs; saved to {folder}")
    print(f"model size on disk: {size_on_disk(folder) / 1e6:.1f} MB")

    rf = profiles(with_ginza=False)["recall-first"]
    ner = ner_extractor(nlp)
    chosen = {"recall-first": rf, "project NER alone": ner, "recall-first + NER": union(rf, ner)}
    for extract in chosen.values():
        extract("準備")  # load dictionaries and models before any timing
    blind = CORPUS / "blind-dev.jsonl"
    styles = read_corpus(CORPUS / "synthetic-styles.jsonl", "jsonl", dataset="synthetic-styles").reports
    sets: dict[str, list[Report]] = {"synthetic-styles test": [r for r in styles if r.split == "test"]}
    if blind.exists():
        sets = {"blind-dev": read_corpus(blind, "jsonl", dataset="blind-dev").reports, **sets}
    else:
        print("blind-dev: skipped, data/corpus/blind-dev.jsonl is not there")
    for set_name, docs in sets.items():
        print(f"{set_name} ({len(docs)} documents, none of them trained on)")
        for name, extract in chosen.items():
            m = measure(docs, extract)
            print(
                f"  {name:<20} character recall {fmt(m['recall'])}  span precision {fmt(m['precision'])}  "
                f"F2 {fmt(m['f2'])}  ({m['spans']} spans, {m['docs_per_s']:,.0f} documents per CPU second)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
