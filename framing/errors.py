"""Every user-facing error of the library: one family, each message names the file, line or
field at fault and says what to do. The CLI and the dashboard show ``str(error)`` as it is."""


class FramingError(Exception):
    """Base class of every error the library raises on bad input or bad settings."""


class CorpusError(FramingError):
    """A corpus file or folder cannot be read as articles (names the file, line or column)."""


class LexiconError(FramingError):
    """A lexicon file is invalid. ``problems`` lists every problem found, one line each."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = list(problems or [])


class SettingsError(FramingError):
    """An option has a value that is not allowed (names the option and the allowed values)."""


class ValidationError(FramingError):
    """A coded validation file cannot be read (names the file, line and value at fault)."""
