"""Operating the bot from the shell: `backup` and `restore` (then the bot starts and says the
same as before), the installed `talkbot` command, and settings that stop start-up."""

from __future__ import annotations

import configparser
import re
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from bot.config import Settings, SettingsError, load_settings
from knowledge.storage.content import load_content
from knowledge.storage.schema import SCHEMA_VERSION
from knowledge.storage.store import FactStore
from talkbot.cli import main
from talkbot.testing.process import SETTINGS_VARIABLES
from tests.admin_support import admin_bot, admin_says
from tests.bot_harness import RunningBot
from tests.conftest import CONTENT
from tests.curation_support import ADMIN_A

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "what format is the call?"


async def what_the_bot_says(db_path: Path) -> tuple[str, str]:
    """Start the bot on the database: its answer to QUESTION and its /history."""
    async with admin_bot(db_path) as tb:
        answer = await tb.say(QUESTION)
        history = await admin_says(tb, "/history")
        return answer.plain, history.plain


async def change(tb: RunningBot, text: str) -> None:
    await admin_says(tb, f"/edit talks-format text_en {text}")


async def test_restore_then_start_gives_the_same_answers_and_audit_history(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    async with admin_bot(db_path) as tb:
        await change(tb, "A video call, says the snapshot.")
    before = await what_the_bot_says(db_path)
    snapshot = tmp_path / "snapshot.db"
    assert main(["--db", str(db_path), "--content", str(CONTENT), "backup", str(snapshot)]) == 0

    async with admin_bot(db_path) as tb:
        await change(tb, "Something else, said after the snapshot.")
        await admin_says(tb, "/undo", admin=ADMIN_A)
        await change(tb, "And yet another text.")
    assert await what_the_bot_says(db_path) != before

    capsys.readouterr()
    assert main(["--db", str(db_path), "--content", str(CONTENT), "restore", str(snapshot)]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0].startswith("restored snapshot.db (taken ")
    facts = len(load_content(CONTENT).facts)
    assert said[0].endswith(f"schema version {SCHEMA_VERSION}, {facts} facts) into {db_path}")
    [kept] = tmp_path.glob("talkbot.db.bak-*Z")
    assert said[1] == f"the previous database is kept as {kept}"

    after = await what_the_bot_says(db_path)
    assert after == before
    assert after[0].startswith("A video call, says the snapshot.")


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + b"\x00" * 200])
def test_restore_refuses_a_bad_file_with_one_line_and_changes_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
):
    FactStore.open(db_path, CONTENT).close()
    original = db_path.read_bytes()
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    capsys.readouterr()

    assert main(["--db", str(db_path), "restore", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: bad.db ") and err.count("\n") == 1
    assert db_path.read_bytes() == original
    assert not list(tmp_path.glob("*.bak-*"))


def test_the_talkbot_command_is_the_same_cli_as_python_m_bot():
    [script] = entry_points(group="console_scripts", name="talkbot")
    assert script.value == "talkbot.cli:main"
    assert script.load() is main
    installed = Path(sys.executable).parent / "talkbot"
    result = subprocess.run(
        [str(installed), "--help"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("usage: talkbot ")
    for command in ("run", "chat", "ask", "validate", "backup", "restore"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.MULTILINE), command


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("BACKUP_EVERY", "24", "use a number and a unit"),
        ("BACKUP_EVERY", "10s", "at least 1m"),
        ("BACKUP_KEEP", "0", "greater than or equal to 1"),
        ("METRICS_PORT", "http", "valid integer"),
        ("METRICS_PORT", "70000", "less than or equal to 65535"),
    ],
)
def test_a_bad_setting_stops_start_up_with_one_line_naming_it(
    name: str, value: str, says: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys
):
    monkeypatch.chdir(tmp_path)  # no developer's .env
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=f"^invalid setting {name}: .*{says}"):
        load_settings()
    assert main(["validate"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: invalid setting {name}: ") and err.count("\n") == 1


def test_backup_settings_read_as_an_operator_writes_them(tmp_path: Path):
    settings = load_settings(
        _env_file=None, backup_dir=str(tmp_path), backup_every="1h30m", metrics_port=""
    )
    assert settings.backup_every.total_seconds() == 5400
    assert (settings.backup_dir, settings.backup_keep, settings.metrics_port) == (tmp_path, 7, None)
    assert settings.metrics_host == "127.0.0.1"


def test_every_setting_is_in_env_example_the_readme_table_and_the_test_processes():
    names = [name.upper() for name in Settings.model_fields]
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Settings", 1)[1].split("\n## ", 1)[0]
    assert [n for n in names if not re.search(rf"^{n}=", example, re.MULTILINE)] == []
    assert [n for n in names if f"`{n}`" not in table] == []
    assert sorted(SETTINGS_VARIABLES) == sorted(names)


def test_the_systemd_unit_runs_the_bot_as_its_own_user_with_state_on_a_persistent_path():
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    unit.read(ROOT / "deploy" / "talkbot.service", encoding="utf-8")
    service = unit["Service"]
    assert service["User"] == "talkbot" and service["User"] != "root"
    assert service["EnvironmentFile"].startswith("/etc/talkbot/")
    assert service["Restart"] == "on-failure"
    assert service["ExecStart"].endswith("/bin/talkbot run")
    state = f"/var/lib/{service['StateDirectory']}"
    assert service["WorkingDirectory"] == state
    assert service["Environment"].split("=", 1)[1].startswith(state)  # BACKUP_DIR
    assert unit["Install"]["WantedBy"] == "multi-user.target"
