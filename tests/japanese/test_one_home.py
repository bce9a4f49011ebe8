"""Japanese text tables live in phi_core/japanese/ only.

Today's drift (honorifics defined eleven times with different contents, eras
three times, script classifiers and width folding four times each) came from
copying a small table "just here". This scan of every module's syntax tree
fails when such a table appears outside phi_core/japanese/: an honorific list
or alternation, an era name, a width-folding map or NFKC call, a script
classifier (code point ranges of kana or kanji).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from phi_core.japanese import eras, honorifics

ROOT = Path(__file__).resolve().parents[2] / "phi_core"
HOME = ROOT / "japanese"

# Job titles (医師, 看護師, 技師) also end role labels (担当医師：); the table owns them, but
# only the words that are nothing but honorifics make a list suspicious on their own.
_HONORIFIC_WORDS = frozenset(honorifics.words("person", "letter")) | {"先生"}
_ERA_NAMES = frozenset(eras.ERA_NAMES)
_FULL_WIDTH_OFFSET = 0xFEE0


_ORDERING = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)
_CLASSIFIER_NAMES = frozenset({"is_kanji", "is_katakana", "is_hiragana", "script_of"})


def _is_script_code(code: int) -> bool:
    # Kana blocks, CJK ideographs (BMP and the supplementary planes), half-width katakana.
    return 0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF or 0xFF66 <= code <= 0xFF9F or code >= 0x20000


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _honorifics_in(text: str) -> set[str]:
    pieces = {piece.strip(" \u3000()?:$^\\s*") for piece in text.split("|")}
    return {p for p in pieces if p in _HONORIFIC_WORDS}


# A code point written as an escape that the regex engine, not Python, reads (in a raw string):
# \u30a1 or \U00020000.
_ESCAPE = r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))"
_ESCAPED_RANGE = re.compile(_ESCAPE + "-" + _ESCAPE)


def _escape_code(groups: tuple) -> int:
    return int(next(g for g in groups if g), 16)


def _regex_script_range(text: str) -> bool:
    for index in range(1, len(text) - 1):
        if text[index] == "-" and _is_script_code(ord(text[index - 1])) and _is_script_code(ord(text[index + 1])):
            return True
    for m in _ESCAPED_RANGE.finditer(text):
        groups = m.groups()
        if _is_script_code(_escape_code(groups[:2])) and _is_script_code(_escape_code(groups[2:])):
            return True
    return False


def violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    # honorifics.words(..., exclude=(...)) names what it leaves out of the table: not a table.
    excluded = {
        id(k.value) for n in ast.walk(tree) if isinstance(n, ast.Call) for k in n.keywords if k.arg == "exclude"
    }
    found: list[str] = []

    def say(node: ast.AST, what: str) -> None:
        found.append(f"{path.relative_to(ROOT.parent)}:{getattr(node, 'lineno', '?')}: {what}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
            if len(_honorifics_in(text)) >= 2:
                say(node, f"honorific alternation {text[:40]!r}")
            if text in _ERA_NAMES or sum(name in text for name in _ERA_NAMES) >= 2:
                say(node, f"era name table {text[:40]!r}")
            if _regex_script_range(text):
                say(node, "a kana/kanji code point range (script classifier)")
        elif isinstance(node, ast.Constant) and node.value == _FULL_WIDTH_OFFSET and type(node.value) is int:
            say(node, "full-width offset 0xFEE0 (width folding map)")
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)) and id(node) not in excluded:
            words = {e.value.strip() for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
            if len(words & _HONORIFIC_WORDS) >= 2:
                say(node, f"honorific collection {sorted(words & _HONORIFIC_WORDS)}")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                if (func.value.id, func.attr) == ("unicodedata", "normalize"):
                    say(node, "unicodedata.normalize (width folding)")
                elif func.value.id == "jaconv" and func.attr in ("z2h", "h2z"):
                    say(node, f"jaconv.{func.attr} (width folding)")
        elif isinstance(node, ast.Compare) and any(isinstance(op, _ORDERING) for op in node.ops):
            values = [o.value for o in [node.left, *node.comparators] if isinstance(o, ast.Constant)]
            chars = [v for v in values if isinstance(v, str) and len(v) == 1 and _is_script_code(ord(v))]
            codes = [v for v in values if type(v) is int and _is_script_code(v)]
            # One number may be anything (a length limit); a bounded pair of code points is a range test.
            if chars or len(codes) >= 2:
                say(node, f"comparison with {(chars or [hex(c) for c in codes])} (script classifier)")
        elif isinstance(node, ast.FunctionDef) and node.name in _CLASSIFIER_NAMES:
            say(node, f"def {node.name} (script classifier)")
        elif isinstance(node, ast.Assign):
            # An alias gives the name a second meaning (names.py once had script_of = name_writing).
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id in _CLASSIFIER_NAMES:
                    say(node, f"{target.id} = ... (a second script classifier under the same name)")
    return found


def _modules() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if HOME not in p.parents)


def test_no_japanese_table_outside_its_home():
    problems = [v for path in _modules() for v in violations(path)]
    assert not problems, "Use phi_core.japanese instead of a local copy:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "source",
    [
        "X = ('様', 'さん', '殿')",
        "import re\nR = re.compile(r'(?:様|さん|先生)$')",
        "ERAS = (('令和', 'R'),)",
        "W = {c: c + 0xFEE0 for c in range(33, 127)}",
        "import unicodedata\nf = unicodedata.normalize('NFKC', 'ｱ')",
        "def kana(ch):\n    return '\\u30a1' <= ch <= '\\u30fa'",
        "K = '[\\u3041-\\u3096]'",
        "import re\nK = re.compile(r'[\\u30a1-\\u30fa]+')",
        "import re\nK = re.compile(r'(?![\\u4e00-\\u9fff])')",
        "K = r'[\\U00020000-\\U0002A6DF]'",
        "import jaconv\nh = jaconv.z2h('ア', kana=True)",
        "from phi_core.japanese.scripts import name_writing\nscript_of = name_writing",
    ],
)
def test_the_guard_sees_each_kind_of_table(tmp_path, source):
    module = ROOT / "_guard_probe_never_committed.py"
    assert not module.exists()
    try:
        module.write_text(source, encoding="utf-8")
        assert violations(module)
    finally:
        module.unlink()


def test_the_home_imports_nothing_from_the_project():
    for path in HOME.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                assert not node.module.startswith("phi_core"), f"{path.name} imports {node.module}"
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("phi_core") for a in node.names), path.name
