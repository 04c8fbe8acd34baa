"""What the fake records and raises: calls, uploads, stored files, API errors, and the
Telegram limits and test identities every part shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


class ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


class Drop(Exception):
    """Close the connection without answering."""


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    file_name: str
    mime_type: str
    content: bytes
    file_path: str

    def fields(self) -> dict[str, Any]:
        """What every file object of the Bot API says of it (a sticker, a photo size...)."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.content),
        }


def as_int(value: Any, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise ApiError(400, f"Bad Request: invalid integer value {value!r}") from exc


def make_user(
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
