"""Hand-made analyses for tests that need exact, tiny tables."""


def hand_analysis(articles, hits=None, sentences=None, lexicons=(), key="hand-made"):
    """An ``Analysis`` of hand-made tables (no hits: empty; no sentences: split from the bodies)."""
    import pandas as pd

    from framing.measure.analysis import Analysis
    from framing.measure.tables import HIT_COLUMNS, SENTENCE_COLUMNS

    def empty(columns):
        return pd.DataFrame({c: pd.Series(dtype=object if t in ("category", "str") else t) for c, t in columns.items()})

    if sentences is None:
        sentences = split(articles) if "body" in articles else empty(SENTENCE_COLUMNS)
    return Analysis(articles=articles, hits=empty(HIT_COLUMNS) if hits is None else hits,
                    sentences=sentences, lexicons=tuple(lexicons), key=key)


def split(articles):
    """The sentences table of hand-made articles (``framing.text.tokenize.split_sentences``)."""
    import pandas as pd

    from framing.text.tokenize import split_sentences

    rows = [(a, i, s, e, body[s:e]) for a, body in zip(articles["article_id"], articles["body"])
            for i, (s, e) in enumerate(split_sentences(str(body)))]
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "text"])
