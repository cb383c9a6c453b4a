"""framing.text."""
