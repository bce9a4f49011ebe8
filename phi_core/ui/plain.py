"""Showing untrusted text (from a file, a model or a user) as plain text.

Streamlit renders Markdown in st.markdown, st.caption, the alert boxes,
toasts, and the labels of widgets, expanders and tabs. Markdown can load
images: a report or a model reply holding ``![](http://host/x.png)`` would
make the browser fetch that URL, sending PHI off the machine; a backtick
breaks out of inline code, ``:red[...]`` and ``$...$`` restyle the page.

Every piece of such text goes through :func:`escape` before it reaches a
Markdown-rendering call, usually by formatting a trusted template with
:func:`fmt` or by showing it whole with :func:`show`. Tables (st.dataframe),
st.text and st.code never parse Markdown and need none of this.
"""

from __future__ import annotations

import re
import string
from typing import Any

import streamlit as st

# CommonMark lets a backslash escape any ASCII punctuation character, and an
# escaped character is always literal text: no link, image, code, emphasis,
# HTML, directive (:material/...:, :red[...]) or formula ($...$) can start.
_ESCAPES = {ord(c): "\\" + c for c in string.punctuation}
# Line breaks stay visible instead of folding into spaces or starting blocks.
_ESCAPES[ord("\n")] = "  \n"
_ESCAPES[ord("\r")] = ""
# Indentation (tabs, four spaces) would start a code block; no-break spaces cannot.
_ESCAPES[ord("\t")] = "\u00a0" * 4

# GitHub-flavoured Markdown also turns bare addresses (http://..., www.x, a@b.c) into
# links after escapes are resolved; an invisible word joiner breaks the pattern.
_WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(?=://)|(?=@)|(?<=\bwww)(?=\.)|(?<=\bmailto)(?=:)|(?<=\bxmpp)(?=:)")

KINDS = ("markdown", "caption", "info", "warning", "error", "success", "toast", "text")


def escape(value: Any) -> str:
    """value as a Markdown fragment that shows its characters (plus invisible word joiners) and nothing else."""
    text = value if isinstance(value, str) else str(value)
    lines = _AUTOLINK.sub(_WORD_JOINER, text).translate(_ESCAPES).split("  \n")
    return "  \n".join("\u00a0" * (len(line) - len(line.lstrip(" "))) + line.lstrip(" ") for line in lines)


def fmt(template: str, *args: Any, **kwargs: Any) -> str:
    """A trusted Markdown template (``"Dataset **{name}**"``) filled with escaped values."""
    return template.format(*(escape(a) for a in args), **{k: escape(v) for k, v in kwargs.items()})


def show(text: Any, kind: str = "markdown", **options: Any) -> None:
    """Untrusted text on its own, in the given element (caption, info, warning, ...)."""
    if kind not in KINDS:
        raise ValueError(f"unknown element {kind!r}; one of {', '.join(KINDS)}")
    if kind == "text":
        st.text(text if isinstance(text, str) else str(text))
        return
    getattr(st, kind)(escape(text), **options)


def label(text: Any) -> str:
    """Untrusted text used as a widget, expander or tab label, or a radio option."""
    return escape(text)


def unescape(markdown: str) -> str:
    """The characters a reader sees in :func:`escape`'s output (for tests reading Markdown sources)."""
    return re.sub(r"\\(.)", r"\1", markdown.replace("\u2060", "").replace("\u00a0", " "), flags=re.S)
