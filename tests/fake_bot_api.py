"""A fake Telegram Bot API server for offline end-to-end tests.

The server speaks the real HTTP protocol on 127.0.0.1, so the real aiogram client reaches it
exactly as it reaches api.telegram.org::

    async with FakeBotAPI() as api:
        session = AiohttpSession(api=TelegramAPIServer.from_base(api.base_url))
        bot = Bot(api.token, session=session)
        ...
        [reply] = await api.send_and_wait(api.text_message("/start"))
        assert reply.plain == "Hello!"

What it does, in short:

* ``POST``/``GET`` ``/bot{token}/{method}`` with JSON, url-encoded or multipart bodies or a
  query string.  aiogram posts an aiohttp ``FormData``: url-encoded when no file is attached,
  multipart otherwise; every non-string value arrives JSON-encoded ("777", "true",
  '{"inline_keyboard": ...}') and is decoded back, using aiogram's own method models to tell
  a text "123" from the integer 123.  File downloads at ``/file/bot{token}/{file_path}``.
* Every request is recorded as a :class:`Call` in ``api.calls`` (failed ones too, flagged).
* Updates are queued with :meth:`FakeBotAPI.push_update` (builders such as
  :meth:`FakeBotAPI.text_message` make realistic update dicts) and served by a real long-polling
  ``getUpdates`` that confirms updates through ``offset`` as Telegram does.
* Faults: :meth:`~FakeBotAPI.fail_next`, :meth:`~FakeBotAPI.drop_next`,
  :meth:`~FakeBotAPI.outage`, :meth:`~FakeBotAPI.flood_limit`.

It also enforces the Telegram rules that most often break bots in production: HTML/MarkdownV2
must parse (``can't parse entities``), texts must be non-empty and at most 4096 characters,
callback data at most 64 bytes, an edit must change something (``message is not modified``),
a callback query can be answered once.  ``FakeBotAPI(strict_markup=False)`` relaxes the parsing.

Like Telegram, a sent message comes back with the *parsed* text and its entities (UTF-16
offsets), only inline keyboards come back as ``reply_markup``, a newer getUpdates terminates a
pending one with 409, getUpdates is refused (409) while a webhook is set, and update types
outside ``allowed_updates`` are never delivered (they land in ``api.filtered_updates``).

State worth asserting on: ``calls``, ``confirmed_update_ids``, ``delivered_update_ids``,
``dropped_update_ids``, ``pending_updates()``, ``allowed_updates``, ``my_commands`` /
``commands_for()``, ``webhook``, ``menu_buttons``, ``message(chat_id, message_id)``,
``sent_texts()``.

Methods aiogram knows but the fake does not implement still answer sensibly when that is
cheap: ones returning ``True`` answer ``True`` and ``send*``-like ones returning a ``Message``
answer a plain message; the rest answer 404 "method not implemented by FakeBotAPI".
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import functools
import html
import http
import itertools
import json
import math
import mimetypes
import re
import socket
import time
import types
import typing
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Self

from aiohttp import web

if typing.TYPE_CHECKING:
    from aiogram.client.telegram import TelegramAPIServer

JSON = dict[str, Any]

BOT_ID = 4242
BOT_USERNAME = "talkbot_test_bot"
BOT_FIRST_NAME = "Talkbot Test"
DEFAULT_TOKEN = f"{BOT_ID}:AAF4keT0kenForTalkbotEndToEndTests"
DEFAULT_USER_ID = 100_001
DEFAULT_FIRST_NAME = "Tester"
DEFAULT_GROUP_TITLE = "Talkbot test group"

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_UPLOAD_BYTES = 50 * 1024 * 1024

# Update types Telegram leaves out when allowed_updates is empty or was never given.
_NOT_DELIVERED_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_BUTTON_ACTIONS = frozenset(
    {
        "url",
        "callback_data",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }
)
_TEXT_BUTTONS_UNALLOWED = (
    "Bad Request: can't parse inline keyboard button: "
    "Text buttons are unallowed in the inline keyboard"
)
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
_CONFLICT_OTHER_POLL = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
_CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
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


# --------------------------------------------------------------------------- records


@dataclass
class UploadedFile:
    """A file uploaded in a multipart request.

    ``field`` is the API parameter it was given for ("document"); aiogram uploads every file
    under a random multipart part name and passes ``attach://<part>`` as the parameter, so the
    part name is kept in ``form_field``.
    """

    field: str
    filename: str
    content: bytes
    content_type: str = "application/octet-stream"
    form_field: str = ""

    @property
    def size(self) -> int:
        return len(self.content)


@dataclass
class Call:
    """One request the fake received.

    ``params`` holds the decoded parameters (ints are ints, ``reply_markup`` is a dict, ...);
    for calls carrying ``text`` or ``caption`` the fake adds ``params["plain"]`` (also
    ``call.plain``): the text as the user reads it, markup stripped and entities unescaped.
    ``at`` is ``time.monotonic()`` at arrival.  ``failed`` is set for every error answer
    (including injected ones); ``dropped`` when the connection was closed without an answer.
    """

    method: str
    params: JSON
    files: dict[str, UploadedFile]
    at: float
    failed: bool = False
    error_code: int | None = None
    description: str | None = None
    dropped: bool = False
    result: Any = None
    plain: str | None = None
    http_method: str = "POST"
    content_type: str = ""

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self, origin: float | None = None) -> str:
        shown = {k: v for k, v in self.params.items() if k != "plain"}
        args = ", ".join(f"{k}={_short(v)}" for k, v in shown.items())
        when = f"+{self.at - origin:.3f}s " if origin is not None else ""
        if self.dropped:
            outcome = "dropped"
        elif self.failed:
            outcome = f"{self.error_code} {self.description}"
        else:
            outcome = "ok"
        return f"{when}{self.method}({args}) -> {outcome}"


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


class _Drop(Exception):
    """Close the connection without answering."""


class _MarkupError(ValueError):
    pass


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    file_name: str
    mime_type: str
    content: bytes
    file_path: str


@dataclass
class _Fault:
    drop: bool
    code: int = 0
    description: str = ""
    parameters: JSON | None = None
    remaining: int = 1


@dataclass
class _FloodLimit:
    per_chat_per_second: int | None
    global_per_second: int | None
    per_group_per_minute: int | None
    methods: frozenset[str]


@dataclass
class _MethodInfo:
    name: str
    string_params: frozenset[str]
    returns: str  # "bool", "message" or "other"
    fields: frozenset[str]


# --------------------------------------------------------------------------- aiogram knowledge


@functools.cache
def _aiogram_methods() -> dict[str, _MethodInfo]:
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
    known: dict[str, _MethodInfo] = {}
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
        known[api_name.lower()] = _MethodInfo(api_name, frozenset(strings), returns, fields)
    return known


def _reject_constant(value: str) -> Any:
    raise ValueError(value)


def _decode_field(method: str, key: str, raw: str) -> Any:
    info = _aiogram_methods().get(method.lower())
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


# --------------------------------------------------------------------------- text markup


def _u16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode())


class _TextBuilder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0  # UTF-16 code units, as Telegram counts entity offsets

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += _u16(text)

    def text(self) -> str:
        return "".join(self.parts)


_HTML_TAG_RE = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)"
    r"((?:\s+[a-zA-Z][a-zA-Z0-9-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)\s*>"
)
_HTML_ATTR_RE = re.compile(r"([a-zA-Z][a-zA-Z0-9-]*)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_HTML_CHARREF_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|amp|quot);")
_HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
    "tg-time": "date_time",
}


@dataclass
class _OpenTag:
    tag: str
    entity: JSON | None
    start: int
    order: int


def _parse_html(text: str) -> tuple[str, list[JSON]]:
    """Telegram's HTML parse mode: returns (plain text, entities) or raises _MarkupError."""
    out = _TextBuilder()
    entities: list[tuple[int, JSON]] = []
    stack: list[_OpenTag] = []
    order = itertools.count()
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "&":
            ref = _HTML_CHARREF_RE.match(text, i)
            if ref is None:
                out.add("&")
                i += 1
            else:
                out.add(html.unescape(ref.group()))
                i = ref.end()
            continue
        if ch != "<":
            nxt = min((j for j in (text.find("<", i), text.find("&", i)) if j >= 0), default=-1)
            end = len(text) if nxt < 0 else nxt
            out.add(text[i:end])
            i = end
            continue
        at = _byte_offset(text, i)
        match = _HTML_TAG_RE.match(text, i)
        if match is None:
            name = re.match(r"</?([^\s<>/]*)", text[i:])
            shown = name.group(1) if name else ""
            raise _MarkupError(f'Unsupported start tag "{shown}" at byte offset {at}')
        closing, tag = match.group(1) == "/", match.group(2).lower()
        attrs = {
            key.lower(): html.unescape(value.strip("\"'")) if value else ""
            for key, value in _HTML_ATTR_RE.findall(match.group(3))
        }
        i = match.end()
        if closing:
            if not stack:
                raise _MarkupError(f'Unexpected end tag "{tag}" at byte offset {at}')
            top = stack.pop()
            if top.tag != tag:
                raise _MarkupError(
                    f'Unmatched end tag at byte offset {at}, expected "</{top.tag}>", '
                    f'found "</{tag}>"'
                )
            length = out.length - top.start
            if top.entity is not None and length > 0:
                entities.append((top.order, {**top.entity, "offset": top.start, "length": length}))
            continue
        if tag not in _HTML_TAGS or (tag == "span" and attrs.get("class") != "tg-spoiler"):
            raise _MarkupError(f'Unsupported start tag "{tag}" at byte offset {at}')
        entity: JSON | None = {"type": _HTML_TAGS[tag]}
        if tag == "a":
            href = attrs.get("href", "")
            user = re.fullmatch(r"tg://user\?id=(\d+)", href)
            if user:
                entity = {"type": "text_mention", "user": _user(int(user.group(1)), "User")}
            else:
                entity = {"type": "text_link", "url": href} if href else None
        elif tag == "blockquote" and "expandable" in attrs:
            entity = {"type": "expandable_blockquote"}
        elif tag == "tg-emoji":
            if "emoji-id" not in attrs:
                raise _MarkupError(f"Custom emoji identifier expected at byte offset {at}")
            entity["custom_emoji_id"] = attrs["emoji-id"]
        elif tag == "tg-time":
            if not attrs.get("unix", "").isdigit():
                raise _MarkupError(f"Unix time expected at byte offset {at}")
            entity["unix_time"] = int(attrs["unix"])
            if attrs.get("format"):
                entity["date_time_format"] = attrs["format"]
        elif tag == "code" and stack and stack[-1].tag == "pre":
            # <pre><code class="language-x">: one pre entity with a language
            language = attrs.get("class") or attrs.get("language") or ""
            pre = stack[-1].entity
            if language.startswith("language-") and pre is not None:
                pre["language"] = language.removeprefix("language-")
            entity = None
        stack.append(_OpenTag(tag, entity, out.length, next(order)))
    if stack:
        raise _MarkupError(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    ordered = sorted(entities, key=lambda item: (item[1]["offset"], -item[1]["length"], item[0]))
    return out.text(), [entity for _, entity in ordered]


_MD_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
}
_MD_V2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")


