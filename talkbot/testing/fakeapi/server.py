"""The fake server itself: the HTTP routes, its lifecycle, and the update queue that
long-polling getUpdates serves (the call record and waiting for calls: ``recording``)."""

from __future__ import annotations

import asyncio
import copy
import socket
import time
import typing
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Self

from aiohttp import web

from talkbot.testing.fakeapi.faults import FaultsMixin
from talkbot.testing.fakeapi.methods import MethodsMixin
from talkbot.testing.fakeapi.recording import RecordingMixin
from talkbot.testing.fakeapi.records import (
    BOT_FIRST_NAME,
    BOT_ID,
    BOT_USERNAME,
    DEFAULT_TOKEN,
    JSON,
    MAX_UPLOAD_BYTES,
    ApiError,
    Call,
    Drop,
)
from talkbot.testing.fakeapi.updates import update_type
from talkbot.testing.fakeapi.wire import aiogram_methods, read_request

if typing.TYPE_CHECKING:
    from aiogram.client.telegram import TelegramAPIServer

# Update types Telegram leaves out when allowed_updates is empty or was never given.
_NOT_DELIVERED_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})

Handler = Callable[[Call], Awaitable[Any]]


class FakeBotAPI(RecordingMixin, FaultsMixin, MethodsMixin):
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
        self._init_world()
        self._init_faults()
        # plumbing
        self._calls_changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._base_url: str | None = None
        self._closing = False
        self._listeners: list[Callable[[Call], None]] = []
        self._handlers: dict[str, tuple[str, Handler]] = {
            name.lower(): (name, handler) for name, handler in self._implemented().items()
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
            if not self._is_allowed(update_type(update)):
                # Telegram never stores updates the bot did not ask for
                self._updates.remove(update)
                self.filtered_updates.append(update)
                continue
            batch.append(update)
            if len(batch) >= limit:
                break
        return batch

    def _canonical(self, method: str) -> str:
        lower = method.lower()
        if lower in self._handlers:
            return self._handlers[lower][0]
        info = aiogram_methods().get(lower)
        return info.name if info else method

    @staticmethod
    def _error_body(error: ApiError) -> JSON:
        body: JSON = {"ok": False, "error_code": error.code, "description": error.description}
        if error.parameters:
            body["parameters"] = error.parameters
        return body

    def _answer_error(self, call: Call, error: ApiError) -> web.Response:
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
                call.params, call.files = await read_request(request, method)
            finally:
                # recorded as soon as its parameters are known, so wait_for sees a long poll
                self.calls.append(call)
                self._notify_calls()
            if self._outage:
                raise ApiError(502, "Bad Gateway")
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            handler = self._resolve_handler(method)
            fault = self._take_fault(method)
            if fault is not None and fault.drop:
                raise Drop
            if fault is not None:
                raise ApiError(fault.code, fault.description, fault.parameters)
            self._check_flood(call)
            call.result = await handler(call)
        except Drop:
            return self._drop(call, request)
        except ApiError as error:
            return self._answer_error(call, error)
        finally:
            self._answered(call)
        return web.json_response({"ok": True, "result": call.result})

    def _resolve_handler(self, method: str) -> Handler:
        lower = method.lower()
        if lower in self._handlers:
            return self._handlers[lower][1]
        info = aiogram_methods().get(lower)
        if info is None:
            raise ApiError(404, "Not Found: method not found")
        if info.returns == "bool":
            return self._ok
        if info.returns == "message" and "chat_id" in info.fields:
            return self._send_generic
        raise ApiError(404, f"Not Found: method {info.name} is not implemented by FakeBotAPI")

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
                raise ApiError(502, "Bad Gateway")
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            fault = self._take_fault("downloadFile")
            if fault is not None and fault.drop:
                raise Drop
            if fault is not None:
                raise ApiError(fault.code, fault.description, fault.parameters)
            stored = self._files_by_path.get(path)
            if stored is None:
                raise ApiError(404, "Not Found")
        except Drop:
            return self._drop(call, request)
        except ApiError as error:
            return self._answer_error(call, error)
        finally:
            self._notify_calls()
        call.result = {"file_path": path, "file_size": len(stored.content)}
        return web.Response(body=stored.content, content_type=stored.mime_type)
