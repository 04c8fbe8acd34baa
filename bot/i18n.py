"""The bot's own UI strings (bot/locales, via knowledge.i18n.Catalog) and the user's language."""

from __future__ import annotations

from pathlib import Path

from knowledge.i18n import FALLBACK, Catalog
from knowledge.model import LANGS

LOCALES_DIR = Path(__file__).resolve().parent / "locales"

# Telegram clients set language_code from the app's language. Belarusian users nearly all
# read Russian, and a Russian answer serves them better than an English one.
_CLIENT_LANGS = {"en": "en", "ru": "ru", "uk": "uk", "be": "ru"}


def bot_catalog() -> Catalog:
    """A fresh catalog of the bot's strings; build_dispatcher makes one and injects it."""
    return Catalog(LOCALES_DIR)


def client_lang(language_code: str | None) -> str:
    """en, ru or uk for a Telegram language_code ("uk", "ru-RU", "pt-br", None); else English."""
    if not language_code:
        return FALLBACK
    return _CLIENT_LANGS.get(language_code.split("-")[0].lower(), FALLBACK)


def ui_lang(override: str | None, language_code: str | None) -> str:
    """The language of the bot's own messages: the /lang choice, else the client's language."""
    return override if override in LANGS else client_lang(language_code)
