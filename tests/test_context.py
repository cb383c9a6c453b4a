"""Context rules (first version): voice from quote regions."""
from pathlib import Path

from framing.context import Context, body_context
from framing.tokenize import split_sentences

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_scare_quote_in_seed_000_is_distanced_and_about_iran():
    body = (CORPUS / "000_b7b8b75330a77be9.txt").read_text(encoding="utf-8")
    at = body.index("destabilizing")
    tehran = body.index("Tehran’s")
    [ctx] = body_context(body, split_sentences(body), [(at, at + len("destabilizing"))],
                         [(tehran, tehran + 6, "Iran")])
    assert isinstance(ctx, Context)
    assert (ctx.voice, ctx.target) == ("distanced", "Iran")
