"""talkbot's domain: the cited fact base, matching questions to facts, times and answers.

Knows nothing of Telegram; `bot/` is a thin adapter over it.
"""

from knowledge import zones as _zones  # noqa: F401  (pins zoneinfo to the tzdata package)
