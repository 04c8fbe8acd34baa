"""`python -m bot ask/validate`: the JSON contract, batch mode and clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from talkbot.cli import main
from tests.conftest import CONTENT

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def run(db_path, capsys, monkeypatch):
    monkeypatch.delenv("BOT_TOKEN", raising=False)

    def invoke(*argv: str) -> tuple[int, str, str]:
        status = main(["--db", str(db_path), "--content", str(CONTENT), *argv])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return invoke


def test_json_answer_has_the_documented_shape(run):
    status, out, _ = run("ask", "--json", "when is the call?")
    assert status == 0
    [line] = out.splitlines()
    answer = json.loads(line)
    assert {"answered", "text", "lang", "facts", "citations"} <= set(answer)
    assert answer["answered"] is True and answer["lang"] == "en"
    assert answer["facts"][0]["id"] == "talks-time"
    assert isinstance(answer["facts"][0]["score"], float)
    citation = answer["citations"][0]
    assert citation["fact_id"] == "talks-time"
    assert citation["source"] == "glavred-2021-12-putin-biden"
    assert citation["quote"] in answer["text"]
    assert "<" not in answer["text"]  # plain text, no markup


def test_questions_are_one_conversation_in_order(run):
    _, out, _ = run("ask", "--json", "когда переговоры?", "а в Токио?")
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["facts"][0]["id"] == second["facts"][0]["id"] == "talks-time"
    assert "00:00" in second["text"] and "Токио" in second["text"]


def test_a_conversation_reads_a_fragment_with_the_last_answer(run):
    _, out, _ = run("ask", "--json", "коли переговори", "в якому форматі?")
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["facts"][0]["id"] == "talks-time"
    assert second["answered"] and second["facts"][0]["id"] == "talks-format"


def test_a_message_to_the_bot_itself_is_answered_with_its_introduction(run):
    _, out, _ = run("ask", "--json", "who made you?")
    answer = json.loads(out)
    assert (answer["answered"], answer["status"], answer["facts"]) == (False, "about_bot", [])
    assert answer["text"].startswith("I'm a bot, not a person") and "• " in answer["text"]


def test_a_greeting_and_thanks_are_answered_in_kind(run):
    _, out, _ = run("ask", "--json", "привет!", "спасибо большое")
    greeted, thanked = (json.loads(line) for line in out.splitlines())
    assert (greeted["status"], thanked["status"]) == ("about_bot", "about_bot")
    assert greeted["text"].startswith("Здравствуйте! Я бот")
    assert thanked["text"].startswith("Пожалуйста!") and "• " in thanked["text"]


def test_lang_and_tz_options(run):
    _, out, _ = run("ask", "--json", "--lang", "uk", "--tz", "Нью-Йорк", "when is the call")
    answer = json.loads(out)
    assert answer["lang"] == "uk"
    assert "10:00 (UTC−5) — Нью-Йорк (ваш час)" in answer["text"].replace("\u00a0", " ")


def test_declined_question_is_reported_as_not_answered(run):
    _, out, _ = run("ask", "--json", "tell me a joke")
    answer = json.loads(out)
    assert answer["answered"] is False and answer["citations"] == []


def test_batch_answers_each_line_independently(run, tmp_path):
    batch = tmp_path / "questions.jsonl"
    batch.write_text(
        '{"q": "when is the call?"}\n\n{"q": "коли розмова?", "tz": "Tokyo"}\n'
        '{"q": "when is the screening?"}\n{"q": "and in Tokyo?", "lang": "en"}\n',
        encoding="utf-8",
    )
    status, out, _ = run("ask", "--json", "--batch", str(batch))
    answers = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and len(answers) == 4
    assert answers[1]["lang"] == "uk" and "Токіо" in answers[1]["text"]
    # No conversation between batch lines: "and in Tokyo?" means the main event, not the
    # screening asked about on the line before.
    assert [f["id"] for f in answers[3]["facts"]][:1] != ["screening-time"]


def test_readable_output_without_json(run):
    status, out, _ = run("ask", "when is the call?")
    assert status == 0 and "Kyiv" in out and "«" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["ask", "--tz", "Atlantis/Nowhere", "when?"],
            "unknown place or time zone 'Atlantis/Nowhere'",
        ),
        (["ask", "--batch", "missing.jsonl"], "cannot read missing.jsonl"),
        (["ask"], "give at least one QUESTION"),
    ],
)
def test_bad_arguments_exit_non_zero_with_one_clear_line(run, argv, message):
    status, out, err = run(*argv)
    assert status == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_bad_json_line_is_named_by_number(run, tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text('{"q": "when?"}\n{"q": "ok"}\n{not json}\n', encoding="utf-8")
    status, out, err = run("ask", "--batch", str(batch))
    assert status == 2 and out == ""
    assert f"{batch}, line 3: not valid JSON" in err


def test_batch_line_without_a_question_is_named(run, tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text('{"question": "when?"}\n', encoding="utf-8")
    status, _, err = run("ask", "--batch", str(batch))
    assert status == 2 and 'line 1: expected an object with a string "q"' in err


def test_validate_reports_the_shipped_file_ok(run):
    status, out, _ = run("validate")
    assert status == 0 and "all quotes found verbatim" in out


def test_validate_lists_problems_and_fails(run, tmp_path):
    bad = tmp_path / "facts.yaml"
    bad.write_text("facts:\n  - id: x1\n    text: {en: hi}\n", encoding="utf-8")
    status, _, err = run("validate", str(bad))
    assert status == 1
    assert "facts.yaml: fact 'x1': text: missing language 'ru'" in err


def test_module_entry_point_runs_from_a_shell(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "--db",
            str(tmp_path / "t.db"),
            "--content",
            str(CONTENT),
            "ask",
            "--json",
            "формат?",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["facts"][0]["id"] == "talks-format"


def test_no_token_opens_the_console_chat(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--db", str(tmp_path / "t.db"), "--content", str(CONTENT)],
        input="when is the call?\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("No BOT_TOKEN configured")
    assert "Kyiv" in result.stdout


def test_content_option_seeds_from_another_directory_and_answers_its_second_event(tmp_path):
    """Issue 11's "done when": the second event, in its own zone (Warsaw), not the call's."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "--content",
            "tests/data/content",
            "--db",
            str(tmp_path / "t.db"),
            "ask",
            "when is the screening?",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())  # Babel's narrow no-break spaces as spaces
    assert "Wednesday, 8 December 2021, 19:00 (UTC+1) — Warsaw (source time)" in out
    assert "Kyiv" not in out and "Moscow" not in out
    assert "— Warsaw Film Club, paragraph 2" in out


def test_content_dir_without_events_is_refused_in_one_line(tmp_path, capsys):
    status = main(["--db", str(tmp_path / "t.db"), "--content", str(tmp_path), "ask", "when?"])
    assert status == 2
    assert "CONTENT_DIR" in capsys.readouterr().err


def test_validate_checks_a_whole_content_directory(run):
    status, out, _ = run("validate", str(CONTENT))
    assert status == 0 and out.startswith("content: 27 facts")


@pytest.mark.parametrize("before", [True, False], ids=["--db before ask", "--db after ask"])
def test_db_option_works_before_and_after_the_command(tmp_path, monkeypatch, capsys, before):
    monkeypatch.delenv("BOT_TOKEN", raising=False)
    monkeypatch.delenv("DATABASE_PATH", raising=False)
    monkeypatch.chdir(tmp_path)  # the default database would land here
    db = tmp_path / "chosen.db"
    db_args = ["--db", str(db), "--content", str(CONTENT)]
    question = "what format is the call?"
    argv = [*db_args, "ask", question] if before else ["ask", *db_args, question]
    assert main(argv) == 0
    assert "video" in capsys.readouterr().out
    assert db.exists()
    assert not (tmp_path / "data").exists()
