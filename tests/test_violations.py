"""One home for violation and validity codes: the parser, the phase extractor and the scorer agree."""

from phi_core import violations
from phi_core.llm.parsing import VIOLATION_CODES
from phi_core.scoring.rules import RULE_CHECKS, VIOLATION_CHECKS, check_results


def test_every_code_has_a_meaning_an_emitter_and_real_checks():
    for table in (violations.REPLY_VIOLATIONS, violations.VALIDITY):
        for code, entry in table.items():
            assert entry.code == code and entry.meaning and entry.emitted_by in {"parser", "phase", "scorer", "runner"}
            assert set(entry.fails) <= set(RULE_CHECKS)


def test_the_parser_emits_only_registered_parser_codes():
    assert set(VIOLATION_CODES) == {c for c, e in violations.REPLY_VIOLATIONS.items() if e.emitted_by == "parser"}


def test_the_scorer_reads_the_same_table():
    assert VIOLATION_CHECKS == {c: e.fails for c, e in violations.REPLY_VIOLATIONS.items() if e.fails}
    assert not check_results(["reply_too_large"])["parseable"]
    assert all(check_results(["extra_text", "repaired_json"]).values())


def test_unusable_replies_are_those_that_fail_parseable():
    assert violations.UNUSABLE_REPLY_CODES == {"unparseable", "reply_too_large", "refine_unparseable"}


def test_validity_counts_add_up():
    total = violations.empty_validity()
    violations.add_validity(total, ["prompt_truncated", "prompt_truncated", "nonsense"])
    violations.add_validity(total, {"model_changed": 2})
    assert total == {
        "prompt_truncated": 2,
        "output_truncated": 0,
        "schema_ignored": 0,
        "thinking_text": 0,
        "model_changed": 2,
    }
