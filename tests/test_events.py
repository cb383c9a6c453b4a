import pandas as pd
import pytest

from framing.compare import events
from framing.compare.coverage import compare_events, event_coverage, shared_events
from framing.compare.events import average_linkage, group_events, with_events
from framing.compare.opinion import opinion_flags
from framing.errors import CorpusError, SettingsError
from framing.measure.tables import corpus_frame
from framing.settings import EventSettings

QUAKE_A = ("Earthquake of magnitude 6.1 shakes Kalamata",
           "A strong earthquake of magnitude 6.1 struck near the Greek port city of Kalamata on "
           "Tuesday morning, damaging old buildings and injuring at least twelve people, the fire "
           "service said.")
QUAKE_B = ("Kalamata quake injures twelve",
           "At least twelve people were hurt when a magnitude 6.1 earthquake hit Kalamata in "
           "southern Greece on Tuesday, officials said, as rescuers searched damaged buildings.")
RATES = ("Central bank raises interest rates by half a point",
         "The central bank raised its main interest rate by half a percentage point on Tuesday, "
         "its largest increase in two decades, to fight inflation.")
FERRY = ("Ferry strike strands tourists in Piraeus",
         "Thousands of tourists were stranded in Piraeus on Tuesday as ferry crews walked out over "
         "pay, the seamen's union said.")


def table(rows):
    """An articles table from (article_id, outlet, (title, body), date[, precision])."""
    records = []
    for row in rows:
        article_id, outlet, (title, body), date = row[:4]
        precision = row[4] if len(row) > 4 else ("day" if date else "unknown")
        records.append(dict(article_id=article_id, outlet=outlet, title=title, body=body,
                            date=date, date_precision=precision))
    return pd.DataFrame(records)


def groups_of(result):
    """The grouping as a set of frozensets of article ids (ids themselves aside)."""
    return {frozenset(part["article_id"]) for _, part in result.groupby("event_id")}


# ----------------------------------------------------------------------------- demo corpus
def test_demo_corpus_groups_the_damascus_meeting(demo_corpus):
    articles = corpus_frame(demo_corpus)
    result = group_events(articles).set_index("article_id")
    meeting = result.loc["000_b7b8b75330a77be9"]
    assert result.loc["004_086f720024fdf840", "event_id"] == meeting["event_id"], \
        "the two reports of the 18 March 2019 Damascus meeting must form one event"
    others = ["001_3e248339b541efbb", "002_63e0d81dc0e8eb47", "003_bc9b85600cbacf8f"]
    assert meeting["event_id"] not in set(result.loc[others, "event_id"])
    assert result.loc[others, "event_id"].nunique() == 3
    # ids follow the earliest date: 2018-02, 2018-05, the March 2019 meeting, then the undated one
    assert result["event_id"].to_dict() == {
        "000_b7b8b75330a77be9": "E0003", "001_3e248339b541efbb": "E0002",
        "002_63e0d81dc0e8eb47": "E0001", "003_bc9b85600cbacf8f": "E0004",
        "004_086f720024fdf840": "E0003"}
    assert (meeting["event_start"], meeting["event_end"], meeting["event_size"]) == ("2019-03-01", "2019-03-31", 2)
    assert meeting["cohesion"] >= EventSettings().threshold
    assert set(result["event_source"]) == {"grouped"}


def test_demo_coverage_and_shared_events(demo_corpus):
    articles = with_events(corpus_frame(demo_corpus))
    coverage = event_coverage(articles)
    assert list(coverage.columns) == ["event_id", "outlet", "n_articles"]
    assert coverage[coverage["event_id"] == "E0003"]["outlet"].tolist() == ["The Crystal Eyes", "The Jerusalem Post"]
    assert shared_events(coverage, ["The Crystal Eyes", "The Jerusalem Post"]) == ["E0003"]
    assert shared_events(coverage, ["The Crystal Eyes", "SouthFront"]) == []


# ----------------------------------------------------------------------------- grouping rules
def test_threshold_decides_what_counts_as_one_event():
    articles = table([("a", "Kathimerini", QUAKE_A, "2021-05-11"), ("b", "Reuters", QUAKE_B, "2021-05-11"),
                      ("c", "Reuters", RATES, "2021-05-11"), ("d", "AP", FERRY, "2021-05-11")])
    assert groups_of(group_events(articles)) == {frozenset("ab"), frozenset("c"), frozenset("d")}
    strict = group_events(articles, EventSettings(threshold=0.9))
    assert strict["event_id"].nunique() == 4 and strict["cohesion"].isna().all()
    with pytest.raises(SettingsError, match="threshold"):
        group_events(articles, EventSettings(threshold=0))


