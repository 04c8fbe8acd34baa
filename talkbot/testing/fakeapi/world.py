"""The world the fake keeps: users, chats, messages and files, as Telegram would describe
them to the bot."""

from __future__ import annotations

import copy
import itertools
import mimetypes
import time
from collections import defaultdict
from typing import Any

from talkbot.testing.fakeapi.records import (
    BOT_ID,
    DEFAULT_GROUP_TITLE,
    JSON,
    ApiError,
    StoredFile,
    as_int,
    make_user,
)


class WorldMixin:
    """Users, chats, messages and files, kept the way Telegram describes them to a bot."""

    bot_user: JSON

    def _init_world(self) -> None:
        self._files: dict[str, StoredFile] = {}
        self._files_by_path: dict[str, StoredFile] = {}
        self._messages: dict[tuple[int, int], JSON] = {}
        self._last_message_id: dict[int, int] = defaultdict(int)
        self._users: dict[int, JSON] = {}
        self._chats: dict[int, JSON] = {}
        self._channels: dict[str, int] = {}
        self._open_callback_ids: set[str] = set()
        self._open_inline_ids: set[str] = set()
        self._ids = itertools.count(1)

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
    ) -> StoredFile:
        number = next(self._ids)
        prefix = {"photos": "AgAC", "stickers": "CAAC", "voice": "AwAC"}.get(kind, "BQAC")
        suffix = "." + file_name.rsplit(".", 1)[1] if "." in file_name else ""
        stored = StoredFile(
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
        user = make_user(user_id, first_name, username, language_code, last_name)
        self._users[user_id] = user
        return dict(user)

    def _chat(self, chat_id: Any) -> JSON:
        """The chat a method's chat_id designates, as Telegram would describe it."""
        if chat_id is None or chat_id == "":
            raise ApiError(400, "Bad Request: chat_id is empty")
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
                raise ApiError(400, "Bad Request: chat not found") from exc
        if isinstance(chat_id, bool) or not isinstance(chat_id, int) or chat_id == 0:
            raise ApiError(400, "Bad Request: chat not found")
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
        found = self._messages.get((chat["id"], as_int(message_id, 0)))
        if found is None:
            raise ApiError(400, f"Bad Request: {missing}")
        return found

    @staticmethod
    def _quoted(message: JSON) -> JSON:
        quoted = copy.deepcopy(message)
        quoted.pop("reply_to_message", None)
        return quoted
