"""The matcher on the tests' content: declines, decisions, and ranking each set of words once.
(The dev set of real questions is checked on the shipped content, in test_shipped_answers.py.)"""

from __future__ import annotations

from dataclasses import replace

from knowledge.language.decision import ALWAYS, FEATURES
from knowledge.language.evidence import (
    crossed,
    kind_swapped,
    names_every_intent,
    nearest_question,
    wording_agrees,
)
from knowledge.language.matcher import FactIndex
from talkbot.evaluation import is_correct
from tests.conftest import DECISION


def test_a_decline_counts_as_right_only_when_nothing_is_answered(engine):
    assert is_correct(engine.ask("tell me a joke"), "decline")
    assert not is_correct(engine.ask("when is the call?"), "decline")
    assert is_correct(engine.ask("when is the call?"), "talks-time")


def test_a_question_asked_again_in_other_words_is_ranked_once(facts):
    index = FactIndex(facts, decision=DECISION)
    first = index.match("When is the call?", "en")
    assert first.best is not None and first.best.fact_id == "talks-time"
    assert index.cache_hits == 0
    # A typo, capitals, punctuation, word order: the same reduced tokens, ranked once.
    for variant in ("wen is teh CALL", "the call, when is it?!"):
        assert index.match(variant, "en").candidates == first.candidates
    assert index.cache_hits == 2
    # The decision weighs more than the ranking: a word read as a typo is weaker evidence.
    assert index.match("the call, when is it?!", "en").best == first.best
    typo = index.match("wen is teh CALL", "en")
    assert typo.evidence != first.evidence
    assert index.match("When is the call?", "en", cached=False) == first
    assert index.match("who announced the call?", "en").best != first.best
    # An edit builds a new index: nothing ranked by the old one is served from it.
    edited = FactIndex([f for f in facts if f.id != "talks-time"], decision=DECISION)
    verdict = edited.match("When is the call?", "en")
    assert edited.cache_hits == 0
    assert verdict.best is None or verdict.best.fact_id != "talks-time"


def test_the_decision_weighs_whether_the_question_as_written_points_to_the_same_fact(facts):
    index = FactIndex(facts, decision=DECISION)
    asked = index.match("when is the call?", "en")
    assert asked.best is not None and asked.evidence[FEATURES.index("wording_agrees")] == 1.0
    # Ranked the other way round, the wording still points to the talks' time: the two
    # readings disagree, which the decision counts against the first-ranked fact.
    ranked = {c.fact_id: c for c in index.rank(tuple(sorted(asked.tokens)))}
    swapped = [ranked["talks-format"], ranked["talks-time"]]
    assert not wording_agrees("when is the call?", swapped, index._wordings)
    assert wording_agrees("when is the call?", swapped[::-1], index._wordings)


def test_the_decision_weighs_whether_the_best_facts_nearest_question_names_the_same_concepts(
    facts,
):
    index = FactIndex(facts, decision=DECISION)
    kept = FEATURES.index("intent_kept")
    assert index.match("who announced the call", "en").evidence[kept] == 1.0
    # Ranked first through "did the Kremlin announce it", which names no call or talks.
    asked = index.match("how did the kremlin announce the talks", "en")
    assert index.rank(asked.tokens)[0].fact_id == "talks-announcement"
    assert asked.evidence[kept] == 0.0
    # The question sharing most of the weight decides, not any question of the fact.
    questions = [frozenset({"kremlin", "announc"}), frozenset({"@who", "announc", "@call"})]

    def kept(tokens: tuple[str, ...], among: list[frozenset[str]]) -> bool:
        return names_every_intent(tokens, nearest_question(tokens, among, lambda t: 1.0))

    assert kept(("@who", "announc", "@call"), questions)
    assert not kept(("kremlin", "announc", "@call"), questions)
    assert kept(("kremlin", "announc"), [])  # nothing named to keep


def test_the_decision_weighs_one_known_thing_put_for_another(facts):
    index = FactIndex(facts, decision=DECISION)
    swapped = FEATURES.index("crossed")
    assert index.match("who presents Russia's position", "en").evidence[swapped] == 0.0
    # Russia's position is nearest, but the question names the other side.
    asked = index.match("who presents the american position", "en")
    assert index.rank(asked.tokens)[0].fact_id == "russia-position"
    assert asked.evidence[swapped] == 1.0
    nearest = frozenset({"@who", "present", "russia"})

    def swap(tokens: tuple[str, ...]) -> bool:
        return crossed(tokens, nearest, lambda t: t != "zorb", {"@who"})

    assert swap(("@who", "present", "@us"))
    assert not swap(("@who", "present"))  # asks less, names nothing else
    assert not swap(("@who", "present", "zorb"))  # an unknown word: unexplained, not crossed
    assert not swap(("@when", "present", "russia"))  # another kind is intent_kept's


