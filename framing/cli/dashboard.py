"""``framing dashboard [PATH] [--port N]``: open the Streamlit dashboard on a corpus (the bundled
demo corpus when no path is given)."""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from framing.errors import SettingsError

REPO = Path(__file__).resolve().parent.parent.parent
APP = REPO / "dashboard" / "app.py"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "dashboard", help="open the dashboard on a corpus",
        description="Start the Streamlit dashboard on PATH (a folder with manifest.csv, a CSV, JSON lines or "
                    "Parquet file, or saved HTML pages); the bundled demo corpus when PATH is left out.")
    parser.add_argument("path", nargs="?", help="corpus to open (default: the bundled demo corpus)")
    parser.add_argument("--port", type=int, default=8501, help="port to serve on (default 8501)")
    parser.add_argument("--address", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--data-root", metavar="FOLDER",
                        help="the one folder whose corpora a browser user may open by path (default: the "
                             "folder of PATH; with neither, only uploads); see the README's security model")
    parser.add_argument("--headless", action="store_true", help="do not open a browser window")
    parser.set_defaults(func=run)


def streamlit_command(args: argparse.Namespace) -> list[str]:
    """The ``streamlit run`` command line for these arguments (checked first)."""
    if not APP.is_file():
        raise SettingsError(f"the dashboard script is missing ({APP}); framing dashboard needs the source "
                            "checkout (pip install -e .), not only the installed package")
    if not 0 < args.port < 65536:
        raise SettingsError(f"--port must be between 1 and 65535, got {args.port}")
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(args.port),
               "--server.address", args.address, "--browser.gatherUsageStats", "false"]
    if args.headless:
        command += ["--server.headless", "true"]
    if args.path:
        path = Path(args.path).expanduser()
        if not path.exists():
            raise SettingsError(f"{args.path}: no such file or folder; give a corpus folder (with manifest.csv) "
                                "or a CSV, JSON lines or Parquet file")
        command += ["--", "--corpus", str(path.resolve())]
    if args.data_root:
        root = Path(args.data_root).expanduser()
        if not root.is_dir():
            raise SettingsError(f"--data-root {args.data_root}: not a folder; give the folder whose corpora "
                                "the dashboard may open")
        command += ([] if args.path else ["--"]) + ["--data-root", str(root.resolve())]
    return command


def run(args: argparse.Namespace) -> int:
    command = streamlit_command(args)
    print(f"framing: dashboard on http://{args.address}:{args.port}  (Ctrl+C to stop)", file=sys.stderr)
    try:
        return subprocess.call(command, cwd=REPO)  # .streamlit/config.toml is read from here
    except KeyboardInterrupt:
        return 0
