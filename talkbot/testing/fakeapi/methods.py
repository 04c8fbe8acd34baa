"""The Bot API methods the fake implements, with the checks Telegram makes on each."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import time
from collections.abc import Awaitable, Callable
from typing import Any

from talkbot.testing.fakeapi.faults import CONFLICT_OTHER_POLL
from talkbot.testing.fakeapi.markup import MarkupError, lenient_plain, render_text, u16
from talkbot.testing.fakeapi.records import (
    BOT_ID,
    JSON,
    MAX_CALLBACK_DATA_BYTES,
    MAX_CAPTION_LENGTH,
    MAX_TEXT_LENGTH,
    ApiError,
    Call,
    as_int,
)
from talkbot.testing.fakeapi.settings import SettingsMixin
from talkbot.testing.fakeapi.updates import UpdateBuildersMixin

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
_QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
_CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)


class MethodsMixin(SettingsMixin, UpdateBuildersMixin):
    """The implemented methods (``_implemented``) and the helpers they share."""

    strict_markup: bool
    max_poll_timeout: float | None
    webhook: JSON | None
    allowed_updates: list[str] | None

    def _implemented(self) -> dict[str, Callable[[Call], Awaitable[Any]]]:
        """The methods this fake implements, by their API name."""
        return {
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
        }

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
        except MarkupError as exc:
            if self.strict_markup:
                raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from exc
            plain, entities = lenient_plain(text, parse_mode), []
        if u16(plain) > limit:
            raise ApiError(400, f"Bad Request: {too_long}")
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
            raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
        if "inline_keyboard" not in markup:
            return None
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise ApiError(400, "Bad Request: can't parse inline keyboard button: array expected")
        for row in rows:
            for button in row:
                if not isinstance(button, dict) or not button.get("text"):
                    raise ApiError(400, "Bad Request: can't parse inline keyboard button: text")
                if not _BUTTON_ACTIONS & button.keys():
                    raise ApiError(400, _TEXT_BUTTONS_UNALLOWED)
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA_BYTES:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
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
        found = self._messages.get((chat["id"], as_int(message_id, 0)))
        if found is None and not allow_missing:
            raise ApiError(400, "Bad Request: message to be replied not found")
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
            raise ApiError(409, _CONFLICT_WEBHOOK)
        params = call.params
        offset = as_int(params.get("offset"), 0)
        limit = min(max(as_int(params.get("limit"), 100), 1), 100)
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
                raise ApiError(409, CONFLICT_OTHER_POLL)
            if self._outage:
                raise ApiError(502, "Bad Gateway")
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

    async def _send_message(self, call: Call) -> JSON:
        if not call.params.get("text"):
            self._chat(call.params.get("chat_id"))
            raise ApiError(400, "Bad Request: message text is empty")
        plain, entities = self._render(
            call, "text", "entities", MAX_TEXT_LENGTH, "message is too long"
        )
        if not plain:
            raise ApiError(400, "Bad Request: message text is empty")
        return self._send(call, {"text": plain, "entities": entities or None})

    async def _send_document(self, call: Call) -> JSON:
        params = call.params
        document = params.get("document")
        upload = call.files.get("document")
        if upload is not None:
            if not upload.content:
                raise ApiError(400, "Bad Request: file must be non-empty")
            stored = self._store_file(upload.content, upload.filename, None, "documents")
        elif isinstance(document, str) and document in self._files:
            stored = self._files[document]
        elif isinstance(document, str) and document.startswith(("http://", "https://")):
            name = document.rstrip("/").rsplit("/", 1)[-1] or "file"
            stored = self._store_file(b"", name, None, "documents")
        else:
            self._chat(params.get("chat_id"))
            raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        content: JSON = {
            "document": {
                **stored.fields(),
                "file_name": stored.file_name,
                "mime_type": stored.mime_type,
            }
        }
        return self._send_with_caption(call, content)

    async def _send_generic(self, call: Call) -> JSON:
        return self._send_with_caption(call, {})

    def _send_with_caption(self, call: Call, content: JSON) -> JSON:
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
            raise ApiError(400, "Bad Request: message can't be edited")
        return message

    async def _edit_message_text(self, call: Call) -> JSON | bool:
        if not call.params.get("text"):
            raise ApiError(400, "Bad Request: message text is empty")
        plain, entities = self._render(
            call, "text", "entities", MAX_TEXT_LENGTH, "MESSAGE_TOO_LONG"
        )
        markup = self._inline_markup(call.params.get("reply_markup"))
        message = self._editable(call)
        if message is None:
            return True
        if "text" not in message:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        if (
            message.get("text") == plain
            and message.get("entities", []) == entities
            and message.get("reply_markup") == markup
        ):
            raise ApiError(400, _NOT_MODIFIED)
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
            raise ApiError(400, _NOT_MODIFIED)
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
            raise ApiError(400, _QUERY_INVALID)
        self._open_callback_ids.discard(query_id)
        return True

    async def _answer_inline_query(self, call: Call) -> bool:
        query_id = str(call.params.get("inline_query_id") or "")
        if query_id not in self._open_inline_ids:
            raise ApiError(400, _QUERY_INVALID)
        results = call.params.get("results")
        if not isinstance(results, list):
            raise ApiError(400, "Bad Request: can't parse inline query results JSON object")
        if len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = [str(result.get("id", "")) for result in results if isinstance(result, dict)]
        if len(ids) != len(results) or any(not 1 <= len(i.encode()) <= 64 for i in ids):
            raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
        if len(set(ids)) != len(ids):
            raise ApiError(400, "Bad Request: RESULT_ID_DUPLICATE")
        self._open_inline_ids.discard(query_id)
        return True

    async def _send_chat_action(self, call: Call) -> bool:
        self._chat(call.params.get("chat_id"))
        if call.params.get("action") not in _CHAT_ACTIONS:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    async def _get_file(self, call: Call) -> JSON:
        stored = self._files.get(str(call.params.get("file_id") or ""))
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }
