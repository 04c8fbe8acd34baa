"""Telegram's text markup as the Bot API parses it: HTML, MarkdownV2 and Markdown into plain
text and entities (UTF-16 offsets), with Telegram's own error wording."""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass

from talkbot.testing.fakeapi.records import JSON, make_user


class MarkupError(ValueError):
    """Text that does not parse in its parse mode; the message is Telegram's wording."""


def u16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode())


class _TextBuilder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0  # UTF-16 code units, as Telegram counts entity offsets

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += u16(text)

    def text(self) -> str:
        return "".join(self.parts)


_HTML_TAG_RE = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)"
    r"((?:\s+[a-zA-Z][a-zA-Z0-9-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)\s*>"
)
_HTML_ATTR_RE = re.compile(r"([a-zA-Z][a-zA-Z0-9-]*)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_HTML_CHARREF_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|amp|quot);")
_HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
    "tg-time": "date_time",
}


@dataclass
class _OpenTag:
    tag: str
    entity: JSON | None
    start: int
    order: int


def _parse_html(text: str) -> tuple[str, list[JSON]]:
    """Telegram's HTML parse mode: returns (plain text, entities) or raises MarkupError."""
    out = _TextBuilder()
    entities: list[tuple[int, JSON]] = []
    stack: list[_OpenTag] = []
    order = itertools.count()
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "&":
            ref = _HTML_CHARREF_RE.match(text, i)
            if ref is None:
                out.add("&")
                i += 1
            else:
                out.add(html.unescape(ref.group()))
                i = ref.end()
            continue
        if ch != "<":
            nxt = min((j for j in (text.find("<", i), text.find("&", i)) if j >= 0), default=-1)
            end = len(text) if nxt < 0 else nxt
            out.add(text[i:end])
            i = end
            continue
        at = _byte_offset(text, i)
        match = _HTML_TAG_RE.match(text, i)
        if match is None:
            name = re.match(r"</?([^\s<>/]*)", text[i:])
            shown = name.group(1) if name else ""
            raise MarkupError(f'Unsupported start tag "{shown}" at byte offset {at}')
        closing, tag = match.group(1) == "/", match.group(2).lower()
        attrs = {
            key.lower(): html.unescape(value.strip("\"'")) if value else ""
            for key, value in _HTML_ATTR_RE.findall(match.group(3))
        }
        i = match.end()
        if closing:
            if not stack:
                raise MarkupError(f'Unexpected end tag "{tag}" at byte offset {at}')
            top = stack.pop()
            if top.tag != tag:
                raise MarkupError(
                    f'Unmatched end tag at byte offset {at}, expected "</{top.tag}>", '
                    f'found "</{tag}>"'
                )
            length = out.length - top.start
            if top.entity is not None and length > 0:
                entities.append((top.order, {**top.entity, "offset": top.start, "length": length}))
            continue
        if tag not in _HTML_TAGS or (tag == "span" and attrs.get("class") != "tg-spoiler"):
            raise MarkupError(f'Unsupported start tag "{tag}" at byte offset {at}')
        entity: JSON | None = {"type": _HTML_TAGS[tag]}
        if tag == "a":
            href = attrs.get("href", "")
            user = re.fullmatch(r"tg://user\?id=(\d+)", href)
            if user:
                entity = {"type": "text_mention", "user": make_user(int(user.group(1)), "User")}
            else:
                entity = {"type": "text_link", "url": href} if href else None
        elif tag == "blockquote" and "expandable" in attrs:
            entity = {"type": "expandable_blockquote"}
        elif tag == "tg-emoji":
            if "emoji-id" not in attrs:
                raise MarkupError(f"Custom emoji identifier expected at byte offset {at}")
            entity["custom_emoji_id"] = attrs["emoji-id"]
        elif tag == "tg-time":
            if not attrs.get("unix", "").isdigit():
                raise MarkupError(f"Unix time expected at byte offset {at}")
            entity["unix_time"] = int(attrs["unix"])
            if attrs.get("format"):
                entity["date_time_format"] = attrs["format"]
        elif tag == "code" and stack and stack[-1].tag == "pre":
            # <pre><code class="language-x">: one pre entity with a language
            language = attrs.get("class") or attrs.get("language") or ""
            pre = stack[-1].entity
            if language.startswith("language-") and pre is not None:
                pre["language"] = language.removeprefix("language-")
            entity = None
        stack.append(_OpenTag(tag, entity, out.length, next(order)))
    if stack:
        raise MarkupError(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    ordered = sorted(entities, key=lambda item: (item[1]["offset"], -item[1]["length"], item[0]))
    return out.text(), [entity for _, entity in ordered]


_MD_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
}
_MD_V2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")