def test_the_decision_weighs_a_nearest_question_that_asks_another_kind():
    kinds, alike = {"@when", "@time", "@topic", "@who", "@if"}, {"@when", "@time"}
    nearest = frozenset({"@when", "говорить", "@leader"})  # "когда будут говорить президенты"

    def swapped(tokens: tuple[str, ...]) -> bool:
        return kind_swapped(tokens, nearest, kinds, alike)

    assert swapped(("@topic", "говорить", "@leader"))  # "о чём будут говорить президенты"
    assert not swapped(("@when", "говорить", "@leader"))
    assert not swapped(("@time", "говорить", "@leader"))  # "во сколько": the same kind
    assert not swapped(("говорить", "@leader"))  # asks less: no other kind put for it
    assert not swapped(("@when", "@who", "говорить"))  # asks more: "когда и кто"
    assert not swapped(("@if", "говорить"))  # a condition asks no kind
    assert not kind_swapped(("@topic",), None, kinds, alike)


def test_the_decision_weighs_how_many_other_facts_score_about_as_high(facts):
    index = FactIndex(facts, decision=DECISION)
    rivals = FEATURES.index("rivals")
    assert index.match("who announced the call", "en").evidence[rivals] == 0.0
    # "who said it": the article's source and the announcement are asked it alike.
    assert index.match("who said it", "en").evidence[rivals] > 0.0


def test_a_real_word_is_never_read_as_a_typo_of_another(facts):
    index = FactIndex(facts, decision=DECISION)
    # "война" is one letter from Ukrainian "вона" (she), a stopword: read as its typo, the
    # question's subject vanished and "has the war started" became "has it started".
    war = index.analyse("началась ли война", "ru")
    assert "война" in war.tokens and war.corrected == 0
    # A shifter ("tall", one letter from "talk") keeps its meaning too.
    assert index.analyse("how tall is biden", "en").corrected == 0
    # A real typo is still read as the word it misspells.
    assert index.analyse("когда перигаворы", "ru").corrected == 1


def test_a_typo_equally_near_two_words_is_read_as_the_one_it_left_a_letter_out_of(facts):
    index = FactIndex(facts, decision=DECISION)
    # "whn" is one edit from "who" and from "when": a dropped letter is the likelier slip.
    assert index.analyse("whn is the call", "en").tokens[0] == "@when"


def test_kinds_of_question_no_fact_answers_are_declined_not_matched_by_their_other_words(facts):
    index = FactIndex(facts, decision=DECISION)
    assert index.match("what time is the call", "en").best is not None
    for asked, lang in [
        ("till what time is the call", "en"),  # an end time: the article gives the start
        ("до скольки будет разговор", "ru"),
        ("who made you", "en"),  # about the bot, not the article
        ("who made this bot", "en"),
        ("хто тебе створив", "uk"),
    ]:
        assert index.match(asked, lang).best is None, asked


def test_the_decision_knows_when_a_place_was_taken_out_of_the_question(engine):
    place_named = FEATURES.index("place_named")
    assert engine.ask("when is the call in London?").evidence[place_named] == 1.0
    assert engine.ask("when is the call?").evidence[place_named] == 0.0


def test_what_someone_said_is_their_statement_not_who_they_are(facts):
    # "what did Psaki say" asks her statement; the person's own fact, asked "who is she", is
    # never asked what was said (words.yaml @say), so it cannot be the answer.
    by_id = {fact.id: fact for fact in facts}
    statement = by_id["psaki-statement"]
    person = replace(
        statement,
        id="person-psaki",
        questions={
            "en": ("who is Psaki", "Psaki", "what is Psaki's job"),
            "ru": ("кто такая Псаки", "Псаки"),
            "uk": ("хто така Псакі", "Псакі"),
        },
    )
    index = FactIndex([*facts, person], decision=ALWAYS)
    for question, lang in [
        ("what did psaki say?", "en"),
        ("а что Псаки сказала", "ru"),
        ("що Псакі казала", "uk"),
        ("psaki's words?", "en"),  # someone's words are what they said
    ]:
        ranked = [c.fact_id for c in index.match(question, lang).candidates]
        assert "person-psaki" not in ranked, question
        assert ranked[0] == "psaki-statement", question
    assert index.match("who is psaki?", "en").candidates[0].fact_id == "person-psaki"


def test_what_someone_is_going_to_tell_another_is_what_they_will_say(facts):
    index = FactIndex(facts, decision=DECISION)
    assert "@say" in index.analyse("what's biden going to tell putin", "en").tokens
    assert "@say" in index.analyse("what is putin gonna tell biden", "en").tokens
    assert "@say" not in index.analyse("tell me when the call is", "en").tokens


def test_whom_a_president_will_say_it_to_is_the_other_side_of_the_call(facts):
    index = FactIndex(facts, decision=DECISION)
    plain = index.analyse("what will biden say", "en").tokens
    assert index.analyse("what will biden say to putin", "en").tokens == plain
    assert index.analyse("what will biden tell putin", "en").tokens == plain
    assert index.analyse("what is biden going to tell putin", "en").tokens == plain
    ranked = index.match("what will biden tell putin", "en").candidates
    assert ranked[0].fact_id == "biden-ukraine-support"
    # What was said in the call, in the past, is still its outcome, which the article lacks.
    assert "@outcome" in index.analyse("what did biden tell putin", "en").tokens
    assert "@outcome" in index.analyse("what did biden say to putin", "en").tokens