def test_a_headline_matches_the_other_lead():
    # the titles share no word, nor do the leads: only title x lead matches can link them
    rows = [("a", "Kathimerini", ("Aukus pact angers Paris",
                                  "France recalled its ambassadors after Australia scrapped a submarine order."),
             "2021-09-17"),
            ("b", "Reuters", ("France recalls ambassadors over submarines",
                              "Paris reacted furiously to the Aukus pact, calling it a stab in the back."),
             "2021-09-17"),
            ("c", "AP", RATES, "2021-09-17")]
    X = events.article_vectors(table(rows))
    similarity = (X @ X.T).toarray()
    assert similarity[0, 1] > 0.3 > similarity[0, 2]
    assert groups_of(group_events(table(rows))) == {frozenset("ab"), frozenset("c")}


def test_date_window_and_decay():
    later = [("a", "Kathimerini", QUAKE_A, "2021-05-11"), ("b", "Reuters", QUAKE_B, "2021-05-21")]
    assert groups_of(group_events(table(later))) == {frozenset("a"), frozenset("b")}
    assert groups_of(group_events(table(later), EventSettings(window_days=30, day_decay=1.0))) == {frozenset("ab")}
    next_day = [("a", "Kathimerini", QUAKE_A, "2021-05-11"), ("b", "Reuters", QUAKE_B, "2021-05-12")]
    assert groups_of(group_events(table(next_day), EventSettings(day_decay=1.0))) == {frozenset("ab")}
    # each is alone on its day (a lone report): the decay does not apply, unless lone_ratio=None
    assert groups_of(group_events(table(next_day), EventSettings(day_decay=0.01))) == {frozenset("ab")}
    assert groups_of(group_events(table(next_day), EventSettings(day_decay=0.01, lone_ratio=None))) == \
        {frozenset("a"), frozenset("b")}
    with pytest.raises(SettingsError, match="lone_ratio"):
        EventSettings(lone_ratio=0)


AFTERSHOCK_A = ("Strong aftershock hits Kalamata as quake survivors sleep in tents",
                "A magnitude 5.2 aftershock rattled Kalamata on Thursday, two days after the earthquake, "
                "sending survivors of the quake who had spent the night in tents into the streets, "
                "the fire service said; no new injuries were reported.")
AFTERSHOCK_B = ("Kalamata aftershock sends quake survivors into the streets",
                "Survivors of Tuesday's earthquake in Kalamata ran into the streets on Thursday when a "
                "magnitude 5.2 aftershock struck, officials said, after a night spent in tents.")


def test_a_report_two_days_later_joins_its_event():
    # issue "multi-day coverage": one event reported two days apart groups; different stories of
    # the same day do not
    rows = [("a", "Kathimerini", QUAKE_A, "2021-05-11"), ("c", "Reuters", RATES, "2021-05-11"),
            ("d", "AP", FERRY, "2021-05-11"), ("b", "Reuters", QUAKE_B, "2021-05-13")]
    result = group_events(table(rows))
    assert groups_of(result) == {frozenset("ab"), frozenset("c"), frozenset("d")}
    quake = result.set_index("article_id").loc["b"]
    assert (quake["event_start"], quake["event_end"]) == ("2021-05-11", "2021-05-13")
    # the old rule (decay 0.4 a day for every pair) broke it
    assert groups_of(group_events(table(rows), EventSettings(lone_ratio=None))) == \
        {frozenset("a"), frozenset("b"), frozenset("c"), frozenset("d")}


def test_a_later_development_reported_by_several_outlets_stays_apart():
    # the aftershock two days later is reported by two outlets: each has a close same-day match,
    # so the quake and the aftershock stay two events
    rows = [("a", "Kathimerini", QUAKE_A, "2021-05-11"), ("b", "Reuters", QUAKE_B, "2021-05-11"),
            ("e", "Kathimerini", AFTERSHOCK_A, "2021-05-13"), ("f", "Reuters", AFTERSHOCK_B, "2021-05-13")]
    assert groups_of(group_events(table(rows))) == {frozenset("ab"), frozenset("ef")}
    # a single aftershock report is a lone report and would join the quake
    assert groups_of(group_events(table(rows[:3]))) == {frozenset("abe")}


def test_opinion_flags():
    articles = pd.DataFrame({
        "title": ["Kalamata quake injures twelve", "OPINION: Greece must build safer", "Why we rebuild | Opinion",
                  "Rescuers search rubble", "Quake lessons"],
        "url": ["https://news.example/2021/05/11/quake", "https://news.example/q", "https://news.example/r",
                "https://paper.example/opinion/2021/05/12/rubble", "https://paper.example/world/quake"],
        "body": ["At least twelve people...", "...", "...", "...", "ANALYSIS/OPINION: The quake showed..."],
        "outlet": ["Reuters", "Guest writer", "The Paper", "The Paper", "Daily"]})
    assert opinion_flags(articles).tolist() == [False, True, True, True, True]
    assert opinion_flags(articles[["title"]]).tolist() == [False, True, True, False, False]


