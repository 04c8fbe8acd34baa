"""Words the matcher treats specially: question phrases mapped to shared intents, and stopwords.

Intents let "когда", "коли" and "what time" meet on one token, so a Russian question
matches a fact whose English question asks the same. Stopwords are words that say nothing
about which fact is wanted (greetings, politeness, articles, auxiliaries).
"""

from __future__ import annotations

# Longer phrases first: they are replaced before their parts.
_INTENTS: dict[str, tuple[str, ...]] = {
    # A clock time, as opposed to a date: "what hour did the summit start" is not "when was it".
    "@time": (
        "what time",
        "at what time",
        "which time",
        "what hour",
        "which hour",
        "o'clock",
        "time",
        "во сколько",
        "в котором часу",
        "какое время",
        "в какое время",
        "время",
        "час",
        "о котрій годині",
        "о котрій",
        "котрої години",
        "котра година",
        "о якій годині",
        "в який час",
        "о котрiй",
    ),
    "@year": (
        "what year",
        "which year",
        "в каком году",
        "какой год",
        "какого года",
        "якого року",
        "у якому році",
        "в якому році",
        "який рік",
    ),
    "@when": (
        "what date",
        "which date",
        "what day",
        "which day",
        "when's",
        "whens",
        "when",
        "date",
        "какого числа",
        "в какой день",
        "какой день",
        "какое число",
        "какая дата",
        "когда",
        "дата",
        "якого числа",
        "в який день",
        "який день",
        "яка дата",
        "коли",
        "дата",
    ),
    # English contractions, with and without the apostrophe people often skip.
    "@who": ("who's", "whos", "who", "whom", "кто", "кого", "хто", "кому"),
    "@topic": (
        "what about",
        "about what",
        "about",
        "о чем",
        "об чем",
        "про что",
        "о чем будут",
        "про що",
        "про шо",
        "о чём",
    ),
    "@why": ("why", "for what reason", "почему", "зачем", "отчего", "чому", "навіщо", "нащо"),
    "@where": ("where's", "wheres", "where", "где", "куда", "откуда", "де", "куди", "звідки"),
    "@duration": (
        "how long",
        "for how long",
        "сколько продлится",
        "сколько длится",
        "сколько будет длиться",
        "как долго",
        "скільки триватиме",
        "скільки буде тривати",
        "як довго",
    ),
    "@count": ("how many", "how much", "сколько", "скільки"),
}
# Intents name the kind of answer wanted; a fact whose questions never ask that way cannot
# be the confident answer ("how many troops" is not "troops near the border").
INTENTS: frozenset[str] = frozenset(_INTENTS)
INTENT_PHRASES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        ((phrase, intent) for intent, phrases in _INTENTS.items() for phrase in phrases),
        key=lambda item: -len(item[0]),
    )
)

_STOP_EN = """
a an the is are was were be been being am do does did done doing will would shall should can
could may might must have has had having of to in on at by for with as into from up out
and or but if then so than that this these those there here it its it's i me my we our you
your he him his she her they them their what which how please pls plz tell say know let
hi hello hey yo bot dear thanks thank ok okay just any some also really actually
kind anyone somebody someone s t d ll m re ve going gonna wanna want like r u what's whats
it's that's there's
"""
_STOP_RU = """
а и в во на о об от до по за из к ко с со у же ли ль бы не ни то это этот эта эти тот та те
что чтобы как какой какая какие какое который которая которые он она оно они его ее их ему
ей им мне меня мы нас вы вас ты тебя я мой твой наш ваш свой был была были было будет будут
быть есть вот ну да нет еще уже там тут здесь так же привет здравствуйте пожалуйста плиз
скажи скажите подскажи подскажите расскажи расскажите знаешь знаете бот бота спасибо хочу
можно интересно вообще просто а ну-ка чем
"""
_STOP_UK = """
а і й та в у на о об від до по за з зі із к до с біля же чи б би не ні то це цей ця ці той
та ті що щоб як який яка які яке котрий котра котрі він вона воно вони його її їх йому їй
їм мені мене ми нас ви вас ти тебе я мій твій наш ваш свій був була були було буде будуть
бути є ось ну так ні ще вже там тут тож привіт вітаю будь ласка скажи скажіть підкажи
підкажіть розкажи розкажіть знаєш знаєте бот бота дякую хочу можна цікаво взагалі просто
чим
"""
# One-word phrases, for typo correction: "кагда" is corrected to "когда", which is @when.
SINGLE_WORD_INTENTS: dict[str, str] = {
    phrase: intent for phrase, intent in INTENT_PHRASES if " " not in phrase
}
STOPWORDS: frozenset[str] = frozenset((_STOP_EN + _STOP_RU + _STOP_UK).split())

# A small domain thesaurus: words people use interchangeably for the same thing here, in
# any of the three languages, meet on one token. Keys are surface words or their reduced
# forms (pymorphy3 lemmas, English Snowball stems).
_CONCEPTS: dict[str, tuple[str, ...]] = {
    "@call": (
        "call",
        "calls",
        "talk",
        "talks",
        "convers",
        "conversation",
        "videocal",
        "videocall",
        "звонок",
        "созвон",
        "разговор",
        "переговоры",
        "беседа",
        "видеозвонок",
        "дискуссия",
        "диалог",
        "дзвінок",
        "розмова",
        "переговори",
        "перемовини",
        "перемовина",
        "бесіда",
        "відеодзвінок",
        "дискусія",
        "діалог",
    ),
    "@agreement": (
        "agreement",
        "agreements",
        "understand",
        "understanding",
        "договоренность",
        "понимание",
        "домовленість",
        "розуміння",
    ),
    "@footage": ("footag", "footage", "кадр", "кадры", "кадри"),
}
CONCEPT_OF: dict[str, str] = {
    word: concept for concept, words in _CONCEPTS.items() for word in words
}
