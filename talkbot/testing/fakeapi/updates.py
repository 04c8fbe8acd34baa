"""Update builders: realistic ``message``, ``callback_query`` and ``inline_query`` updates
from a user, recorded in the fake's world so that replies and buttons refer to them."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from talkbot.testing.fakeapi.markup import u16
from talkbot.testing.fakeapi.records import (
    BOT_ID,
    DEFAULT_FIRST_NAME,
    DEFAULT_USER_ID,
    JSON,
)
from talkbot.testing.fakeapi.world import WorldMixin


def _auto_entities(text: str) -> list[JSON]:
    entities: list[JSON] = []
    command_end = 0
    command = re.match(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?", text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": u16(command.group())})
        command_end = command.end()
    for mention in re.finditer(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{4,31}\b", text):
        if mention.start() >= command_end:
            entities.append(
                {
                    "type": "mention",
                    "offset": u16(text[: mention.start()]),
                    "length": u16(mention.group()),
                }
            )
    return entities


def update_type(update: Mapping[str, Any]) -> str:
    """The kind of an update: "message", "callback_query", ..."""
    return next((key for key in update if key != "update_id"), "")


class UpdateBuildersMixin(WorldMixin):
    """Builders of the updates a user causes; push them with ``push_update``."""

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
            **stored.fields(),
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
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
            sizes.append({**stored.fields(), "width": side, "height": side * 3 // 4})
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
        voice = {**stored.fields(), "duration": duration, "mime_type": "audio/ogg"}
        return self._incoming(
            {"voice": voice},
            user_id=user_id,
            chat_id=chat_id,
            chat_type=None,
            language_code=language_code,
            first_name=first_name,
            username=username,
        )
