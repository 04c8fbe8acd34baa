"""`python -m bot run` as a real process against the fake Bot API: its environment, its start
and its stop. Shared by the process tests and scripts/loadtest.py."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from talkbot.testing.fakeapi import FakeBotAPI

# The checkout (or site-packages) holding `bot`: the child imports the same code as the caller.
ROOT = Path(__file__).resolve().parents[2]
# Every setting the bot reads: none of the caller's may leak into a test's bot.
SETTINGS_VARIABLES = (
    "BOT_TOKEN",
    "ADMIN_IDS",
    "DATABASE_PATH",
    "TELEGRAM_API_URL",
    "WEBHOOK_URL",
    "WEBHOOK_SECRET",
    "WEBHOOK_HOST",
    "WEBHOOK_PORT",
    "WEBHOOK_PATH",
    "LOG_LEVEL",
    "BACKUP_DIR",
    "BACKUP_EVERY",
    "BACKUP_KEEP",
    "METRICS_PORT",
    "METRICS_HOST",
    "CONTENT_DIR",
    "THROTTLE_BURST",
    "THROTTLE_RATE",
)


def bot_env(
    api: FakeBotAPI,
    workdir: Path,
    log_level: str = "INFO",
    content: Path | None = None,
    **extra: str,
) -> dict[str, str]:
    """The environment of a bot on `api` with its database in `workdir`, seeded from
    `content` (the shipped content if None)."""
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    return env | {
        "BOT_TOKEN": api.token,
        "TELEGRAM_API_URL": api.base_url,
        "DATABASE_PATH": str(workdir / "talkbot.db"),
        "LOG_LEVEL": log_level,
        "PYTHONPATH": str(ROOT),
        **({"CONTENT_DIR": str(content)} if content else {}),
        **extra,
    }


async def start_bot(env: dict[str, str], log_path: Path) -> asyncio.subprocess.Process:
    # The log goes to a file (appended: two runs of a test may share it); a full pipe would
    # block the bot mid-test.
    with log_path.open("a") as log:
        return await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "bot", "run"),
            cwd=log_path.parent,  # no developer's .env is read from here
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )


async def stop_bot(process: asyncio.subprocess.Process, timeout: float = 30) -> int:
    """SIGTERM, then the exit code; a bot that hangs is killed and fails the test."""
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    try:
        return await asyncio.wait_for(process.wait(), timeout)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise AssertionError(f"the bot did not stop within {timeout}s of SIGTERM") from None
