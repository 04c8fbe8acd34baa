"""Words that name what the article says nothing of, kept from a near fact: the headline of
the article is its title (no fact gives it), not the article itself."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        ("what's the headline of this article?", "what's the title of this article?", "en"),
        ("the article's headline?", "the article's title?", "en"),
        ("какой заголовок у статьи?", "какое название у статьи?", "ru"),
        ("заголовок этой новости", "название этой новости", "ru"),
        ("який заголовок у статті?", "яка назва у статті?", "uk"),
    ],
)
def test_the_headline_of_the_article_is_its_title(content, question, plain, lang):
    # Round 22: "headline" alone is a bulletin's filler, so "what's the headline of this
    # article" was read as "what's this article" and went to the article's source.
    index = anew(content, question, plain).index
    assert set(index.analyse(question, lang).tokens) == set(index.analyse(plain, lang).tokens)


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        ("headline: when is the call?", "when is the call?", "en"),
        ("заголовок: когда звонок?", "когда звонок?", "ru"),
    ],
)
def test_a_headline_alone_is_still_a_filler(content, question, plain, lang):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, lang).tokens) == set(index.analyse(plain, lang).tokens)
