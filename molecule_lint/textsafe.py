"""Escaping of repository text for every output: one function per format (SPEC §6).

File names, SQL literals, table names, suppression reasons, baseline entries and
config keys come from the scanned repository, i.e. from whoever wrote the pull
request. Printed raw, a newline forges a finding line or a GitHub workflow
command, ESC/OSC sequences drive the terminal (title, clipboard, links), bidi
controls reorder what a reviewer reads, and a lone surrogate (a legal `'\\ud800'`
in a Python literal) cannot be encoded at all. Reporters pass every such string
through the function for their format; only what they write themselves goes out as is.
"""

from __future__ import annotations

import json
import re
from html import escape as _html_escape
from typing import Any
from urllib.parse import quote

# C0 and C1 controls, DEL; bidi controls (Trojan Source); line/paragraph separators (str.splitlines and
# JavaScript break lines there); lone surrogates (not encodable); U+FFFE/U+FFFF (not allowed in XML 1.0).
_BEYOND_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff"
UNSAFE = re.compile(f"[\x00-\x1f{_BEYOND_C0}]")
# In multi-line text (a diff): line breaks and tabs are the text's own; a lone CR is not (it rewrites the line).
_UNSAFE_IN_LINES = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_BEYOND_C0}]|\r(?!\n)")
_LEFT_RAW_BY_JSON = re.compile(f"[{_BEYOND_C0}]")  # json.dumps escapes C0 itself
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) <= 0xFF else f"\\u{ord(char):04x}"


def human(text: str) -> str:
    """Text for a terminal or a log: every unsafe character as a visible escape (``\\n``, ``\\x1b``, ``\\u202e``).

    The result is one line, printable, encodable as UTF-8 and allowed in XML 1.0.
    """
    if text.isprintable():  # fast path: every unsafe character is non-printable (Cc, Cf, Cs, Zl, Zp, Cn)
        return text
    return UNSAFE.sub(_visible, text)


def human_lines(text: str) -> str:
    """Multi-line text for a terminal (a diff): as ``human``, but its line breaks (LF, CRLF) and tabs stay."""
    return _UNSAFE_IN_LINES.sub(_visible, text)


def is_safe_lines(text: str) -> bool:
    """Whether ``human_lines`` would leave ``text`` unchanged."""
    return not _UNSAFE_IN_LINES.search(text)


def github_data(text: str) -> str:
    """The message of a GitHub workflow command: the runner decodes %25, %0D and %0A (so our own line breaks
    survive); any other unsafe character is shown escaped."""
    return human(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def github_property(text: str) -> str:
    """A property value of a GitHub workflow command (``file=``, ``title=``): also ``:`` and ``,`` encoded."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def uri_path(path: str) -> str:
    """A relative path as an RFC 3986 URI reference (SARIF ``artifactLocation.uri``): ``a b#c.py`` -> ``a%20b%23c.py``.

    A lone surrogate is encoded too (surrogatepass), never an error.
    """
    return quote(path, safe="/", errors="surrogatepass")


def json_text(document: Any, **options: Any) -> str:
    """JSON that keeps non-ASCII text readable but writes every unsafe character as a ``\\uXXXX`` escape.

    Such characters occur only inside strings, where the escape decodes back to the same text.
    """
    return _LEFT_RAW_BY_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(document, ensure_ascii=False, **options))


def html(text: str) -> str:
    """Text content or an attribute value in HTML or SVG."""
    return _html_escape(human(text))


def dot_string(*lines: str) -> str:
    """A Graphviz double-quoted string; its lines are separated by centred line breaks."""
    return '"' + "\\n".join(human(line).replace("\\", "\\\\").replace('"', '\\"') for line in lines) + '"'


# Mermaid's own entity codes (#code;) for what would end a label or start markup.
_MERMAID = {ord(c): f"#{ord(c)};" for c in '"#<>&`'}


def mermaid_label(text: str) -> str:
    """Text inside a Mermaid ``"..."`` label."""
    return human(text).translate(_MERMAID)


# Every ASCII punctuation character may start Markdown syntax (CommonMark lets any of them be escaped), and
# `<`, `>`, `&`, `"`, `'` start HTML; `.` and `:` let GitHub autolink `www.x.io` or `https://x`. As numeric
# references they are plain text both in Markdown inline content and inside a raw HTML block, where a
# backslash escape would show. `/`, `,` and `-` start nothing inside a line and keep paths readable.
_MARKDOWN = {ord(c): f"&#{ord(c)};" for c in "!\"#$%&'()*+.:;<=>?@[\\]^_`{|}~"}


def markdown(text: str) -> str:
    """Text inside a line of GitHub-flavoured Markdown or of the HTML in it (a table cell, `<summary>`)."""
    return human(text).translate(_MARKDOWN)
