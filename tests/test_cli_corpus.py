"""`framing load` and `framing clean`, driven through framing.cli.main."""
import csv
import io
import json

import pytest
from conftest import DEMO_CORPUS, FIXTURES

from framing.cli import main

CSV = FIXTURES / "corpus" / "articles.csv"
SEED_004 = DEMO_CORPUS / "004_086f720024fdf840.txt"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_load_prints_one_line_per_article_then_the_report(capsys):
    code, out, _ = run(capsys, "load", str(DEMO_CORPUS))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["article_id", "outlet", "date", "raw_words", "body_words", "removed_segments"]
    southfront = next(line for line in lines if line.startswith("002_63e0d81dc0e8eb47"))
    assert southfront.split()[-4:] == ["2018-02", "786", "483", "4"]
    undated = next(line for line in lines if line.startswith("003_"))
    assert " - " in undated
    assert "seen 5, loaded 5, skipped 0" in lines
    assert "  note: no date: 1 (003_bc9b85600cbacf8f)" in lines


def test_load_table_lists_skipped_items(capsys):
    _, out, _ = run(capsys, "load", str(CSV))
    assert "seen 11, loaded 7, skipped 4" in out
    assert "  skipped: articles.csv row 4 [a1]: duplicate id" in out
    assert "  skipped (missing required field: outlet): 1" in out


def test_load_csv_output_is_machine_readable(capsys):
    code, out, err = run(capsys, "load", str(CSV), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["article_id"] for r in rows] == ["a1", "a2", "a5", "a6", "a8", "a9", "a10"]
    assert rows[0] == {"article_id": "a1", "outlet": "Daily Example", "date": "2019-03-18",
                       "raw_words": "15", "body_words": "15", "removed_segments": "0"}
    assert err.startswith("seen 11, loaded 7, skipped 4")


def test_load_json_output(capsys):
    _, out, _ = run(capsys, "load", str(DEMO_CORPUS), "--format", "json")
    data = json.loads(out)
    assert len(data["articles"]) == 5 and data["report"]["seen"] == 5 and data["report"]["loaded"] == 5
    seed = next(a for a in data["articles"] if a["article_id"] == "004_086f720024fdf840")
    assert seed == {"article_id": "004_086f720024fdf840", "outlet": "The Jerusalem Post", "date": "2019-03-18",
                    "raw_words": 462, "body_words": 397, "removed_segments": 2}
    assert data["report"]["notes"] == ["no date: 1 (003_bc9b85600cbacf8f)"]


def test_load_mapping_options_and_no_clean(capsys, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('story,paper\n"Skip to content\nThe talks resumed on Monday.",Daily\n', encoding="utf-8")
    _, out, _ = run(capsys, "load", str(path), "--text-column", "story", "--outlet-column", "paper", "--format", "json")
    assert json.loads(out)["articles"][0]["removed_segments"] == 1
    _, out, _ = run(capsys, "load", str(path), "--text-column", "story", "--outlet-column", "paper",
                    "--format", "json", "--no-clean")
    assert json.loads(out)["articles"][0]["removed_segments"] == 0


def test_load_errors_are_one_clean_line(capsys):
    code, out, err = run(capsys, "load", str(CSV), "--outlet-column", "paper")
    assert code == 2 and out == ""
    assert err == ("framing: error: " + str(CSV) + ": column 'paper' (given for the outlet) does not exist; "
                   "the columns are: id, headline, content, publisher, published, link, event_id, leaning\n")
    code, _, err = run(capsys, "load", str(FIXTURES / "corpus" / "nowhere"))
    assert code == 2 and err.count("\n") == 1 and "no such file or folder" in err


def test_clean_prints_the_body(capsys):
    code, out, _ = run(capsys, "clean", str(SEED_004))
    assert code == 0
    assert out.startswith("Iraq-Syria-Iran hold 'tripartite' meeting against U.S. in Syria\n")
    assert out.rstrip().endswith("It also wants to pressure Iraq to call for US troops to leave Iraq.")
    assert "--- removed" not in out


def test_clean_show_removed_lists_each_segment_with_its_reason(capsys):
    _, out, _ = run(capsys, "clean", str(DEMO_CORPUS / "002_63e0d81dc0e8eb47.txt"), "--show-removed")
    body, removed = out.split("\n--- removed: ")
    assert "Consider helping us" not in body and "Trump´s day" not in body
    assert removed.startswith("4 segments\n")
    assert "[donation] characters 0-" in removed and "    2,500 $" in removed
    assert "[duplicate-headline]" in removed and "[comments]" in removed and "They made Trump´s day." in removed


def test_clean_html_page(capsys):
    _, out, _ = run(capsys, "clean", str(FIXTURES / "corpus" / "page.html"))
    assert out.startswith("Ministers agree to reopen the border crossing\n")
    assert "commenter" not in out


def test_clean_missing_file(capsys):
    code, _, err = run(capsys, "clean", "no/such/file.txt")
    assert code == 2 and "no/such/file.txt: no such file" in err


def test_commands_are_documented(capsys):
    with pytest.raises(SystemExit):
        main(["load", "--help"])
    out, _ = capsys.readouterr()
    for option in ("--format", "--text-column", "--outlet-column", "--date-column", "--input-format", "--no-clean"):
        assert option in out
    with pytest.raises(SystemExit):
        main(["clean", "--help"])
    assert "--show-removed" in capsys.readouterr().out
