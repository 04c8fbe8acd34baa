"""Test support shipped with talkbot: a fake Telegram Bot API server and the bot process
run against it, for the test suite and scripts/loadtest.py."""
