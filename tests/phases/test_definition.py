"""Phase files: loading, hashing, versioning, variant rule and model rules."""

from __future__ import annotations

import json
import shutil

import pytest

from phi_core.backends.base import ModelInfo
from phi_core.paths import CORPUS_FILE, PHASES_DIR
from phi_core.phases import (
    PhaseError,
    PhaseRegistry,
    additions_for,
    choose_variant,
    default_registry,
    derive_version,
    diff_definitions,
    dump_toml,
    explain_variant,
    load_phase,
    load_phase_directory,
    parse_parameter_size,
    phase_from_dict,
    phase_from_toml,
    shipped_phases,
)
from phi_core.phases.loading import parse_phase
from phi_core.phases.variants import parameter_size_from_name
from phi_core.taxonomy import COARSE_LABELS, PHASE1_LABELS


def minimal(**changes) -> dict:
    data = {
        "number": 2,
        "name": "tiny",
        "version": 1,
        "output_shape": "phi_list",
        "labels": ["NAME", "DATE"],
        "prompts": {"system": "sys", "user": "types:\n{labels}\n{examples}\nreport:\n{report}"},
    }
    data.update(changes)
    return data


# ----------------------------------------------------------- shipped files


def test_every_shipped_phase_loads_with_the_expected_contract():
    phases = {p.number: p for p in shipped_phases()}
    assert sorted(phases) == [1, 2, 3, 4, 5]
    assert phases[1].output_shape == "category_object" and phases[1].labels == list(PHASE1_LABELS)
    for number in (2, 3, 4, 5):
        assert phases[number].output_shape == "phi_list"
        assert set(phases[number].labels) == set(COARSE_LABELS)
    assert [phases[n].split for n in range(1, 6)] == ["dev"] * 4 + ["test"]
    assert set(phases[2].variants) == {"strong", "light"}
    assert phases[3].model_rules and phases[3].default_additions
    assert phases[4].refine is not None and phases[4].refine.style == "conservative"
    assert phases[5].refine == phases[4].refine
    for phase in phases.values():
        assert phase.options["temperature"] == 0.0 and phase.options["top_p"] == 1.0 and phase.options["seed"] == 42


def test_phase_3_is_phase_2_plus_model_rules_only():
    p2, p3 = default_registry().get(2), default_registry().get(3)
    for field in ("prompts", "variants", "variant_rule", "labels", "options", "limits", "structured_output"):
        assert getattr(p3, field) == getattr(p2, field), field
    assert not p2.model_rules


def test_shipped_examples_are_dev_reports_of_the_shipped_corpus():
    if not CORPUS_FILE.exists():
        pytest.skip("the synthetic corpus is not built")
    splits = {}
    for line in CORPUS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            splits[record["id"]] = record["split"]
    phases = load_phase_directory(PHASES_DIR, split_of=splits.get)
    assert any(p.all_example_ids() for p in phases)


def test_hash_is_stable_and_ignores_comments_and_layout(tmp_path):
    first = [p.hash for p in load_phase_directory(PHASES_DIR)]
    assert first == [p.hash for p in load_phase_directory(PHASES_DIR)]
    copy_dir = tmp_path / "phases"
    shutil.copytree(PHASES_DIR, copy_dir)
    path = copy_dir / "phase1.toml"
    path.write_text(
        "# a new comment\n\n" + path.read_text(encoding="utf-8").replace("seed = 42", "seed   =   42  # fixed"),
        encoding="utf-8",
    )
    assert [p.hash for p in load_phase_directory(copy_dir)] == first


def test_hash_changes_when_a_prompt_changes_and_flows_to_extending_phases(tmp_path):
    before = {p.number: p.hash for p in load_phase_directory(PHASES_DIR)}
    copy_dir = tmp_path / "phases"
    shutil.copytree(PHASES_DIR, copy_dir)
    path = copy_dir / "phase3.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("本文（所見", "本文（所見や付記", 1), encoding="utf-8")
    after = {p.number: p.hash for p in load_phase_directory(copy_dir)}
    assert after[1] == before[1] and after[2] == before[2]
    assert after[3] != before[3] and after[4] != before[4] and after[5] != before[5]


def test_key_names_number_version_and_hash():
    phase = default_registry().get(4)
    assert phase.key == f"p4-v1-{phase.hash[:8]}"


def test_load_single_file_resolves_extends_from_siblings():
    phase = load_phase(PHASES_DIR / "phase5.toml")
    assert phase == default_registry().get(5)


