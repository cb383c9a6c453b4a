"""Outlet metadata joined onto the articles (framing.corpus.outlets) and `--outlets FILE`."""
import pandas as pd
import pytest
from conftest import FIXTURES

from framing.cli import main
from framing.corpus.load import load_corpus
from framing.corpus.outlets import join_outlet_table, normalise_name, read_outlet_table
from framing.errors import CorpusError, SettingsError
from framing.measure.tables import corpus_frame

SIDES = FIXTURES / "sides"


@pytest.fixture(scope="module")
def sides_articles():
    return corpus_frame(load_corpus(SIDES / "articles.jsonl"), exact_sentences=False)


def write(tmp_path, text, name="outlets.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_outlet_of_the_fixture_gets_its_row(sides_articles):
    table = read_outlet_table(SIDES / "outlets.csv")
    assert table.columns == ["leaning", "country"] and len(table.rows) == 60 and table.notes == ()
    join = join_outlet_table(sides_articles, table)
    assert join.matched == 60 and join.unknown == () and join.missing == ()
    joined = join.articles
    assert len(joined) == len(sides_articles) and list(joined.columns[-2:]) == ["leaning", "country"]
    # the table's leaning agrees with the corpus's own allsides_side on every article
    assert (joined["leaning"] == joined["allsides_side"]).all()
    assert set(joined["country"]) == {"US", "UK", "CA"}


def test_names_read_visibly_and_unmatched_outlets_reported(tmp_path):
    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                             "outlet": ["Fox News", "The Guardian", "The Guardian", "Reuters"]})
    path = write(tmp_path, "Outlet,leaning\n  fox news ,right\nThe  Guardian,left\nNowhere Times,left\n")
    table = read_outlet_table(path)
    assert list(table.rows["outlet"]) == ["fox news", "The Guardian", "Nowhere Times"]
    assert any("'  fox news ' read as 'fox news'" in n for n in table.notes)
    join = join_outlet_table(articles, table)
    assert list(join.articles["leaning"]) == ["right", "left", "left", None]
    assert join.unknown == ("Nowhere Times",) and join.missing == ("Reuters",)
    lines = "\n".join(join.report_lines())
    assert "2 outlets of the corpus matched" in lines
    assert "1 outlet of the table not in the corpus (ignored): 'Nowhere Times'" in lines
    assert "'Reuters'" in lines and "no group" in lines
    assert "matched the corpus's 'Fox News' (case ignored)" in lines
    assert normalise_name(" a\u00a0 b ") == "a b"


def test_bad_tables_are_refused_with_file_and_line(tmp_path):
    with pytest.raises(CorpusError, match=r"outlets.csv:3: outlet 'bbc' is already on line 2 \(as 'BBC'\)"):
        read_outlet_table(write(tmp_path, "outlet,leaning\nBBC,center\nbbc ,left\n"))
    with pytest.raises(CorpusError, match="no 'outlet' column; its columns are: name, leaning"):
        read_outlet_table(write(tmp_path, "name,leaning\nBBC,center\n"))
    with pytest.raises(CorpusError, match=r"outlets.csv:3: empty outlet name"):
        read_outlet_table(write(tmp_path, "outlet,leaning\nBBC,center\n,left\n"))
    with pytest.raises(CorpusError, match="only an outlet column"):
        read_outlet_table(write(tmp_path, "outlet\nBBC\n"))
    with pytest.raises(CorpusError, match="no such outlet table"):
        read_outlet_table(tmp_path / "missing.csv")
    table = read_outlet_table(write(tmp_path, "outlet,title\nBBC,x\n"))
    with pytest.raises(SettingsError, match="column 'title' is already a column of the corpus"):
        join_outlet_table(pd.DataFrame({"article_id": ["a"], "outlet": ["BBC"], "title": ["t"]}), table)


def test_digest_changes_with_the_content(tmp_path):
    one = read_outlet_table(write(tmp_path, "outlet,leaning\nBBC,center\n", "a.csv"))
    two = read_outlet_table(write(tmp_path, "outlet,leaning\nBBC,left\n", "b.csv"))
    assert one.digest != two.digest and len(one.digest) == 64


def test_cli_groups_by_a_column_of_the_outlet_table(capsys):
    code = main(["score", str(SIDES / "articles.jsonl"), "--outlets", str(SIDES / "outlets.csv"), "--by", "country",
                 "--frame", "threat", "--boot", "50", "--format", "csv"])
    out, err = capsys.readouterr()
    assert code == 0
    table = pd.read_csv(pd.io.common.StringIO(out))
    assert set(table["country"]) == {"US", "UK", "CA"}
    assert "framing: outlet table: 60 outlets of the corpus matched" in err


def test_cli_refuses_a_bad_outlet_table(tmp_path, capsys):
    bad = write(tmp_path, "outlet,leaning\nA,left\nA,right\n")
    code = main(["terms", str(SIDES / "articles.jsonl"), "--outlets", str(bad), "--by", "leaning"])
    assert code == 2
    assert "outlets.csv:3: outlet 'A' is already on line 2" in capsys.readouterr().err
