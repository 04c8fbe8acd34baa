"""`python -m bot propose`: the JSON contract, the text for a person, and clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from talkbot.cli import main
from tests.conftest import CONTENT

ARTICLES = Path(__file__).resolve().parent / "data" / "ingest"
# The tests' copy of the shipped article (its facts are talks-time, talks-footage...).
ARTICLE = CONTENT / "sources" / "glavred-putin-biden-call.txt"


@pytest.fixture
def run(db_path, capsys, monkeypatch):
    monkeypatch.delenv("BOT_TOKEN", raising=False)

    def invoke(*argv: str) -> tuple[int, str, str]:
        status = main(["--db", str(db_path), "--content", str(CONTENT), "propose", *argv])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return invoke


def test_json_is_one_array_of_proposals_with_the_documented_keys(run):
    status, out, _ = run(str(ARTICLE), "--year", "2021", "--json")
    assert status == 0
    proposals = json.loads(out)
    article = ARTICLE.read_text("utf-8")
    for proposal in proposals:
        assert set(proposal) == {"quote", "kind", "event", "questions", "text", "notes"}
        assert proposal["quote"] in article
        assert proposal["questions"]["ru"] and proposal["text"]["ru"]
    timed = [p["event"] for p in proposals if p["event"]]
    assert {"start": "2021-12-07 17:00", "zone": "Europe/Kyiv"} in timed
    assert {"start": "2021-12-07 18:00", "zone": "Europe/Moscow"} in timed


def test_plain_output_lists_quotes_times_and_what_to_check(run):
    status, out, _ = run(str(ARTICLES / "test-en-zones.txt"), "--lang", "en")
    assert status == 0
    assert "event: 2021-12-07 10:00 America/New_York" in out
    assert "check: zone from “ET” (America/New_York)" in out


def test_a_given_zone_is_used_for_times_without_one(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Переговоры делегаций начнутся 5 мая в 16:00 в здании министерства.\n")
    status, out, _ = run(str(article), "--year", "2022", "--zone", "Europe/Berlin", "--json")
    assert status == 0
    assert json.loads(out)[0]["event"] == {"start": "2022-05-05 16:00", "zone": "Europe/Berlin"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the article is empty"),
        (b"\x00\x01\x02binary\xff", "this is not a text file"),
        (b"x" * 1_000_000, "the article is too large"),
        ("Der Kanzler trifft den Präsidenten in Berlin.".encode(), "not in a supported language"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    run, tmp_path, db_path, content, reason
):
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    status, out, err = run(str(article), "--json")
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and reason in err
    assert not Path(db_path).exists()


def test_a_missing_file_and_a_missing_argument_are_usage_errors(run, tmp_path):
    status, _, err = run(str(tmp_path / "nope.txt"))
    assert status == 2 and "cannot read" in err
    status, _, err = run()
    assert status == 2 and "FILE" in err


def test_an_unsupported_lang_option_is_refused(run):
    with pytest.raises(SystemExit) as caught:
        run(str(ARTICLE), "--lang", "de")
    assert caught.value.code == 2


def test_measure_prints_recall_precision_and_the_two_event_times_of_the_contents_article(run):
    status, out, _ = run("--measure")
    assert status == 0
    assert out.startswith("the content's article (glavred-2021-12-putin-biden), --year 2021,")
    assert "recall:" in out and "precision:" in out
    assert "talks-time: 2021-12-07 17:00 Europe/Kyiv" in out
    assert "talks-footage: 2021-12-07 18:00 Europe/Moscow" in out
