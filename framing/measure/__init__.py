"""framing.measure."""