def test_partial_dates_are_intervals():
    rows = [("a", "Kathimerini", QUAKE_A, "2021-05-11", "day"),
            ("b", "Reuters", QUAKE_B, "2021-05", "month"),      # May overlaps 11 May
            ("c", "AP", QUAKE_B, "2021-03", "month"),           # March ends 41 days before
            ("d", "AFP", QUAKE_A, "2020", "year")]              # the year before
    result = group_events(table(rows))
    assert groups_of(result) == {frozenset("ab"), frozenset("c"), frozenset("d")}
    # adjacent months are one day apart: the same report dated April and May links (0.4 x its
    # similarity 1.0); a, the same quake on 11 May, then joins them too: with b linked and c
    # (11 days away) counting 0, its mean similarity to {b, c} is still above the threshold
    rows[2] = ("c", "AP", QUAKE_B, "2021-04", "month")
    assert groups_of(group_events(table(rows))) == {frozenset("abc"), frozenset("d")}
    # with a milder decay b-c (0.5) is the best pair; a stricter threshold then keeps a apart
    strict = group_events(table(rows), EventSettings(threshold=0.3, day_decay=0.5))
    assert groups_of(strict) == {frozenset("a"), frozenset("bc"), frozenset("d")}
    ab = result.set_index("article_id").loc["a"]
    assert (ab["event_start"], ab["event_end"]) == ("2021-05-01", "2021-05-31")


def test_undated_articles_join_only_near_duplicates():
    copy = (QUAKE_A[0], QUAKE_A[1] + " More follows.")
    rows = [("a", "Kathimerini", QUAKE_A, "2021-05-11"), ("b", "Wire copy", copy, None),
            ("c", "Reuters", QUAKE_B, None)]
    assert groups_of(group_events(table(rows))) == {frozenset("ab"), frozenset("c")}
    # two issues of a newsletter: the same standard opening, different subjects
    opening = ("Both sides of the news in one short email every weekday morning, with the best "
               "arguments from the left and from the right. Forward it to a friend.")
    issues = [("n1", "Newsletter", ("Iran sanctions tightened", opening), None),
              ("n2", "Newsletter", ("Free college for all?", opening), None)]
    assert groups_of(group_events(table(rows + issues))) == {frozenset("ab"), frozenset(["c"]),
                                                             frozenset(["n1"]), frozenset(["n2"])}
    alone = group_events(table(rows), EventSettings(unknown_date_threshold=None))
    assert alone["event_id"].nunique() == 3
    assert alone.set_index("article_id").loc["c", "event_id"] == "E0003", "undated events come last"


def test_existing_event_ids_are_kept():
    articles = table([("a", "Kathimerini", QUAKE_A, "2021-05-11"), ("b", "Reuters", QUAKE_B, "2021-05-11"),
                      ("c", "Reuters", RATES, "2021-05-11"), ("d", "AP", FERRY, "2021-05-11")])
    articles["event_id"] = ["E0001", "rates", None, None]
    result = group_events(articles).set_index("article_id")
    assert result.loc[["a", "b"], "event_id"].tolist() == ["E0001", "rates"]
    assert result.loc[["a", "b"], "event_source"].tolist() == ["existing", "existing"]
    assert result.loc[["c", "d"], "event_id"].tolist() == ["E0002", "E0003"], "E0001 is taken"
    regrouped = group_events(articles, EventSettings(use_existing=False))
    assert groups_of(regrouped) == {frozenset("ab"), frozenset("c"), frozenset("d")}
    assert with_events(articles)["event_id"].tolist() == ["E0001", "rates", "E0002", "E0003"]


def test_min_size_leaves_single_articles_without_event():
    articles = table([("a", "Kathimerini", QUAKE_A, "2021-05-11"), ("b", "Reuters", QUAKE_B, "2021-05-11"),
                      ("c", "Reuters", RATES, "2021-05-11")])
    result = group_events(articles, min_size=2).set_index("article_id")
    assert result.loc["a", "event_id"] == result.loc["b", "event_id"] == "E0001"
    assert pd.isna(result.loc["c", "event_id"]) and result.loc["c", "event_size"] == 1


def test_block_products_give_the_same_grouping(monkeypatch):
    rows = [(f"{name}{day}", "Outlet", text, f"2021-05-{day:02d}")
            for day in range(1, 8) for name, text in (("q", QUAKE_A), ("k", QUAKE_B), ("r", RATES))]
    articles = table(rows)
    whole = group_events(articles)
    monkeypatch.setattr(events, "PAIR_BUDGET", 4)
    assert group_events(articles).equals(whole)


