"""Storage: SQLite through sqlite-utils (the store, the Curator's writer, audit, sources,
subscriptions, the question log, backups) and the content files (facts, events, sources).

sqlite-utils is imported here without numpy, which it would otherwise load (15 MB) only to
know numpy's scalar types; see `_sqlite_utils_lean`. The change to `sys.modules` lasts for
that one import.
"""

from knowledge.storage._sqlite_utils_lean import import_sqlite_utils_without_numpy

import_sqlite_utils_without_numpy()
