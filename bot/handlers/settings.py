"""Per-user settings: /tz (a place, a shared location, or reset) and /lang, kept in SQLite."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject, or_f
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove

from bot.callbacks import LangCallback, LangChoice
from bot.filters import CommandLike, Magic
from bot.handlers import respond
from bot.i18n import client_lang
from bot.keyboards import lang_choice_label, lang_keyboard, location_keyboard
from bot.render import joined, plain_html
from bot.runtime.live import AfterImportWrite
from knowledge.answering.engine import Engine, UnknownPlace
from knowledge.i18n import Catalog
from knowledge.places.geo import ZoneLocator
from knowledge.places.resolver import Place
from knowledge.places.times import utc_offset
from knowledge.places.zones import get_zone
from knowledge.storage.store import FactStore

RESET_WORDS = frozenset({"reset", "off", "clear", "сброс", "сбросить", "скинути", "скасувати"})
LANG_WORDS = {
    **dict.fromkeys(("en", "eng", "english", "английский", "англійська"), LangChoice.EN),
    **dict.fromkeys(("ru", "rus", "russian", "русский", "російська"), LangChoice.RU),
    **dict.fromkeys(("uk", "ua", "ukr", "ukrainian", "украинский", "українська"), LangChoice.UK),
    **dict.fromkeys(("auto", "авто", "reset"), LangChoice.AUTO),
}
MAX_ECHOED_NAME = 64  # an unknown place is quoted back; a novel is not


def create_router() -> Router:
    router = Router(name="settings")
    router.message.filter(or_f(CommandLike(), Magic(F.location)))
    # They write: while an import is being written, they wait for its commit (off the loop).
    router.message.middleware(AfterImportWrite())
    router.callback_query.middleware(AfterImportWrite())
    router.message.register(time_zone, Command("tz"))
    router.message.register(
        zone_from_location, Magic(F.location), Magic(F.chat.type == ChatType.PRIVATE)
    )
    router.message.register(language, Command("lang"))
    router.callback_query.register(language_tapped, LangCallback.filter())
    return router


def _place_line(texts: Catalog, key: str, lang: str, place: Place, engine: Engine) -> str:
    now = engine.clock().astimezone(place.tzinfo)
    return texts(key, lang, place=place.label(lang), offset=utc_offset(now))


async def time_zone(
    message: Message,
    command: CommandObject,
    engine: Engine,
    store: FactStore,
    texts: Catalog,
    ui_lang: str,
    user_place: Place | None,
) -> None:
    user_id = message.from_user.id if message.from_user else message.chat.id
    value = " ".join((command.args or "").split())
    if not value:
        shown = (
            _place_line(texts, "tz.current", ui_lang, user_place, engine)
            if user_place
            else texts("tz.not_set", ui_lang)
        )
        # Telegram offers location buttons in private chats only.
        private = message.chat.type == ChatType.PRIVATE
        keyboard = location_keyboard(texts, ui_lang) if private else None
        await respond(
            message, joined([shown, texts("tz.how", ui_lang)]).as_html(), reply_markup=keyboard
        )
        return
    # The location button, if shown by a bare /tz, is no longer needed once the zone is set.
    done = ReplyKeyboardRemove() if message.chat.type == ChatType.PRIVATE else None
    if value.casefold() in RESET_WORDS:
        store.set_user_setting(user_id, "tz", None)
        await respond(message, plain_html(texts("tz.reset", ui_lang)), reply_markup=done)
        return
    try:
        place = engine.resolve_place(value)
    except UnknownPlace as error:
        name = value[:MAX_ECHOED_NAME]
        if error.suggestions:
            text = texts(
                "tz.unknown_suggest", ui_lang, name=name, suggestions=", ".join(error.suggestions)
            )
        else:
            text = texts("tz.unknown", ui_lang, name=name)
        await respond(message, plain_html(text))
        return
    # The name as typed, not the zone: "Kharkiv" stays Kharkiv, not the zone's city, Kyiv.
    store.set_user_setting(user_id, "tz", value)
    text = _place_line(texts, "tz.set", ui_lang, place, engine)
    await respond(message, plain_html(text), reply_markup=done)


async def zone_from_location(
    message: Message,
    engine: Engine,
    store: FactStore,
    zones: ZoneLocator,
    texts: Catalog,
    ui_lang: str,
) -> None:
    location = message.location
    zone = zones.zone_at(location.latitude, location.longitude) if location else None
    if zone is not None and zone.startswith("Etc/"):
        # At sea: "Etc/GMT+2" means UTC−2; say it the way people read it.
        zone = utc_offset(engine.clock().astimezone(get_zone(zone)))
    place: Place | None = None
    if zone is not None:
        try:
            place = engine.resolve_place(zone)
        except UnknownPlace:
            place = None
    if place is None or message.from_user is None:
        await message.answer(
            plain_html(texts("tz.location_unknown", ui_lang)), reply_markup=ReplyKeyboardRemove()
        )
        return
    store.set_user_setting(message.from_user.id, "tz", zone)
    text = _place_line(texts, "tz.set", ui_lang, place, engine)
    await message.answer(plain_html(text), reply_markup=ReplyKeyboardRemove())


async def language(
    message: Message,
    command: CommandObject,
    store: FactStore,
    texts: Catalog,
    ui_lang: str,
    lang_override: str | None,
) -> None:
    value = (command.args or "").strip()
    if not value:
        current = texts(
            "lang.current", ui_lang, choice=lang_choice_label(texts, ui_lang, lang_override)
        )
        text = joined([current, texts("lang.choose", ui_lang)]).as_html()
        await respond(message, text, reply_markup=lang_keyboard(texts, ui_lang))
        return
    choice = LANG_WORDS.get(value.casefold())
    if choice is None:
        unknown = texts("lang.unknown", ui_lang, value=value[:MAX_ECHOED_NAME])
        await respond(message, joined([unknown, texts("lang.choose", ui_lang)]).as_html())
        return
    user = message.from_user
    await respond(
        message,
        plain_html(
            _save_language(
                store,
                texts,
                choice,
                user.id if user else message.chat.id,
                user.language_code if user else None,
            )
        ),
    )


async def language_tapped(
    callback: CallbackQuery, callback_data: LangCallback, store: FactStore, texts: Catalog
) -> None:
    user = callback.from_user
    text = _save_language(store, texts, callback_data.choice, user.id, user.language_code)
    await callback.answer()
    if callback.message is not None:
        await callback.message.answer(plain_html(text))


def _save_language(
    store: FactStore, texts: Catalog, choice: LangChoice, user_id: int, language_code: str | None
) -> str:
    """Persist the choice; the confirmation is already in the language chosen."""
    override = None if choice == LangChoice.AUTO else choice.value
    store.set_user_setting(user_id, "lang", override)
    lang = override or client_lang(language_code)
    return texts("lang.set", lang, choice=lang_choice_label(texts, lang, override))
