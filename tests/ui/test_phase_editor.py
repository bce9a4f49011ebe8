import pytest

from phi_core.paths import PHASES_DIR
from phi_core.phases import PhaseError, default_registry
from phi_core.runs.extractor_factory import resolve_phase
from phi_core.store import Store
from phi_core.ui import phase_editor as pe


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "pe.duckdb")
    yield s
    s.close()


def shipped_files() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(PHASES_DIR.glob("phase*.toml"))}


def test_fields_follow_what_the_phase_has():
    registry = default_registry()
    phase1 = [f.path for f in pe.template_fields(registry.get(1))]
    assert phase1[:3] == ["description", "prompts.system", "prompts.user"]
    assert not any(p.startswith(("variants.", "refine.")) for p in phase1)
    phase4 = [f.path for f in pe.template_fields(registry.get(4))]
    assert "variants.light.prompts.user" in phase4 and "refine.templates.additive.user" in phase4


def test_unchanged_edits_make_no_changes_and_cannot_be_saved():
    phase = default_registry().get(2)
    texts = pe.current_texts(phase)
    assert pe.changes_from_edits(phase, texts, dict(phase.options)) == {}
    assert pe.validation_messages(phase, texts, None, default_registry()) == [
        "nothing was changed: edit a prompt or an option before saving a new version"
    ]


def test_only_real_changes_are_kept_and_option_types_are_fixed():
    phase = default_registry().get(2)
    texts = pe.current_texts(phase)
    texts["variants.strong.prompts.system"] = ""  # inherited before, inherited still: no change
    texts["prompts.user"] += "\n追加の注意"
    options = {**phase.options, "seed": 7.0, "temperature": 0}
    changes = pe.changes_from_edits(phase, texts, options)
    assert set(changes) == {"prompts", "options"}
    assert changes["options"] == {"seed": 7}
    assert isinstance(changes["options"]["seed"], int)
    texts["variants.light.prompts.system"] = ""  # clearing an override goes back to the phase's prompt
    cleared = pe.changes_from_edits(phase, texts, None)
    assert cleared["variants"] == {"light": {"prompts": {"system": None}}}
    new = pe.make_version(phase, cleared, default_registry())
    assert new.templates_for("light").system == phase.prompts.system


def test_a_new_version_is_stored_with_its_parent_and_found_by_the_engine(store):
    before = shipped_files()
    registry, _, _ = pe.phase_registry(store)
    phase = registry.get(3)
    texts = pe.current_texts(phase)
    texts["prompts.system"] = texts["prompts.system"] + "\n日付・時刻表現を見落とさないこと。"
    new = pe.make_version(phase, pe.changes_from_edits(phase, texts, None), registry)
    assert (new.number, new.version, new.parent) == (3, phase.version + 1, phase.hash)
    assert pe.save_version(store, new, actor="tester") is True
    row = store.phases().set_index("phase_key").loc[new.key]
    assert (row["source"], row["parent_hash"]) == ("edited", phase.hash)
    assert resolve_phase(store, new.key) == new  # the runs form passes the key
    after, sources, problems = pe.phase_registry(store)
    assert sources[new.key] == "edited" and problems == []
    diff = pe.diff_against(pe.parent_of(new, after), new)
    assert "+日付・時刻表現を見落とさないこと。" in diff and diff.startswith(f"--- {phase.key}")
    assert shipped_files() == before  # the TOML files are never rewritten


def test_editing_an_older_version_numbers_the_new_one_after_the_newest(store):
    registry, _, _ = pe.phase_registry(store)
    v1 = registry.get(1)
    texts = pe.current_texts(v1)
    texts["description"] = "first edit"
    v2 = pe.make_version(v1, pe.changes_from_edits(v1, texts, None), registry)
    pe.save_version(store, v2, actor="tester")
    registry, _, _ = pe.phase_registry(store)
    texts["description"] = "second edit, also from v1"
    v3 = pe.make_version(v1, pe.changes_from_edits(v1, texts, None), registry)
    assert (v3.version, v3.parent) == (3, v1.hash)
    pe.save_version(store, v3, actor="tester")
    assert [p.version for p in pe.phase_registry(store)[0].versions(1)] == [1, 2, 3]


def test_broken_edits_are_explained_in_plain_words():
    registry = default_registry()
    phase = registry.get(1)
    texts = pe.current_texts(phase)
    texts["prompts.user"] = "本文がありません {reprot}"
    messages = pe.validation_messages(phase, texts, None, registry)
    assert len(messages) == 1 and "{reprot}" in messages[0] and "{report}" in messages[0]
    with pytest.raises(PhaseError):
        pe.make_version(phase, pe.changes_from_edits(phase, texts, None), registry)
    texts = pe.current_texts(phase)
    bad_option = pe.validation_messages(phase, texts, {**phase.options, "keep_alive": 5}, registry)
    assert bad_option and "keep_alive" in bad_option[0]
