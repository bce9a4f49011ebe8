"""A study-sized results database of plausible fake runs, for the benches that need one.

14 models x 5 phases x 160 reports x 3 repeats, written straight through the
store's bulk inserts (the real runner and scorer would take minutes): model
quality varies, and phase 3 -> 4 carries a threshold effect (models below 87.5
gain about +6.9, models above gain nothing). bench/analysis.py times the
analysis pages' queries on it; bench/pages.py and bench/deid.py build it too.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta

import numpy as np
import pandas as pd

from phi_core.scoring import DIMENSIONS, load_scoring_config, script_of
from phi_core.store import Store

DATASET = "bench"
PHASES = ("1", "2", "3", "4", "5")
REPEATS = 3
TRUE_THRESHOLD = 87.5
MODELS = (  # (name, phase-1 mean, seconds per report at phase 1)
    ("llama3.2:3b", 62.0, 3.0),
    ("swallow-8b", 65.0, 5.0),
    ("llama3.1:8b", 66.5, 5.0),
    ("elyza-llama3-8b", 68.0, 5.5),
    ("llama-swallow-8b", 69.5, 6.0),
    ("llama4:16x17b", 71.0, 14.0),
    ("command-r:35b", 72.5, 20.0),
    ("qwen3:32b", 74.0, 18.0),
    ("gpt-oss:20b", 75.5, 12.0),
    ("gemma3:27b", 77.0, 16.0),
    ("phi4:14b", 78.5, 10.0),
    ("gemma3:12b", 80.0, 8.0),
    ("mistral-small3.2:24b", 81.5, 12.0),
    ("ezo-2.5-gemma-3", 84.0, 8.0),
)


def phase_mean(first: float, phase: str, rng: np.random.Generator) -> float:
    """The study's shape: +5.8, +3.2, then Self-Refine pays only below the threshold."""
    p2 = first + 5.8
    p3 = p2 + 3.2
    p4 = p3 + (6.9 if p3 < TRUE_THRESHOLD else 0.0) + rng.normal(0, 0.6)
    means = {"1": first, "2": p2, "3": p3, "4": p4, "5": p4 + 1.2}
    return min(98.0, means[phase])


def gold_frame(store: Store) -> pd.DataFrame:
    rows = [
        (r.id, s.start, s.end, s.category, s.text, script_of(s.text)) for r in store.reports(DATASET) for s in r.spans
    ]
    return pd.DataFrame(rows, columns=["report_id", "start", "end", "category", "text", "script"])


