"""How requests arrive: aiogram's knowledge of the API methods, and the decoding of JSON,
url-encoded and multipart bodies into typed parameters and uploads."""

from __future__ import annotations

import functools
import json
import types
import typing
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from talkbot.testing.fakeapi.records import JSON, ApiError, UploadedFile

# Parameters that are plain strings, for methods aiogram does not describe.
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "query",
        "data",
        "callback_query_id",
        "inline_query_id",
        "inline_message_id",
        "business_connection_id",
        "message_effect_id",
        "url",
        "action",
        "file_id",
        "description",
        "short_description",
        "name",
        "title",
        "next_offset",
        "secret_token",
        "ip_address",
        "language_code",
        "emoji",
        "question",
        "explanation",
    }
)


@dataclass
class MethodInfo:
    name: str
    string_params: frozenset[str]
    returns: str  # "bool", "message" or "other"
    fields: frozenset[str]


# --------------------------------------------------------------------------- aiogram knowledge


@functools.cache
def aiogram_methods() -> dict[str, MethodInfo]:
    """API methods aiogram knows, by lower-case name: which params are plain strings, and
    what they return.  Used to decode multipart fields (where "123" may be the text "123"
    or the integer 123) and to answer methods the fake does not implement."""
    try:
        from aiogram import methods
        from aiogram.client.default import Default
        from aiogram.methods.base import TelegramMethod
        from aiogram.types import Message
    except ImportError:  # pragma: no cover - the fake works without aiogram, less precisely
        return {}
    known: dict[str, MethodInfo] = {}
    for name in methods.__all__:
        cls = getattr(methods, name, None)
        if not (isinstance(cls, type) and issubclass(cls, TelegramMethod)):
            continue
        api_name = getattr(cls, "__api_method__", None)
        if not isinstance(api_name, str):
            continue
        strings = set()
        for field_name, info in cls.model_fields.items():
            annotation = info.annotation
            if typing.get_origin(annotation) in (typing.Union, types.UnionType):
                args = set(typing.get_args(annotation))
            else:
                args = {annotation}
            args -= {type(None), Default}
            if args == {str}:
                strings.add(info.alias or field_name)
        returning = getattr(cls, "__returning__", None)
        returns = "bool" if returning is bool else "message" if returning is Message else "other"
        fields = frozenset(info.alias or name for name, info in cls.model_fields.items())
        known[api_name.lower()] = MethodInfo(api_name, frozenset(strings), returns, fields)
    return known


def _reject_constant(value: str) -> Any:
    raise ValueError(value)


def _decode_field(method: str, key: str, raw: str) -> Any:
    info = aiogram_methods().get(method.lower())
    if info is not None and key in info.string_params:
        return raw
    if info is None and key in _STRING_PARAMS:
        return raw
    try:
        return json.loads(raw, parse_constant=_reject_constant)
    except ValueError:
        return raw


def _decode_json_value(method: str, key: str, value: Any) -> Any:
    """JSON bodies are typed already, but clients may still JSON-encode nested objects."""
    if isinstance(value, str) and value.lstrip()[:1] in ("{", "["):
        decoded = _decode_field(method, key, value)
        if isinstance(decoded, dict | list):
            return decoded
    return value


async def read_request(request: web.Request, method: str) -> tuple[JSON, dict[str, UploadedFile]]:
    """The parameters (typed) and the uploads (by parameter name) of one API request."""
    params: JSON = {key: _decode_field(method, key, v) for key, v in request.query.items()}
    files: dict[str, UploadedFile] = {}
    ctype = request.content_type
    try:
        if ctype == "application/json":
            raw = await request.text()
            body = json.loads(raw) if raw.strip() else {}
            if not isinstance(body, dict):
                raise ApiError(400, "Bad Request: JSON object expected")
            for key, value in body.items():
                params[key] = _decode_json_value(method, key, value)
        elif ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    content = value.file.read()
                    files[key] = UploadedFile(
                        field=key,
                        filename=value.filename,
                        content=content,
                        content_type=value.content_type,
                        form_field=key,
                    )
                else:
                    params[key] = _decode_field(method, key, str(value))
    except web.HTTPRequestEntityTooLarge as exc:
        raise ApiError(413, "Request Entity Too Large") from exc
    except ValueError as exc:
        raise ApiError(400, f"Bad Request: can't parse request body: {exc}") from exc
    # An upload referenced as "attach://<part>" is filed under the parameter's name.
    by_param: dict[str, UploadedFile] = {}
    for key, value in params.items():
        if isinstance(value, str) and value.startswith("attach://"):
            upload = files.pop(value.removeprefix("attach://"), None)
            if upload is not None:
                upload.field = key
                by_param[key] = upload
    by_param.update(files)
    return params, by_param
