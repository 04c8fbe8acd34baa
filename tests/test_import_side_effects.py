"""Importing the domain changes nothing outside it: zoneinfo's search path belongs to the
process, so the applications set it as they start (knowledge.places.zones)."""

from __future__ import annotations

import subprocess
import sys

IMPORT_EVERYTHING = """
import sys, zoneinfo
before = zoneinfo.TZPATH
import knowledge, knowledge.answering.engine, knowledge.curation.service, knowledge.ingest
import knowledge.storage.store, knowledge.places.resolver
assert zoneinfo.TZPATH == before, (zoneinfo.TZPATH, before)
assert "numpy" not in sys.modules  # sqlite-utils was imported without it
print("untouched")
"""

STARTED = """
import os, sys, zoneinfo
os.environ.pop("BOT_TOKEN", None)
from talkbot.cli import main
main(["validate"])
assert zoneinfo.TZPATH == (), zoneinfo.TZPATH
"""


def _python(code: str, tzpath: str) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONTZPATH": tzpath, "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )


def test_importing_knowledge_leaves_zoneinfo_and_numpy_alone():
    done = _python(IMPORT_EVERYTHING, "/usr/share/zoneinfo")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "untouched"


def test_the_command_line_reads_zones_from_the_tzdata_package_only():
    done = _python(STARTED, "/usr/share/zoneinfo")
    assert done.returncode == 0, done.stderr


ADMIN_ONLY = ("icalendar", "prometheus_client", "knowledge.ingest.proposals", "matplotlib")

IMPORT_THE_BOT = f"""
import sys
import bot.app
print(sorted(name for name in {ADMIN_ONLY!r} if name in sys.modules))
"""


def test_the_running_bot_imports_what_only_admins_monitoring_or_the_calendar_use_when_first_used():
    # Each costs start-up time and memory every run pays (docs/performance.md); the handlers
    # and /metrics import them on first use.
    done = _python(IMPORT_THE_BOT, "/usr/share/zoneinfo")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
