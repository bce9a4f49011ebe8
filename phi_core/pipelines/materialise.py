"""A pipeline scored from the stored runs of its parts, with no model call.

The union is written as a run of its own (backend ``pipeline``, model = the
pipeline's name) through the same store calls as any run and then scored by
the same scorer, so it shows on the leaderboard, in error analysis and in
the threshold data like any run; the backend name marks it as a pipeline.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from phi_core.pipelines.definition import Part, Pipeline, PipelineError
from phi_core.pipelines.merge import LabeledSpan, items_of_spans, label_category, union_items, union_spans
from phi_core.roles import Actor, require
from phi_core.store import RunRecord, Store, TaskResult

PIPELINE_BACKEND = "pipeline"
PIPELINE_PHASE = "-"


@dataclass
class PipelineScore:
    run_id: str
    reports: int
    part_runs: dict[str, str]


def part_run(store: Store, part: Part, dataset: str, split: str | None) -> RunRecord:
    """The newest run of this part on the dataset and split that finished some work."""
    backend, model, phase = part.run_identity()
    found = [
        r
        for r in store.runs(dataset)
        if (r.backend, r.split) == (backend, split)
        and (part.is_local or (r.model, r.phase) == (model, phase))
        and store.run_progress(r.run_id)["done"] > 0
    ]
    if not found:
        where = f"{dataset}" + (f" ({split})" if split else " (all splits)")
        how = (
            f"python -m phi_core run --backend {backend}"
            if part.is_local
            else f"python -m phi_core run --backend {backend} --model {model} --phase {phase}"
        )
        raise PipelineError(
            f"the part {part.spec()} has no stored run on {where}: run it first ({how} --dataset {dataset}"
            + (f" --split {split}" if split else "")
            + ")"
        )
    return found[-1]  # runs come oldest first


def _first_repeat_items(store: Store, run_id: str) -> dict[str, list[tuple[str, str]]]:
    items: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for report_id, repeat, label, value in store.item_tuples(run_id):
        if repeat == 0:
            items[report_id].append((label, value))
    return items


def _first_repeat_spans(store: Store, run_id: str) -> dict[str, list[LabeledSpan]]:
    """Located spans of the first repeat, for the reports whose extractor knew where its values were."""
    return {
        report_id: [LabeledSpan(start, end, label) for label, start, end in spans]
        for (report_id, repeat), spans in store.located_spans(run_id).items()
        if repeat == 0
    }


def _merged_task(
    text: str, report_id: str, items: list[dict], located: list[dict], pipeline: Pipeline
) -> tuple[list[tuple[str, str | None, str]], list[tuple[str, str | None, int, int]] | None]:
    """The union's items and, when some part located its values, its spans."""
    found = [spans[report_id] if report_id in spans else part.get(report_id, []) for part, spans in zip(items, located)]
    if not any(report_id in spans for spans in located):
        if pipeline.is_union:
            return union_items(text, found, pipeline.precedence), None
        # one part: its items as they are, so the pipeline scores exactly as its run
        return [(label, label_category(label, pipeline.precedence), value) for label, value in found[0]], None
    if pipeline.is_union:
        merged = union_spans(text, found, pipeline.precedence)
        merged_items = items_of_spans(text, merged, pipeline.precedence)
    else:  # one part: its spans and items as they are
        merged = located[0][report_id]
        merged_items = [
            (label, label_category(label, pipeline.precedence), value) for label, value in items[0].get(report_id, [])
        ]
    spans = [(s.label, label_category(s.label, pipeline.precedence), s.start, s.end) for s in merged]
    return merged_items, spans


def union_results(
    store: Store, pipeline: Pipeline, dataset: str, split: str | None
) -> tuple[list[TaskResult], dict[str, str]]:
    """One task result per report every part finished: the union's items, the parts' summed seconds."""
    runs = {part.spec(): part_run(store, part, dataset, split) for part in pipeline.parts}
    done: list[dict[str, dict]] = []
    items = []
    located = []
    for run in runs.values():
        done.append({r["report_id"]: r for r in store.result_records(run.run_id) if r["repeat_idx"] == 0})
        items.append(_first_repeat_items(store, run.run_id))
        located.append(_first_repeat_spans(store, run.run_id))
    common = set(done[0]).intersection(*done[1:]) if done else set()
    if not common:
        raise PipelineError(
            f"the parts of {pipeline.name!r} have no finished report in common on {dataset}: "
            "run every part on the same dataset and split"
        )
    texts = {r.id: r.text for r in store.reports(dataset, split=split, ids=sorted(common))}
    results = []
    for report_id in sorted(common):
        if report_id not in texts:
            continue
        merged, spans = _merged_task(texts[report_id], report_id, items, located, pipeline)
        seconds = [d[report_id]["seconds"] for d in done if d[report_id]["seconds"] is not None]
        results.append(
            TaskResult(
                report_id=report_id,
                repeat_idx=0,
                status="done",
                raw_output=json.dumps(
                    [{"category": label, "value": value} for label, _, value in merged], ensure_ascii=False
                ),
                items=merged,
                violations=[],
                calls=[],
                seconds=float(sum(seconds)) if seconds else 0.0,
                prompt_tokens=None,
                completion_tokens=None,
                input_tokens=None,
                backend_calls=0,
                error=None,
                spans=spans,
            )
        )
    return results, {spec: run.run_id for spec, run in runs.items()}


def pipeline_phase(pipeline: Pipeline) -> str:
    """The phase its model parts share, so the union sits in the phase and threshold
    tables beside them (redefine the pipeline with --replace for the next phase);
    "-" when its parts are in different phases or it has none."""
    phases = {p.phase for p in pipeline.parts if not p.is_local}
    return phases.pop() if len(phases) == 1 else PIPELINE_PHASE


def pipeline_job_key(pipeline: Pipeline, dataset: str, split: str | None, part_runs: dict[str, str]) -> str:
    payload = {
        "pipeline": pipeline.name,
        "definition": pipeline.to_dict(),
        "dataset": dataset,
        "split": split,
        "part_runs": part_runs,
    }
    return "pipeline-" + hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:24]


def score_pipeline(
    store: Store, pipeline: Pipeline, dataset: str, split: str | None = None, *, actor: Actor | str
) -> PipelineScore:
    """Write the union as a run (replacing an identical earlier one) and score it: a lead's action."""
    from phi_core.scoring.stored_runs import score_run

    require(actor, "score")

    results, part_runs = union_results(store, pipeline, dataset, split)
    key = pipeline_job_key(pipeline, dataset, split, part_runs)
    record = store.find_run(key)
    if record is None:
        provenance = {"pipeline": pipeline.name, "definition": pipeline.to_dict(), "part_runs": part_runs}
        record = store.create_run(
            job_key=key,
            dataset=dataset,
            split=split,
            backend=PIPELINE_BACKEND,
            model=pipeline.name,
            phase=pipeline_phase(pipeline),
            phase_key=None,
            hosts=("local",),
            model_digest="",
            model_meta={},
            options={},
            provenance=provenance,
            repeats=1,
            tasks_total=len(results),
        )
    store.save_task_results(record.run_id, results)
    store.update_run(record.run_id, status="done", tasks_total=len(results), finished_at=datetime.now())
    n = score_run(store, record.run_id)
    return PipelineScore(record.run_id, n, part_runs)


def is_pipeline_run(run: RunRecord) -> bool:
    return run.backend == PIPELINE_BACKEND