def test_average_linkage_does_not_chain():
    # a-b, b-c, c-d strongly similar, nothing else: one chain, two events
    groups, cohesion = average_linkage(4, [0, 1, 2], [1, 2, 3], [0.5, 0.5, 0.5], threshold=0.3)
    assert groups == [[0, 1], [2, 3]] and cohesion == [0.5, 0.5]
    # a triangle holds together; its mean similarity is (0.5 + 0.4 + 0.3) / 3
    groups, cohesion = average_linkage(3, [0, 0, 1], [1, 2, 2], [0.5, 0.4, 0.3], threshold=0.3)
    assert groups == [[0, 1, 2]] and cohesion == [pytest.approx(0.4)]


def test_missing_columns_are_named():
    with pytest.raises(CorpusError, match="'body'"):
        group_events(pd.DataFrame({"article_id": ["a"], "title": ["t"], "date": [None]}))
    with pytest.raises(CorpusError, match="more than once"):
        group_events(table([("a", "X", QUAKE_A, None), ("a", "Y", QUAKE_B, None)]))


# ----------------------------------------------------------------------------- comparison
def test_compare_events_by_hand():
    auto = pd.DataFrame({"article_id": list("abcd"), "event_id": ["E1", "E1", "E2", "E2"]})
    reference = pd.DataFrame({"article_id": list("abcd"), "event_id": ["X", "Y", "Z", "Z"]})
    result = compare_events(auto, reference)
    # contingency: (E1,X)=1 (E1,Y)=1 (E2,Z)=2 -> index 1, expected 2*1/6, max (2+1)/2
    assert result.ari == pytest.approx((1 - 1 / 3) / (1.5 - 1 / 3))
    assert (result.merged, result.split, result.n_events, result.n_reference_events) == (1, 0, 2, 3)
    assert result.errors.to_dict("records") == [
        {"kind": "merged", "event_id": "E1", "parts": (("X", 1), ("Y", 1)), "n_articles": 2}]
    assert compare_events(reference, auto).split == 1


def test_compare_events_identical_and_unlabelled():
    labels = pd.DataFrame({"article_id": list("abc"), "event_id": ["E1", "E1", None]})
    renamed = pd.DataFrame({"article_id": list("abc"), "event_id": ["x", "x", "y"]})
    result = compare_events(labels, renamed)
    assert result.ari == 1.0 and result.merged == result.split == 0


def test_compare_events_on_the_articles_both_label_unlabelled_ones_alone():
    # z is only grouped, q only in the reference: both are left out. c and d have no automatic
    # event: each is its own (not one "unassigned" cluster), so the reference event Y is split.
    auto = pd.DataFrame({"article_id": list("abcdz"), "event_id": ["E1", "E1", None, None, "E9"]})
    reference = pd.DataFrame({"article_id": list("abcdq"), "event_id": ["X", "X", "Y", "Y", "W"]})
    result = compare_events(auto, reference)
    assert result.n_articles == 4 and result.n_events == 3 and result.n_reference_events == 2
    # contingency (E1,X)=2 (c,Y)=1 (d,Y)=1: index 1; rows 1 + 0 + 0, columns 1 + 1, pairs 6:
    # expected 1 * 2 / 6, max (1 + 2) / 2 -> ARI (1 - 1/3) / (3/2 - 1/3) = 4/7
    assert result.ari == pytest.approx(4 / 7)
    assert (result.merged, result.split) == (0, 1)


# ----------------------------------------------------------------------------- CLI
def test_cli_events(demo_corpus_path, capsys):
    import json

    from framing.cli import main
    assert main(["events", str(demo_corpus_path)]) == 0
    out = capsys.readouterr().out
    assert "E0003  2019-03-01..2019-03-31  2 articles, 2 outlets, cohesion" in out
    assert "E0004  undated  1 article, 1 outlet" in out
    assert main(["events", str(demo_corpus_path), "--format", "json", "--min-size", "2"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["article_id"] for r in rows} == {"000_b7b8b75330a77be9", "004_086f720024fdf840"}
    assert main(["events", str(demo_corpus_path), "--coverage", "--format", "csv",
                 "--covered-by", "The Jerusalem Post"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "event_id,outlet,n_articles", "E0003,The Crystal Eyes,1", "E0003,The Jerusalem Post,1"]
    assert main(["events", str(demo_corpus_path), "--threshold", "0.99", "--min-size", "2"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["events", str(demo_corpus_path), "--threshold", "2"]) == 2
    assert "threshold must be" in capsys.readouterr().err
