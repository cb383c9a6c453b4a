"""framing: show how news outlets frame the same events.

The data flows one way: raw files -> ``Article`` records (``load``, ``clean``) -> sentences and
tokens (``tokenize``) -> lexicon hits with context (``match``, ``context``) -> scores
(``score``) -> comparisons (``terms``, ``events``, ``align``, ``similarity``) -> figures
(``plots``) -> dashboard / CLI. See docs/data-model.md for the tables passed between stages.
"""

__version__ = "0.1.0"
