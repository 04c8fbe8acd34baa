"""Russian and Ukrainian as the ninth writer's kinds of people put their asks: a restater's
check around a claim ("я правильно понял, что ...", "тобто ..., так?"), how much of the answer
is wanted ("одним словом", "списком"), only a value asked ("только время", "тільки дату"), a
surname asked as who, needing the talks as an aim ("понадобились"), regional and misheard
words ("гутарить", "Остен", "Пасаки"), "это сколько" as a place's clock, "никакой" and
"именно" as saying nothing, "меня интересует" as an ask, and "в итоге" before what was said as
no outcome of the call. Each pair reads as one question."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("asked", "lang", "plain"),
    [
        # a restater's check around a claim is the claim asked
        ("я правильно понял, что созвон по видео?", "ru", "созвон по видео?"),
        ("я так поняла, в Вашингтоне ничего не знали?", "ru", "в Вашингтоне ничего не знали?"),
        ("тобто розмова по відео, так?", "uk", "розмова по відео, так?"),
        ("я вірно зрозуміла, що розмова у вівторок?", "uk", "розмова у вівторок?"),
        # how much of the answer is wanted asks nothing; "пж" is "please"
        ("одним словом: формат?", "ru", "формат?"),
        ("цілі Байдена списком", "uk", "цілі Байдена"),
        ("когда созвон пж", "ru", "когда созвон"),
        # only a value asked is the value asked
        ("только время по Москве", "ru", "время по Москве"),
        ("тільки дату", "uk", "дату"),
        # needing the talks is wanting them
        ("почему Кремлю понадобились переговоры", "ru", "почему Кремль хочет переговоров"),
        ("навіщо Москві знадобилася розмова", "uk", "навіщо Москва хоче розмови"),
        # regional and misheard words
        ("о чём будут гутарить", "ru", "о чём будут болтать"),
        ("хто такий Остен", "uk", "хто такий Остін"),
        ("что сказала Пасаки", "ru", "что сказала Псаки"),
        # "никакой", "ніякий", "именно" say nothing of which fact is wanted
        (
            "американцы говорили, что никакого звонка не будет",
            "ru",
            "американцы говорили, что звонка не будет",
        ),
        (
            "американці казали, що ніякої розмови не буде",
            "uk",
            "американці казали, що розмови не буде",
        ),
        ("что именно сказал Песков", "ru", "что сказал Песков"),
        # what the asker wants to know is the ask
        ("меня интересует, почему Москва настаивала", "ru", "почему Москва настаивала"),
        ("мене цікавить, чому Москва наполягала", "uk", "чому Москва наполягала"),
        # "in the end" before what was said is said later; the article's summary is its content
        ("что в итоге заявили в Белом доме", "ru", "что потом заявили в Белом доме"),
        ("Білий дім зрештою підтвердив?", "uk", "Білий дім підтвердив?"),
        ("зроби короткий підсумок статті", "uk", "зроби короткий зміст статті"),
    ],
)
def test_a_new_writers_wording_reads_as_the_plain_ask(content, asked, lang, plain):
    index = anew(content).index
    assert sorted(index.analyse(asked, lang).tokens) == sorted(index.analyse(plain, lang).tokens)


@pytest.mark.parametrize(
    ("question", "lang", "plain"),
    [
        ("только Путин и Байден?", "ru", "Путин и Байден?"),
        ("тільки Путін і Байден?", "uk", "Путін і Байден?"),
    ],
)
def test_only_the_two_leaders_reads_as_the_two_leaders(content, question, lang, plain):
    # "only" is a one-value frame (shapes.yaml) and says nothing of which fact is wanted;
    # before people it turns them into no value: the shipped base answers who takes part
    index = anew(content).index
    assert sorted(index.analyse(question, lang).tokens) == sorted(index.analyse(plain, lang).tokens)


@pytest.mark.parametrize(
    ("question", "lang"),
    [("фамилия автора статьи", "ru"), ("прізвище журналіста", "uk")],
)
def test_a_surname_asked_is_who(content, question, lang):
    assert "@who" in anew(content).index.analyse(question, lang).tokens


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("по Тбилиси это сколько", "ru"),
        ("живу в Алматы, сколько у нас", "ru"),
        ("по-київському часу скільки", "uk"),
    ],
)
def test_how_much_it_is_at_a_place_asks_its_clock(content, question, lang):
    tokens = anew(content).index.analyse(question, lang).tokens
    assert "@time" in tokens and "@count" not in tokens


@pytest.mark.parametrize(
    ("question", "lang"),
    [("сколько тем назвали", "ru"), ("какие итоги переговоров", "ru")],
)
def test_a_count_and_the_calls_outcome_stay_what_they_ask(content, question, lang):
    # Not a clock's "сколько"; a count of topics reads as which topics (round 15), as in English.
    tokens = anew(content).index.analyse(question, lang).tokens
    assert "@time" not in tokens
    assert "@count" in tokens or "@outcome" in tokens or "@theme" in tokens
