"""Requests, complaints and statements instead of questions, and the call's logistics, as the
seventeenth writer put them (round 22): an action the bot cannot do (a reminder, an alarm, an
alert) beside an ask gets the ask answered and one line saying so, a bare one that line alone;
"I can't find X", "никто не пишет X", "need the X" ask X; seeing each other or only hearing
asks the format; where a president sits and which app carries the link are not the format."""

from __future__ import annotations

import pytest

from knowledge.answering.requested import without_action
from knowledge.i18n import ANSWERS
from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("remind me an hour before, when is it again", "en"),
        ("can you alert me when it starts? what time is that anyway", "en"),
        ("set an alarm for the call, what time is it", "en"),
        ("напомни за 10 минут, во сколько начало?", "ru"),
        ("нагадай за 10 хвилин, а о котрій воно", "uk"),
        ("постав будильник на початок, коли це", "uk"),
        ("попередь коли почнеться. о котрій до речі", "uk"),
    ],
)
def test_an_action_beside_the_ask_gets_the_ask_answered_and_a_line(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "talks-time"
    assert ANSWERS("answer.no_action", lang) in answer.notes


@pytest.mark.parametrize(
    ("question", "lang"),
    [("remind me", "en"), ("remind me 10 min before", "en"), ("напомни мне", "ru"),
     ("нагадай за годину", "uk")],
)  # fmt: skip
def test_a_bare_action_is_answered_by_the_line_not_a_decline(engine, question, lang):
    answer = engine.ask(question, lang_hint=lang)
    assert answer.status == "declined" and answer.fact is None
    assert answer.lead.startswith(ANSWERS("answer.no_action_alone", lang))
    assert ANSWERS("answer.declined", lang) not in answer.text


@pytest.mark.parametrize(
    ("question", "lang", "fact"),
    [
        ("remind me, who is Psaki?", "en", "person-psaki"),
        ("напомни, о чём они будут говорить", "ru", "talks-topics"),
        ("what are the topics", "en", "talks-topics"),
    ],
)
def test_being_told_again_is_an_ask_and_no_action(content, question, lang, fact):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact
    assert ANSWERS("answer.no_action", lang) not in answer.notes


def test_the_action_and_its_lead_time_are_taken_out():
    assert without_action("remind me 10 min before, when is it") == (" , when is it", True)
    assert without_action("нагадай за годину до початку, коли це")[0].strip(" ,") == "коли це"
    assert without_action("remind me who Psaki is") == ("remind me who Psaki is", False)
    # a booking phrase opening the message is an action whose words still ask when
    assert without_action("set a reminder for the call") == ("set a reminder for the call", True)
    assert without_action("what time should I set the reminder for")[1] is False


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        ("i cant find the time of the call anywhere", "the time of the call", "en"),
        ("nobody says what they'll talk about", "what they'll talk about", "en"),
        ("need the date of the biden putin talks", "the date of the biden putin talks", "en"),
        ("никто не пишет, во сколько начало", "во сколько начало", "ru"),
        ("мне нужно знать, кто такой Песков", "кто такой Песков", "ru"),
        ("ніде не можу знайти, якого числа розмова", "якого числа розмова", "uk"),
        ("они будут видеть друг друга или только слышать", "по видео или по телефону", "ru"),
        ("с камерами будут говорить или просто голосом", "по видео будут говорить или по телефону",
         "ru"),
        ("will they see each other or just hear each other", "by video or by phone", "en"),
    ],
)
def test_a_statement_reads_as_what_it_asks(content, question, plain, lang):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, lang).tokens) == set(index.analyse(plain, lang).tokens)


def test_a_need_of_a_side_keeps_its_need(content):
    # No request here: a side's need is what it wants (the lexicon reads it as @aim).
    index = anew(content).index
    assert {"need", "@aim"} & set(index.analyse("why does moscow need the call", "en").tokens)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("тобто очної зустрічі не буде?", "uk"),
        ("они будут видеть друг друга или только слышать", "ru"),
    ],
)
def test_seeing_or_meeting_asks_the_format(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "talks-format"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("where will biden sit during the call", "en"),
        ("where is putin seated for the videoconference", "en"),
        # where someone will be while it lasts (round 22), not where the talks are held
        ("where will putin be during the call", "en"),
        ("where is biden going to be during the talks", "en"),
        ("where will biden be when they talk", "en"),
        ("где будет сидеть Байден во время видеозвонка", "ru"),
        ("де сидітиме байден", "uk"),
        ("what app are they using for the video call", "en"),
        ("на какой платформе видеосвязь", "ru"),
        ("через яку програму буде відеозв'язок", "uk"),
    ],
)
def test_seating_and_the_platform_are_not_the_format(engine, question, lang):
    # The format says how they talk (by video link), not where each sits or on which app:
    # the seat or the app is a thing asked that no fact explains, so the decision declines.
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is None or answer.fact.id != "talks-format"


def test_sitting_in_one_room_is_still_the_format(content):
    question = "will they sit in the same room"
    answer = anew(content, question).ask(question, lang_hint="en")
    assert answer.fact is not None and answer.fact.id == "talks-format"