def _parse_markdown(text: str, *, v2: bool) -> tuple[str, list[JSON]]:
    """Telegram's MarkdownV2 (or legacy Markdown) parse mode; raises _MarkupError."""
    out = _TextBuilder()
    entities: list[JSON] = []
    stack: list[tuple[str, int, int]] = []  # (kind, start, index of the opening marker)
    quote_start: int | None = None
    quote_type = "blockquote"
    i, n = 0, len(text)

    def toggle(kind: str, at: int) -> None:
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == kind:
                _, start, _ = stack.pop(depth)
                if out.length > start:
                    entities.append({"type": kind, "offset": start, "length": out.length - start})
                return
        stack.append((kind, out.length, at))

    def read_until(closer: str, start: int) -> tuple[str, int] | None:
        body: list[str] = []
        j = start
        while j < n:
            if text.startswith(closer, j):
                return "".join(body), j
            if text[j] == "\\" and j + 1 < n and (v2 or text[j + 1] in closer):
                body.append(text[j + 1])
                j += 2
                continue
            body.append(text[j])
            j += 1
        return None

    while i < n:
        ch = text[i]
        at = i  # a char index; errors report it in bytes
        line_start = i == 0 or text[i - 1] == "\n"
        if v2 and line_start:
            if ch == ">":
                if quote_start is None:
                    quote_start, quote_type = out.length, "blockquote"
                i += 1
                continue
            if quote_start is not None:
                end = out.length - 1  # the newline ending the quote is not quoted
                if end > quote_start:
                    entities.append(
                        {"type": quote_type, "offset": quote_start, "length": end - quote_start}
                    )
                quote_start = None
        if v2 and ch == "\r":
            i += 1
            continue
        if ch == "\\" and (v2 or (i + 1 < n and text[i + 1] in "_*`[")):
            if i + 1 >= n:
                raise _MarkupError(
                    f"Character '\\' is reserved at byte offset {_byte_offset(text, at)}"
                )
            out.add(text[i + 1])
            i += 2
            continue
        if ch == "`":
            fence = "```" if text.startswith("```", i) else "`"
            found = read_until(fence, i + len(fence))
            if found is None:
                kind = "PreCode" if len(fence) == 3 else "Code"
                raise _MarkupError(
                    f"Can't find end of {kind} entity at byte offset {_byte_offset(text, at)}"
                )
            body, end = found
            entity: JSON = {"type": "code"}
            if len(fence) == 3:
                entity = {"type": "pre"}
                first, newline, rest = body.partition("\n")
                if newline and re.fullmatch(r"[\w+#.-]+", first):
                    entity["language"], body = first, rest
                elif newline and not first:
                    body = rest
            start = out.length
            out.add(body)
            if out.length > start:
                entities.append({**entity, "offset": start, "length": out.length - start})
            i = end + len(fence)
            continue
        if ch == "*":
            toggle("bold", at)
            i += 1
            continue
        if ch == "_":
            if v2 and text.startswith("__", i):
                toggle("underline", at)
                i += 2
            else:
                toggle("italic", at)
                i += 1
            continue
        if v2 and ch == "~":
            toggle("strikethrough", at)
            i += 1
            continue
        if v2 and text.startswith("||", i):
            at_line_end = i + 2 >= n or text[i + 2] == "\n"
            if (
                quote_start is not None
                and at_line_end
                and not any(k == "spoiler" for k, *_ in stack)
            ):
                quote_type = "expandable_blockquote"
            else:
                toggle("spoiler", at)
            i += 2
            continue
        if ch == "[" or (v2 and text.startswith("![", i)):
            stack.append(("link" if ch == "[" else "emoji_link", out.length, at))
            i += 1 if ch == "[" else 2
            continue
        if ch == "]" and stack and stack[-1][0] in ("link", "emoji_link"):
            if not text.startswith("(", i + 1):
                if v2:
                    raise _MarkupError(
                        f"Can't find end of a URL at byte offset {_byte_offset(text, at)}"
                    )
                stack.pop()
                out.add("]")
                i += 1
                continue
            found = read_until(")", i + 2)
            if found is None:
                raise _MarkupError(
                    f"Can't find end of a URL at byte offset {_byte_offset(text, at)}"
                )
            url, end = found
            kind, start, _ = stack.pop()
            entity = {"type": "text_link", "url": url}
            if kind == "emoji_link":
                parsed = re.fullmatch(r"tg://(emoji|time)\?(.*)", url)
                query = dict(
                    part.partition("=")[::2]
                    for part in (parsed.group(2) if parsed else "").split("&")
                )
                if parsed and parsed.group(1) == "emoji":
                    entity = {
                        "type": "custom_emoji",
                        "custom_emoji_id": query.get("id") or query.get("emoji_id", ""),
                    }
                elif parsed:
                    entity = {"type": "date_time", "unix_time": int(query.get("unix") or 0)}
                    if query.get("format"):
                        entity["date_time_format"] = query["format"]
            if out.length > start:
                entities.append({**entity, "offset": start, "length": out.length - start})
            i = end + 1
            continue
        if v2 and ch in _MD_V2_RESERVED:
            raise _MarkupError(
                f"Character '{ch}' is reserved and must be escaped with the preceding '\\'"
            )
        out.add(ch)
        i += 1
    if quote_start is not None and out.length > quote_start:
        entities.append(
            {"type": quote_type, "offset": quote_start, "length": out.length - quote_start}
        )
    if stack:
        kind, _, at = stack[-1]
        name = _MD_NAMES.get(kind, "TextUrl")
        raise _MarkupError(
            f"Can't find end of {name} entity at byte offset {_byte_offset(text, at)}"
        )
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return out.text(), entities


