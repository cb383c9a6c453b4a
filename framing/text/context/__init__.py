"""Context of each lexicon hit: whose words (voice, speaker), negated or hedged, and whom about.

Heuristic rules on surface cues, no parser; every rule, its examples and its known failures
are in ``docs/context-rules.md``. ``body_context`` takes one body and all its hits:

- ``cues``: one scan of the body for cue words, quote marks and clause punctuation;
- ``quotes``: the quoted regions (apostrophes told apart, unclosed quotes cut);
- ``attribution``: speech verbs and "according to", their speakers and scopes (lazily, per
  sentence); ``names``: the proper-noun chains that name a speaker;
- ``voice``: author, quoted or distanced, and the speaker;
- ``target``: the actor the term is about;
- ``body``: ``body_context`` itself, which looks up what every hit needs at once and runs
  the rules only where a cue is near; ``vocabulary``: the word lists.
"""
from .body import Context, body_context

__all__ = ["Context", "body_context"]