def build(store: Store, rng: np.random.Generator) -> dict[str, int]:
    reports = store.reports(DATASET)
    report_ids = np.array([r.id for r in reports])
    lengths = np.array([len(r.text) for r in reports])
    gold = gold_frame(store)
    categories = sorted(gold["category"].unique())
    report_effect = rng.normal(0, 3.0, size=len(reports))  # some reports are harder for everyone
    weights = load_scoring_config().weights
    start = datetime(2026, 1, 1)

    runs, results, items, scores = [], [], [], []
    counts, cats, scripts, errors, pairs = [], [], [], [], []
    for model, first, seconds in MODELS:
        for phase in PHASES:
            run_id = uuid.uuid4().hex[:12]
            runs.append(
                (
                    run_id,
                    f"job-{run_id}",
                    DATASET,
                    None,
                    "ollama",
                    model,
                    phase,
                    None,
                    '["http://127.0.0.1:11434"]',
                    "",
                    "{}",
                    "{}",
                    "{}",
                    REPEATS,
                    "done",
                    len(reports) * REPEATS,
                    start + timedelta(minutes=len(runs)),
                )
            )
            mean = phase_mean(first, phase, rng)
            score = np.clip(mean + report_effect + rng.normal(0, 4.0, size=len(reports)), 0, 100)
            secs = seconds * (2.0 if phase in ("4", "5") else 1.0) * lengths / lengths.mean()
            rep_secs = secs[:, None] * rng.uniform(0.9, 1.1, size=(len(reports), REPEATS))
            results.append(
                pd.DataFrame(
                    {
                        "run_id": run_id,
                        "report_id": np.repeat(report_ids, REPEATS),
                        "repeat_idx": np.tile(np.arange(REPEATS), len(reports)),
                        "status": "done",
                        "raw_output": "{}",
                        "violations": "[]",
                        "calls": "[]",
                        "seconds": rep_secs.ravel(),
                        "input_tokens": np.repeat(lengths, REPEATS),
                        "backend_calls": 1 + (phase in ("4", "5")),
                    }
                )
            )
            fractions = np.clip(score[:, None] / 100 + rng.normal(0, 0.03, size=(len(reports), len(DIMENSIONS))), 0, 1)
            frame = pd.DataFrame(
                {
                    "run_id": run_id,
                    "report_id": report_ids,
                    "score": score,
                    "rescaled": False,
                    "seconds": rep_secs.mean(axis=1),
                }
            )
            for j, dim in enumerate(DIMENSIONS):
                frame[dim] = fractions[:, j] * weights[dim]
            scores.append(frame)

            # Span-level outcomes drawn from the report's score.
            g = gold.copy()
            q = score[pd.Index(report_ids).get_indexer(g["report_id"])] / 100
            g["found"] = rng.random(len(g)) < 0.35 + 0.65 * q
            g["strict"] = g["found"] & (rng.random(len(g)) < 0.6 + 0.4 * q)
            g["cat_ok"] = g["found"] & (rng.random(len(g)) < 0.8 + 0.2 * q)
            g["pred_category"] = np.where(g["cat_ok"] | ~g["found"], g["category"], rng.choice(categories, size=len(g)))
            n_spurious = rng.poisson((100 - score) / 25)
            spur = pd.DataFrame({"report_id": np.repeat(report_ids, n_spurious)})
            spur["category"] = rng.choice(categories, size=len(spur))
            spur["start"] = rng.integers(0, 200, size=len(spur))
            spur["end"] = spur["start"] + rng.integers(2, 8, size=len(spur))
            g["run_id"] = run_id
            spur["run_id"] = run_id

            span_len = g["end"] - g["start"]
            per_report = (
                g.assign(leak=np.where(g["found"], 0, span_len), chars=span_len)
                .groupby("report_id")
                .agg(
                    gold=("found", "size"),
                    gold_found=("found", "sum"),
                    matched=("found", "sum"),
                    gold_chars=("chars", "sum"),
                    leaked_chars=("leak", "sum"),
                )
            )
            spur_n = spur.groupby("report_id").size().reindex(per_report.index, fill_value=0)
            per_report["pred_items"] = per_report["gold_found"] + spur_n
            per_report["pred_items_correct"] = per_report["gold_found"]
            counts.append(per_report.reset_index().assign(run_id=run_id))

            c = g.assign(
                support=1,
                strict_tp=g["strict"],
                strict_fn=~g["strict"],
                relaxed_tp=g["found"],
                relaxed_fn=~g["found"],
                strict_fp=g["found"] & ~g["strict"],
                relaxed_fp=False,
            )
            s = spur.assign(
                support=0,
                strict_tp=False,
                strict_fn=False,
                relaxed_tp=False,
                relaxed_fn=False,
                strict_fp=True,
                relaxed_fp=True,
            )
            counters = ["support", "strict_tp", "strict_fp", "strict_fn", "relaxed_tp", "relaxed_fp", "relaxed_fn"]
            both = pd.concat(
                [c[["run_id", "report_id", "category", *counters]], s[["run_id", "report_id", "category", *counters]]]
            )
            cats.append(both.groupby(["run_id", "report_id", "category"], as_index=False)[counters].sum())
            scripts.append(
                g.groupby(["run_id", "report_id", "script"], as_index=False).agg(
                    found=("found", "sum"), total=("found", "size")
                )
            )

            def err(kind: str, part: pd.DataFrame, gold_side: bool, run_id: str = run_id) -> pd.DataFrame:
                return pd.DataFrame(
                    {
                        "run_id": run_id,
                        "report_id": part["report_id"],
                        "type": kind,
                        "category": part["category"] if gold_side else None,
                        "gold_text": part["text"] if gold_side else None,
                        "pred_label": None if kind == "missed" else part["category"],
                        "pred_value": None if kind == "missed" else part.get("text", "x"),
                        "start_pos": part["start"],
                        "end_pos": part["end"],
                        "gold_start": part["start"] if gold_side else None,
                        "gold_end": part["end"] if gold_side else None,
                        "pred_start": None if kind == "missed" else part["start"],
                        "pred_end": None if kind == "missed" else part["end"],
                    }
                )

            errors += [
                err("missed", g[~g["found"]], True),
                err("boundary", g[g["found"] & ~g["strict"]], True),
                err("wrong_category", g[g["found"] & ~g["cat_ok"]], True),
                err("spurious", spur, False),
            ]
            pairs.append(
                g[g["found"]]
                .groupby(["run_id", "report_id", "category", "pred_category"])
                .size()
                .rename("n")
                .reset_index()
                .rename(columns={"category": "gold_category"})
            )

            # Predicted items: every found span and every spurious guess, in every repeat.
            found = g[g["found"]]
            one = pd.concat(
                [
                    pd.DataFrame(
                        {
                            "report_id": found["report_id"],
                            "label": found["pred_category"],
                            "category": found["pred_category"],
                            "value": found["text"],
                        }
                    ),
                    pd.DataFrame(
                        {
                            "report_id": spur["report_id"],
                            "label": spur["category"],
                            "category": spur["category"],
                            "value": "偽の値",
                        }
                    ),
                ]
            ).sort_values("report_id", kind="stable")
            one["item_idx"] = one.groupby("report_id").cumcount()
            items.append(pd.concat([one.assign(run_id=run_id, repeat_idx=k) for k in range(REPEATS)]))

    run_columns = [
        "run_id",
        "job_key",
        "dataset",
        "split",
        "backend",
        "model",
        "phase",
        "phase_key",
        "hosts",
        "model_digest",
        "model_meta",
        "options",
        "provenance",
        "repeats",
        "status",
        "tasks_total",
        "created_at",
    ]
    report_scores = pd.concat(scores, ignore_index=True)
    category_rows = pd.concat(cats, ignore_index=True)
    script_rows = pd.concat(scripts, ignore_index=True)
    count_rows = pd.concat(counts, ignore_index=True)
    report_scores["details"] = details_json(report_scores, category_rows, script_rows, count_rows)
    error_rows = pd.concat(errors, ignore_index=True)
    for column in ("start_pos", "end_pos", "gold_start", "gold_end", "pred_start", "pred_end"):
        error_rows[column] = pd.array(error_rows[column], dtype="Int64")
    frames = {
        "runs": pd.DataFrame(runs, columns=run_columns),
        "run_results": pd.concat(results, ignore_index=True),
        "predicted_items": pd.concat(items, ignore_index=True)[
            ["run_id", "report_id", "repeat_idx", "item_idx", "label", "category", "value"]
        ],
        "report_scores": report_scores,
        "score_counts": count_rows[
            [
                "run_id",
                "report_id",
                "gold",
                "gold_found",
                "pred_items",
                "pred_items_correct",
                "matched",
                "gold_chars",
                "leaked_chars",
            ]
        ],
        "score_categories": category_rows,
        "score_scripts": script_rows,
        "score_errors": error_rows,
        "score_pairs": pd.concat(pairs, ignore_index=True),
    }
    store.bulk_load(frames)
    return {name: len(frame) for name, frame in frames.items()}


