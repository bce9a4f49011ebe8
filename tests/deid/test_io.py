import io
import zipfile

import pytest

from phi_core.deid import DeidInputError, read_documents
from phi_core.deid.io import WRITERS


def test_csv_guesses_text_and_id_columns_and_writes_only_those():
    data = "report_id,name,本文,pid\nA1,山田,患者 山田,P1\nA2,鈴木,所見なし,P1\n".encode()
    docs = read_documents(data, "x.csv", patient_key="pid")
    assert [(d.id, d.text, d.patient) for d in docs] == [("A1", "患者 山田", "P1"), ("A2", "所見なし", "P1")]
    out = WRITERS["csv"](docs, ["患者 X", "所見なし"]).decode()
    assert out.splitlines() == ["report_id,本文", "A1,患者 X", "A2,所見なし"]


def test_zip_of_text_files_round_trips_names_and_order():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("b.txt", "二")
        archive.writestr("a.txt", "一")
        archive.writestr("notes.md", "skip")
    docs = read_documents(buffer.getvalue(), "in.zip")
    assert [(d.id, d.text) for d in docs] == [("a.txt", "一"), ("b.txt", "二")]
    out = zipfile.ZipFile(io.BytesIO(WRITERS["zip"](docs, ["1", "2"])))
    assert out.read("a.txt").decode() == "1" and out.read("b.txt").decode() == "2"


@pytest.mark.parametrize(
    "data,name,message",
    [
        (b"\xff\xfe", "x.txt", "not UTF-8"),
        (b"a,b\n1,2\n", "x.csv", "none holds the text"),
        (b'{"id": 1}\n', "x.jsonl", 'has no \\"text\\"'),
        (b"x", "x.doc", "cannot tell the format"),
    ],
)
def test_bad_input_says_what_to_do(data, name, message):
    with pytest.raises(DeidInputError, match=message):
        read_documents(data, name)
