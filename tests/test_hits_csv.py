"""``framing hits --format csv`` from a corpus: the hits rendered as CSV in the workers, chunk by
chunk (``framing.measure.chunked.rendered_hits``, ``framing.cli.hits.csv_parts``), give the bytes
the whole hits table's CSV gives, repeated articles dropped as the analysis drops them."""
from __future__ import annotations

import io
import subprocess
import sys
from functools import partial
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from many_articles import article_records, write_jsonl

from framing.cli import arrow_csv, csv_text, main
from framing.cli.hits import csv_parts
from framing.cli.output import write_csv_parts
from framing.corpus.load import load_corpus
from framing.errors import CorpusError
from framing.measure.analysis import hit_mask, select_hits
from framing.measure.engines import EngineSettings
from framing.measure.hit_choice import hit_chosen
from framing.measure.hit_stream import hit_parts_of_articles, rendered_hits
from framing.measure.pipeline import analyze
from framing.measure.tables import HIT_COLUMNS
from framing.text.match import Matcher

ONE = EngineSettings(workers=1)
DEMO = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("many") / "articles.jsonl", article_records())


@pytest.fixture(scope="module")
def hits(corpus_file) -> pd.DataFrame:
    """The hits table of the corpus loaded, then analysed whole (repeated articles skipped)."""
    return analyze(load_corpus(corpus_file, keep_raw=False), workers=1, sentence_text=False).hits


CHOICES = [{}, {"kind": "actor"}, {"frame": "legitimacy"}, {"roles": ("topic", "attribution")}]


@pytest.mark.parametrize("choice", CHOICES)
def test_hits_rendered_chunk_by_chunk_are_the_csv_of_the_whole_table(corpus_file, hits, choice):
    parts = list(rendered_hits(corpus_file, render=partial(csv_parts, **choice), engine=ONE, chunk_articles=7))
    whole = arrow_csv.csv_bytes(select_hits(hits, **choice), header=False)
    assert len(parts) == 44  # 303 lines, 7 a chunk: one part per chunk, some empty
    assert b"".join(parts) == whole and whole.count(b"\n") > 100


def test_two_processes_render_the_same_bytes(corpus_file, hits):
    parts = rendered_hits(corpus_file, render=csv_parts, engine=EngineSettings(workers=2), chunk_articles=40)
    assert b"".join(parts) == arrow_csv.csv_bytes(hits, header=False)


@pytest.fixture(scope="module")
def demo():
    """The demo corpus's ``(id, outlet, body)`` articles, their hit parts and their analysis."""
    corpus = load_corpus(DEMO, keep_raw=False)
    analysis = analyze(corpus, workers=1, sentence_text=False)
    articles = [(a.id, a.outlet, a.body) for a in corpus.articles]
    return articles, hit_parts_of_articles(articles, Matcher(analysis.lexicons)), analysis


@pytest.mark.parametrize("choice", CHOICES)
def test_csv_parts_are_each_articles_rows_of_the_hits_table(demo, choice):
    articles, parts_of_hits, analysis = demo
    parts = csv_parts(parts_of_hits, **choice)
    chosen = select_hits(analysis.hits, **choice).astype({"article_id": str})
    assert len(parts) == len(articles) and any(parts)
    for (article_id, _, _), part in zip(articles, parts):
        assert part == arrow_csv.csv_bytes(chosen[chosen["article_id"] == article_id], header=False)


def test_an_article_without_hits_has_an_empty_part():
    from framing.lexicon import bundled_lexicons

    articles = [("a", "Outlet, Inc.", "Nothing here."), ("b", "X", 'The "regime" said no.')]
    parts = csv_parts(hit_parts_of_articles(articles, Matcher(bundled_lexicons())))
    assert parts[0] == b"" and parts[1].startswith(b'b,X,0,5,11,regime,')


@pytest.mark.parametrize("choice", CHOICES + [{"kind": "frame", "roles": ("framing",)}])
def test_hit_chosen_is_hit_mask_for_one_hit(hits, choice):
    one_by_one = [hit_chosen(k, f, r, **choice) for k, f, r in zip(hits["kind"], hits["frame"], hits["role"])]
    assert one_by_one == hit_mask(hits, **choice).tolist()


