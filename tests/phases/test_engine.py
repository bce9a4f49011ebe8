"""PhaseExtractor with a fake backend call and a stub parser."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from phi_core.backends.base import BackendTimeout, ChatReply, ChatRequest, HostUnreachable, ModelInfo
from phi_core.models import PredictedItem, Report, Span
from phi_core.phases import PhaseError, PhaseExtractor, default_registry, derive_version
from phi_core.violations import REFINE_UNPARSEABLE

REPORT = Report(id="dev-1", text="患者：山田太郎\n検査日：2024年1月2日\n依頼医：佐藤一郎", split="dev")
EXAMPLE = Report(
    id="dev-ex",
    text="氏名：鈴木花子\n電話：03-1111-2222",
    split="dev",
    spans=[Span(start=3, end=7, category="PATIENT_NAME"), Span(start=11, end=23, category="PHONE")],
)


@dataclass
class StubParsed:
    items: list[PredictedItem]
    violations: list[str]
    shape: str


def stub_parse(text: str, *, expected_shape: str) -> StubParsed:
    """Strict JSON only, so tests do not depend on the lenient parser."""
    try:
        data = json.loads(text)
    except ValueError:
        return StubParsed([], ["unparseable"], "none")
    if expected_shape == "phi_list":
        items = [PredictedItem(category=e["type"], value=e["value"]) for e in data["phi_list"]]
    else:
        items = [PredictedItem(category=k, value=v) for k, values in data.items() for v in values]
    return StubParsed(items, list(data.get("_violations", [])) if isinstance(data, dict) else [], expected_shape)


@dataclass
class FakeCall:
    """Answers each step from a script and remembers what it was asked."""

    replies: dict[str, object]
    cached_steps: set[str] = field(default_factory=set)
    seen: list[tuple[str, ChatRequest]] = field(default_factory=list)

    def __call__(self, request: ChatRequest, step: str, repeat: int = 0):
        self.seen.append((step, request))
        answer = self.replies[step]
        if isinstance(answer, Exception):
            raise answer
        return answer, step in self.cached_steps


def reply(text: str, prompt: int = 100, completion: int = 20, seconds: float = 1.5) -> ChatReply:
    return ChatReply(text=text, prompt_tokens=prompt, completion_tokens=completion, seconds=seconds, load_seconds=9.0)


def phi_list(*pairs: tuple[str, str], violations: tuple[str, ...] = ()) -> str:
    data: dict = {"phi_list": [{"type": t, "value": v} for t, v in pairs]}
    if violations:
        data["_violations"] = list(violations)
    return json.dumps(data, ensure_ascii=False)


def extractor(number: int, call, *, model: str = "phi4:14b", **kwargs) -> PhaseExtractor:
    phase = kwargs.pop("phase", None) or default_registry().get(number)
    return PhaseExtractor(phase=phase, backend_name="ollama", model=model, call=call, parse=stub_parse, **kwargs)


# --------------------------------------------------------------- phase 1


def test_phase_1_single_call_category_object():
    call = FakeCall(
        {"extract": reply(json.dumps({"患者氏名": ["山田太郎"], "医師名": ["佐藤一郎"]}, ensure_ascii=False))}
    )
    engine = extractor(1, call)
    outcome = engine.extract(REPORT)
    assert [(i.category, i.value) for i in outcome.items] == [("患者氏名", "山田太郎"), ("医師名", "佐藤一郎")]
    assert outcome.error is None and outcome.violations == []
    assert [c.step for c in outcome.calls] == ["extract"] and outcome.backend_calls == 1
    assert outcome.seconds == 1.5 and outcome.input_tokens == 100 and outcome.completion_tokens == 20
    ((step, request),) = call.seen
    assert request.schema is None  # phase 1 sends no schema
    assert request.options.temperature == 0.0 and request.options.seed == 42
    assert "山田太郎" in request.messages[-1].content
    assert engine.phase == "1" and engine.backend == "ollama"


# --------------------------------------------------------------- phase 2


def test_phase_2_light_variant_renders_the_worked_example_and_bounded_schema():
    call = FakeCall({"extract": reply(phi_list(("NAME", "山田太郎")))})
    engine = extractor(2, call, model="gemma3:270m", example_lookup={"syn-dev-004": EXAMPLE}.__getitem__)
    outcome = engine.extract(REPORT)
    assert [(i.category, i.value) for i in outcome.items] == [("NAME", "山田太郎")]
    request = call.seen[0][1]
    assert request.schema["properties"]["phi_list"]["maxItems"] == 40
    user = request.messages[-1].content
    assert "鈴木花子" in user and '{"type": "PHONE", "value": "03-1111-2222"}' in user
    provenance = engine.provenance()
    assert provenance["variant"] == "light" and provenance["examples"] == ["syn-dev-004"]
    assert provenance["phase_key"] == default_registry().get(2).key and provenance["refine"] is None


def test_phase_2_strong_variant_needs_no_examples():
    call = FakeCall({"extract": reply(phi_list())})
    engine = extractor(
        2, call, model="mistral-small3.2:24b", model_info=ModelInfo("m", digest="d", parameter_size="24.0B")
    )
    assert engine.variant == "strong" and engine.provenance()["model_info"]["digest"] == "d"
    assert engine.extract(REPORT).items == []


def test_test_split_example_is_refused_before_any_call():
    leaked = EXAMPLE.model_copy(update={"split": "test"})
    call = FakeCall({})
    with pytest.raises(PhaseError, match="'test' split"):
        extractor(2, call, model="gemma3:270m", example_lookup=lambda _id: leaked)
    assert call.seen == []


@pytest.mark.parametrize(
    "lookup, message",
    [
        (None, "example_lookup"),
        ({}.__getitem__, "not in the dataset"),
        (lambda _id: EXAMPLE.model_copy(update={"spans": []}), "no gold spans"),
    ],
)
def test_example_problems_are_explained(lookup, message):
    with pytest.raises(PhaseError, match=message):
        extractor(2, FakeCall({}), model="gemma3:270m", example_lookup=lookup)


def test_options_override_reaches_every_request_and_typos_are_refused():
    call = FakeCall({"extract": reply(phi_list()), "refine-1": reply(phi_list())})
    engine = extractor(4, call, options_override={"num_ctx": 16384, "seed": 7})
    engine.extract(REPORT)
    assert [r.options.num_ctx for _, r in call.seen] == [16384, 16384]
    assert engine.provenance()["options"]["seed"] == 7 and engine.identity()["options"]["seed"] == 7
    with pytest.raises(ValueError, match="num_ctxx"):
        extractor(4, call, options_override={"num_ctxx": 1})


# --------------------------------------------------------------- phase 4


def test_phase_4_refine_reads_previous_json_and_replaces_items():
    first = phi_list(("NAME", "山田太郎"), ("NAME", "佐藤一郎"), violations=("extra_text",))
    call = FakeCall(
        {
            "extract": reply(first, prompt=100, completion=30),
            "refine-1": reply(
                phi_list(("NAME", "山田太郎"), ("DOCTOR", "佐藤一郎")), prompt=200, completion=25, seconds=2.0
            ),
        },
        cached_steps={"extract"},
    )
    engine = extractor(4, call, model="mistral-small3.2:24b")
    outcome = engine.extract(REPORT)
    assert [(i.category, i.value) for i in outcome.items] == [("NAME", "山田太郎"), ("DOCTOR", "佐藤一郎")]
    assert [c.step for c in outcome.calls] == ["extract", "refine-1"]
    assert [c.cached for c in outcome.calls] == [True, False] and outcome.backend_calls == 1
    assert outcome.seconds == pytest.approx(3.5)  # load seconds excluded
    assert outcome.prompt_tokens == 300 and outcome.completion_tokens == 55 and outcome.input_tokens == 100
    assert outcome.violations == ["extra_text"]
    assert outcome.raw == outcome.calls[1].raw
    refine_user = call.seen[1][1].messages[-1].content
    assert refine_user.endswith(
        '{"phi_list": [{"type": "NAME", "value": "山田太郎"}, {"type": "NAME", "value": "佐藤一郎"}]}'
    )
    assert REPORT.text in refine_user and "明らかな誤り" in refine_user  # conservative template
    assert call.seen[1][1].schema == call.seen[0][1].schema
    assert engine.provenance()["refine"] == {"style": "conservative", "rounds": 1}
    assert engine.provenance()["additions"]["patterns"] == ["mistral*"]


def test_unparseable_refine_keeps_previous_items_and_records_it():
    call = FakeCall(
        {
            "extract": reply(phi_list(("NAME", "山田太郎"), violations=("repaired_json",))),
            "refine-1": reply("I could not do it, sorry"),
        }
    )
    outcome = extractor(4, call).extract(REPORT)
    assert [(i.category, i.value) for i in outcome.items] == [("NAME", "山田太郎")]
    assert outcome.violations == ["repaired_json", REFINE_UNPARSEABLE]
    assert outcome.raw == outcome.calls[0].raw and len(outcome.calls) == 2 and outcome.error is None


def test_two_rounds_chain_and_the_last_good_round_wins():
    phase = derive_version(default_registry().get(4), {"refine": {"rounds": 3, "style": "additive"}})
    call = FakeCall(
        {
            "extract": reply(phi_list(("NAME", "A"))),
            "refine-1": reply(phi_list(("NAME", "B"))),
            "refine-2": reply("{broken"),
            "refine-3": reply(phi_list(("NAME", "C"), ("NAME", "D"))),
        }
    )
    outcome = extractor(4, call, phase=phase).extract(REPORT)
    assert [c.step for c in outcome.calls] == ["extract", "refine-1", "refine-2", "refine-3"]
    assert [i.value for i in outcome.items] == ["C", "D"]
    assert call.seen[3][1].messages[-1].content.endswith('{"phi_list": [{"type": "NAME", "value": "B"}]}')
    assert "見落とし" in call.seen[1][1].messages[-1].content  # additive template
    assert outcome.violations == [REFINE_UNPARSEABLE]


@pytest.mark.parametrize("failing_step, calls_made", [("extract", 1), ("refine-1", 2)])
def test_backend_error_becomes_the_outcome_error(failing_step, calls_made):
    replies = {"extract": reply(phi_list(("NAME", "A"))), "refine-1": reply(phi_list(("NAME", "B")))}
    replies[failing_step] = BackendTimeout("the model took longer than 300 s: raise timeout_s or use a smaller model")
    call = FakeCall(replies)
    outcome = extractor(4, call).extract(REPORT)
    assert outcome.items == [] and outcome.error.startswith("the model took longer")
    assert len(call.seen) == calls_made and len(outcome.calls) == calls_made - 1
    # A call past its deadline takes the host out of the run (issue 13): other hosts take the work.
    assert outcome.host_down is True


def test_unreachable_host_is_flagged_for_the_runner():
    outcome = extractor(1, FakeCall({"extract": HostUnreachable("cannot reach http://gpu1:11434")})).extract(REPORT)
    assert outcome.host_down is True and "gpu1" in outcome.error


def test_call_records_use_the_cache_key_when_the_caller_gives_one():
    cached = reply("{}")
    cached.metrics = {"request_hash": "abc123"}
    outcome = extractor(1, FakeCall({"extract": cached})).extract(REPORT)
    assert outcome.calls[0].request_hash == "abc123"


def test_a_bare_reply_counts_as_not_cached():
    outcome = extractor(1, lambda request, step, repeat: reply("{}")).extract(REPORT)
    assert outcome.calls[0].cached is False and outcome.items == []


@pytest.mark.parametrize(
    "model, info",
    [
        ("mistral-small3.2:24b", ModelInfo("m", parameter_size="24.0B")),
        ("gemma3:270m", ModelInfo("g", parameter_size="268.10M")),
        ("phi4:14b", None),
    ],
)
def test_phase_4_and_5_first_pass_equals_phase_3(model, info):
    lookup = {"syn-dev-004": EXAMPLE}.__getitem__
    requests = [
        extractor(n, FakeCall({}), model=model, model_info=info, example_lookup=lookup).requests_for(REPORT)
        for n in (3, 4, 5)
    ]
    assert requests[0] == requests[1] == requests[2] and len(requests[0]) == 1
    request = requests[0][0]
    assert request.schema is not None and request.messages[0].role == "system"
    # and the call records of both phases carry the same request hash
    hashes = []
    for n in (3, 4):
        call = FakeCall({"extract": reply(phi_list()), "refine-1": reply(phi_list())})
        hashes.append(
            extractor(n, call, model=model, model_info=info, example_lookup=lookup)
            .extract(REPORT)
            .calls[0]
            .request_hash
        )
    assert hashes[0] == hashes[1]


def test_phase_3_differs_from_phase_2_only_by_the_additions():
    p2 = extractor(2, FakeCall({}), model="qwen3:32b").requests_for(REPORT)[0]
    p3 = extractor(3, FakeCall({}), model="qwen3:32b").requests_for(REPORT)[0]
    assert p3.messages[1] == p2.messages[1] and p3.schema == p2.schema and p3.options == p2.options
    assert p3.messages[0].content.startswith(p2.messages[0].content + "\n\n【追加ルール】")


def test_identity_separates_variants_and_phase_versions():
    a = extractor(2, FakeCall({}), model="mistral-small3.2:24b").identity()
    b = extractor(2, FakeCall({}), model="gemma3:270m", example_lookup=lambda _id: EXAMPLE).identity()
    assert a["phase_key"] == b["phase_key"] and a["variant"] != b["variant"]


def test_the_real_parser_plugs_in_by_default():
    call = FakeCall({"extract": reply("```json\n" + phi_list(("NAME", "山田太郎")) + "\n```")})
    engine = PhaseExtractor(phase=default_registry().get(2), backend_name="ollama", model="phi4:14b", call=call)
    outcome = engine.extract(REPORT)
    assert [(i.category, i.value) for i in outcome.items] == [("NAME", "山田太郎")]
    assert "extra_text" in outcome.violations
