"""The workload: questions from the dev set and the facts' own, with places, typos and
follow-ups, asked by many users, each with the reply the bot must send."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.i18n import bot_catalog, client_lang
from bot.render import answer_html
from knowledge.answering.engine import Conversation, Engine
from knowledge.model import LANGS
from knowledge.storage.content import load_content
from knowledge.storage.fact_file import load_facts
from talkbot.testing.fakeapi import render_text

ROOT = Path(__file__).resolve().parents[2]
DEV_QUESTIONS = ROOT / "tests" / "data" / "dev_questions.yaml"
FIRST_USER_ID = 300_000
FLOODER_ID = 299_999
FLOOD_MESSAGES = 60
WARM_UP_USER_ID = 299_000
# Client languages: mostly the three the bot speaks, some it maps to English or Russian.
CLIENT_CODES = (("en", 30), ("ru", 30), ("uk", 25), ("ru-RU", 4), ("be", 3), ("de", 4), ("", 4))
PLACES = {
    "en": ("in New York", "in Tokyo", "in London", "in Berlin", "EST", "in Kyiv"),
    "ru": ("в Нью-Йорке", "в Токио", "в Лондоне", "по московскому времени", "в Берлине"),
    "uk": ("у Нью-Йорку", "у Токіо", "в Лондоні", "за київським часом", "у Берліні"),
}
FOLLOW_UPS = {
    "en": ("and in Tokyo?", "and in London?", "what about Berlin?"),
    "ru": ("а в Токио?", "а в Лондоне?", "а в Берлине?"),
    "uk": ("а в Токіо?", "а у Лондоні?", "а в Берліні?"),
}


@dataclass
class Job:
    """One question of one user, and what the reply to it must say."""

    user_id: int
    language_code: str
    text: str
    expected: str  # the reply's plain text as Telegram would show it
    status: str  # the engine's status, or "echo"
    step: int  # its place among the user's questions
    update: dict[str, Any] = field(default_factory=dict, repr=False)
    update_id: int = 0
    pushed_at: float = 0.0


def typo(text: str, rng: random.Random) -> str:
    """One keyboard slip: two letters swapped, one dropped or one doubled."""
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if len(letters) < 4:
        return text
    i = rng.choice(letters[1:-1])
    kind = rng.randrange(3)
    if kind == 0 and i + 1 < len(text):
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == 1:
        return text[:i] + text[i + 1 :]
    return text[:i] + text[i] + text[i:]


def with_place(text: str, lang: str, rng: random.Random) -> str:
    stem = text.rstrip(" ?!.")
    return f"{stem} {rng.choice(PLACES[lang])}" + ("?" if text.rstrip().endswith("?") else "")


def question_corpus() -> dict[str, list[str]]:
    """Questions by language: the dev set's and the facts' own."""
    corpus: dict[str, list[str]] = {lang: [] for lang in LANGS}
    dev = yaml.safe_load(DEV_QUESTIONS.read_text(encoding="utf-8"))["questions"]
    for item in dev:
        corpus[item["lang"]].append(item["q"])
    for fact in load_facts():
        for lang, asked in fact.questions.items():
            corpus[lang].extend(asked)
    return corpus


def user_questions(
    corpus: dict[str, list[str]], native: str, count: int, rng: random.Random
) -> list[str]:
    asked = []
    for _ in range(count):
        lang = native if rng.random() < 0.8 else rng.choice(LANGS)
        if asked and rng.random() < 0.05:
            asked.append(rng.choice(FOLLOW_UPS[lang]))
            continue
        question = rng.choice(corpus[lang])
        if rng.random() < 0.25:
            question = with_place(question, lang, rng)
        if rng.random() < 0.2:
            question = typo(question, rng)
        if rng.random() < 0.1:
            question = question.upper() if rng.random() < 0.5 else question.lower()
        asked.append(question)
    return asked


class Expectations:
    """What talkbot must reply: the engine's answer rendered as the bot renders it, in the
    language the bot would pick, following each user's conversation."""

    def __init__(self) -> None:
        shipped = load_content()
        self.engine = Engine(shipped.facts, shipped.sources, events=shipped.events)
        self.texts = bot_catalog()
        self._cache: dict[tuple[str, str, str | None], tuple[str, str, str | None]] = {}

    def reply(
        self, question: str, language_code: str, conversation: Conversation
    ) -> tuple[str, str]:
        hint = client_lang(language_code or None)
        key = (question, hint, conversation.last_fact_id)
        if key not in self._cache:
            answer = self.engine.ask(question, lang_hint=hint, conversation=conversation)
            plain, _ = render_text(answer_html(answer, self.texts), "HTML")
            self._cache[key] = (plain, answer.status, conversation.last_fact_id)
        plain, status, last = self._cache[key]
        conversation.last_fact_id = last
        return plain, status


def build_workload(
    users: int,
    per_user: int,
    seed: int,
    expectations: Expectations | None,
    question: str | None = None,
) -> list[list[Job]]:
    """Each user's questions in the order asked; `expectations` None means an echo bot.
    With `question`, every user asks just that, `per_user` times: a story breaking."""
    rng = random.Random(seed)
    corpus = question_corpus()
    codes, weights = zip(*CLIENT_CODES, strict=True)
    workload = []
    for n in range(users):
        user_id = FIRST_USER_ID + n
        code = rng.choices(codes, weights)[0]
        native = client_lang(code or None)
        conversation = Conversation()
        jobs = []
        asked = (
            [question] * per_user
            if question is not None
            else user_questions(corpus, native, per_user, rng)
        )
        for step, text in enumerate(asked):
            if expectations is None:
                expected, status = text.strip(), "echo"
            else:
                expected, status = expectations.reply(text, code, conversation)
            jobs.append(Job(user_id, code, text, expected, status, step))
        workload.append(jobs)
    return workload


def flood_jobs(expectations: Expectations | None, seed: int) -> list[Job]:
    """One user sending FLOOD_MESSAGES questions at once: the first few are answered (the
    throttle's burst), then one notice, then silence."""
    rng = random.Random(seed + 1)
    code = "ru"
    corpus = question_corpus()
    jobs = []
    conversation = Conversation()
    for step in range(FLOOD_MESSAGES):
        text = rng.choice(corpus["ru"])
        if expectations is None:
            expected, status = text.strip(), "echo"
        else:
            expected, status = expectations.reply(text, code, conversation)
        jobs.append(Job(FLOODER_ID, code, text, expected, status, step))
    return jobs


def interleave(workload: Sequence[Sequence[Job]], clump: int) -> list[Job]:
    """Round robin over users, `clump` consecutive questions per user per turn: a user's
    turns are then a whole round apart, which keeps every user inside the throttle."""
    order = []
    cursors = [0] * len(workload)
    while True:
        progressed = False
        for u, jobs in enumerate(workload):
            taken = jobs[cursors[u] : cursors[u] + clump]
            if taken:
                order.extend(taken)
                cursors[u] += len(taken)
                progressed = True
        if not progressed:
            return order
