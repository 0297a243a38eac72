"""Colours shared by every renderer, so a plane looks the same in dot, mermaid and html."""

from __future__ import annotations

# column -> (fill, stroke)
COLUMN_COLORS = {
    "platform": ("#dbeafe", "#1d4ed8"),
    "shared": ("#f1f5f9", "#475569"),
    "tenant": ("#dcfce7", "#15803d"),
    "data_tenant": ("#ecfccb", "#4d7c0f"),
    "data_platform": ("#e0e7ff", "#4338ca"),
    "data_other": ("#f5f5f4", "#78716c"),
}
EDGE_COLOR = "#64748b"
VIOLATION_COLOR = "#dc2626"
