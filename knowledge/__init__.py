"""talkbot's domain: the cited fact base, matching questions to facts, times and answers.

Knows nothing of Telegram; `bot/` is a thin adapter over it. Importing it changes nothing
outside it: the applications call `knowledge.places.zones.use_bundled_zones()` at start.
"""