# ----------------------------------------------------------- refusals


def test_examples_from_the_test_split_are_refused_with_a_clear_message():
    splits = {"dev-1": "dev", "test-9": "test"}
    parse_phase(minimal(examples=["dev-1"]), split_of=splits.get)
    with pytest.raises(PhaseError, match=r"'test-9'.*'test' split.*dev split"):
        parse_phase(minimal(examples=["test-9"]), split_of=splits.get)
    with pytest.raises(PhaseError, match="no such report"):
        parse_phase(minimal(examples=["gone"]), split_of=splits.get)


def test_variant_examples_are_checked_too():
    variants = {"strong": {}, "light": {"examples": ["test-9"]}}
    with pytest.raises(PhaseError, match="test-9"):
        parse_phase(minimal(variants=variants), split_of={"test-9": "test"}.get)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"labels": ["NAME", "NOT_A_LABEL"]}, "NOT_A_LABEL"),
        ({"prompts": {"user": "no report here"}}, r"\{report\}"),
        ({"prompts": {"user": "{report} {reprot}"}}, r"unknown placeholder.*\{reprot\}"),
        ({"options": {"temprature": 0.1}}, "temprature"),
        ({"options": {"seed": "42"}}, "seed"),
        ({"surprise": 1}, "surprise"),
        ({"variants": {"light": {}}}, "strong and light"),
        ({"examples": ["a"], "prompts": {"user": "{report}"}}, r"no \{examples\} placeholder"),
        ({"output_shape": "category_object", "labels": ["NAME"]}, "groups several categories"),
        ({"refine": {"templates": {"conservative": {"user": "{report}{previous_json}"}}}}, "additive"),
    ],
)
def test_bad_definitions_are_refused_with_the_reason(changes, message):
    with pytest.raises(PhaseError, match=message):
        parse_phase(minimal(**changes), source="bad.toml")


def test_invalid_toml_names_the_file(tmp_path):
    path = tmp_path / "phase9.toml"
    path.write_text("number = \n", encoding="utf-8")
    with pytest.raises(PhaseError, match="phase9.toml is not valid TOML"):
        load_phase(path)


def test_extends_cycles_are_reported(tmp_path):
    (tmp_path / "phase1.toml").write_text('extends = 2\nnumber = 1\nname = "a"\nversion = 1\n', encoding="utf-8")
    (tmp_path / "phase2.toml").write_text('extends = 1\nnumber = 2\nname = "b"\nversion = 1\n', encoding="utf-8")
    with pytest.raises(PhaseError, match="circle"):
        load_phase_directory(tmp_path)


# ----------------------------------------------------------- versioning


def test_toml_round_trip_keeps_the_hash():
    for phase in shipped_phases():
        again = phase_from_toml(dump_toml(phase))
        assert again == phase and again.hash == phase.hash
        assert phase_from_dict(json.loads(json.dumps(phase.canonical_dict()))).hash == phase.hash


def test_dump_survives_awkward_strings():
    user = 'quotes """ and "" end" \\ back\\slash\ttab\n{report}"'
    phase = parse_phase(minimal(prompts={"system": 'a "quoted" line', "user": user}))
    assert phase_from_toml(dump_toml(phase)).prompts.user == user


def test_derive_version_bumps_version_sets_parent_and_merges_tables():
    p4 = default_registry().get(4)
    edited = derive_version(p4, {"refine": {"style": "additive"}})
    assert edited.version == 2 and edited.parent == p4.hash and edited.number == 4
    assert edited.refine.style == "additive" and edited.refine.templates == p4.refine.templates
    assert edited.hash != p4.hash and edited.key.startswith("p4-v2-")
    diff = diff_definitions(p4, edited)
    assert '-style = "conservative"' in diff and '+style = "additive"' in diff
    assert diff_definitions(p4, p4) == ""


def test_derive_version_refuses_bad_edits():
    p2 = default_registry().get(2)
    with pytest.raises(PhaseError, match="version"):
        derive_version(p2, {"version": 7})
    with pytest.raises(PhaseError, match="placeholder"):
        derive_version(p2, {"prompts": {"user": "forgot the report"}})


