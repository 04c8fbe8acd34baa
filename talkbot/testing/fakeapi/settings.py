"""The bot's settings on the fake: its webhook, its command lists by scope and language, and
its menu buttons, with the checks Telegram makes on each."""

from __future__ import annotations

import copy
import json
import re
import typing

from talkbot.testing.fakeapi.records import JSON, ApiError, Call, as_int

_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")


class SettingsMixin:
    """setWebhook/deleteWebhook/getWebhookInfo, set/get/deleteMyCommands and
    set/getChatMenuButton; ``FakeBotAPI`` keeps the state."""

    webhook: JSON | None
    allowed_updates: list[str] | None
    my_commands: dict[tuple[str, str], list[JSON]]
    menu_buttons: dict[int | None, JSON]
    _updates: list[JSON]

    if typing.TYPE_CHECKING:

        def _drop_pending(self) -> None: ...

    async def _set_webhook(self, call: Call) -> bool:
        params = call.params
        url = params.get("url") or ""
        if params.get("drop_pending_updates"):
            self._drop_pending()
        if not url:
            self.webhook = None
            return True
        if not str(url).startswith("https://"):
            raise ApiError(
                400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
        self.webhook = {
            "url": url,
            "has_custom_certificate": "certificate" in call.files,
            "max_connections": as_int(params.get("max_connections"), 40),
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
            raise ApiError(400, "Bad Request: can't parse BotCommandScope JSON object")
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
            raise ApiError(400, "Bad Request: can't parse commands JSON object")
        if len(commands) > 100:
            raise ApiError(400, "Bad Request: too many commands")
        for command in commands:
            if not isinstance(command, dict) or not _COMMAND_RE.fullmatch(
                str(command.get("command", ""))
            ):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.my_commands[self._commands_key(call.params)] = copy.deepcopy(commands)
        return True

    async def _get_my_commands(self, call: Call) -> list[JSON]:
        return copy.deepcopy(self.my_commands.get(self._commands_key(call.params), []))

    async def _delete_my_commands(self, call: Call) -> bool:
        self.my_commands.pop(self._commands_key(call.params), None)
        return True

    async def _set_chat_menu_button(self, call: Call) -> bool:
        button = call.params.get("menu_button") or {"type": "default"}
        if not isinstance(button, dict) or "type" not in button:
            raise ApiError(400, "Bad Request: can't parse menu button JSON object")
        chat_id = call.params.get("chat_id")
        self.menu_buttons[chat_id if isinstance(chat_id, int) else None] = button
        return True

    async def _get_chat_menu_button(self, call: Call) -> JSON:
        chat_id = call.params.get("chat_id")
        key = chat_id if isinstance(chat_id, int) else None
        return copy.deepcopy(
            self.menu_buttons.get(key) or self.menu_buttons.get(None) or {"type": "default"}
        )
