"""phi_core.ui.plain: untrusted text reaches Markdown-rendering calls as plain characters."""

from __future__ import annotations

import html
import re
import string

import pytest

from phi_core.ui.plain import escape, fmt

markdown_it = pytest.importorskip("markdown_it")

HOSTILE = [
    "![](http://example.invalid/x.png)",
    "<img src=http://example.invalid/y.png>",
    "a `b` c``d",
    "[link](http://example.invalid) and <http://example.invalid>",
    "# heading\n> quote\n- item\n1. item\n    indented code\n\tTab",
    ":red[colour] :material/home: $x^2$ **bold** _it_ ~~s~~",
    "&amp; &#x41; \\ backslash",
    "line one\nline two\r\n",
]


def _render(source: str) -> str:
    return markdown_it.MarkdownIt("commonmark").enable("table").enable("strikethrough").render(source)


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_one_paragraph_of_its_own_characters(text):
    rendered = _render(escape(text))
    tags = set(re.findall(r"</?([a-z0-9]+)", rendered))
    assert tags <= {"p", "br"}, rendered
    shown = html.unescape(re.sub(r"<[^>]+>", "", rendered)).replace("\u2060", "").replace("\u00a0", " ")
    expected = text.replace("\r", "").replace("\t", "    ")
    assert [line.strip() for line in shown.strip().splitlines()] == [
        line.strip() for line in expected.strip().splitlines()
    ]


def test_every_ascii_punctuation_character_is_escaped():
    escaped = escape(string.punctuation)
    assert re.sub(r"\\.", "", escaped).replace("\u2060", "") == ""


def test_bare_addresses_cannot_become_links():
    # GFM links bare http://, www. and e-mail addresses after resolving escapes.
    for text in ("http://example.invalid/x", "www.example.invalid", "a@example.invalid", "HTTPS://x.y"):
        out = escape(text).replace("\\", "")
        assert not re.search(r"(?i)https?://|www\.|\w@\w", out), out


def test_fmt_escapes_values_and_keeps_the_template():
    assert fmt("Dataset **{}** ({n})", "a*b", n="`x`") == "Dataset **a\\*b** (\\`x\\`)"


def test_non_strings_are_shown_by_their_text():
    assert escape(3.5) == "3\\.5"
    assert escape(None) == "None"
