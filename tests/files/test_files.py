import io
import os
import stat

import pytest

from phi_core.files import OutputExists, SameFile, open_private, refuse_same_file, safe_cell, write_csv_rows


def test_private_file_is_owner_only(tmp_path):
    path = tmp_path / "out.txt"
    with open_private(path) as out:
        out.write("山田太郎")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_existing_file_is_refused_without_force(tmp_path):
    path = tmp_path / "out.txt"
    path.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputExists):
        open_private(path)
    assert path.read_text(encoding="utf-8") == "keep me"


def test_force_replaces_and_narrows_mode(tmp_path):
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")
    os.chmod(path, 0o644)
    with open_private(path, force=True) as out:
        out.write("new")
    assert path.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_output_equal_to_input_is_refused(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("{}", encoding="utf-8")
    with pytest.raises(SameFile):
        refuse_same_file(source, tmp_path / "other.jsonl", tmp_path / "." / "in.jsonl")
    refuse_same_file(source, tmp_path / "other.jsonl", None)


@pytest.mark.parametrize("value", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx"])
def test_formula_cells_are_prefixed(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["山田", "12", -3, 0.5, None, ""])
def test_plain_cells_are_kept(value):
    assert safe_cell(value) == value


def test_write_csv_rows_escapes_every_cell():
    buffer = io.StringIO()
    write_csv_rows(buffer, [["id", "actor"], ["=HYPERLINK(1)", "@me"]], lineterminator="\n")
    assert buffer.getvalue() == "id,actor\n'=HYPERLINK(1),'@me\n"


def test_private_dir_is_owner_only_even_when_it_existed_wide_open(tmp_path):
    import os

    from phi_core.files import private_dir

    scratch = tmp_path / "scratch"
    scratch.mkdir(mode=0o777)
    os.chmod(scratch, 0o777)
    assert private_dir(scratch) == scratch
    assert scratch.stat().st_mode & 0o777 == 0o700
    nested = private_dir(tmp_path / "a" / "b")
    assert nested.stat().st_mode & 0o777 == 0o700
