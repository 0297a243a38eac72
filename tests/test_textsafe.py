"""The escaping functions, one per output format (molecule_lint.textsafe)."""

from __future__ import annotations

import json
from urllib.parse import unquote
from xml.etree import ElementTree as ET

import pytest
from conftest import RenderedMarkdown

from molecule_lint.textsafe import (
    dot_string,
    github_data,
    github_property,
    html,
    human,
    human_lines,
    is_safe_lines,
    json_text,
    markdown,
    mermaid_label,
    uri_path,
)

EVERY_CONTROL = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\nb\rc\td", "a\\nb\\rc\\td"),
        ("\x00\x1b]0;t\x07\x7f\x85\x9b", "\\x00\\x1b]0;t\\x07\\x7f\\x85\\x9b"),
        ("\u202eevil\u2066", "\\u202eevil\\u2066"),
        ("\ud800 \udcff", "\\ud800 \\udcff"),
        ("\u2028\u2029\ufffe\uffff", "\\u2028\\u2029\\ufffe\\uffff"),
        ("plain ünïcode — 表 \U0001f600 \\x", "plain ünïcode — 表 \U0001f600 \\x"),
    ],
)
def test_human_shows_unsafe_characters_as_escapes(text: str, shown: str) -> None:
    assert human(text) == shown


def test_human_output_is_printable_utf8_and_xml() -> None:
    text = human(EVERY_CONTROL + BIDI + "\ud800\udfff\u2028\ufffe")
    assert text.isprintable() and text.encode("utf-8").isascii()
    assert ET.fromstring(f"<a>{text}</a>").text == text


def test_github_escapes_per_the_runner_and_keeps_our_line_breaks() -> None:
    assert github_data("50%\nnext\r\x1b") == "50%25%0Anext%0D\\x1b"
    assert github_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_uri_path_is_a_percent_encoded_reference_that_decodes_back() -> None:
    path = "apps/a b#c%d?e;f\u00e9\n\ud800.py"
    uri = uri_path(path)
    assert uri == "apps/a%20b%23c%25d%3Fe%3Bf%C3%A9%0A%ED%A0%80.py"
    assert unquote(uri, errors="surrogatepass") == path


def test_json_text_stays_readable_and_decodes_to_the_same_data() -> None:
    data = {"k": "表 " + EVERY_CONTROL + BIDI + "\ud800"}
    text = json_text(data, indent=1)
    assert "表" in text and human(text) == text.replace("\n", "\\n")  # nothing unsafe but the indentation
    assert json.loads(text) == data


def test_markup_formats() -> None:
    assert html('<a href="x">\x1b</a>') == "&lt;a href=&quot;x&quot;&gt;\\x1b&lt;/a&gt;"
    assert dot_string('say "hi"\\', "line\n2") == '"say \\"hi\\"\\\\\\nline\\\\n2"'
    assert mermaid_label('a"b#c<d>&`\n') == "a#34;b#35;c#60;d#62;#38;#96;\\n"


def test_human_lines_keeps_line_breaks_and_tabs_and_escapes_the_rest() -> None:
    assert human_lines("a\rb\u202e\ud800\r\n\t") == "a\\rb\\u202e\\ud800\r\n\t"
    assert is_safe_lines("x\r\ny\tz\n") and not is_safe_lines("x\ry")


HOSTILE_MARKDOWN = [
    "a|b`c`*d*_e_",
    "[x](javascript:alert(1)) ![i](http://x/i.png) <https://x.io> www.evil.com https://evil.com a@b.io",
    "</code></td></tr></table></details><script>alert(1)</script><img src=x onerror=alert(1)>",
    "&amp; &#124; \\| # ## > - 1. ~~s~~ :tada: @org/team #123",
    "nl\nbreak\x1b]0;t\x07\u202e",
]


@pytest.mark.parametrize("text", HOSTILE_MARKDOWN)
def test_markdown_text_reads_as_itself_in_a_table_cell_in_a_summary_and_in_a_list(text: str) -> None:
    cell, inline = f"<code>{markdown(text)}</code>", markdown(text)
    table = f"| a | b |\n|---|---|\n| {cell} | {inline} |\n"
    page = RenderedMarkdown(f"{table}\n<details><summary>{cell}</summary>\n\n- {inline}\n\n</details>\n")
    assert page.table_rows == [[[human(text), human(text)]]]
    assert page.summaries == [human(text)]
    assert [tag for tag, _ in page.elements] == [
        "table", "thead", "tr", "th", "th", "tbody", "tr", "td", "code", "td", "details", "summary", "code", "ul", "li"
    ]
    assert page.text.count(human(text)) == 4
