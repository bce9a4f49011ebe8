"""A union with a model part de-identifies through the real Ollama client against a loopback fake."""

import json

from phi_core.backends.base import ChatReply, HostStatus, ModelInfo
from phi_core.cli.main import main
from tests.doubles.fake_ollama_server import FakeOllamaServer

CANNED_MODEL = "canned:1b"


class CannedBackend:
    """Answers every chat with one phase-2 reply naming 佐藤一郎; counts the requests."""

    name = host = "canned"

    def __init__(self) -> None:
        self.requests = []

    def check(self) -> HostStatus:
        return HostStatus(self.host, True, self.list_models())

    def list_models(self) -> list[ModelInfo]:
        return [ModelInfo(CANNED_MODEL, "sha256:feed", "1B", "Q8_0", "canned", 1234)]

    def model_info(self, model: str) -> ModelInfo:
        return self.list_models()[0]

    def chat(self, model, request) -> ChatReply:
        self.requests.append(request)
        return ChatReply('{"phi_list": [{"type": "NAME", "value": "佐藤一郎"}]}', 50, 12, seconds=0.25)


TEXT = "所見：特記事項なし。付記 佐藤一郎 氏より情報提供あり。電話 03-1234-5678"


def test_union_with_a_model_part(tmp_path, monkeypatch):
    backend = CannedBackend()  # always answers NAME 佐藤一郎
    with FakeOllamaServer(backend) as server:
        monkeypatch.setenv("OLLAMA_HOST", server.url)
        db = str(tmp_path / "m.duckdb")
        source = tmp_path / "in.jsonl"
        source.write_text(json.dumps({"id": "x", "text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
        out = tmp_path / "out.jsonl"
        assert main(["init", "--db", db]) == 0  # the phases' worked examples come from the built-in corpus
        assert main(["pipeline", "add", "u", "--part", "rules", "--part", f"ollama:{CANNED_MODEL}:2", "--db", db]) == 0
        assert (
            main(
                [
                    "deid",
                    "--pipeline",
                    "u",
                    "--in",
                    str(source),
                    "--mode",
                    "tags",
                    "--english-tags",
                    "--out",
                    str(out),
                    "--db",
                    db,
                ]
            )
            == 0
        )
    text = json.loads(out.read_text(encoding="utf-8"))["text"]
    assert "佐藤一郎" not in text and "03-1234-5678" not in text
    assert "[PATIENT_NAME]" in text  # the model's coarse NAME takes the first covered category
    assert len(backend.requests) == 1
    # The prompt and the reply hold real PHI: neither may reach the reply cache.
    from phi_core.store import Store

    with Store(db) as store:
        assert store._rows("SELECT count(*) FROM response_cache")[0][0] == 0
