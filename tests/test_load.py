"""Loading: every corpus form, every bad input, and the report that accounts for each item."""
import datetime as dt
import gzip
import json

import pandas as pd
import pytest
from conftest import DEMO_CORPUS, FIXTURES

from framing.corpus.dates import is_implausible, parse_date
from framing.corpus.load import load_corpus, report_lines, skip_counts
from framing.errors import CorpusError, SettingsError
from framing.measure.tables import corpus_frame
from framing.text.tokenize import estimate_sentences

CORPUS_FIXTURES = FIXTURES / "corpus"
CSV = CORPUS_FIXTURES / "articles.csv"
JSONL = CORPUS_FIXTURES / "articles.jsonl"


def assert_balanced(corpus):
    report = corpus.report
    assert report.loaded + len(report.skipped) == report.seen
    assert report.loaded == len(corpus.articles)


def notes_about(corpus, text):
    return [note for note in corpus.report.notes if text in note]


# --- the demo corpus: folder + manifest -------------------------------------------------------
def test_demo_corpus_loads_cleaned_articles(demo_corpus):
    assert_balanced(demo_corpus)
    assert demo_corpus.report.seen == 5 and demo_corpus.report.skipped == []
    by_outlet = {a.outlet: a for a in demo_corpus}
    assert set(by_outlet) == {"The Crystal Eyes", "Al-Monitor", "SouthFront", "Intellectual Observer", "The Jerusalem Post"}
    southfront = by_outlet["SouthFront"]
    assert "Consider helping us" not in southfront.body and "Trump´s day" not in southfront.body
    assert "Consider helping us" in southfront.raw_text
    assert {seg.reason for seg in southfront.removed} == {"donation", "duplicate-headline", "comments"}
    assert southfront.id == "002_63e0d81dc0e8eb47" and southfront.source.endswith("002_63e0d81dc0e8eb47.txt")


def test_demo_corpus_dates_keep_their_precision(demo_corpus):
    dates = {a.outlet: (a.date, a.date_precision) for a in demo_corpus}
    assert dates["The Jerusalem Post"] == ("2019-03-18", "day")
    assert dates["The Crystal Eyes"] == ("2019-03", "month")
    assert dates["Intellectual Observer"] == (None, "unknown")
    assert notes_about(demo_corpus, "no date: 1 (003_bc9b85600cbacf8f)")


def test_demo_corpus_keeps_extra_manifest_columns(demo_corpus):
    jpost = next(a for a in demo_corpus if a.outlet == "The Jerusalem Post")
    assert jpost.meta["domain"] == "jpost.com"
    assert jpost.url.startswith("https://www.jpost.com/")
    assert jpost.title == "Iraq-Syria-Iran hold 'tripartite' meeting against U.S. in Syria"


def test_demo_corpus_readme_is_not_reported(demo_corpus):
    assert not notes_about(demo_corpus, "README")


def test_load_without_cleaning_keeps_raw_text():
    corpus = load_corpus(DEMO_CORPUS, clean=False)
    assert all(a.body == a.raw_text and a.removed == () for a in corpus)


# --- folder with a manifest mismatch, and HTML inside the folder ------------------------------
def test_folder_reports_manifest_mismatches():
    corpus = load_corpus(CORPUS_FIXTURES / "folder")
    assert_balanced(corpus)
    assert [a.id for a in corpus] == ["one", "two"]
    skipped, unlisted = corpus.report.skipped
    assert skipped.reason == "file listed in manifest.csv not found" and skipped.item_id == "gone"
    assert "gone.txt" in skipped.source and "row 3" in skipped.source
    # issue 10: a file the manifest does not list used to be a note only, outside `seen`
    assert corpus.report.seen == 4
    assert unlisted.reason == "file in the folder but not in manifest.csv (not read; add a row for it to load it)"
    assert unlisted.item_id == "extra" and unlisted.source.endswith("extra.txt")
    assert not notes_about(corpus, "not in manifest.csv")


def test_folder_text_file_is_cleaned_and_precision_declared_in_manifest_wins():
    one = load_corpus(CORPUS_FIXTURES / "folder").articles[0]
    assert one.body.startswith("Talks resume in Geneva\n\nThe minister said on Tuesday")
    assert "Leave a Reply" not in one.body and "Home / World" not in one.body
    assert (one.date, one.date_precision) == ("2019-03", "month")  # the manifest says only the month is sure
    assert one.meta == {"file": "one.txt", "section": "world"}


