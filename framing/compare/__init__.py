"""framing.compare."""
