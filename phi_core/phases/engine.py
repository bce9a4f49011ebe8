"""PhaseExtractor: one phase + one model as an Extractor the runner can drive.

The engine builds requests and reads replies; it never talks to a backend.
The runner hands it ``call(request, step, repeat)``, which performs the call
(or answers it from the cache, with retries) and returns the reply and whether
it came from the cache. Each call is also checked for validity (truncated
prompt or answer, ignored schema, reasoning text: phi_core/llm/validity.py).

A phase with a [refine] block (phases 4 and 5) makes a first pass exactly
like the phase it extends (same messages, schema and options, so cached
phase-3 first passes are reused), then ``rounds`` review calls that see the
report and the previous answer re-serialised in the phase's output shape.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Callable

from phi_core.backends.base import BackendError, BackendTimeout, ChatReply, ChatRequest, HostUnreachable, ModelInfo
from phi_core.backends.bounded import TRUNCATED_KEY
from phi_core.extractors.base import CallRecord, ExtractionOutcome
from phi_core.llm.validity import call_validity, estimate_prompt_tokens, needed_context
from phi_core.models import PredictedItem, Report
from phi_core.phases.definition import PhaseDefinition, PhaseError
from phi_core.phases.loading import held_out_example_message
from phi_core.phases.prompting import build_first_pass_messages, build_refine_messages, render_answer, render_examples
from phi_core.phases.schemas import response_schema
from phi_core.phases.variants import additions_for, explain_variant
from phi_core.violations import REFINE_UNPARSEABLE, UNUSABLE_REPLY_CODES, add_validity, empty_validity

CallFn = Callable[[ChatRequest, str, int], "ChatReply | tuple[ChatReply, bool]"]
ParseFn = Callable[..., Any]  # parse_reply(text, *, expected_shape) -> ParsedReply

# A refine reply carrying one of UNUSABLE_REPLY_CODES gave us nothing to use:
# keep the previous answer.
FIRST_STEP = "extract"


def request_hash(model: str, request: ChatRequest) -> str:
    """A stable fingerprint of what was asked, recorded with each call."""
    payload = {
        "model": model,
        "messages": [[m.role, m.content] for m in request.messages],
        "schema": request.schema,
        "options": request.options.as_dict(),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _default_parse() -> ParseFn:
    # Imported late so this module loads even where the parser is not needed.
    from phi_core.llm.parsing import parse_reply

    return parse_reply


def _sum(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


class PhaseExtractor:
    def __init__(
        self,
        *,
        phase: PhaseDefinition,
        backend_name: str,
        model: str,
        call: CallFn,
        model_info: ModelInfo | None = None,
        example_lookup: Callable[[str], Report] | None = None,
        options_override: dict | None = None,
        parse: ParseFn | None = None,
    ):
        self.definition = phase
        self.backend = backend_name
        self.model = model
        self.phase = str(phase.number)
        self.model_info = model_info
        self._call = call
        self._parse = parse
        self.options = phase.generation_options(options_override)
        choice = explain_variant(phase, model, model_info)
        self.variant, self.variant_reason = choice.variant, choice.reason
        self.additions = additions_for(phase, model)
        self.example_ids = phase.examples_for(self.variant)
        self._examples_text = render_examples(self._example_reports(example_lookup), phase)
        self._schema = response_schema(phase) if phase.structured_output_for(self.variant) else None

    def _example_reports(self, lookup: Callable[[str], Report] | None) -> list[Report]:
        """Fetch and check the worked examples once, before any report is run."""
        if not self.example_ids:
            return []
        if lookup is None:
            raise PhaseError(
                f"{self.definition.label()} (variant {self.variant or '-'}) shows worked examples "
                f"{self.example_ids}, but no way to look reports up was given: pass example_lookup"
            )
        reports = []
        for report_id in self.example_ids:
            try:
                report = lookup(report_id)
            except LookupError:
                report = None
            if report is None:
                raise PhaseError(
                    f"{self.definition.label()} uses report {report_id!r} as a worked example, but it is not "
                    "in the dataset: import it, or pick another dev report in the phase's 'examples'"
                )
            if report.split != "dev":
                raise PhaseError(held_out_example_message(self.definition, report_id, report.split))
            if not report.spans:
                raise PhaseError(
                    f"worked example {report_id!r} has no gold spans, so it would teach the model to find "
                    "nothing: label it first or pick another dev report"
                )
            reports.append(report)
        return reports

    # ------------------------------------------------------------ provenance

    def provenance(self) -> dict[str, Any]:
        phase = self.definition
        refine = phase.refine
        return {
            "extractor": "phase",
            "backend": self.backend,
            "model": self.model,
            "phase": phase.number,
            "phase_name": phase.name,
            "phase_version": phase.version,
            "phase_hash": phase.hash,
            "phase_key": phase.key,
            "output_shape": phase.output_shape,
            "structured_output": self._schema is not None,
            "variant": self.variant,
            "variant_reason": self.variant_reason,
            "additions": {"patterns": list(self.additions.patterns), "texts": list(self.additions.additions)},
            "refine": {"style": refine.style, "rounds": refine.rounds} if refine else None,
            "options": self.options.as_dict(),
            "examples": list(self.example_ids),
            "model_info": self.model_info.as_dict() if self.model_info else {},
        }

    def identity(self) -> dict[str, Any]:
        """What makes two runs the same work (part of the runner's job key)."""
        return {
            "phase_key": self.definition.key,
            "variant": self.variant,
            "additions": list(self.additions.patterns),
            # How long to wait and keep the model loaded do not change the answers.
            "options": {k: v for k, v in self.options.as_dict().items() if k not in ("timeout_s", "keep_alive")},
            # A model re-pulled under the same tag is different work.
            "model_digest": self.model_info.digest if self.model_info else "",
        }

    # -------------------------------------------------------------- requests

    def _first_request(self, report: Report) -> ChatRequest:
        messages = build_first_pass_messages(
            self.definition,
            report_text=report.text,
            variant=self.variant,
            examples_text=self._examples_text,
            additions=self.additions.additions,
        )
        return ChatRequest(messages=messages, schema=self._schema, options=self.options)

    def _refine_request(self, report: Report, items: list[PredictedItem]) -> ChatRequest:
        refine = self.definition.refine
        assert refine is not None
        messages = build_refine_messages(
            self.definition,
            style=refine.style,
            report_text=report.text,
            previous_json=render_answer(items, self.definition),
        )
        return ChatRequest(messages=messages, schema=self._schema, options=self.options)

    def requests_for(self, report: Report) -> list[ChatRequest]:
        """The first-pass request (the refine requests depend on its answer)."""
        return [self._first_request(report)]

    def context_needed(self, report: Report) -> int:
        """Tokens of context the report's calls may need, estimated on the large side.

        A refine call carries the report and the previous answer, which is at
        most num_predict tokens long.
        """
        predict = self.options.num_predict
        needed = needed_context(estimate_prompt_tokens(self._first_request(report).messages), predict)
        if self.definition.refine is not None:
            review = estimate_prompt_tokens(self._refine_request(report, []).messages) + predict
            needed = max(needed, needed_context(review, predict))
        return needed

    # -------------------------------------------------------------- running

    def _ask(self, request: ChatRequest, step: str, calls: list[CallRecord], repeat: int) -> ChatReply:
        answer = self._call(request, step, repeat)
        reply, cached = answer if isinstance(answer, tuple) else (answer, False)
        calls.append(
            CallRecord(
                step=step,
                # The cache's own key when the call went through it, so records link to entries.
                request_hash=str(reply.metrics.get("request_hash") or request_hash(self.model, request)),
                raw=reply.text,
                prompt_tokens=reply.prompt_tokens,
                completion_tokens=reply.completion_tokens,
                seconds=reply.seconds,
                load_seconds=reply.load_seconds,
                cached=bool(cached),
                metrics=dict(reply.metrics),
                validity=call_validity(request, reply),
            )
        )
        return reply

    def _read(self, reply: ChatReply):
        cut_at = reply.metrics.get(TRUNCATED_KEY)
        if cut_at:  # a cut reply is never parsed: its prefix could look like a short answer
            from phi_core.llm.parsing import cut_reply

            return cut_reply(int(cut_at))
        parse = self._parse or _default_parse()
        return parse(reply.text, expected_shape=self.definition.output_shape)

    def extract(self, report: Report, *, repeat: int = 0) -> ExtractionOutcome:
        calls: list[CallRecord] = []
        outcome = ExtractionOutcome(items=[])
        try:
            reply = self._ask(self._first_request(report), FIRST_STEP, calls, repeat)
            parsed = self._read(reply)
            self._note_unreadable(outcome, parsed)
            items, raw = list(parsed.items), reply.text
            outcome.violations.extend(parsed.violations)
            rounds = self.definition.refine.rounds if self.definition.refine else 0
            for round_number in range(1, rounds + 1):
                reply = self._ask(self._refine_request(report, items), f"refine-{round_number}", calls, repeat)
                refined = self._read(reply)
                self._note_unreadable(outcome, refined)
                if UNUSABLE_REPLY_CODES & set(refined.violations):
                    # The review failed, not the answer: keep the last good items.
                    outcome.violations.append(REFINE_UNPARSEABLE)
                    continue
                outcome.violations.extend(refined.violations)
                items, raw = list(refined.items), reply.text
            outcome.items, outcome.raw = items, raw
        except BackendError as error:
            outcome.items, outcome.error = [], str(error) or type(error).__name__
            # Tells the runner to stop sending this host work (other hosts take it).
            outcome.host_down = isinstance(error, (HostUnreachable, BackendTimeout))
        # Distinct codes, first-seen order, as the parser reports them per reply.
        outcome.violations = list(dict.fromkeys(outcome.violations))
        outcome.calls = calls
        outcome.seconds = sum(c.seconds for c in calls)
        outcome.prompt_tokens = _sum([c.prompt_tokens for c in calls])
        outcome.completion_tokens = _sum([c.completion_tokens for c in calls])
        outcome.input_tokens = calls[0].prompt_tokens if calls else None
        outcome.validity = empty_validity()
        for call in calls:
            add_validity(outcome.validity, call.validity)
        return outcome

    @staticmethod
    def _note_unreadable(outcome: ExtractionOutcome, parsed) -> None:
        if UNUSABLE_REPLY_CODES & set(parsed.violations):
            outcome.unparseable_replies += 1
            if outcome.parse_error is None:
                notes = list(getattr(parsed, "notes", []) or [])
                outcome.parse_error = "; ".join(notes[:2]) or ", ".join(parsed.violations)