def test_a_field_is_what_the_table_writer_writes_for_its_column():
    assert [csv_text.field(v, "float64") for v in (1, 0.5, float("nan"), None)] == ["1.0", "0.5", "", ""]
    assert [csv_text.field(v, "bool") for v in (True, False, 0)] == ["True", "False", "False"]
    assert [csv_text.field(v, "int32") for v in (3, None)] == ["3", ""]
    assert [csv_text.field(v, "category") for v in ("a,b", 'say "x"', None)] == ['"a,b"', '"say ""x"""', ""]


class Text(io.StringIO):
    """A text stream with no binary buffer under it."""


class Binary(io.TextIOWrapper):
    def __init__(self):
        super().__init__(io.BytesIO(), encoding="utf-8")


def test_write_csv_parts_puts_the_header_before_the_first_part_only():
    for out in (Text(), Binary()):
        write_csv_parts(["a", "b,c"], iter([b"1,x\n", b"", "2,\u00e9\n".encode()]), out)
        text = out.getvalue() if isinstance(out, Text) else out.buffer.getvalue().decode()
        assert text == 'a,"b,c"\n1,x\n2,\u00e9\n'
    nothing = Text()
    write_csv_parts(["a"], iter([]), nothing)
    assert nothing.getvalue() == ""


def test_the_command_prints_what_the_whole_table_prints(corpus_file, hits, capsys):
    assert main(["hits", str(corpus_file), "--format", "csv", "--workers", "1", "--kind", "naming"]) == 0
    expected = arrow_csv.csv_bytes(select_hits(hits, kind="naming")).decode()
    assert capsys.readouterr().out == expected
    assert list(pd.read_csv(io.StringIO(expected)).columns) == list(HIT_COLUMNS)


def test_an_unknown_frame_is_refused_before_any_work(corpus_file, capsys):
    assert main(["hits", str(corpus_file), "--format", "csv", "--frame", "no_such_frame"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "no frame, naming set or actor called 'no_such_frame'" in captured.err


def test_a_source_with_no_items_prints_no_header(tmp_path, capsys):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no articles found"):
        list(rendered_hits(empty, render=csv_parts, engine=ONE))
    assert main(["hits", str(empty), "--format", "csv"]) == 2
    assert capsys.readouterr().out == ""


def test_the_arrow_writer_writes_what_pandas_writes():
    odd = ["plain", 'a "quoted" word', "a, b", "two\nlines", "", "é ü", "x", None]
    table = pd.DataFrame({
        "category": pd.Categorical(odd * 3), "object": pd.Series(odd * 3, dtype=object),
        "int": range(24), "float": [0.1, 1.0, float("nan"), 2.5e-07, -3.0, 1e16, 0.30000000000000004, 7.0] * 3,
        "bool": [True, False, True] * 8, "int32": pd.Series(range(24), dtype="int32")})
    assert arrow_csv.csv_bytes(table) == table.to_csv(index=False).encode("utf-8")


def test_the_csv_of_a_corpus_file_imports_neither_pandas_nor_arrow(corpus_file):
    """Half a second of start-up, and the workers render rows without them (``--workers 1``
    runs the workers' code in the process checked)."""
    code = ("import contextlib, io, sys\nfrom framing.cli import main\nwith contextlib.redirect_stdout(io.StringIO()):\n"
            f"    assert main(['hits', {str(corpus_file)!r}, '--format', 'csv', '--workers', '1']) == 0\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'pyarrow'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_source_failing_partway_gives_the_chunks_before_then_the_error(corpus_file, hits, tmp_path):
    """What the command writes before its error (exit 2): the rows of the chunks read whole."""
    import gzip

    packed = gzip.compress(corpus_file.read_bytes())
    truncated = tmp_path / "cut.jsonl.gz"
    truncated.write_bytes(packed[:len(packed) * 3 // 4])
    parts = []
    with pytest.raises(CorpusError, match="cannot read .* check the file is complete"):
        for part in rendered_hits(truncated, render=csv_parts, engine=ONE, chunk_articles=7):
            parts.append(part)
    whole = arrow_csv.csv_bytes(hits, header=False)
    assert len(parts) > 10 and whole.startswith(b"".join(parts))
