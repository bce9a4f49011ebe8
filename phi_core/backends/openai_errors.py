"""What the ``openai`` client raises, turned into a BackendError whose message says what to do.

Also the one place that imports the ``openai`` package (on first use: it costs
0.4 s, which every command would otherwise pay) and that tells whether a
refusal is about the ``json_schema`` response form, so the backend can ask
again in the other form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from phi_core.backends.base import BackendError, BackendTimeout, BadReply, HostUnreachable, ModelNotFound, ServerError
from phi_core.backends.hosts import OPENAI_API_KEY_ENV

if TYPE_CHECKING:
    import openai


class FormRefused(BackendError):
    """The server rejected the request as sent with this response_format form (internal)."""


def client_module():
    """The openai package, imported on first use: it costs 0.4 s, which every command would pay."""
    import openai

    return openai


def status_detail(error: openai.APIStatusError) -> str:
    body = error.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            message = inner.get("message") or inner.get("detail") or body.get("detail")
            if message:
                return str(message)[:500]
        elif inner:
            return str(inner)[:500]
    elif isinstance(body, str) and body.strip():
        return body.strip()[:500]
    return (str(error.message) or type(error).__name__)[:500]


def refuses_form(error: openai.APIStatusError) -> bool:
    """Whether a refusal is about the json_schema response_format.

    400 and 422 are taken as such (a server that cannot read the field says
    so this way); llama-cpp-python answers its validation error with a 500,
    so a 5xx counts only when it names the field.
    """
    if error.status_code in (400, 422):
        return True
    text = f"{status_detail(error)} {error.body!r}".lower()
    return "response_format" in text or "json_schema" in text


def _for_model(model: str | None) -> str:
    return f" (model {model})" if model else ""


def _unreachable_message(host: str) -> str:
    return (
        f"cannot reach the OpenAI-compatible server at {host}: is it running? Start it (for example "
        "`vllm serve MODEL` or `python -m llama_cpp.server --model FILE`) or fix the host in settings"
    )


def _is_connect_failure(error: BaseException) -> bool:
    """Whether the connection was never made (as opposed to broken mid-reply)."""
    cause: BaseException | None = error
    while cause is not None:
        name = type(cause).__name__
        if name in ("ConnectError", "ConnectTimeout", "ConnectionRefusedError") or isinstance(cause, ConnectionError):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


def translate_error(error: Exception, host: str, model: str | None) -> Exception:
    """Turn whatever the client raised into a BackendError the user can act on."""
    if isinstance(error, BackendError):
        return error
    openai = client_module()
    if isinstance(error, openai.APITimeoutError):
        if _is_connect_failure(error):
            return HostUnreachable(_unreachable_message(host))
        return BackendTimeout(
            f"the server at {host} did not answer in time{_for_model(model)}: the model may be loading or busy, "
            "or the report is long. Raise the timeout in settings or try a smaller model."
        )
    if isinstance(error, openai.APIConnectionError):
        if _is_connect_failure(error):
            return HostUnreachable(_unreachable_message(host))
        return ServerError(f"the connection to {host} broke{_for_model(model)}: {error}. It will be retried.")
    if isinstance(error, openai.APIResponseValidationError):
        return BadReply(f"the server at {host} sent a reply that is not valid{_for_model(model)}: {error}")
    if isinstance(error, openai.APIStatusError):
        return _translate_status(error, host, model)
    if isinstance(error, openai.APIError):
        return BadReply(f"the server at {host} sent a reply that cannot be read{_for_model(model)}: {error}")
    if isinstance(error, (ValueError, TypeError, KeyError, AttributeError)):
        return BadReply(f"the server at {host} sent a reply that is not valid{_for_model(model)}: {error}")
    return error


def _translate_status(error: openai.APIStatusError, host: str, model: str | None) -> BackendError:
    status = error.status_code
    detail = status_detail(error)
    if status in (401, 403):
        return BackendError(
            f"the server at {host} refused the API key (HTTP {status}: {detail}): set {OPENAI_API_KEY_ENV} to a key it accepts"
        )
    if status == 404:
        if model and "model" in detail.lower():
            return ModelNotFound(
                f"model {model} is not served at {host} ({detail}): use a name that "
                f"`python -m phi_core models --backend openai --host {host}` lists"
            )
        return BackendError(
            f"{host} answered 'not found' ({detail}): check that the host is the API root of an "
            "OpenAI-compatible server, usually ending in /v1"
        )
    if status == 429 or status >= 500:
        return ServerError(f"the server at {host} is busy or failed (HTTP {status}: {detail}). It will be retried.")
    return BackendError(f"the server at {host} refused the request{_for_model(model)} (HTTP {status}): {detail}")
