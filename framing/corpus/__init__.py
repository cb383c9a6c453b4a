"""framing.corpus."""
