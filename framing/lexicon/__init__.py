"""framing.lexicon.model."""
