"""The article-reading rules of knowledge/ingest/rules.yaml and templates.yaml, loaded once.

The YAML files are the data (filler, lead-ins, kinds, zone hints, question and answer
templates); this module only compiles them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
RULES_PATH = HERE / "rules.yaml"
TEMPLATES_PATH = HERE / "templates.yaml"

_FLAGS = re.IGNORECASE | re.UNICODE


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


@dataclass(frozen=True)
class Rules:
    filler_lines: tuple[re.Pattern[str], ...]
    read_also: re.Pattern[str]
    lead_ins: tuple[re.Pattern[str], ...]
    attribution_opener: re.Pattern[str]
    abbreviations: frozenset[str]
    min_words: int
    common_words: dict[str, frozenset[str]]
    min_common_share: float
    max_accented_share_en: float
    zone_hints: tuple[re.Pattern[str], ...]
    default_zone: dict[str, str]
    editor_note: re.Pattern[str]
    conversion_zones: tuple[str, ...]
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    event_nouns: dict[str, tuple[str, ...]]
    templates: dict[str, Any]


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    templates = yaml.safe_load(TEMPLATES_PATH.read_text(encoding="utf-8"))
    return Rules(
        filler_lines=tuple(_compile(p) for p in data["filler_lines"]),
        read_also=_compile(data["read_also"]),
        # Used with Pattern.match(text, pos): anchored at pos, where "^" would not be.
        lead_ins=tuple(_compile("(?:" + p + ")") for p in data["lead_ins"]),
        attribution_opener=_compile(data["attribution_openers"]),
        abbreviations=frozenset(str(a).casefold() for a in data["abbreviations"]),
        min_words=int(data["min_words"]),
        common_words={k: frozenset(v) for k, v in data["common_words"].items()},
        min_common_share=float(data["min_common_share"]),
        max_accented_share_en=float(data["max_accented_share_en"]),
        zone_hints=tuple(_compile("(?:" + p + ")") for p in data["zone_hints"]),
        default_zone=dict(data["default_zone"]),
        editor_note=_compile(data["editor_note"]),
        conversion_zones=tuple(data["conversion_zones"]),
        kinds=tuple((kind, _compile(p)) for kind, p in data["kinds"].items()),
        event_nouns={k: tuple(v) for k, v in data["event_nouns"].items()},
        templates=templates,
    )
