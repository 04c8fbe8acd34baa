"""A message typed as a search query, read as the ask its operators leave
(knowledge/language/searched.py, data/searched.yaml): an excluded term ("-trump") is not asked,
the marks of a required word ("+insisted"), of alternatives ("OR") and of a title's words
("intitle:") are no words, and a site or an address ("site:", "inurl:") is no ask."""

from __future__ import annotations

import pytest

from knowledge.language.searched import unsearched
from tests.asking import anew


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        ("putin biden call date -trump", "putin biden call date"),
        ("дата розмови путін байден -трамп", "дата розмови путін байден"),
        ('putin biden -"donald trump" date', "putin biden date"),
        ("putin biden agenda ukraine OR nato", "putin biden agenda ukraine nato"),
        ("white house denial putin call intitle:psaki", "white house denial putin call psaki"),
        ("peskov november meeting +insisted", "peskov november meeting insisted"),
        ("мета білого дому +україна +суверенітет", "мета білого дому україна суверенітет"),
        ("news site:kremlin.ru putin call", "news putin call"),
    ],
)
def test_a_search_querys_operators_are_read_as_a_searcher_means_them(message, ask):
    assert unsearched(message) == ask


@pytest.mark.parametrize(
    "message",
    [
        "WAR OR NO WAR",  # all in capitals: "OR" is the English word
        "кто-то сказал про звонок",  # a hyphen inside a word
        "UTC -5 time of the call",  # a minus before a figure
        "time +3 utc",
        "7.XII 17ч Кв -> Мск?",
        "- when is the call",  # a dash before a space
        "-trump",  # nothing would be left
        "when is the call or is it cancelled",  # "or" in lower case
    ],
)
def test_a_message_without_search_operators_stays(message):
    assert unsearched(message) == message


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        ("putin biden call date -trump", "putin biden call date"),
        ("talks topics ukraine OR nato", "talks topics ukraine nato"),
        ("white house denial putin call intitle:psaki", "white house denial putin call psaki"),
    ],
)
def test_a_search_query_is_weighed_as_the_ask_it_leaves(content, message, ask):
    engine = anew(content, message, ask)
    searched, asked = engine.ask(message), engine.ask(ask)
    assert searched.evidence == asked.evidence
    assert searched.ranked == asked.ranked


def test_what_a_search_excludes_does_not_make_a_decline_answerable(engine):
    assert engine.ask("putin biden weather -rain").status == "declined"
