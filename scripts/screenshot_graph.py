"""Render a project's HTML graph and screenshot it with headless Chromium, to check the layout by eye.

    python scripts/screenshot_graph.py [PROJECT] [-o /tmp/graph.png] [--finding N]

PROJECT defaults to examples/molecule-platform. `--finding N` opens the page
with finding N selected (the page's #finding-N link), to see the highlight.
Chromium is the Debian `chromium` package; the browser gets a fresh profile
and every background network feature off.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PROJECT = REPO / "examples" / "molecule-platform"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def render_html(project: Path, out: Path) -> None:
    """The page, made by the real command line, as a user would."""
    command = [sys.executable, "-m", "molecule_lint.cli", "graph", "--format", "html", "--no-cache", "-o", str(out)]
    subprocess.run(command, cwd=project, check=True)


def screenshot(page: str, png: Path, width: int, height: int) -> None:
    browser = shutil.which("chromium") or sys.exit("chromium not found: apt-get install -y chromium")
    with tempfile.TemporaryDirectory(prefix="molecule-graph-profile-") as profile:
        command = [
            browser,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size={width},{height}",
            page,
        ]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", type=Path, default=DEFAULT_PROJECT)
    parser.add_argument("-o", "--output", type=Path, default=Path(tempfile.gettempdir()) / "molecule-graph.png")
    parser.add_argument("--finding", type=int, help="open with this finding (0-based row) selected")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1200)
    args = parser.parse_args()
    html = args.output.with_suffix(".html")
    render_html(args.project.resolve(), html.resolve())
    page = html.resolve().as_uri() + (f"#finding-{args.finding}" if args.finding is not None else "")
    screenshot(page, args.output.resolve(), args.width, args.height)
    print(f"{html}\n{args.output}")


if __name__ == "__main__":
    main()
