"""An HTML file printed to PDF by a headless Chromium (A4, the page's own print style), for a
handout. Chromium is found as ``FRAMING_CHROMIUM``, else ``chromium``, ``chromium-browser`` or
``google-chrome`` on the PATH (Debian: ``apt-get install chromium``); nothing is downloaded."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from framing.errors import FramingError

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Milliseconds of page time Chromium gives the scripts (plotly draws the figures) before printing.
SCRIPT_TIME_MS = 20_000


class PdfError(FramingError):
    """No Chromium to print with, or Chromium failed to print."""


def find_chromium() -> str:
    given = os.environ.get("FRAMING_CHROMIUM")
    if given:
        return given
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise PdfError("printing a PDF needs Chromium: install it (Debian/Ubuntu: apt-get install -y chromium) or "
                   "set FRAMING_CHROMIUM to its path; the HTML report itself needs nothing")


def print_pdf(html_file: str | Path, pdf_file: str | Path, *, chromium: str | None = None,
              timeout: float = 180) -> Path:
    """Print ``html_file`` to ``pdf_file`` with a headless Chromium that has no network."""
    html_file, pdf_file = Path(html_file).resolve(), Path(pdf_file).resolve()
    command = [chromium or find_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--proxy-server=127.0.0.1:9", "--no-pdf-header-footer", f"--virtual-time-budget={SCRIPT_TIME_MS}",
               f"--print-to-pdf={pdf_file}", html_file.as_uri()]
    with tempfile.TemporaryDirectory(prefix="framing-chromium-") as profile:
        try:
            done = subprocess.run([*command, f"--user-data-dir={profile}"], capture_output=True, text=True,
                                  timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(f"Chromium could not print {html_file.name}: {exc}") from None
    if not pdf_file.exists() or pdf_file.stat().st_size == 0:
        raise PdfError(f"Chromium did not write {pdf_file} (exit {done.returncode}): {done.stderr.strip()[-400:]}")
    return pdf_file
