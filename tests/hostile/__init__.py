"""Hostile inputs: a catalogue of generated attacks and careless files with their exact
outcomes, and property tests (hypothesis) of the tokenizer, matcher, readers and cleaner."""