def details_json(scores: pd.DataFrame, cats: pd.DataFrame, scripts: pd.DataFrame, counts: pd.DataFrame) -> list[str]:
    """A details JSON per report that ReportScore.from_dict accepts (errors left empty),
    so that the stored runs look like scored ones to every reader."""
    per_category: dict[tuple, dict] = {}
    counter_names = ["support", "strict_tp", "strict_fp", "strict_fn", "relaxed_tp", "relaxed_fp", "relaxed_fn"]
    for row in cats[["run_id", "report_id", "category", *counter_names]].itertuples(index=False):
        per_category.setdefault((row[0], row[1]), {})[row[2]] = dict(zip(counter_names, map(int, row[3:])))
    per_script: dict[tuple, dict] = {}
    for run_id, report_id, script, found, total in scripts.itertuples(index=False):
        per_script.setdefault((run_id, report_id), {})[script] = {"found": int(found), "total": int(total)}
    chars = {(r.run_id, r.report_id): (int(r.gold_chars), int(r.leaked_chars)) for r in counts.itertuples()}
    out = []
    for row in scores[["run_id", "report_id", "score", "seconds", *DIMENSIONS]].itertuples(index=False):
        key = (row[0], row[1])
        gold_chars, leaked = chars.get(key, (0, 0))
        out.append(
            json.dumps(
                {
                    "score": row[2],
                    "points": dict(zip(DIMENSIONS, row[4:])),
                    "fractions": {},
                    "rescaled": False,
                    "unmeasured": [],
                    "counts": {"gold_chars": gold_chars, "leaked_chars": leaked, "seconds": row[3]},
                    "per_category": per_category.get(key, {}),
                    "per_script": per_script.get(key, {}),
                    "errors": [],
                    "violations": [],
                    "pairs": [],
                }
            )
        )
    return out
