"""Russian and Ukrainian as people type them in a chat: slang for the Americans ("амеры",
"америкосы", "янки"); one verb in either aspect or whichever lemma a form gets ("озвучит" /
"озвучуватиме", "дадут" / "дали"); the colloquial "ваще", "узагалі", "уже" saying no more
than "вообще", "взагалі", "вже"; "о скольки" as "во сколько"; the time difference between
places as each place's clock; the weekend as Saturday is ("не на выходных же?"); a misspelt
agency ("агенство"); meeting "в реале" as meeting in person; "что-нибудь", "що-небудь" and
"таки" as nothing asked; a slur for Ukrainians as Ukraine; and
the genitive plural "тем" as the topics. Each pair reads as one question."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("asked", "lang", "plain"),
    [
        # Americans in chat slang are the US
        ("амеры подтвердили дату?", "ru", "американцы подтвердили дату?"),
        ("америкосы согласились на 7 декабря?", "ru", "американцы согласились на 7 декабря?"),
        ("янки подтвердили переговоры?", "ru", "США подтвердили переговоры?"),
        ("амери підтвердили дату?", "uk", "американці підтвердили дату?"),
        # a verb in either aspect is one word
        ("кто будет озвучивать позицию россии", "ru", "кто озвучит позицию россии"),
        ("хто озвучуватиме позицію росії", "uk", "хто озвучить позицію росії"),
        # giving is one word whichever lemma a Ukrainian form gets (дадуть: дати, дали: дать)
        ("сша дадуть зброю україні?", "uk", "сша дали зброю україні?"),
        ("у вашингтоні дали згоду?", "uk", "у вашингтоні дадуть згоду?"),
        # colloquial stopwords
        ("когда ваще созвон", "ru", "когда вообще созвон"),
        ("коли воно буде узагалі", "uk", "коли воно буде взагалі"),
        ("уже відомо коли розмова?", "uk", "вже відомо коли розмова?"),
        # "о скольки" is "во сколько"
        ("о скольки начнут", "ru", "во сколько начнут"),
        # a misspelt agency is the agency
        ("шо за агенство написало", "uk", "яке агентство написало"),
        # in real life is in person
        ("в реале встретятся?", "ru", "лично встретятся?"),
        # the genitive plural of "тема" ("сколько тем" itself asks which topics: words.yaml
        # rephrased)
        ("список тем на повестке", "ru", "список темы на повестке"),
        # "что-нибудь", "що-небудь" ask nothing of their own, as "что-то", "щось"
        ("а про украину что-нибудь будет", "ru", "а про украину будет"),
        ("путін що-небудь скаже після?", "uk", "путін скаже після?"),
        # the particle "таки" ("after all") asks nothing of its own
        ("білий дім таки підтвердив розмову?", "uk", "білий дім підтвердив розмову?"),
        ("белый дом всё-таки подтвердил?", "ru", "белый дом всё подтвердил?"),
        # a slur for Ukrainians is Ukraine, read (and answered) politely
        ("про хохлов будут говорить?", "ru", "про украину будут говорить?"),
        ("про хохлів говоритимуть?", "uk", "про україну говоритимуть?"),
    ],
)
def test_a_chat_word_reads_as_the_plain_one(content, asked, lang, plain):
    index = anew(content).index
    assert index.analyse(asked, lang).tokens == index.analyse(plain, lang).tokens


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("разница во времени москва вашингтон", "ru"),
        ("різниця в часі між києвом і вашингтоном", "uk"),
    ],
)
def test_the_time_difference_between_places_asks_their_clocks(content, question, lang):
    index = anew(content).index
    time = index.analyse("время", "ru").tokens
    assert time and time[0] in index.analyse(question, lang).tokens


@pytest.mark.parametrize(
    ("asked", "lang", "plain"),
    [
        ("разговор не на выходных же?", "ru", "разговор не в субботу же?"),
        ("переговоры в выходные?", "ru", "переговоры в субботу?"),
        ("розмова не на вихідних?", "uk", "розмова не в суботу?"),
    ],
)
def test_the_weekend_is_claimed_as_saturday_is(content, asked, lang, plain):
    index = anew(content).index
    read = index.analyse(asked, lang).tokens
    assert "@weekday" in read and read == index.analyse(plain, lang).tokens


@pytest.mark.parametrize(
    ("question", "lang", "fact"),
    [
        ("в реале встретятся?", "ru", "talks-format"),
        ("амеры подтвердили переговоры?", "ru", "white-house-confirmation"),
        ("хохлов обсудят?", "ru", "talks-topics"),
    ],
)
def test_a_chat_word_reaches_the_fact(content, question, lang, fact):
    engine = anew(content, question)
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact
