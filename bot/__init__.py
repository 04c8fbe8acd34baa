"""talkbot's Telegram side (aiogram 3) and command line; a thin adapter over `knowledge`."""