def test_folder_html_file_gets_metadata_from_the_page():
    two = load_corpus(CORPUS_FIXTURES / "folder").articles[1]
    assert (two.outlet, two.title, two.date) == ("Other Post", "Delegates walk out of the Geneva talks", "2019-03-22")
    assert "walked out of the Geneva talks on Friday" in two.body
    assert "A reader says" not in two.body and "A reader says" not in two.raw_text
    assert two.meta["section"] == "world"


def test_folder_non_utf8_file_is_decoded_with_a_stated_fallback(tmp_path):
    (tmp_path / "manifest.csv").write_text("file,outlet,title\nwin.txt,Old Site,Old page\n", encoding="utf-8")
    (tmp_path / "win.txt").write_bytes("The minister called the plan \u201cillegal\u201d \u2013 twice.".encode("cp1252"))
    corpus = load_corpus(tmp_path)
    assert corpus.articles[0].body == "The minister called the plan \u201cillegal\u201d \u2013 twice."
    assert notes_about(corpus, "not UTF-8, decoded as cp1252: 1 (win.txt)")


def test_folder_latin1_fallback_when_cp1252_cannot_decode(tmp_path):
    (tmp_path / "manifest.csv").write_text("file,outlet\nodd.txt,Old Site\n", encoding="utf-8")
    (tmp_path / "odd.txt").write_bytes(b"Caf\xe9 owners protested \x81 on Monday.")  # 0x81 is undefined in cp1252
    corpus = load_corpus(tmp_path)
    assert corpus.articles[0].body.startswith("Café owners protested")
    assert notes_about(corpus, "decoded as latin-1")


