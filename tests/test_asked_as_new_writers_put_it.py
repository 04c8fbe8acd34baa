"""English as the newest writers put it, read as the plain question: an indirect ask's frame
("I wonder", "any idea", "I need to know"), a title for a name ("the Pentagon boss", "the
Kremlin mouthpiece", "POTUS"), an official's register ("the scheduled commencement", "slated
for", "the heads of state convene"), the timing as the time, a cause asked in other words
("what prompted", "what's behind"), a stance as a position, a reporter's idiom ("broke the
news", "which paper ran the story") and planning a day around the call ("will I miss the
start"), a forwarder's frame ("BREAKING:", "just saw this on twitter", "Q:"), chat
words ("omg", "convo", "hash out", "on the menu") and what was planned, asked after the day
("what was expected to be discussed"), where the asker met it ("in this story"), a
diplomat's "regarding", a pasted link."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("I wonder when the call is", "when is the call?"),
        ("any idea when they talk?", "when do they talk?"),
        ("I need to know the time of the call", "the time of the call?"),
        ("curious what time it starts", "what time does it start?"),
        ("gimme the time of the call", "the time of the call?"),
        ("why now?", "why?"),
        ("what's the timing of the call?", "what time is the call?"),
        ("what prompted the call?", "why the call?"),
        ("what's behind the talks?", "why the talks?"),
        ("what is the rationale for the talks?", "why the talks?"),
        ("what is the Kremlin's stance?", "what is the Kremlin's position?"),
        ("who broke the news about the call?", "who announced about the call?"),
        ("which paper ran the story?", "which outlet published?"),
        ("who heads the Pentagon?", "who is the Pentagon chief?"),
        ("who is the Pentagon boss?", "who is the Pentagon chief?"),
        ("who is the Kremlin mouthpiece?", "who is the Kremlin spokesman?"),
        ("what does POTUS want?", "what does Biden want?"),
        ("when is the call slated for?", "when is the call scheduled for?"),
        ("when is the call pencilled in?", "when is the call scheduled?"),
        ("Kindly indicate the commencement time of the call", "the start time of the call"),
        ("when do the heads of state convene?", "when do the heads of state talk?"),
        ("will I miss the start?", "when is the start?"),
        ("what's meant by security guarantees?", "what do security guarantees mean?"),
        ("what was expected to be discussed?", "what was discussed?"),
        ("biden putin convo time", "biden putin call time"),
        ("what are they gonna hash out?", "what are they gonna discuss?"),
        ("what will be on the menu?", "what will be discussed?"),
        (
            "BREAKING: Putin and Biden to talk Tuesday. what time?",
            "Putin and Biden to talk Tuesday. what time?",
        ),
        ("just saw this on twitter, is it a video call?", "is it a video call?"),
        ("omg when is it", "when is it"),
        ("Q: who is Austin?", "who is Austin?"),
        ("what's the date again?", "what's the date?"),
        ("when's the big call?", "when's the call?"),
        ("who's the Pentagon chief in this story?", "who's the Pentagon chief?"),
        ("sum it up in a couple of sentences", "sum it up"),
        ("when was the initiative launched?", "when was the initiative proposed?"),
        ("what did Washington say regarding weapons?", "what did Washington say about weapons?"),
        ("what about a possible incursion?", "what about a possible invasion?"),
        ("Putin and Biden to hold talks via video link. when?", "Putin and Biden to talk. when?"),
        ("https://glavred.info/world/ which outlet is it?", "glavred which outlet is it?"),
    ],
)
def test_a_new_writers_english_reads_as_the_plain_question(content, question, plain):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, "en").tokens) == set(index.analyse(plain, "en").tokens)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("I wonder when the call is", "talks-time"),
        ("any idea what they will discuss?", "talks-topics"),
        ("who is the Pentagon boss?", "person-austin"),
        ("when is the call slated for?", "talks-time"),
        ("what prompted the call?", "moscow-motives"),
    ],
)
def test_a_new_writers_english_reaches_its_fact(content, question, fact_id):
    answer = anew(content, question).ask(question, lang_hint="en")
    assert answer.fact is not None and answer.fact.id == fact_id


def test_again_after_a_meeting_still_asks_of_a_next_one(content):
    """ "What's the date again" asks to be reminded; "will they meet again" asks of another
    meeting, which no fact answers: "again" stays there."""
    index = anew(content).index
    assert "again" in index.analyse("will they meet again?", "en").tokens
