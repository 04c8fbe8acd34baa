"""English as new writers write it: the other English words for what a fact names (an
issue as a topic, being involved as taking part, a minister as a secretary, any word for a
spokesperson, at first in its other words), a word and its meaning asked in a few words, a
thing much talked of, how it turned out, a country's government as
the country, and the article's names as they are misheard and typed."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("which issues will dominate?", "talks-topics"),
        ("which leaders are involved?", "talks-participants"),
        ("who is involved in the talks?", "talks-participants"),
        ("what did the US defence minister say?", "austin-view"),
        ("what did Biden's spokesperson say?", "psaki-statement"),
        ("who is Biden's spokeswoman?", "person-psaki"),
    ],
)
def test_another_english_word_reaches_the_fact_of_the_thing_it_names(content, question, fact_id):
    answer = anew(content, question).ask(question, lang_hint="en")
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("security guarantees meaning", "what is meant by security guarantees"),
        ("define security guarantees", "what is meant by security guarantees"),
        ("definition of security guarantees", "what is meant by security guarantees"),
        ("the defence minister's view", "the defense secretary's view"),
        ("who issues the readout?", "who gives the readout?"),
        ("will Russia issue a statement?", "will Russia give a statement?"),
        (
            "what are these security guarantees they keep mentioning?",
            "what are these security guarantees?",
        ),
        ("I keep hearing about the Geneva summit, what was it?", "the Geneva summit, what was it?"),
        ("what was the US's initial reaction?", "what was the US's reaction at first?"),
        ("did the US originally say no?", "did the US say no at first?"),
        ("what did jen saki say?", "what did Jen Psaki say?"),
        ("who is peskoff?", "who is Peskov?"),
        ("what did lloyd ostin say?", "what did Lloyd Austin say?"),
        ("did the White House confirm it in the end?", "did the White House confirm it?"),
        ("did Washington eventually confirm the call?", "did Washington confirm the call?"),
        ("what does the US government promise?", "what does the US promise?"),
        ("what did the Biden administration say?", "what did Biden say?"),
    ],
)
def test_an_english_shape_reads_as_the_plain_question(content, question, plain):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, "en").tokens) == set(index.analyse(plain, "en").tokens)