def test_registry_lookups_and_version_clash():
    registry = default_registry()
    p4 = registry.get(4)
    assert registry.find("4") is p4 and registry.find("p4") is p4 and registry.find(p4.key) is p4
    assert registry.by_name("self_refine") is p4 and registry.by_hash(p4.hash[:12]) is p4
    edited = registry.add(derive_version(p4, {"refine": {"rounds": 2}}))
    assert registry.get(4) is edited and registry.get(4, 1) is p4 and registry.find("p4-v2") is edited
    with pytest.raises(PhaseError, match="new version"):
        registry.add(derive_version(p4, {"refine": {"rounds": 3}}))
    with pytest.raises(PhaseError, match="no phase 9"):
        registry.get(9)
    assert isinstance(PhaseRegistry().all(), list)


# ----------------------------------------------------------- variant rule


@pytest.mark.parametrize(
    "text, billions",
    [("24.0B", 24.0), ("270M", 0.27), ("8B", 8.0), ("1.5b", 1.5), ("", None), ("big", None), ("1T", 1000.0)],
)
def test_parameter_size_parsing(text, billions):
    parsed = parse_parameter_size(text)
    if billions is None:
        assert parsed is None
    else:
        assert parsed == pytest.approx(billions)


def test_size_tag_in_model_name():
    assert parameter_size_from_name("gemma3:270m") == pytest.approx(0.27)
    assert parameter_size_from_name("hf.co/org/model-7b-instruct:Q4_K_M") == 7
    assert parameter_size_from_name("mistral-small3.2") is None


def variant_phase(**rule):
    variants = {"strong": {}, "light": {"prompts": {"user": "short {report}"}}}
    return parse_phase(minimal(variants=variants, variant_rule=rule))


def test_variant_patterns_come_before_size():
    phase = variant_phase(light_if_parameters_below_b=10, light_models=["llama3.2*"], strong_models=["Tiny-Strong*"])
    big = ModelInfo("x", parameter_size="70B")
    small = ModelInfo("x", parameter_size="1B")
    assert choose_variant(phase, "LLaMA3.2:3b", big) == "light"
    assert choose_variant(phase, "tiny-strong:1b", small) == "strong"
    assert choose_variant(phase, "other", small) == "light"
    assert choose_variant(phase, "other", big) == "strong"
    assert choose_variant(phase, "other", ModelInfo("x", parameter_size="10B")) == "strong"
    assert choose_variant(phase, "other:3b", None) == "light"  # size tag in the name
    choice = explain_variant(phase, "other", None)
    assert choice.variant == "strong" and "default" in choice.reason


def test_variant_rule_without_size_threshold_defaults_to_strong():
    phase = variant_phase(light_models=["*mini*"])
    assert choose_variant(phase, "phi3:mini", None) == "light"
    assert choose_variant(phase, "any:1b", ModelInfo("x", parameter_size="1B")) == "strong"


def test_phase_without_variants_has_one_empty_variant():
    assert choose_variant(parse_phase(minimal()), "anything") == ""


def test_shipped_variant_rule():
    p2 = default_registry().get(2)
    assert choose_variant(p2, "gemma3:270m") == "light"
    assert choose_variant(p2, "mistral-small3.2:24b", ModelInfo("m", parameter_size="24.0B")) == "strong"
    assert choose_variant(p2, "llama3.1:8b", ModelInfo("m", parameter_size="8.0B")) == "light"
    assert choose_variant(p2, "gemma3:12b", ModelInfo("m", parameter_size="12.2B")) == "strong"


# ----------------------------------------------------------- model rules


def test_model_rules_match_by_glob_case_insensitively_and_fall_back_to_default():
    phase = parse_phase(
        minimal(
            model_rules=[
                {"pattern": "mistral*", "additions": ["A", "B"]},
                {"pattern": "*small*", "additions": ["B", "C"]},
            ],
            default_additions=["D"],
        )
    )
    both = additions_for(phase, "Mistral-Small3.2:24b")
    assert both.patterns == ("mistral*", "*small*") and both.additions == ("A", "B", "C")
    fallback = additions_for(phase, "qwen3:32b")
    assert fallback.patterns == ("(default)",) and fallback.additions == ("D",)
    assert additions_for(parse_phase(minimal()), "x").additions == ()


def test_shipped_phase_3_rules_cover_the_studys_models():
    p3 = default_registry().get(3)
    mistral = additions_for(p3, "mistral-small3.2:24b")
    assert mistral.patterns == ("mistral*",)
    assert "令和6年8月6日" in mistral.additions[0] and "１４：３０" in mistral.additions[0]
    assert additions_for(p3, "hf.co/EZO2.5-gemma-3:Q4_K_M").patterns == ("*gemma*",)
    assert additions_for(p3, "phi4:14b").patterns == ("(default)",)
