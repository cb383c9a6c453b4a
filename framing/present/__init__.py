"""framing.present."""