def test_folder_binary_file_is_skipped_as_undecodable(tmp_path):
    (tmp_path / "manifest.csv").write_text("file,outlet\nok.txt,Site\nbin.txt,Site\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("A readable article about the talks.", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    corpus = load_corpus(tmp_path)
    assert_balanced(corpus)
    assert [s.reason.split(" (")[0] for s in corpus.report.skipped] == ["undecodable bytes"]


def test_manifest_without_file_column(tmp_path):
    (tmp_path / "manifest.csv").write_text("name,outlet\na.txt,Site\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"no file column.*columns are: name, outlet"):
        load_corpus(tmp_path)


# --- CSV --------------------------------------------------------------------------------------
def test_csv_recognises_common_column_names():
    corpus = load_corpus(CSV)
    a1 = corpus.articles[0]
    assert (a1.id, a1.outlet, a1.title, a1.date, a1.url) == (
        "a1", "Daily Example", "Talks resume in Geneva", "2019-03-18", "https://daily.example.com/a1")
    assert a1.meta == {"event_id": "geneva-talks", "leaning": "center"}
    assert a1.source == "articles.csv row 1"


def test_csv_accounts_for_every_row():
    corpus = load_corpus(CSV)
    assert_balanced(corpus)
    assert corpus.report.seen == 11 and corpus.report.loaded == 7
    skipped = {s.item_id: s.reason for s in corpus.report.skipped}
    assert skipped == {"a3": "empty text", "a1": "duplicate id",
                       "a4": "duplicate text within outlet (same as a1)", "a7": "missing required field: outlet"}
    assert skip_counts(corpus.report) == {"empty text": 1, "duplicate id": 1, "duplicate text within outlet": 1,
                                          "missing required field: outlet": 1}


def test_same_text_in_another_outlet_is_kept():
    ids = [a.id for a in load_corpus(CSV)]
    assert "a5" in ids  # same text as a1, but Other Post


def test_csv_notes_dates_and_outlets():
    corpus = load_corpus(CSV)
    assert notes_about(corpus, "outlet missing, taken from the url's host: 1 (a6)")
    assert notes_about(corpus, "implausible date (before 1800 or after today; kept as given): 1 (a8 (2050-01-01))")
    assert notes_about(corpus, "no date: 1 (a9)")
    assert notes_about(corpus, "unreadable date: 1 (a10: unreadable date 'soon'")
    by_id = {a.id: a for a in corpus}
    assert by_id["a6"].outlet == "wire.example.org"
    assert (by_id["a2"].date, by_id["a2"].date_precision) == ("2019-03", "month")
    assert (by_id["a5"].date, by_id["a5"].date_precision) == ("2019-03-18", "day")
    assert (by_id["a10"].date, by_id["a10"].date_precision) == (None, "unknown")


def test_csv_without_text_column_lists_its_columns(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("headline,paper,when\nTalks,Daily,2019\n", encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        load_corpus(path)
    message = str(error.value)
    assert "no text column" in message and "the columns are: headline, paper, when" in message
    assert "text_column=" in message and "\n" not in message


def test_explicit_mapping_wins_and_unknown_column_is_an_error(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("story_text,paper,when,headline,text\n"
                    "The talks resumed on Monday in Geneva.,Daily,18 March 2019,Talks,not the article\n", encoding="utf-8")
    corpus = load_corpus(path, text_column="story_text", outlet_column="paper", date_column="when")
    article = corpus.articles[0]
    assert (article.body, article.outlet, article.date) == ("The talks resumed on Monday in Geneva.", "Daily", "2019-03-18")
    assert article.meta == {"text": "not the article"}
    with pytest.raises(CorpusError, match=r"column 'paper_name' \(given for the outlet\) does not exist; "
                                          r"the columns are: story_text, paper, when, headline, text"):
        load_corpus(path, outlet_column="paper_name")


def test_csv_in_cp1252_is_noted(tmp_path):
    path = tmp_path / "win.csv"
    path.write_bytes('text,outlet\n"\u201cNo deal,\u201d he said.",Old Site\n'.encode("cp1252"))
    corpus = load_corpus(path)
    assert corpus.articles[0].body == "\u201cNo deal,\u201d he said."
    assert notes_about(corpus, "not UTF-8, decoded as cp1252: 1 (win.csv row 1)")


def test_csv_mixing_utf8_and_cp1252_rows_decodes_each_row_on_its_own(tmp_path):
    """Issue 10: the whole file was decoded as cp1252, turning the UTF-8 rows into mojibake."""
    path = tmp_path / "mixed.csv"
    path.write_bytes("outlet,text\nA,Caf\u00e9 owners said \u2014 today.\n".encode("utf-8")
                     + "B,Caf\u00e9 owners said \u2014 yesterday.\n".encode("cp1252")
                     + "C,Na\u00efve \u201cquotes\u201d here.\n".encode("utf-8"))
    corpus = load_corpus(path)
    assert [a.body for a in corpus] == ["Caf\u00e9 owners said \u2014 today.", "Caf\u00e9 owners said \u2014 yesterday.",
                                        "Na\u00efve \u201cquotes\u201d here."]
    assert notes_about(corpus, "not UTF-8, decoded as cp1252") == ["not UTF-8, decoded as cp1252: 1 (mixed.csv row 2)"]


def test_tsv_and_header_only_csv(tmp_path):
    tsv = tmp_path / "a.tsv"
    tsv.write_text("text\toutlet\nThe talks resumed.\tDaily\n", encoding="utf-8")
    assert load_corpus(tsv).articles[0].outlet == "Daily"
    empty = tmp_path / "empty.csv"
    empty.write_text("text,outlet\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no articles found"):
        load_corpus(empty)


# --- JSON lines, gzipped JSON lines, JSON arrays -------------------------------------------------
def test_jsonl_aliases_cleaning_and_line_numbers():
    corpus = load_corpus(JSONL)
    assert_balanced(corpus)
    assert [a.id for a in corpus] == ["j1", "j2", "j4"]
    assert corpus.report.skipped[0].source == "articles.jsonl:4"  # the blank line 3 is not an item
    j4 = corpus.articles[2]
    assert j4.outlet == "Wire Example" and j4.meta == {"topic": "opinion"}
    assert j4.body == ("Opinion: a first step\n"
                       "Reopening the crossing is a first step, but only a first step, writes our columnist.")
    assert [seg.reason for seg in j4.removed] == ["navigation", "subscription"]
    assert corpus.articles[0].date == "2019-03-18"


def test_jsonl_gz_streams_the_same_articles(tmp_path):
    path = tmp_path / "articles.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(JSONL.read_bytes())
    plain, packed = load_corpus(JSONL), load_corpus(path)
    assert [(a.id, a.body) for a in packed] == [(a.id, a.body) for a in plain]
    assert packed.report.skipped[0].source == "articles.jsonl.gz:4"


def test_malformed_json_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine", "outlet": "A"}\n{"text": "broken, "outlet": "A"}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad\.jsonl:2: malformed JSON line .*fix or delete that line"):
        load_corpus(path)


def test_json_line_that_is_not_an_object(tmp_path):
    path = tmp_path / "list.jsonl"
    path.write_text('["text", "outlet"]\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"list\.jsonl:1: expected one JSON object per line, got list"):
        load_corpus(path)


def test_json_array_file(tmp_path):
    path = tmp_path / "articles.json"
    path.write_text(json.dumps([{"content": "The talks resumed.", "publisher": "Daily", "published": "2019-03"}]), encoding="utf-8")
    article = load_corpus(path).articles[0]
    assert (article.body, article.outlet, article.date_precision, article.id) == ("The talks resumed.", "Daily", "month", "articles-0")


def test_jsonl_line_in_cp1252_is_decoded_and_noted(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "plain", "outlet": "A"}\n' + '{"text": "caf\u00e9 \u2013 bar", "outlet": "A"}\n'.encode("cp1252"))
    corpus = load_corpus(path)
    assert corpus.articles[1].body == "caf\u00e9 \u2013 bar"
    assert notes_about(corpus, "not UTF-8, decoded as cp1252: 1 (mixed.jsonl:2)")


def test_lone_surrogates_are_skipped_as_undecodable(tmp_path):
    path = tmp_path / "surrogate.jsonl"
    path.write_text('{"text": "bad \\ud800 text", "outlet": "A"}\n{"text": "good text", "outlet": "A"}\n', encoding="utf-8")
    corpus = load_corpus(path)
    assert_balanced(corpus)
    assert [s.reason.split(" (")[0] for s in corpus.report.skipped] == ["undecodable bytes"]


# --- Parquet ----------------------------------------------------------------------------------
def test_parquet_with_timestamps_and_missing_values(tmp_path):
    frame = pd.read_csv(CSV, dtype=str, keep_default_na=False).replace("", None)
    frame["published"] = pd.to_datetime(frame["published"], errors="coerce", format="%Y-%m-%d")
    frame["words"] = range(len(frame))
    path = tmp_path / "articles.parquet"
    frame.to_parquet(path)
    corpus = load_corpus(path)
    assert_balanced(corpus)
    assert corpus.report.seen == 11
    by_id = {a.id: a for a in corpus}
    assert (by_id["a1"].date, by_id["a1"].date_precision) == ("2019-03-18", "day")
    assert by_id["a9"].date is None
    assert by_id["a1"].meta["words"] == 0 and by_id["a9"].meta["event_id"] is None


def test_not_a_parquet_file(tmp_path):
    path = tmp_path / "fake.parquet"
    path.write_text("not parquet", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"fake\.parquet: cannot read as Parquet"):
        load_corpus(path)


# --- saved HTML pages -------------------------------------------------------------------------
def test_html_page_keeps_the_article_and_drops_nav_and_comments():
    corpus = load_corpus(CORPUS_FIXTURES / "page.html")
    [article] = corpus.articles
    assert (article.outlet, article.title, article.date) == (
        "The Example Herald", "Ministers agree to reopen the border crossing", "2019-03-18")
    assert article.url == "https://herald.example.org/world/border-crossing-reopens"
    assert "agreed on Monday to reopen the main border crossing" in article.body
    assert article.body.endswith("according to a joint statement released late on Monday evening.")
    for furniture in ("Skip to main content", "Sport", "newsletter", "Subscribe", "commenter", "All rights reserved"):
        assert furniture not in article.body


def test_folder_of_html_pages():
    corpus = load_corpus(CORPUS_FIXTURES / "html_pages")
    assert [(a.id, a.outlet) for a in corpus] == [("border", "The Example Herald"), ("walkout", "Other Post")]


# --- bad paths and forms ----------------------------------------------------------------------
def test_missing_path():
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus(CORPUS_FIXTURES / "nowhere")


def test_directory_with_no_articles(tmp_path):
    (tmp_path / "notes.csv.bak").write_text("x", encoding="utf-8")
    with pytest.raises(CorpusError, match="no articles found: expected a manifest.csv"):
        load_corpus(tmp_path)


def test_directory_of_text_files_without_manifest(tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    with pytest.raises(CorpusError, match="1 text files but no manifest.csv; add one with the columns file,outlet"):
        load_corpus(tmp_path)


def test_unknown_suffix_and_format(tmp_path):
    path = tmp_path / "articles.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(CorpusError, match="cannot tell the corpus form"):
        load_corpus(path)
    with pytest.raises(SettingsError, match="format 'excel' is not known"):
        load_corpus(path, format="excel")


def test_explicit_format_reads_an_unusual_name(tmp_path):
    path = tmp_path / "export.dat"
    path.write_text('{"text": "The talks resumed.", "outlet": "Daily"}\n', encoding="utf-8")
    assert load_corpus(path, format="jsonl").articles[0].outlet == "Daily"


def test_report_lines_summarise():
    lines = report_lines(load_corpus(CSV).report)
    assert lines[0] == "seen 11, loaded 7, skipped 4"
    assert "  skipped (duplicate id): 1" in lines
    assert any(line.startswith("  note: no date") for line in lines)


# --- the articles table -------------------------------------------------------------------------
def test_corpus_frame_columns(demo_corpus):
    frame = corpus_frame(demo_corpus)
    assert list(frame.columns[:10]) == ["article_id", "outlet", "title", "date", "date_precision", "url",
                                        "n_words", "n_sentences", "body", "event_id"]
    assert {"file", "domain"} <= set(frame.columns)
    row = frame.set_index("article_id").loc["004_086f720024fdf840"]
    assert row["n_words"] > 350 and row["n_sentences"] > 15
    assert row["event_id"] is None
    assert frame["n_words"].dtype == "int64"


def test_corpus_frame_event_ids_meta_and_clashing_names(tmp_path):
    frame = corpus_frame(load_corpus(CSV)).set_index("article_id")
    assert frame.loc["a1", "event_id"] == "geneva-talks" and frame.loc["a6", "event_id"] is None
    assert frame.loc["a5", "leaning"] == "left"
    assert frame.loc["a1", "n_words"] == 15 and frame.loc["a1", "n_sentences"] == 1
    path = tmp_path / "clash.csv"
    path.write_text("text,outlet,n_words,story_id\nThe talks resumed. They ended.,Daily,99,ev-1\n", encoding="utf-8")
    frame = corpus_frame(load_corpus(path))
    assert frame.loc[0, "meta_n_words"] == "99" and frame.loc[0, "n_words"] == 5 and frame.loc[0, "n_sentences"] == 2
    assert frame.loc[0, "event_id"] == "ev-1"


def test_corpus_frame_takes_given_counts_and_shares_the_bodies(demo_corpus):
    counted = corpus_frame(demo_corpus)
    given = corpus_frame(demo_corpus, n_words=[7] * 5, n_sentences=counted["n_sentences"].tolist())
    assert given["n_words"].tolist() == [7] * 5 and given["n_sentences"].equals(counted["n_sentences"])
    assert all(body is a.body for body, a in zip(given["body"], demo_corpus.articles))  # no copy of the text
    with pytest.raises(SettingsError, match="n_sentences: 2 counts for 5 articles"):
        corpus_frame(demo_corpus, n_sentences=[1, 2])


def test_corpus_frame_of_nothing():
    frame = corpus_frame([])
    assert len(frame) == 0 and list(frame.columns[:3]) == ["article_id", "outlet", "title"]


# --- dates --------------------------------------------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    ("2019", ("2019", "year")),
    ("2019-03", ("2019-03", "month")),
    ("2019-03-18", ("2019-03-18", "day")),
    ("2019-03-18T23:30:00-05:00", ("2019-03-18", "day")),
    ("2019-03-18 10:00:00", ("2019-03-18", "day")),
    ("March 18, 2019", ("2019-03-18", "day")),
    ("Mar. 18, 2019", ("2019-03-18", "day")),
    ("Monday, March 18, 2019", ("2019-03-18", "day")),
    ("18 March 2019", ("2019-03-18", "day")),
    ("1st of May 2020", ("2020-05-01", "day")),
    ("Sept 5th, 2020 at 10:31 am", ("2020-09-05", "day")),
    ("March 2019", ("2019-03", "month")),
    ("2019/03/18", ("2019-03-18", "day")),
    ("2019/03", ("2019-03", "month")),
    ("18.03.2019", ("2019-03-18", "day")),
    ("03/18/2019", ("2019-03-18", "day")),
    ("20190318", ("2019-03-18", "day")),
    ("Mon, 18 Mar 2019 10:00:00 +0000", ("2019-03-18", "day")),
    (2019, ("2019", "year")),
    (pd.Timestamp("2019-03-18 10:00"), ("2019-03-18", "day")),
    (dt.date(2019, 3, 1), ("2019-03-01", "day")),
    (None, (None, "unknown")),
    (float("nan"), (None, "unknown")),
    (pd.NaT, (None, "unknown")),
    ("", (None, "unknown")),
])
def test_parse_date(value, expected):
    parsed = parse_date(value)
    assert (parsed.value, parsed.precision) == expected and parsed.problem is None


@pytest.mark.parametrize("value, expected, problem", [
    ("03/04/2019", ("2019", "year"), "ambiguous date"),
    ("2019-02-30", (None, "unknown"), "impossible date"),
    ("next Tuesday", (None, "unknown"), "unreadable date"),
    (12.5, (None, "unknown"), "unreadable date"),
])
def test_parse_date_problems_never_invent_a_day(value, expected, problem):
    parsed = parse_date(value)
    assert (parsed.value, parsed.precision) == expected and parsed.problem.startswith(problem)


def test_implausible_dates():
    today = dt.date(2020, 6, 15)
    assert is_implausible("1750", today=today) and is_implausible("2050-01-01", today=today)
    assert is_implausible("2020-07", today=today) and not is_implausible("2020-06", today=today)
    assert not is_implausible("2020", today=today) and not is_implausible(None, today=today)


@pytest.mark.parametrize("text, expected", [
    ("The U.S. Army said so. Mr. Smith left.", 2),
    ("Talks resume\n\nThe talks resumed on Monday. “We are ready,” he said. Were they?", 4),
    ("J. Doe met Gen. Baqeri on Jan. 5. Nothing came of it.", 2),
    ("", 0),
])
def test_estimate_sentences(text, expected):
    assert estimate_sentences(text) == expected


def test_fast_frame_estimates_sentences_close_to_punkt(demo_corpus):
    exact = corpus_frame(demo_corpus)["n_sentences"]
    fast = corpus_frame(demo_corpus, exact_sentences=False)["n_sentences"]
    assert fast.dtype == "int64"
    assert ((fast - exact).abs() <= 0.15 * exact).all(), list(zip(exact, fast))


def test_jsonl_columns_are_the_keys_of_the_first_objects(tmp_path):
    path = tmp_path / "late.jsonl"
    path.write_text('{"text": "The talks resumed.", "outlet": "A"}\n'
                    '{"text": "The talks ended.", "outlet": "A", "headline": "Talks end"}\n', encoding="utf-8")
    assert [a.title for a in load_corpus(path)] == ["", "Talks end"]


def test_empty_jsonl_file(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"empty\.jsonl: no articles found \(the file is empty\)"):
        load_corpus(path)


def test_csv_with_an_article_longer_than_the_csv_module_default(tmp_path):
    path = tmp_path / "long.csv"
    long_text = "The talks resumed. " * 10_000  # 190,000 characters
    pd.DataFrame({"text": [long_text], "outlet": ["Daily"]}).to_csv(path, index=False)
    assert load_corpus(path).articles[0].body == long_text.strip()


def test_malformed_csv_names_the_row(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text('text,outlet\n"The talks resumed.",Daily\n"An unclosed quote swallows the rest,Daily\n'
                    '"The talks ended.",Daily\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad\.csv: malformed CSV in the row after data row 1 \(.*\); "
                                          r"check the quoting of that row"):
        load_corpus(path)


def test_keep_raw_false_holds_each_text_once():
    full, lean = load_corpus(DEMO_CORPUS), load_corpus(DEMO_CORPUS, keep_raw=False)
    assert lean.report.loaded == full.report.loaded == 5
    for kept, article in zip(lean.articles, full.articles):
        assert kept.body == article.body and kept.raw_text is kept.body and kept.removed == ()
        assert (kept.id, kept.outlet, kept.title, kept.date, dict(kept.meta)) == \
            (article.id, article.outlet, article.title, article.date, dict(article.meta))
    assert any(a.removed for a in full.articles)  # the seeds do carry page furniture
