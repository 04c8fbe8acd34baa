"""talkbot's domain: the cited fact base, matching questions to facts, times and answers.

Knows nothing of Telegram; `bot/` is a thin adapter over it.
"""

from knowledge.places import zones as _zones  # noqa: F401  (pins zoneinfo to the tzdata package)
from knowledge.storage._sqlite_utils_lean import import_sqlite_utils_without_numpy

import_sqlite_utils_without_numpy()
