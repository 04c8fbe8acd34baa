"""What the property tests throw: arbitrary Unicode, control characters, 10,000-character
strings, RTL and zero-width characters, HTML/Markdown fragments and SQL-looking text, mixed;
and the example budgets that keep CI on two cores stable."""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st

# Direction marks, isolates, zero-width joiners, the BOM, a soft hyphen, a combining grapheme
# joiner and the Arabic letter mark: invisible, and each able to split or reverse a word.
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE += "\ufeff\u00ad\u034f\u061c\u2060"
RTL_WORDS = ("مرحبا متى المكالمة", "שלום מתי השיחה", "\u202ellac eht si nehw")
MARKUP = (
    "<b>",
    "</b>",
    "<i>x</i>",
    "<a href='javascript:alert(1)'>link</a>",
    "<script>alert(1)</script>",
    '<tg-emoji emoji-id="1">x</tg-emoji>',
    "&amp;",
    "&lt;",
    "&#0;",
    "&#x110000;",
    "**bold**",
    "__under__",
    "`code`",
    "```py\nprint(1)\n```",
    "[link](http://example.org)",
    "||spoiler||",
    "\\",
    "> quote",
)
SQL = (
    "'; DROP TABLE facts; --",
    '" OR 1=1 --',
    "' UNION SELECT user_id, tz FROM users --",
    "1; DELETE FROM audit",
    "%s %n %x",
    "{0} {lang} {{}}",
    "${jndi:ldap://x}",
    "../../etc/passwd",
    "\x00",
    "\r\n",
)
QUESTIONS = (
    "when is the call",
    "and in Tokyo?",
    "what time in New York",
    "EST",
    "UTC+5:30",
    "Europe/Paris",
    "когда переговоры",
    "во сколько по московскому времени",
    "а в Токио?",
    "коли розмова у Києві",
    "о котрій за київським часом",
    "who is on the call",
)
PLACES = (
    "Kyiv",
    "Киев",
    "Київ",
    "New York",
    "Tokyo",
    "UTC+14:00",
    "UTC-12:00",
    "UTC+5:30",
    "Pacific/Kiritimati",
    "Etc/GMT+12",
    "Etc/GMT-14",
    "America/St_Johns",
    "EST",
    "IST",
)

FRAGMENTS = st.sampled_from((*MARKUP, *SQL, *QUESTIONS, *PLACES, *RTL_WORDS, *INVISIBLE))
CONTROL = st.characters(categories=["Cc", "Cf", "Co", "Zs", "Zl", "Zp", "Mn", "Me"])


def _repeated(unit: str, length: int) -> str:
    return (unit * (length // max(len(unit), 1) + 1))[:length]


# Long strings are built by repetition: Hypothesis would take ages to draw 10,000 characters.
LONG = st.builds(
    _repeated,
    st.one_of(FRAGMENTS, st.text(min_size=1, max_size=12)),
    st.integers(min_value=1_000, max_value=10_000),
)
MIXED = st.lists(
    st.one_of(FRAGMENTS, st.text(max_size=6), st.text(CONTROL, max_size=3)), max_size=12
).map("".join)
NASTY = st.one_of(st.text(), st.text(CONTROL), MIXED, LONG)

# Examples per property: the budget for CI on two cores (each fuzz module runs in ~10 s alone).
FUZZ = settings(max_examples=200, deadline=None)
FEW = settings(max_examples=80, deadline=None)
