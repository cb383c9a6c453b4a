"""Every setting a figure depends on, as frozen objects built once (from the command line's
arguments or the dashboard's widgets) and passed whole. ``Settings.as_dict()`` is what the
export manifest records and ``reproduce_flags`` what the "commands that reproduce this" print,
so neither can drift from what ran.

Each object checks its values when built and names the option and what is allowed.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from framing.errors import SettingsError

#: Figures resting on fewer articles are flagged ``low_support`` (``framing.measure.bootstrap``).
MIN_ARTICLES = 5
#: The most bootstrap resamples allowed: one group's resample weights take ``n_boot x
#: articles`` numbers; 10,000 x 20,000 articles is already 1.6 GB.
MAX_BOOT = 10_000
VOICES = ("all", "author", "quoted", "distanced")
NEGATED = ("exclude", "include", "only")
#: What a lexicon category measures (``lexicons/README.md``, "Roles"): ``framing`` is evaluative,
#: loaded, legitimising or delegitimising word choice; ``topic`` is what a text is about (policy
#: dimensions, institutions, events, actors); ``attribution`` is how a text sources and qualifies
#: its claims (neutral reporting verbs such as "said", "according to", and hedges). Scores,
#: heatmaps and highlighting show ``framing`` by default.
ROLES = ("framing", "topic", "attribution")
SCORE_KINDS = ("frame", "naming", "actor")
TERM_METHODS = ("logodds", "tfidf")
STOP_WORDS = ("english", "none")
#: Period lengths a score can follow over time (``framing.measure.periods``).
PERIODS = ("month", "week", "year")


def _check(owner: str, checks: list[tuple[str, bool, str]], values: Any) -> None:
    for name, ok, allowed in checks:
        if not ok:
            raise SettingsError(f"{owner}: {name} must be {allowed}, got {getattr(values, name)!r}")


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class BootstrapSettings:
    """How intervals are drawn: ``n_boot`` resamples of the articles within each group,
    ``seed``, two-sided ``level``, and ``min_articles`` below which a figure is flagged
    ``low_support`` (Efron & Tibshirani 1993; Hesterberg 2015)."""

    n_boot: int = 1000
    seed: int = 0
    level: float = 0.95
    min_articles: int = MIN_ARTICLES

    def __post_init__(self) -> None:
        _check("bootstrap", [
            ("n_boot", _whole(self.n_boot) and 1 <= self.n_boot <= MAX_BOOT, f"a whole number from 1 to {MAX_BOOT:,}"),
            ("seed", _whole(self.seed) and self.seed >= 0, "a whole number >= 0"),
            ("level", isinstance(self.level, float | int) and 0 < self.level < 1, "between 0 and 1 (e.g. 0.95)"),
            ("min_articles", _whole(self.min_articles) and self.min_articles >= 0, "a whole number >= 0"),
        ], self)


@dataclass(frozen=True)
class ScoreSettings:
    """What a score counts and how it groups: ``by`` (articles columns, or the shorthands
    outlet, article, event), ``voice`` (one of ``VOICES``, several, or ``"each"``: every voice
    in turn), ``negated`` hits (``NEGATED``), the ``kind`` of hits (``SCORE_KINDS``), only
    some ``frames`` (frame or naming-set names; None: all), the ``roles`` of the frames and
    naming sets counted (``ROLES``; default framing only, ``"all"`` for every
    role; actor mentions are always counted), ``by_target`` (split by the actor a hit is
    about), ``period`` (``PERIODS``: one more group column, each article's month, week or
    year, ``framing.measure.periods``; None: no time split), the ``bootstrap``, and
    ``min_precision``: leave out the hits of terms whose coded precision in ``precision_file``
    (``framing.measure.validation``) is below it."""

    by: tuple[str, ...] = ("outlet",)
    voice: str | tuple[str, ...] = "all"
    negated: str = "exclude"
    kind: str = "frame"
    frames: tuple[str, ...] | None = None
    roles: tuple[str, ...] = ("framing",)
    by_target: bool = False
    period: str | None = None
    bootstrap: BootstrapSettings = field(default_factory=BootstrapSettings)
    min_precision: float | None = None
    precision_file: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.by, str):
            object.__setattr__(self, "by", tuple(c.strip() for c in self.by.split(",") if c.strip()))
        if isinstance(self.frames, str):
            object.__setattr__(self, "frames", (self.frames,))
        roles = self.roles
        if isinstance(roles, str):
            roles = ROLES if roles == "all" else [r.strip() for r in roles.split(",") if r.strip()]
        object.__setattr__(self, "roles", tuple(roles))
        voices = (self.voice,) if isinstance(self.voice, str) else tuple(self.voice)
        _check("score", [
            ("by", bool(self.by) and all(isinstance(c, str) and c for c in self.by), "one or more column names"),
            ("voice", voices == ("each",) or (bool(voices) and all(v in VOICES for v in voices)),
             f"'each' or one or more of {', '.join(VOICES)}"),
            ("negated", self.negated in NEGATED, f"one of {', '.join(NEGATED)}"),
            ("kind", self.kind in SCORE_KINDS, f"one of {', '.join(SCORE_KINDS)}"),
            ("roles", bool(self.roles) and all(r in ROLES for r in self.roles),
             f"'all' or one or more of {', '.join(ROLES)}"),
            ("period", self.period is None or self.period in PERIODS, f"None or one of {', '.join(PERIODS)}"),
            ("min_precision", self.min_precision is None or (isinstance(self.min_precision, float | int)
                                                             and 0 <= self.min_precision <= 1), "between 0 and 1, or None"),
            ("precision_file", (self.min_precision is None) == (self.precision_file is None),
             "the coded file (framing validate) whose precision min_precision reads; give both or neither"),
        ], self)

    @property
    def voices(self) -> list[str]:
        """The voices scored, in order (``"each"``: all of them)."""
        if self.voice == "each":
            return list(VOICES)
        return [self.voice] if isinstance(self.voice, str) else list(self.voice)


@dataclass(frozen=True)
class EventSettings:
    """How ``framing.compare.events.group_events`` decides that two articles report the same
    event: mean TF-IDF cosine ``threshold`` of title and lead (``title_weight``, the first
    ``lead_words``), articles at most ``window_days`` apart, similarity times ``day_decay``
    per day between them unless one article is a lone report (the pair is at least
    ``lone_ratio`` times as similar as that article's closest same-day match; None: no
    exception), ``unknown_date_threshold`` for undated articles (None: they stay
    alone), ``max_neighbours`` per article; ``use_existing`` keeps a corpus's own event ids.
    The defaults were chosen on the AllSides roundups (ARI against AllSides' story grouping,
    stable across its halves) and checked on 8,829 full articles of 2018-2019 (bench/README.md);
    ``window_days`` and ``lone_ratio`` on half of the roundups and half of a multi-day pair set
    read by hand (allsides_articles), checked on the other halves (bench/README.md, multi-day)."""

    threshold: float = 0.16
    window_days: int = 4
    day_decay: float = 0.4
    title_weight: float = 0.4
    lead_words: int | None = 150
    unknown_date_threshold: float | None = 0.6
    max_neighbours: int = 50
    lone_ratio: float | None = 3.0
    use_existing: bool = True

    def __post_init__(self) -> None:
        _check("events", [
            ("threshold", 0 < self.threshold <= 1, "a number in (0, 1]"),
            ("window_days", _whole(self.window_days) and 0 <= self.window_days <= 366, "0 to 366 days"),
            ("day_decay", 0 < self.day_decay <= 1, "a number in (0, 1]"),
            ("title_weight", 0 <= self.title_weight <= 1, "a number in [0, 1]"),
            ("lead_words", self.lead_words is None or self.lead_words >= 1, "1 or more words, or None"),
            ("unknown_date_threshold", self.unknown_date_threshold is None
             or 0 < self.unknown_date_threshold <= 1, "a number in (0, 1], or None"),
            ("max_neighbours", _whole(self.max_neighbours) and 1 <= self.max_neighbours <= 1000, "1 to 1,000"),
            ("lone_ratio", self.lone_ratio is None or self.lone_ratio > 0, "a number above 0, or None"),
        ], self)


@dataclass(frozen=True)
class TermSettings:
    """How distinctive terms are counted and tested (``framing.measure.terms``).

    Counting: ``by`` (the articles column whose values are the groups), ``ngram_range``,
    ``min_count`` (uses in the texts compared), ``stop_words`` (``"english"``: scikit-learn's
    list; ``"none"``; or your own words). ``keep_self_reference``: count each outlet's own name,
    bylines, datelines, wire tags and transcript labels too (by default they are removed from
    its texts before counting: ``framing.measure.self_reference``). ``within_events``: compare
    groups inside the events they share (``framing.measure.within_events``; None: when the
    articles carry event ids). Testing: ``method`` (``TERM_METHODS``), ``prior_scale`` (weight
    of the corpus prior, in average groups), ``alpha`` (false discovery rate), ``top`` terms per
    comparison (None: all), ``keep_style``: list house-style terms (honorifics, title forms,
    attribution habits...: ``framing.measure.house_style``), left out of the lists by default."""

    by: str = "outlet"
    ngram_range: tuple[int, int] = (1, 2)
    min_count: int = 5
    stop_words: str | frozenset = "english"
    method: str = "logodds"
    prior_scale: float = 1.0
    alpha: float = 0.05
    top: int | None = None
    keep_self_reference: bool = False
    keep_style: bool = False
    within_events: bool | None = None

    def __post_init__(self) -> None:
        lo, hi = (int(n) for n in self.ngram_range)
        object.__setattr__(self, "ngram_range", (lo, hi))
        if not isinstance(self.stop_words, str):
            object.__setattr__(self, "stop_words", frozenset(str(w).lower().replace("’", "'")
                                                             for w in self.stop_words))
        _check("terms", [
            ("by", isinstance(self.by, str) and bool(self.by), "a column name"),
            ("ngram_range", 1 <= lo <= hi <= 3, "(low, high) with 1 <= low <= high <= 3"),
            ("min_count", _whole(self.min_count) and self.min_count >= 1, "a whole number, 1 or more"),
            ("stop_words", not isinstance(self.stop_words, str) or self.stop_words in STOP_WORDS,
             f"{' or '.join(STOP_WORDS)} or a list of words"),
            ("method", self.method in TERM_METHODS, f"one of {', '.join(TERM_METHODS)}"),
            ("prior_scale", isinstance(self.prior_scale, float | int) and self.prior_scale > 0, "a positive number"),
            ("alpha", isinstance(self.alpha, float | int) and 0 < self.alpha < 1,
             "a false discovery rate between 0 and 1"),
            ("top", self.top is None or (_whole(self.top) and self.top >= 1), "1 or more (or None for every term)"),
        ], self)


@dataclass(frozen=True)
class Settings:
    """All the settings of one run, as the manifest records them."""

    score: ScoreSettings = field(default_factory=ScoreSettings)
    events: EventSettings = field(default_factory=EventSettings)
    terms: TermSettings = field(default_factory=TermSettings)

    @property
    def bootstrap(self) -> BootstrapSettings:
        return self.score.bootstrap

    def as_dict(self) -> dict[str, Any]:
        """Every setting by name, JSON-ready (tuples as lists)."""
        return {f.name: _plain(asdict(getattr(self, f.name))) for f in fields(self)}


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, frozenset):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def reproduce_flags(settings: ScoreSettings) -> list[str]:
    """The ``framing score`` options that reproduce figures made with ``settings``."""
    boot = settings.bootstrap
    flags = ["--by", ",".join(settings.by), "--voice", settings.voice if isinstance(settings.voice, str)
             else "each", "--negated", settings.negated, "--boot", str(boot.n_boot), "--seed", str(boot.seed),
             "--level", str(boot.level), "--min-articles", str(boot.min_articles),
             "--role", "all" if set(settings.roles) == set(ROLES) else ",".join(settings.roles)]
    for frame in settings.frames or ():
        flags += ["--frame", frame]
    if settings.min_precision is not None:
        flags += ["--min-precision", str(settings.min_precision), "--precision-file", str(settings.precision_file)]
    if settings.period:
        flags += ["--period", settings.period]
    return flags
