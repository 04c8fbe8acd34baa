"""Catalogs complete in en, ru and uk, and commands documented wherever people look."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.commands import COMMANDS, bot_commands
from bot.handlers.start import help_text
from bot.i18n import LOCALES_DIR, bot_catalog, client_lang, ui_lang
from knowledge.i18n import ANSWERS, Catalog
from knowledge.model import LANGS

ROOT = Path(__file__).resolve().parent.parent
# texts("some.key", ...) with a literal key, anywhere in the bot's code.
USED_KEY = re.compile(r"""texts\(\s*["']([a-z_.]+)["']""")


@pytest.fixture(scope="module")
def texts() -> Catalog:
    return bot_catalog()


@pytest.mark.parametrize("catalog", [bot_catalog(), ANSWERS], ids=["bot", "knowledge"])
def test_every_key_is_in_every_language_with_the_same_placeholders(catalog: Catalog):
    assert catalog.problems() == []
    assert set(catalog.messages) == set(LANGS)


def test_the_bot_catalog_is_read_from_bot_locales(texts: Catalog):
    assert texts.directory == LOCALES_DIR
    assert {path.stem for path in LOCALES_DIR.glob("*.yaml")} == set(LANGS)


def test_every_key_the_bot_code_uses_exists(texts: Catalog):
    used = {
        key
        for path in (ROOT / "bot").rglob("*.py")
        for key in USED_KEY.findall(path.read_text(encoding="utf-8"))
    }
    assert used, "the pattern found no keys: has the calling convention changed?"
    assert sorted(key for key in used if not texts.has(key)) == []


def test_languages_really_differ(texts: Catalog):
    for key in ("start.examples", "help.zones", "fallback.not_text", "commands.tz"):
        assert len({texts(key, lang) for lang in LANGS}) == 3, key


@pytest.mark.parametrize(
    ("code", "lang"),
    [
        ("en", "en"),
        ("ru", "ru"),
        ("uk", "uk"),
        ("en-US", "en"),
        ("ru-RU", "ru"),
        ("be", "ru"),
        ("de", "en"),
        ("pt-br", "en"),
        (None, "en"),
        ("", "en"),
    ],
)
def test_client_language_maps_to_ours_with_english_for_the_rest(code, lang):
    assert client_lang(code) == lang


def test_a_lang_override_beats_the_client_language():
    assert ui_lang("uk", "ru") == "uk"
    assert ui_lang(None, "ru") == "ru"


# -- the commands, documented ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_help_lists_every_command_with_its_description(texts: Catalog, lang: str, engine):
    shown, _ = help_text(texts, lang, "talkbot_test_bot", engine.about(lang)).render()
    for name in COMMANDS:
        assert f"/{name} — {texts(f'commands.{name}', lang)}" in shown


@pytest.mark.parametrize("lang", LANGS)
def test_command_descriptions_fit_telegram_limits(texts: Catalog, lang: str):
    commands = bot_commands(texts, lang)
    assert [c.command for c in commands] == list(COMMANDS)
    assert all(3 <= len(c.description) <= 256 for c in commands)
    assert all(re.fullmatch(r"[a-z0-9_]{1,32}", c.command) for c in commands)


def commands_section(markdown: str) -> str:
    """The text under a "Commands" heading, up to the next heading as high."""
    lines = markdown.splitlines()
    for at, line in enumerate(lines):
        heading = re.match(r"^(#+)\s*(?:Bot\s+)?Commands\b", line, re.IGNORECASE)
        if heading:
            level = len(heading.group(1))
            rest = []
            for following in lines[at + 1 :]:
                deeper = re.match(r"^(#+)\s", following)
                if deeper and len(deeper.group(1)) <= level:
                    break
                rest.append(following)
            return "\n".join(rest)
    return ""


def test_the_commands_section_is_read_up_to_the_next_heading():
    markdown = "# talkbot\n## Bot commands\n- `/start` hi\n### Details\n/tz\n## Settings\n/lang\n"
    assert commands_section(markdown) == "- `/start` hi\n### Details\n/tz"
    assert commands_section("# talkbot\n## Settings\n") == ""


def test_readme_documents_every_command():
    section = commands_section((ROOT / "README.md").read_text(encoding="utf-8"))
    assert section, 'README.md needs a "Commands" section listing the bot commands'
    missing = [f"/{name}" for name in COMMANDS if not re.search(rf"/{name}\b", section)]
    assert missing == [], f"README.md's Commands section does not mention {missing}"


def _strings_in_code() -> tuple[set[str], set[str]]:
    """Every string literal in knowledge/, bot/ and talkbot/, and the literal heads of their
    f-strings (f"admin.step.{name}" gives "admin.step.")."""
    literals: set[str] = set()
    heads: set[str] = set()
    for package in ("knowledge", "bot", "talkbot"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    literals.add(node.value)
                elif isinstance(node, ast.JoinedStr) and node.values:
                    head = node.values[0]
                    if isinstance(head, ast.Constant) and isinstance(head.value, str):
                        heads.add(head.value)
    return literals, heads


@pytest.mark.parametrize("catalog", [bot_catalog(), ANSWERS], ids=["bot", "knowledge"])
def test_every_catalog_key_is_used_somewhere_in_the_code(catalog: Catalog):
    """A key is used when the code names it, or builds it from a literal head and one more
    segment (f"problem.{code}" uses every problem.* key: the codes come from data)."""
    literals, heads = _strings_in_code()

    def used(key: str) -> bool:
        if key in literals:
            return True
        return any(key.startswith(h) and "." not in key[len(h) :] for h in heads if h)

    assert [key for key in catalog.messages["en"] if not used(key)] == []


def test_counting_messages_take_the_plural_form_of_each_language():
    from knowledge.i18n import plural_category

    assert [plural_category("en", n) for n in (1, 2, 21)] == ["one", "other", "other"]
    assert [plural_category("ru", n) for n in (1, 3, 5, 11, 21, 22)] == [
        "one", "few", "many", "many", "one", "few",
    ]
    texts = bot_catalog()
    assert texts("admin.stats.window", "en", count=1) == "Last 1 day"
    assert texts("admin.stats.window", "ru", count=22) == "За последние 22 дня"
    assert texts("admin.stats.window", "uk", count=5) == "За останні 5 днів"


def test_a_plural_message_missing_a_form_its_language_needs_is_reported(tmp_path):
    from knowledge.i18n import Catalog

    (tmp_path / "en.yaml").write_text('n:\n  one: "{count} fact"\n  other: "{count} facts"\n')
    (tmp_path / "ru.yaml").write_text('n:\n  one: "{count} факт"\n  other: "фактов: {count}"\n')
    (tmp_path / "uk.yaml").write_text(
        'n:\n  one: "{count} факт"\n  few: "{count} факти"\n  many: "{count} фактів"\n'
        '  other: "фактів: {count}"\n'
    )
    assert Catalog(tmp_path).problems() == [f"{tmp_path.name}/ru.yaml: n lacks few, many"]
