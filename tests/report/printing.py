"""Print HTML to PDF in a real browser (headless Chromium) and read it back page by page.

CI installs Debian's ``chromium`` and ``poppler-utils`` (``.ci/run``); where either is
missing the browser tests are skipped with that reason, never silently passed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


needs_browser = pytest.mark.skipif(
    browser() is None or shutil.which("pdftotext") is None,
    reason="headless Chromium and pdftotext are needed (Debian: apt-get install chromium "
    "poppler-utils; .ci/run installs them)",
)


def print_to_pdf(html_file: Path) -> Path:
    """The file printed by the browser as it would be on paper (A4, no header or footer)."""
    pdf = html_file.with_suffix(".pdf")
    done = subprocess.run(
        [
            browser() or "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            html_file.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert pdf.is_file() and pdf.stat().st_size, done.stderr[-2000:]
    return pdf


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=30)
    for line in info.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError(info.stdout + info.stderr)


def pages(pdf: Path) -> list[str]:
    """The text of every page, its lines joined by spaces (words cut at a line end mend)."""
    found = []
    for number in range(1, page_count(pdf) + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout
        found.append(" ".join(text.split()))
    return found
