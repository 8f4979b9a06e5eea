"""Word tokens with offsets, aware of quotes, initialisms and possessives."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}(?:-[\w-]+)?|[\w#@$][\w'’&-]*(?:\.(?=\w))?[\w'’]*|[^\w\s]")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark; `quoted` is True inside a direct quote."""

    text: str
    start: int
    end: int
    quoted: bool

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def bare(self) -> str:
        """The word without a possessive ending: "Ukraine’s" -> "Ukraine"."""
        return _POSSESSIVE.sub("", self.text) if len(self.text) > 2 else self.text

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] in "#@$"

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_possessive(self) -> bool:
        return self.is_word and bool(re.search(r"\w['’]s?$", self.text)) and len(self.text) > 2


def tokenize(
    text: str, start: int, end: int, quotes: list[tuple[int, int, bool]], abbrevs: frozenset[str]
) -> list[Token]:
    """Tokens of text[start:end]; a "." that completes an abbreviation joins its word."""
    out: list[Token] = []
    quotes = [(qs, qe, o) for qs, qe, o in quotes if qs < end and qe > start]
    for match in _TOKEN.finditer(text, start, end):
        s, e = match.start(), match.end()
        if match.group(0) == "." and out and out[-1].end == s:
            joined = out[-1].text + "."
            if joined.lower() in abbrevs:
                out[-1] = Token(joined, out[-1].start, e, out[-1].quoted)
                continue
        quoted = any(qs < s and e <= qe and text[s] not in '“”"' for qs, qe, _ in quotes)
        out.append(Token(match.group(0), s, e, quoted))
    return out