def _parse_markdown(text: str, *, v2: bool) -> tuple[str, list[JSON]]:
    """Telegram's MarkdownV2 (or legacy Markdown) parse mode; raises MarkupError."""
    out = _TextBuilder()
    entities: list[JSON] = []
    stack: list[tuple[str, int, int]] = []  # (kind, start, index of the opening marker)
    quote_start: int | None = None
    quote_type = "blockquote"
    i, n = 0, len(text)

    def toggle(kind: str, at: int) -> None:
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == kind:
                _, start, _ = stack.pop(depth)
                if out.length > start:
                    entities.append({"type": kind, "offset": start, "length": out.length - start})
                return
        stack.append((kind, out.length, at))

    def read_until(closer: str, start: int) -> tuple[str, int] | None:
        body: list[str] = []
        j = start
        while j < n:
            if text.startswith(closer, j):
                return "".join(body), j
            if text[j] == "\\" and j + 1 < n and (v2 or text[j + 1] in closer):
                body.append(text[j + 1])
                j += 2
                continue
            body.append(text[j])
            j += 1
        return None

    while i < n:
        ch = text[i]
        at = i  # a char index; errors report it in bytes
        line_start = i == 0 or text[i - 1] == "\n"
        if v2 and line_start:
            if ch == ">":
                if quote_start is None:
                    quote_start, quote_type = out.length, "blockquote"
                i += 1
                continue
            if quote_start is not None:
                end = out.length - 1  # the newline ending the quote is not quoted
                if end > quote_start:
                    entities.append(
                        {"type": quote_type, "offset": quote_start, "length": end - quote_start}
                    )
                quote_start = None
        if v2 and ch == "\r":
            i += 1
            continue
        if ch == "\\" and (v2 or (i + 1 < n and text[i + 1] in "_*`[")):
            if i + 1 >= n:
                raise MarkupError(
                    f"Character '\\' is reserved at byte offset {_byte_offset(text, at)}"
                )
            out.add(text[i + 1])
            i += 2
            continue
        if ch == "`":
            fence = "```" if text.startswith("```", i) else "`"
            found = read_until(fence, i + len(fence))
            if found is None:
                kind = "PreCode" if len(fence) == 3 else "Code"
                raise MarkupError(
                    f"Can't find end of {kind} entity at byte offset {_byte_offset(text, at)}"
                )
            body, end = found
            entity: JSON = {"type": "code"}
            if len(fence) == 3:
                entity = {"type": "pre"}
                first, newline, rest = body.partition("\n")
                if newline and re.fullmatch(r"[\w+#.-]+", first):
                    entity["language"], body = first, rest
                elif newline and not first:
                    body = rest
            start = out.length
            out.add(body)
            if out.length > start:
                entities.append({**entity, "offset": start, "length": out.length - start})
            i = end + len(fence)
            continue
        if ch == "*":
            toggle("bold", at)
            i += 1
            continue
        if ch == "_":
            if v2 and text.startswith("__", i):
                toggle("underline", at)
                i += 2
            else:
                toggle("italic", at)
                i += 1
            continue
        if v2 and ch == "~":
            toggle("strikethrough", at)
            i += 1
            continue
        if v2 and text.startswith("||", i):
            at_line_end = i + 2 >= n or text[i + 2] == "\n"
            if (
                quote_start is not None
                and at_line_end
                and not any(k == "spoiler" for k, *_ in stack)
            ):
                quote_type = "expandable_blockquote"
            else:
                toggle("spoiler", at)
            i += 2
            continue
        if ch == "[" or (v2 and text.startswith("![", i)):
            stack.append(("link" if ch == "[" else "emoji_link", out.length, at))
            i += 1 if ch == "[" else 2
            continue
        if ch == "]" and stack and stack[-1][0] in ("link", "emoji_link"):
            if not text.startswith("(", i + 1):
                if v2:
                    raise MarkupError(
                        f"Can't find end of a URL at byte offset {_byte_offset(text, at)}"
                    )
                stack.pop()
                out.add("]")
                i += 1
                continue
            found = read_until(")", i + 2)
            if found is None:
                raise MarkupError(
                    f"Can't find end of a URL at byte offset {_byte_offset(text, at)}"
                )
            url, end = found
            kind, start, _ = stack.pop()
            entity = {"type": "text_link", "url": url}
            if kind == "emoji_link":
                parsed = re.fullmatch(r"tg://(emoji|time)\?(.*)", url)
                query = dict(
                    part.partition("=")[::2]
                    for part in (parsed.group(2) if parsed else "").split("&")
                )
                if parsed and parsed.group(1) == "emoji":
                    entity = {
                        "type": "custom_emoji",
                        "custom_emoji_id": query.get("id") or query.get("emoji_id", ""),
                    }
                elif parsed:
                    entity = {"type": "date_time", "unix_time": int(query.get("unix") or 0)}
                    if query.get("format"):
                        entity["date_time_format"] = query["format"]
            if out.length > start:
                entities.append({**entity, "offset": start, "length": out.length - start})
            i = end + 1
            continue
        if v2 and ch in _MD_V2_RESERVED:
            raise MarkupError(
                f"Character '{ch}' is reserved and must be escaped with the preceding '\\'"
            )
        out.add(ch)
        i += 1
    if quote_start is not None and out.length > quote_start:
        entities.append(
            {"type": quote_type, "offset": quote_start, "length": out.length - quote_start}
        )
    if stack:
        kind, _, at = stack[-1]
        name = _MD_NAMES.get(kind, "TextUrl")
        raise MarkupError(
            f"Can't find end of {name} entity at byte offset {_byte_offset(text, at)}"
        )
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return out.text(), entities


def _strip_text(text: str, entities: list[JSON]) -> tuple[str, list[JSON]]:
    """Telegram trims whitespace around a message; entity offsets follow."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    lead = u16(text[: len(text) - len(text.lstrip())])
    total = u16(stripped)
    kept = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept


def render_text(
    text: str, parse_mode: str | None = None, entities: list[JSON] | None = None
) -> tuple[str, list[JSON]]:
    """What Telegram makes of (text, parse_mode, entities): the plain text the user reads and
    its entities.  Raises ValueError with Telegram's wording when the markup does not parse."""
    mode = (parse_mode or "").lower()
    if mode == "html":
        plain, found = _parse_html(text)
    elif mode in ("markdownv2", "markdown"):
        plain, found = _parse_markdown(text, v2=mode == "markdownv2")
    else:
        plain, found = text, [dict(e) for e in entities or []]
    return _strip_text(plain, found)


def lenient_plain(text: str, parse_mode: str | None) -> str:
    mode = (parse_mode or "").lower()
    if mode == "html":
        return html.unescape(re.sub(r"</?[a-zA-Z][^<>]*>", "", text)).strip()
    if mode in ("markdownv2", "markdown"):
        return re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)[*_~`|]", "", text)).strip()
    return text.strip()
