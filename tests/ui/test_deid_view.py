from phi_core.ui.deid_view import highlight_html, part_choices


def test_highlight_escapes_every_piece_of_text():
    text = "<script>alert(1)</script> 患者 **山田** <b>x</b> [a](http://e)"
    start = text.index("**山田**")
    out = highlight_html(text, [(start, start + 6, "PATIENT_NAME"), (0, 8, "<img src=x>")])
    assert "<script>" not in out and "<b>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "**山田**" in out  # Markdown stays literal text
    assert out.count("<span") == 2


def test_part_choices_skip_rules_and_pipelines():
    runs = [("rules", "rules", "-"), ("ollama", "m:7b", "3"), ("pipeline", "u", "-"), ("ollama", "m:7b", "3")]
    assert part_choices(runs) == ["recall-first", "rules", "ollama:m:7b:3"]
