"""The admin side: curating the fact base from inside Telegram (audited, validated, reversible).

`create_router(admin_ids)` is the one place the gate lives: the admin filter sits on the
curation router's messages and callback queries and on every sub-router, checked on every
update. Everyone else who sends an admin command or presses an admin button (an old
message, forged data) gets a polite refusal, and nothing changes. Admin commands work in
private chats only, so a dialogue never captures group messages. A curation refusal
raised by any admin handler is said by `errors` (router.errors), never as an apology.
"""

from __future__ import annotations

from collections.abc import Iterable

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, Filter
from aiogram.types import CallbackQuery, Message, User

from bot.callbacks import ADMIN_PREFIX
from bot.commands import ADMIN_COMMANDS
from bot.filters import CommandLike, Magic
from bot.handlers.admin import (
    add,
    backup,
    browse,
    edit,
    errors,
    ingest,
    stats,
    transfer,
    unanswered,
)
from bot.handlers.admin.states import IdleTimeout
from bot.render import plain_html
from bot.runtime.live import AfterImportWrite
from knowledge.i18n import Catalog


class IsAdmin(Filter):
    def __init__(self, admin_ids: Iterable[int]) -> None:
        self.admin_ids = frozenset(admin_ids)

    async def __call__(self, event: object, event_from_user: User | None = None) -> bool:
        return event_from_user is not None and event_from_user.id in self.admin_ids


def gate(router: Router, is_admin: IsAdmin) -> Router:
    router.message.filter(is_admin, Magic(F.chat.type == ChatType.PRIVATE))
    router.callback_query.filter(is_admin)
    return router


def create_router(admin_ids: Iterable[int]) -> Router:
    is_admin = IsAdmin(admin_ids)
    curation = gate(Router(name="admin.curation"), is_admin)
    # Inner middlewares run for the sub-routers' handlers too, once one has matched.
    curation.message.middleware(IdleTimeout())
    curation.callback_query.middleware(IdleTimeout())
    # Curation writes: during another admin's import they wait for its commit (off the loop).
    curation.message.middleware(AfterImportWrite())
    curation.callback_query.middleware(AfterImportWrite())
    # add first: its dialogue takes the admin's plain text before anything else may.
    for module in (add, browse, stats, unanswered, edit, transfer, backup, ingest):
        curation.include_router(gate(module.create_router(), is_admin))

    refusal = Router(name="admin.refusal")
    refusal.message.filter(CommandLike(), Magic(F.chat.type == ChatType.PRIVATE))
    # Many bots have a /cancel; a user who tries it here has nothing of an admin's to drop.
    refusal.message.register(nothing_to_cancel, Command("cancel"))
    refusal.message.register(refuse_command, Command(*ADMIN_COMMANDS))
    # An admin's press no curation handler took is out of date (bot.handlers.fallback), not
    # refused.
    refusal.callback_query.register(
        refuse_button, Magic(F.data.startswith(ADMIN_PREFIX)), ~is_admin
    )

    router = Router(name="admin")
    router.include_routers(curation, refusal)
    # Refusals (and unreadable files) from any admin handler are said in one place.
    errors.register(router)
    return router


async def refuse_command(message: Message, texts: Catalog, ui_lang: str) -> None:
    await message.answer(plain_html(texts("admin.refused", ui_lang)))


async def nothing_to_cancel(message: Message, texts: Catalog, ui_lang: str) -> None:
    await message.answer(plain_html(texts("admin.cancel.nothing", ui_lang)))


async def refuse_button(callback: CallbackQuery, texts: Catalog, ui_lang: str) -> None:
    await callback.answer(texts("admin.refused", ui_lang), show_alert=True)