def _strip_text(text: str, entities: list[JSON]) -> tuple[str, list[JSON]]:
    """Telegram trims whitespace around a message; entity offsets follow."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    lead = _u16(text[: len(text) - len(text.lstrip())])
    total = _u16(stripped)
    kept = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept


def render_text(
    text: str, parse_mode: str | None = None, entities: list[JSON] | None = None
) -> tuple[str, list[JSON]]:
    """What Telegram makes of (text, parse_mode, entities): the plain text the user reads and
    its entities.  Raises ValueError with Telegram's wording when the markup does not parse."""
    mode = (parse_mode or "").lower()
    if mode == "html":
        plain, found = _parse_html(text)
    elif mode in ("markdownv2", "markdown"):
        plain, found = _parse_markdown(text, v2=mode == "markdownv2")
    else:
        plain, found = text, [dict(e) for e in entities or []]
    return _strip_text(plain, found)


def _lenient_plain(text: str, parse_mode: str | None) -> str:
    mode = (parse_mode or "").lower()
    if mode == "html":
        return html.unescape(re.sub(r"</?[a-zA-Z][^<>]*>", "", text)).strip()
    if mode in ("markdownv2", "markdown"):
        return re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)[*_~`|]", "", text)).strip()
    return text.strip()


# --------------------------------------------------------------------------- object builders


def _user(
    user_id: int,
    first_name: str,
    username: str | None = None,
    language_code: str | None = None,
    last_name: str | None = None,
) -> JSON:
    user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
    if last_name:
        user["last_name"] = last_name
    if username:
        user["username"] = username
    if language_code:
        user["language_code"] = language_code
    return user


def _update_type(update: Mapping[str, Any]) -> str:
    return next((key for key in update if key != "update_id"), "")


def _auto_entities(text: str) -> list[JSON]:
    entities: list[JSON] = []
    command_end = 0
    command = re.match(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?", text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": _u16(command.group())})
        command_end = command.end()
    for mention in re.finditer(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{4,31}\b", text):
        if mention.start() >= command_end:
            entities.append(
                {
                    "type": "mention",
                    "offset": _u16(text[: mention.start()]),
                    "length": _u16(mention.group()),
                }
            )
    return entities


def _as_int(value: Any, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise _ApiError(400, f"Bad Request: invalid integer value {value!r}") from exc


# --------------------------------------------------------------------------- the server

Handler = Callable[[Call], Awaitable[Any]]


class FakeBotAPI:
    """The fake server.  Use as ``async with FakeBotAPI() as api:`` (or ``start``/``close``).

    Constructor options: ``token`` (the bot id 4242 is part of the default token, aiogram
    derives ``bot.id`` from it), ``strict_markup`` (reject text that does not parse in its
    parse mode, as Telegram does), ``first_update_id``, ``max_poll_timeout`` (cap on the
    long-polling wait, seconds), ``shutdown_timeout``.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        strict_markup: bool = True,
        first_update_id: int = 1,
        max_poll_timeout: float | None = None,
        shutdown_timeout: float = 1.0,
    ) -> None:
        self.token = token
        self.strict_markup = strict_markup
        self.max_poll_timeout = max_poll_timeout
        self.shutdown_timeout = shutdown_timeout
        self.bot_user: JSON = {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": BOT_FIRST_NAME,
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self.calls: list[Call] = []
        # updates
        self.confirmed_update_ids: list[int] = []
        self.delivered_update_ids: list[int] = []
        self.dropped_update_ids: list[int] = []
        self.filtered_updates: list[JSON] = []
        self.allowed_updates: list[str] | None = None
        self._updates: list[JSON] = []
        self._next_update_id = first_update_id
        self._updates_changed = asyncio.Event()
        self._poll_generation = 0
        # bot settings
        self.webhook: JSON | None = None
        self.my_commands: dict[tuple[str, str], list[JSON]] = {}
        self.menu_buttons: dict[int | None, JSON] = {}
        # world state
        self._files: dict[str, _StoredFile] = {}
        self._files_by_path: dict[str, _StoredFile] = {}
        self._messages: dict[tuple[int, int], JSON] = {}
        self._last_message_id: dict[int, int] = defaultdict(int)
        self._users: dict[int, JSON] = {}
        self._chats: dict[int, JSON] = {}
        self._channels: dict[str, int] = {}
        self._open_callback_ids: set[str] = set()
        self._open_inline_ids: set[str] = set()
        self._ids = itertools.count(1)
        # faults
        self._faults: dict[str, deque[_Fault]] = defaultdict(deque)
        self._outage = False
        self._flood: _FloodLimit | None = None
        self._flood_global: deque[float] = deque()
        self._flood_chat: dict[Any, deque[float]] = defaultdict(deque)
        self._flood_group: dict[Any, deque[float]] = defaultdict(deque)
        # plumbing
        self._calls_changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._base_url: str | None = None
        self._closing = False
        self._handlers: dict[str, tuple[str, Handler]] = {
            name.lower(): (name, handler)
            for name, handler in {
                "getMe": self._get_me,
                "getUpdates": self._get_updates,
                "setWebhook": self._set_webhook,
                "deleteWebhook": self._delete_webhook,
                "getWebhookInfo": self._get_webhook_info,
                "setMyCommands": self._set_my_commands,
                "getMyCommands": self._get_my_commands,
                "deleteMyCommands": self._delete_my_commands,
                "sendMessage": self._send_message,
                "editMessageText": self._edit_message_text,
                "editMessageReplyMarkup": self._edit_message_reply_markup,
                "deleteMessage": self._delete_message,
                "answerCallbackQuery": self._answer_callback_query,
                "answerInlineQuery": self._answer_inline_query,
                "sendDocument": self._send_document,
                "sendChatAction": self._send_chat_action,
                "getFile": self._get_file,
                "setChatMenuButton": self._set_chat_menu_button,
                "getChatMenuButton": self._get_chat_menu_button,
                "close": self._ok,
                "logOut": self._ok,
            }.items()
        }

    # ----------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        app = web.Application(client_max_size=MAX_UPLOAD_BYTES + 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=self.shutdown_timeout)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        site = web.SockSite(self._runner, sock)
        await site.start()
        self._base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"

    async def close(self) -> None:
        if self._runner is None:
            return
        self._closing = True
        self._wake_pollers()
        await asyncio.sleep(0)  # let woken long polls answer before connections close
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``, for ``TelegramAPIServer.from_base``."""
        if self._base_url is None:
            raise RuntimeError("FakeBotAPI is not started")
        return self._base_url

    @property
    def server(self) -> TelegramAPIServer:
        """The aiogram ``TelegramAPIServer`` pointing at this fake."""
        from aiogram.client.telegram import TelegramAPIServer

        return TelegramAPIServer.from_base(self.base_url)

    # ----------------------------------------------------------------- recording

    def calls_of(self, method: str) -> list[Call]:
        wanted = method.lower()
        return [call for call in self.calls if call.method.lower() == wanted]

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        """The plain text of every successful sendMessage, optionally to one chat."""
        return [
            call.plain or ""
            for call in self.calls_of("sendMessage")
            if call.ok and (chat_id is None or call.params.get("chat_id") == chat_id)
        ]

    def clear(self) -> None:
        """Forget the recorded calls (state such as messages and updates is kept)."""
        self.calls.clear()

    async def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Wait until ``count`` calls of ``method`` (matching ``predicate``) have been recorded,
        failed ones included; return the first ``count`` of them."""
        return await self._wait(method, count, timeout, predicate, ignore=set())

    async def send_and_wait(
        self,
        update: Mapping[str, Any],
        method: str = "sendMessage",
        count: int = 1,
        timeout: float = 5.0,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Push ``update`` and wait for ``count`` new calls of ``method``; return those."""
        ignore = {id(call) for call in self.calls}
        self.push_update(update)
        return await self._wait(method, count, timeout, predicate, ignore=ignore)

    async def _wait(
        self,
        method: str,
        count: int,
        timeout: float,
        predicate: Callable[[Call], bool] | None,
        ignore: set[int],
    ) -> list[Call]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        wanted = method.lower()
        while True:
            event = self._calls_changed
            matched = [
                call
                for call in self.calls
                if call.method.lower() == wanted
                and id(call) not in ignore
                and (predicate is None or predicate(call))
            ]
            if len(matched) >= count:
                return matched[:count]
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(
                    self._timeout_report(method, count, timeout, matched, ignore, predicate)
                )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    def _timeout_report(
        self,
        method: str,
        count: int,
        timeout: float,
        matched: list[Call],
        ignore: set[int],
        predicate: Callable[[Call], bool] | None,
    ) -> str:
        condition = " matching the predicate" if predicate is not None else ""
        lines = [
            f"FakeBotAPI: timed out after {timeout}s waiting for {count} {'new ' if ignore else ''}"
            f"{method} call(s){condition}; got {len(matched)}."
        ]
        polls = [call for call in self.calls if call.method == "getUpdates" and call.ok]
        shown = [call for call in self.calls if call not in polls]
        origin = self.calls[0].at if self.calls else None
        lines.append(
            f"Calls recorded: {len(self.calls)} ({len(polls)} successful getUpdates not shown)"
        )
        lines.extend(f"  {call.summary(origin)}" for call in shown[-50:])
        pending = [update["update_id"] for update in self._updates]
        lines.append(f"Pending (unconfirmed) update ids: {pending}")
        if self.filtered_updates:
            kinds = [_update_type(update) for update in self.filtered_updates]
            lines.append(f"Updates dropped by allowed_updates={self.allowed_updates}: {kinds}")
        return "\n".join(lines)

    def _notify_calls(self) -> None:
        self._calls_changed.set()
        self._calls_changed = asyncio.Event()

    # ----------------------------------------------------------------- updates

    def push_update(self, update: Mapping[str, Any]) -> int:
        """Queue an update (a dict such as the builders return, or an aiogram ``Update``);
        the fake assigns the next update_id, overriding any given.  Returns that id."""
        if hasattr(update, "model_dump"):
            data = update.model_dump(mode="json", by_alias=True, exclude_none=True)
        else:
            data = copy.deepcopy(dict(update))
        data.pop("update_id", None)
        update_id = self._next_update_id
        self._next_update_id += 1
        self._updates.append({"update_id": update_id, **data})
        self._wake_pollers()
        return update_id

    def pending_updates(self) -> list[JSON]:
        """Updates not yet confirmed (delivered or not)."""
        return copy.deepcopy(self._updates)

    def _wake_pollers(self) -> None:
        self._updates_changed.set()
        self._updates_changed = asyncio.Event()

    def _confirm(self, offset: int) -> None:
        if offset > 0:
            gone = [update for update in self._updates if update["update_id"] < offset]
        elif offset < 0:
            gone = self._updates[: max(len(self._updates) + offset, 0)]
        else:
            return
        for update in gone:
            self._updates.remove(update)
            self.confirmed_update_ids.append(update["update_id"])

    def _drop_pending(self) -> None:
        self.dropped_update_ids.extend(update["update_id"] for update in self._updates)
        self._updates.clear()

    def _is_allowed(self, kind: str) -> bool:
        if not self.allowed_updates:
            return kind not in _NOT_DELIVERED_BY_DEFAULT
        return kind in self.allowed_updates

    def _collect(self, limit: int) -> list[JSON]:
        batch: list[JSON] = []
        for update in list(self._updates):
            if not self._is_allowed(_update_type(update)):
                # Telegram never stores updates the bot did not ask for
                self._updates.remove(update)
                self.filtered_updates.append(update)
                continue
            batch.append(update)
            if len(batch) >= limit:
                break
        return batch

    # ----------------------------------------------------------------- faults

    def fail_next(
        self,
        method: str,
        error_code: int = 429,
        description: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
        *,
        parameters: JSON | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` ("*" for any method) with an error.
        A 429 carries ``parameters.retry_after`` (default 1)."""
        params = dict(parameters or {})
        if error_code == 429:
            params.setdefault("retry_after", 1 if retry_after is None else retry_after)
        elif retry_after is not None:
            params["retry_after"] = retry_after
        if description is None:
            description = self._default_description(error_code, params.get("retry_after"))
        fault = _Fault(False, error_code, description, params or None, times)
        self._faults[method.lower()].append(fault)

    def drop_next(self, method: str, times: int = 1) -> None:
        """Close the connection of the next ``times`` calls of ``method`` without answering."""
        self._faults[method.lower()].append(_Fault(True, remaining=times))

    def outage(self, on: bool = True) -> None:
        """While on, every request (getUpdates and downloads included) answers 502."""
        self._outage = on
        self._wake_pollers()

    def flood_limit(
        self,
        per_chat_per_second: int | None = 1,
        global_per_second: int | None = 30,
        *,
        per_group_per_minute: int | None = None,
        methods: tuple[str, ...] = ("sendMessage", "sendDocument"),
        enabled: bool = True,
    ) -> None:
        """Emulate Telegram's flood limits: calls beyond them answer 429 with retry_after.
        ``flood_limit(enabled=False)`` turns it off."""
        self._flood_global.clear()
        self._flood_chat.clear()
        self._flood_group.clear()
        if not enabled:
            self._flood = None
            return
        self._flood = _FloodLimit(
            per_chat_per_second,
            global_per_second,
            per_group_per_minute,
            frozenset(m.lower() for m in methods),
        )

    @staticmethod
    def _default_description(code: int, retry_after: Any = None) -> str:
        known = {
            400: "Bad Request: injected failure",
            401: "Unauthorized",
            403: "Forbidden: bot was blocked by the user",
            404: "Not Found",
            409: _CONFLICT_OTHER_POLL,
            429: f"Too Many Requests: retry after {retry_after}",
            500: "Internal Server Error",
            502: "Bad Gateway",
        }
        if code in known:
            return known[code]
        try:
            return http.HTTPStatus(code).phrase
        except ValueError:
            return f"Error {code}"

    def _take_fault(self, method: str) -> _Fault | None:
        for key in (method.lower(), "*"):
            queue = self._faults.get(key)
            if queue:
                fault = queue[0]
                fault.remaining -= 1
                if fault.remaining <= 0:
                    queue.popleft()
                return fault
        return None

    def _check_flood(self, call: Call) -> None:
        flood = self._flood
        if flood is None or call.method.lower() not in flood.methods:
            return
        now = time.monotonic()
        chat = call.params.get("chat_id")
        windows: list[tuple[deque[float], int | None, float]] = [
            (self._flood_global, flood.global_per_second, 1.0),
            (self._flood_chat[chat], flood.per_chat_per_second, 1.0),
        ]
        if (isinstance(chat, int) and chat < 0) or isinstance(chat, str):
            windows.append((self._flood_group[chat], flood.per_group_per_minute, 60.0))
        wait = 0.0
        for stamps, limit, window in windows:
            while stamps and stamps[0] <= now - window:
                stamps.popleft()
            if limit is not None and len(stamps) >= limit:
                wait = max(wait, stamps[len(stamps) - limit] + window - now)
        if wait > 0:
            retry_after = max(1, math.ceil(wait))
            raise _ApiError(
                429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
            )
        for stamps, _, _ in windows:
            stamps.append(now)

    # ----------------------------------------------------------------- HTTP plumbing

    def _canonical(self, method: str) -> str:
        lower = method.lower()
        if lower in self._handlers:
            return self._handlers[lower][0]
        info = _aiogram_methods().get(lower)
        return info.name if info else method

    async def _read_request(
        self, request: web.Request, method: str
    ) -> tuple[JSON, dict[str, UploadedFile]]:
        params: JSON = {key: _decode_field(method, key, v) for key, v in request.query.items()}
        files: dict[str, UploadedFile] = {}
        ctype = request.content_type
        try:
            if ctype == "application/json":
                raw = await request.text()
                body = json.loads(raw) if raw.strip() else {}
                if not isinstance(body, dict):
                    raise _ApiError(400, "Bad Request: JSON object expected")
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
            raise _ApiError(413, "Request Entity Too Large") from exc
        except ValueError as exc:
            raise _ApiError(400, f"Bad Request: can't parse request body: {exc}") from exc
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

    @staticmethod
    def _error_body(error: _ApiError) -> JSON:
        body: JSON = {"ok": False, "error_code": error.code, "description": error.description}
        if error.parameters:
            body["parameters"] = error.parameters
        return body

    def _answer_error(self, call: Call, error: _ApiError) -> web.Response:
        call.failed = True
        call.error_code = error.code
        call.description = error.description
        return web.json_response(self._error_body(error), status=error.code)

    def _drop(self, call: Call, request: web.Request) -> web.Response:
        call.failed = True
        call.dropped = True
        if request.transport is not None:
            request.transport.abort()
        return web.Response(status=499)

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        arrived = time.monotonic()
        method = self._canonical(request.match_info["method"])
        call = Call(
            method=method,
            params={},
            files={},
            at=arrived,
            http_method=request.method,
            content_type=request.content_type,
        )
        try:
            try:
                call.params, call.files = await self._read_request(request, method)
            finally:
                # recorded as soon as its parameters are known, so wait_for sees a long poll
                self.calls.append(call)
                self._notify_calls()
            if self._outage:
                raise _ApiError(502, "Bad Gateway")
            if request.match_info["token"] != self.token:
                raise _ApiError(401, "Unauthorized")
            handler = self._resolve_handler(method)
            fault = self._take_fault(method)
            if fault is not None and fault.drop:
                raise _Drop
            if fault is not None:
                raise _ApiError(fault.code, fault.description, fault.parameters)
            self._check_flood(call)
            call.result = await handler(call)
        except _Drop:
            return self._drop(call, request)
        except _ApiError as error:
            return self._answer_error(call, error)
        finally:
            self._notify_calls()
        return web.json_response({"ok": True, "result": call.result})

    def _resolve_handler(self, method: str) -> Handler:
        lower = method.lower()
        if lower in self._handlers:
            return self._handlers[lower][1]
        info = _aiogram_methods().get(lower)
        if info is None:
            raise _ApiError(404, "Not Found: method not found")
        if info.returns == "bool":
            return self._ok
        if info.returns == "message" and "chat_id" in info.fields:
            return self._send_generic
        raise _ApiError(404, f"Not Found: method {info.name} is not implemented by FakeBotAPI")

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        path = request.match_info["path"]
        call = Call(
            method="downloadFile",
            params={"file_path": path},
            files={},
            at=time.monotonic(),
            http_method=request.method,
        )
        self.calls.append(call)
        try:
            if self._outage:
                raise _ApiError(502, "Bad Gateway")
            if request.match_info["token"] != self.token:
                raise _ApiError(401, "Unauthorized")
            fault = self._take_fault("downloadFile")
            if fault is not None and fault.drop:
                raise _Drop
            if fault is not None:
                raise _ApiError(fault.code, fault.description, fault.parameters)
            stored = self._files_by_path.get(path)
            if stored is None:
                raise _ApiError(404, "Not Found")
        except _Drop:
            return self._drop(call, request)
        except _ApiError as error:
            return self._answer_error(call, error)
        finally:
            self._notify_calls()
        call.result = {"file_path": path, "file_size": len(stored.content)}
        return web.Response(body=stored.content, content_type=stored.mime_type)

    # ----------------------------------------------------------------- files

    def add_file(
        self,
        content: bytes,
        file_name: str = "file.bin",
        *,
        mime_type: str | None = None,
        kind: str = "documents",
    ) -> str:
        """Register a file the bot may ``getFile`` and download; returns its file_id."""
        return self._store_file(content, file_name, mime_type, kind).file_id

    def file_content(self, file_id: str) -> bytes:
        return self._files[file_id].content

    def _store_file(
        self, content: bytes, file_name: str, mime_type: str | None, kind: str
    ) -> _StoredFile:
        number = next(self._ids)
        prefix = {"photos": "AgAC", "stickers": "CAAC", "voice": "AwAC"}.get(kind, "BQAC")
        suffix = "." + file_name.rsplit(".", 1)[1] if "." in file_name else ""
        stored = _StoredFile(
            file_id=f"{prefix}AgADFake{number:06d}_{BOT_ID}",
            file_unique_id=f"AgADF{number:06d}",
            file_name=file_name,
            mime_type=mime_type or mimetypes.guess_type(file_name)[0] or "application/octet-stream",
            content=content,
            file_path=f"{kind}/file_{number}{suffix}",
        )
        self._files[stored.file_id] = stored
        self._files_by_path[stored.file_path] = stored
        return stored

    # ----------------------------------------------------------------- world helpers

    def _remember_user(
        self,
        user_id: int,
        first_name: str,
        username: str | None,
        language_code: str | None,
        last_name: str | None = None,
    ) -> JSON:
        user = _user(user_id, first_name, username, language_code, last_name)
        self._users[user_id] = user
        return dict(user)

    def _chat(self, chat_id: Any) -> JSON:
        """The chat a method's chat_id designates, as Telegram would describe it."""
        if chat_id is None or chat_id == "":
            raise _ApiError(400, "Bad Request: chat_id is empty")
        if isinstance(chat_id, str):
            if chat_id.startswith("@"):
                name = chat_id[1:]
                if chat_id.lower() not in self._channels:
                    self._channels[chat_id.lower()] = -1_001_000_000_000 - len(self._channels) - 1
                cid = self._channels[chat_id.lower()]
                return self._chats.setdefault(
                    cid, {"id": cid, "type": "channel", "title": name, "username": name}
                ).copy()
            try:
                chat_id = int(chat_id)
            except ValueError as exc:
                raise _ApiError(400, "Bad Request: chat not found") from exc
        if isinstance(chat_id, bool) or not isinstance(chat_id, int) or chat_id == 0:
            raise _ApiError(400, "Bad Request: chat not found")
        if chat_id in self._chats:
            return dict(self._chats[chat_id])
        if chat_id > 0:
            user = self._users.get(chat_id, {"first_name": "User"})
            chat = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
            for key in ("last_name", "username"):
                if key in user:
                    chat[key] = user[key]
            return chat
        return {"id": chat_id, "type": "supergroup", "title": DEFAULT_GROUP_TITLE}

    def _remember_chat(
        self, chat_id: int, chat_type: str | None, title: str | None, user: JSON
    ) -> JSON:
        if chat_type is None:
            chat_type = "private" if chat_id > 0 else "supergroup"
        if chat_type == "private":
            chat: JSON = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
            for key in ("last_name", "username"):
                if key in user:
                    chat[key] = user[key]
        else:
            known = self._chats.get(chat_id, {})
            chat = {"id": chat_id, "type": chat_type}
            chat["title"] = title or known.get("title") or DEFAULT_GROUP_TITLE
        self._chats[chat_id] = chat
        return dict(chat)

    def _next_message_id(self, chat_id: int) -> int:
        self._last_message_id[chat_id] += 1
        return self._last_message_id[chat_id]

    def _new_message(self, chat: JSON, sender: JSON, content: JSON) -> JSON:
        message = {
            "message_id": self._next_message_id(chat["id"]),
            "from": dict(sender),
            "chat": dict(chat),
            "date": int(time.time()),
            **{key: value for key, value in content.items() if value is not None},
        }
        self._messages[(chat["id"], message["message_id"])] = message
        return message

    def _bot_sender(self) -> JSON:
        return {key: self.bot_user[key] for key in ("id", "is_bot", "first_name", "username")}

    def _last_bot_message(self, chat_id: int) -> JSON | None:
        mine = [
            message
            for (cid, _), message in self._messages.items()
            if cid == chat_id and message["from"]["id"] == BOT_ID
        ]
        return max(mine, key=lambda message: message["message_id"], default=None)

    def _bot_message_at(self, chat: JSON, message_id: int | None) -> JSON:
        """A message of the bot's in ``chat``: the given one, the latest, or a made-up one."""
        if message_id is None:
            found = self._last_bot_message(chat["id"])
            if found is not None:
                return found
            return self._new_message(chat, self._bot_sender(), {"text": "..."})
        found = self._messages.get((chat["id"], message_id))
        if found is not None:
            return found
        made_up = {
            "message_id": message_id,
            "from": self._bot_sender(),
            "chat": dict(chat),
            "date": int(time.time()),
            "text": "...",
        }
        self._messages[(chat["id"], message_id)] = made_up
        self._last_message_id[chat["id"]] = max(self._last_message_id[chat["id"]], message_id)
        return made_up

    def message(self, chat_id: int, message_id: int) -> JSON | None:
        """The fake's current view of a message (after edits), or None if deleted/unknown."""
        found = self._messages.get((chat_id, message_id))
        return copy.deepcopy(found) if found is not None else None

    def _find_message(self, chat_id: Any, message_id: Any, missing: str) -> JSON:
        chat = self._chat(chat_id)
        found = self._messages.get((chat["id"], _as_int(message_id, 0)))
        if found is None:
            raise _ApiError(400, f"Bad Request: {missing}")
        return found

    @staticmethod
    def _quoted(message: JSON) -> JSON:
        quoted = copy.deepcopy(message)
        quoted.pop("reply_to_message", None)
        return quoted

    # ----------------------------------------------------------------- update builders

    def _incoming(
        self,
        content: JSON,
        *,
        user_id: int,
        chat_id: int | None,
        chat_type: str | None,
        language_code: str | None,
        first_name: str,
        username: str | None,
        last_name: str | None = None,
        chat_title: str | None = None,
        reply_to_bot: bool = False,
        reply_to_message_id: int | None = None,
    ) -> JSON:
        user = self._remember_user(user_id, first_name, username, language_code, last_name)
        cid = user_id if chat_id is None else chat_id
        chat = self._remember_chat(cid, chat_type, chat_title, user)
        reply: JSON | None = None
        if reply_to_message_id is not None:
            reply = self._messages.get((cid, reply_to_message_id))
        elif reply_to_bot:
            reply = self._bot_message_at(chat, None)
        message = self._new_message(chat, user, content)
        if reply is not None:
            message["reply_to_message"] = self._quoted(reply)
        return {"message": copy.deepcopy(message)}

    def text_message(
        self,
        text: str,
        user_id: int = DEFAULT_USER_ID,
        chat_id: int | None = None,
        language_code: str | None = "en",
        chat_type: str | None = None,
        first_name: str = DEFAULT_FIRST_NAME,
        username: str | None = None,
        reply_to_bot: bool = False,
        entities: list[JSON] | None = None,
        *,
        last_name: str | None = None,
        chat_title: str | None = None,
        reply_to_message_id: int | None = None,
    ) -> JSON:
        """A ``message`` update with text.  Without ``entities``, a leading /command gets a
        bot_command entity and @usernames get mention entities, as Telegram adds them.
        ``chat_id`` defaults to the user's private chat; a negative id is a supergroup."""
        found = _auto_entities(text) if entities is None else entities
        content: JSON = {"text": text}
        if found:
            content["entities"] = found
        return self._incoming(
            content,
            user_id=user_id,
            chat_id=chat_id,
            chat_type=chat_type,
            language_code=language_code,
            first_name=first_name,
            username=username,
            last_name=last_name,
            chat_title=chat_title,
            reply_to_bot=reply_to_bot,
            reply_to_message_id=reply_to_message_id,
        )

    def callback_query(
        self,
        data: str,
        user_id: int = DEFAULT_USER_ID,
        message_id: int | None = None,
        chat_id: int | None = None,
        language_code: str | None = "en",
        *,
        first_name: str = DEFAULT_FIRST_NAME,
        username: str | None = None,
    ) -> JSON:
        """A ``callback_query`` update: the user pressed a button of the bot's message
        ``message_id`` (default: the bot's latest message in that chat)."""
        user = self._remember_user(user_id, first_name, username, language_code)
        cid = user_id if chat_id is None else chat_id
        chat = self._chats.get(cid) or self._remember_chat(cid, None, None, user)
        message = self._bot_message_at(chat, message_id)
        query_id = f"{BOT_ID}{next(self._ids):012d}"
        self._open_callback_ids.add(query_id)
        return {
            "callback_query": {
                "id": query_id,
                "from": user,
                "message": self._quoted(message),
                "chat_instance": f"-{abs(cid) * 7919 % 10**12}",
                "data": data,
            }
        }

    def inline_query(
        self,
        query: str,
        user_id: int = DEFAULT_USER_ID,
        language_code: str | None = "en",
        *,
        offset: str = "",
        chat_type: str | None = "sender",
        first_name: str = DEFAULT_FIRST_NAME,
        username: str | None = None,
    ) -> JSON:
        """An ``inline_query`` update (its id is then valid for answerInlineQuery)."""
        user = self._remember_user(user_id, first_name, username, language_code)
        query_id = f"{BOT_ID}{next(self._ids):012d}"
        self._open_inline_ids.add(query_id)
        inline: JSON = {"id": query_id, "from": user, "query": query, "offset": offset}
        if chat_type:
            inline["chat_type"] = chat_type
        return {"inline_query": inline}

    def location_message(
        self,
        lat: float,
        lon: float,
        user_id: int = DEFAULT_USER_ID,
        *,
        chat_id: int | None = None,
        language_code: str | None = "en",
        first_name: str = DEFAULT_FIRST_NAME,
        username: str | None = None,
    ) -> JSON:
        return self._incoming(
            {"location": {"latitude": lat, "longitude": lon}},
            user_id=user_id,
            chat_id=chat_id,
            chat_type=None,
            language_code=language_code,
            first_name=first_name,
            username=username,
        )

    def sticker_message(
        self,
        user_id: int = DEFAULT_USER_ID,
        *,
        emoji: str = "👍",
        chat_id: int | None = None,
        language_code: str | None = "en",
        first_name: str = DEFAULT_FIRST_NAME,
        username: str | None = None,
    ) -> JSON:
        stored = self._store_file(b"RIFF\x00\x00\x00\x00WEBPVP8 ", "sticker.webp", None, "stickers")
        sticker = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "file_size": len(stored.content),
        }
        return self._incoming(
            {"sticker": sticker},
            user_id=user_id,
            chat_id=chat_id,
            chat_type=None,
            language_code=language_code,
            first_name=first_name,
            username=username,
        )

    def photo_message(
        self,
        user_id: int = DEFAULT_USER_ID,
        *,
        caption: str | None = None,
        chat_id: int | None = None,
        language_code: str | None = "en",
        first_name: str = DEFAULT_FIRST_NAME,
        username: str | None = None,
    ) -> JSON:
        sizes = []
        for side in (90, 800):
            stored = self._store_file(
                b"\xff\xd8\xff\xe0" + bytes(side), f"photo_{side}.jpg", "image/jpeg", "photos"
            )
            sizes.append(
                {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "width": side,
                    "height": side * 3 // 4,
                    "file_size": len(stored.content),
                }
            )
        return self._incoming(
            {"photo": sizes, "caption": caption},
            user_id=user_id,
            chat_id=chat_id,
            chat_type=None,
            language_code=language_code,
            first_name=first_name,
            username=username,
        )

    def document_message(
        self,
        file_id: str,
        file_name: str,
        user_id: int = DEFAULT_USER_ID,
        mime_type: str = "text/plain",
        *,
        caption: str | None = None,
        chat_id: int | None = None,
        language_code: str | None = "en",
        first_name: str = DEFAULT_FIRST_NAME,
        username: str | None = None,
    ) -> JSON:
        """A document from the user; register its bytes first with ``add_file`` to let the
        bot download it."""
        stored = self._files.get(file_id)
        document: JSON = {
            "file_id": file_id,
            "file_unique_id": stored.file_unique_id if stored else f"U{file_id[-12:]}",
            "file_name": file_name,
            "mime_type": mime_type,
        }
        if stored is not None:
            document["file_size"] = len(stored.content)
        return self._incoming(
            {"document": document, "caption": caption},
            user_id=user_id,
            chat_id=chat_id,
            chat_type=None,
            language_code=language_code,
            first_name=first_name,
            username=username,
        )

    def voice_message(
        self,
        user_id: int = DEFAULT_USER_ID,
        *,
        duration: int = 3,
        chat_id: int | None = None,
        language_code: str | None = "en",
        first_name: str = DEFAULT_FIRST_NAME,
        username: str | None = None,
    ) -> JSON:
        stored = self._store_file(b"OggS\x00\x02" + bytes(64), "voice.ogg", "audio/ogg", "voice")
        voice = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": len(stored.content),
        }
        return self._incoming(
            {"voice": voice},
            user_id=user_id,
            chat_id=chat_id,
            chat_type=None,
            language_code=language_code,
            first_name=first_name,
            username=username,
        )

    # ----------------------------------------------------------------- method helpers

    def _render(
        self, call: Call, text_key: str, entities_key: str, limit: int, too_long: str
    ) -> tuple[str, list[JSON]]:
        text = call.params.get(text_key)
        if not isinstance(text, str):
            text = "" if text is None else str(text)
        parse_mode = call.params.get("parse_mode")
        given = call.params.get(entities_key)
        try:
            plain, entities = render_text(
                text, parse_mode, given if isinstance(given, list) else None
            )
        except _MarkupError as exc:
            if self.strict_markup:
                raise _ApiError(400, f"Bad Request: can't parse entities: {exc}") from exc
            plain, entities = _lenient_plain(text, parse_mode), []
        if _u16(plain) > limit:
            raise _ApiError(400, f"Bad Request: {too_long}")
        call.plain = plain
        call.params["plain"] = plain
        return plain, entities

    @staticmethod
    def _inline_markup(markup: Any) -> JSON | None:
        """Validate reply_markup; return it if it is an inline keyboard (the only kind a
        Message carries back)."""
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
        if "inline_keyboard" not in markup:
            return None
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise _ApiError(400, "Bad Request: can't parse inline keyboard button: array expected")
        for row in rows:
            for button in row:
                if not isinstance(button, dict) or not button.get("text"):
                    raise _ApiError(400, "Bad Request: can't parse inline keyboard button: text")
                if not _BUTTON_ACTIONS & button.keys():
                    raise _ApiError(400, _TEXT_BUTTONS_UNALLOWED)
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA_BYTES:
                    raise _ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        return copy.deepcopy(markup)

    def _reply_target(self, chat: JSON, params: JSON) -> JSON | None:
        reply = params.get("reply_parameters")
        if isinstance(reply, dict):
            message_id = reply.get("message_id")
            allow_missing = bool(reply.get("allow_sending_without_reply"))
            if reply.get("chat_id") not in (None, ""):
                chat = self._chat(reply["chat_id"])  # a reply may quote another chat
        else:
            message_id = params.get("reply_to_message_id")
            allow_missing = bool(params.get("allow_sending_without_reply"))
        if message_id is None:
            return None
        found = self._messages.get((chat["id"], _as_int(message_id, 0)))
        if found is None and not allow_missing:
            raise _ApiError(400, "Bad Request: message to be replied not found")
        return self._quoted(found) if found is not None else None

    def _send(self, call: Call, content: JSON) -> JSON:
        chat = self._chat(call.params.get("chat_id"))
        reply = self._reply_target(chat, call.params)
        markup = self._inline_markup(call.params.get("reply_markup"))
        message = self._new_message(
            chat, self._bot_sender(), {**content, "reply_to_message": reply, "reply_markup": markup}
        )
        return copy.deepcopy(message)

    # ----------------------------------------------------------------- methods

    async def _ok(self, call: Call) -> bool:
        return True

    async def _get_me(self, call: Call) -> JSON:
        return dict(self.bot_user)

    async def _get_updates(self, call: Call) -> list[JSON]:
        if self.webhook is not None:
            raise _ApiError(409, _CONFLICT_WEBHOOK)
        params = call.params
        offset = _as_int(params.get("offset"), 0)
        limit = min(max(_as_int(params.get("limit"), 100), 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)
        if self.max_poll_timeout is not None:
            timeout = min(timeout, self.max_poll_timeout)
        if "allowed_updates" in params:
            allowed = params["allowed_updates"]
            self.allowed_updates = list(allowed) if isinstance(allowed, list) else None
        self._confirm(offset)
        self._poll_generation += 1
        generation = self._poll_generation
        self._wake_pollers()  # an older long poll, if any, is terminated (409)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if generation != self._poll_generation:
                raise _ApiError(409, _CONFLICT_OTHER_POLL)
            if self._outage:
                raise _ApiError(502, "Bad Gateway")
            if self._closing:
                return []
            batch = self._collect(limit)
            remaining = deadline - loop.time()
            if batch or remaining <= 0:
                self.delivered_update_ids.extend(update["update_id"] for update in batch)
                return copy.deepcopy(batch)
            event = self._updates_changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    async def _set_webhook(self, call: Call) -> bool:
        params = call.params
        url = params.get("url") or ""
        if params.get("drop_pending_updates"):
            self._drop_pending()
        if not url:
            self.webhook = None
            return True
        if not str(url).startswith("https://"):
            raise _ApiError(
                400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
        self.webhook = {
            "url": url,
            "has_custom_certificate": "certificate" in call.files,
            "max_connections": _as_int(params.get("max_connections"), 40),
        }
        if isinstance(params.get("allowed_updates"), list):
            self.allowed_updates = list(params["allowed_updates"])
        if params.get("secret_token"):
            self.webhook["secret_token"] = params["secret_token"]
        return True

    async def _delete_webhook(self, call: Call) -> bool:
        if call.params.get("drop_pending_updates"):
            self._drop_pending()
        self.webhook = None
        return True

    async def _get_webhook_info(self, call: Call) -> JSON:
        info: JSON = {
            "url": "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self.webhook is not None:
            info.update({k: v for k, v in self.webhook.items() if k != "secret_token"})
        if self.allowed_updates is not None:
            info["allowed_updates"] = list(self.allowed_updates)
        return info

    @staticmethod
    def _commands_key(params: JSON) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        if not isinstance(scope, dict) or "type" not in scope:
            raise _ApiError(400, "Bad Request: can't parse BotCommandScope JSON object")
        language = params.get("language_code") or ""
        return json.dumps(scope, sort_keys=True), language

    def commands_for(self, scope: JSON | None = None, language_code: str = "") -> list[JSON] | None:
        """The commands set for this scope (dict, default scope if None) and language."""
        key = self._commands_key({"scope": scope, "language_code": language_code})
        found = self.my_commands.get(key)
        return copy.deepcopy(found) if found is not None else None

    async def _set_my_commands(self, call: Call) -> bool:
        commands = call.params.get("commands")
        if not isinstance(commands, list):
            raise _ApiError(400, "Bad Request: can't parse commands JSON object")
        if len(commands) > 100:
            raise _ApiError(400, "Bad Request: too many commands")
        for command in commands:
            if not isinstance(command, dict) or not _COMMAND_RE.fullmatch(
                str(command.get("command", ""))
            ):
                raise _ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise _ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.my_commands[self._commands_key(call.params)] = copy.deepcopy(commands)
        return True

    async def _get_my_commands(self, call: Call) -> list[JSON]:
        return copy.deepcopy(self.my_commands.get(self._commands_key(call.params), []))

    async def _delete_my_commands(self, call: Call) -> bool:
        self.my_commands.pop(self._commands_key(call.params), None)
        return True

    async def _send_message(self, call: Call) -> JSON:
        if not call.params.get("text"):
            self._chat(call.params.get("chat_id"))
            raise _ApiError(400, "Bad Request: message text is empty")
        plain, entities = self._render(
            call, "text", "entities", MAX_TEXT_LENGTH, "message is too long"
        )
        if not plain:
            raise _ApiError(400, "Bad Request: message text is empty")
        return self._send(call, {"text": plain, "entities": entities or None})

    async def _send_document(self, call: Call) -> JSON:
        params = call.params
        document = params.get("document")
        upload = call.files.get("document")
        if upload is not None:
            if not upload.content:
                raise _ApiError(400, "Bad Request: file must be non-empty")
            stored = self._store_file(upload.content, upload.filename, None, "documents")
        elif isinstance(document, str) and document in self._files:
            stored = self._files[document]
        elif isinstance(document, str) and document.startswith(("http://", "https://")):
            name = document.rstrip("/").rsplit("/", 1)[-1] or "file"
            stored = self._store_file(b"", name, None, "documents")
        else:
            self._chat(params.get("chat_id"))
            raise _ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        content: JSON = {
            "document": {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "file_name": stored.file_name,
                "mime_type": stored.mime_type,
                "file_size": len(stored.content),
            }
        }
        if params.get("caption"):
            plain, entities = self._render(
                call,
                "caption",
                "caption_entities",
                MAX_CAPTION_LENGTH,
                "message caption is too long",
            )
            content.update({"caption": plain or None, "caption_entities": entities or None})
        return self._send(call, content)

    async def _send_generic(self, call: Call) -> JSON:
        content: JSON = {}
        if call.params.get("caption"):
            plain, entities = self._render(
                call,
                "caption",
                "caption_entities",
                MAX_CAPTION_LENGTH,
                "message caption is too long",
            )
            content.update({"caption": plain or None, "caption_entities": entities or None})
        return self._send(call, content)

    def _editable(self, call: Call) -> JSON | None:
        """The bot message an edit targets, or None for inline messages."""
        params = call.params
        if params.get("inline_message_id"):
            return None
        message = self._find_message(
            params.get("chat_id"), params.get("message_id"), "message to edit not found"
        )
        if message["from"]["id"] != BOT_ID:
            raise _ApiError(400, "Bad Request: message can't be edited")
        return message

    async def _edit_message_text(self, call: Call) -> JSON | bool:
        if not call.params.get("text"):
            raise _ApiError(400, "Bad Request: message text is empty")
        plain, entities = self._render(
            call, "text", "entities", MAX_TEXT_LENGTH, "MESSAGE_TOO_LONG"
        )
        markup = self._inline_markup(call.params.get("reply_markup"))
        message = self._editable(call)
        if message is None:
            return True
        if "text" not in message:
            raise _ApiError(400, "Bad Request: there is no text in the message to edit")
        if (
            message.get("text") == plain
            and message.get("entities", []) == entities
            and message.get("reply_markup") == markup
        ):
            raise _ApiError(400, _NOT_MODIFIED)
        message["text"] = plain
        for key, value in (("entities", entities), ("reply_markup", markup)):
            if value:
                message[key] = value
            else:
                message.pop(key, None)
        message["edit_date"] = int(time.time())
        return copy.deepcopy(message)

    async def _edit_message_reply_markup(self, call: Call) -> JSON | bool:
        markup = self._inline_markup(call.params.get("reply_markup"))
        message = self._editable(call)
        if message is None:
            return True
        if message.get("reply_markup") == markup:
            raise _ApiError(400, _NOT_MODIFIED)
        if markup:
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        message["edit_date"] = int(time.time())
        return copy.deepcopy(message)

    async def _delete_message(self, call: Call) -> bool:
        message = self._find_message(
            call.params.get("chat_id"), call.params.get("message_id"), "message to delete not found"
        )
        del self._messages[(message["chat"]["id"], message["message_id"])]
        return True

    async def _answer_callback_query(self, call: Call) -> bool:
        query_id = str(call.params.get("callback_query_id") or "")
        if query_id not in self._open_callback_ids:
            raise _ApiError(400, _QUERY_INVALID)
        self._open_callback_ids.discard(query_id)
        return True

    async def _answer_inline_query(self, call: Call) -> bool:
        query_id = str(call.params.get("inline_query_id") or "")
        if query_id not in self._open_inline_ids:
            raise _ApiError(400, _QUERY_INVALID)
        results = call.params.get("results")
        if not isinstance(results, list):
            raise _ApiError(400, "Bad Request: can't parse inline query results JSON object")
        if len(results) > 50:
            raise _ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = [str(result.get("id", "")) for result in results if isinstance(result, dict)]
        if len(ids) != len(results) or any(not 1 <= len(i.encode()) <= 64 for i in ids):
            raise _ApiError(400, "Bad Request: RESULT_ID_INVALID")
        if len(set(ids)) != len(ids):
            raise _ApiError(400, "Bad Request: RESULT_ID_DUPLICATE")
        self._open_inline_ids.discard(query_id)
        return True

    async def _send_chat_action(self, call: Call) -> bool:
        self._chat(call.params.get("chat_id"))
        if call.params.get("action") not in _CHAT_ACTIONS:
            raise _ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    async def _get_file(self, call: Call) -> JSON:
        stored = self._files.get(str(call.params.get("file_id") or ""))
        if stored is None:
            raise _ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }

    async def _set_chat_menu_button(self, call: Call) -> bool:
        button = call.params.get("menu_button") or {"type": "default"}
        if not isinstance(button, dict) or "type" not in button:
            raise _ApiError(400, "Bad Request: can't parse menu button JSON object")
        chat_id = call.params.get("chat_id")
        self.menu_buttons[chat_id if isinstance(chat_id, int) else None] = button
        return True

    async def _get_chat_menu_button(self, call: Call) -> JSON:
        chat_id = call.params.get("chat_id")
        key = chat_id if isinstance(chat_id, int) else None
        return copy.deepcopy(
            self.menu_buttons.get(key) or self.menu_buttons.get(None) or {"type": "default"}
        )
