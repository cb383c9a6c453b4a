"""One cold first render of the dashboard, as a whole process: an empty analysis cache, the
page's full run under Streamlit's AppTest (analysis, scores, overview, and the save that follows
the page), then the process ends at once (the background jobs it started are not waited for).
For timing the whole process from outside, e.g. two commits interleaved:

    python bench/dashboard_cold.py ../shared/data/allsides_articles/articles.jsonl.gz --by bias_text

Prints the first render's seconds and this process's peak memory.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", help="corpus path (anything framing.corpus.load.load_corpus reads)")
    parser.add_argument("--by", help="compare by this column (URL by=COLUMN), e.g. bias_text")
    args = parser.parse_args()
    if not Path(args.corpus).exists():
        raise SystemExit(f"{args.corpus}: no such corpus; give the path of a corpus file or folder")
    os.environ["FRAMING_CACHE_DIR"] = tempfile.mkdtemp(prefix="framing-cold-")
    os.environ["FRAMING_CORPUS"] = str(Path(args.corpus).resolve())
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=3600)
    if args.by:
        at.query_params["by"] = args.by
    start = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - start
    problems = [e.value for e in list(at.exception) + list(at.error)]
    if problems:
        raise SystemExit(f"the dashboard reported a problem: {problems[0]}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"cold first render {seconds:.2f} s, peak {peak:.0f} MB", flush=True)
    sys.stdout.flush()
    os._exit(0)  # not waiting for the background jobs (events, term counts) the page started


if __name__ == "__main__":
    main()
