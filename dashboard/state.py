"""The dashboard's view state: kept across pages in ``st.session_state`` and mirrored in the
URL (``st.query_params``) so that a link reproduces what the sender saw.

Streamlit forgets a widget's value when a run does not draw it (another page is shown), so
each setting lives in a kept key ``_keep_<name>`` and its widget (key ``<name>``) is seeded
from it before drawing and copies back after. Values read from the URL are checked against
the options when the widget is drawn: an unknown outlet in a link is dropped, not an error.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

#: Settings mirrored in the URL; a name maps to True when it holds a list.
URL_SETTINGS = {
    "view": False, "outlets": True, "voice": False, "event": False, "date_from": False, "date_to": False,
    "lexicon_view": False, "actor": False, "naming_set": False, "focus": False, "versus": False, "term": False,
    "method": False, "align_event": False, "side_mode": False, "lexicons": True, "undated": False, "profile": False,
    "overview_outlets": True, "cell_outlet": False, "cell_pole": False,
    "highlight": True, "colour_by": False, "actor_outlet": False, "actor_pole": False, "naming_outlet": False,
    "naming_label": False, "role": False, "loaded_outlet": False, "loaded_word": False,
    "mode": False, "screen": False, "pick": False, "step": False, "guess": False, "item": False, "device": False,
    "by": False, "period": False, "time_pole": False, "omission_outlet": False, "event_search": False,
}
#: The only settings the URL holds in classroom mode: none of them can name an outlet.
CLASSROOM_URL = ("mode", "screen", "pick", "step", "guess", "item", "device", "lexicons")
#: What the URL holds outside classroom mode: every setting but the classroom's screens.
RESEARCH_URL = tuple(name for name in URL_SETTINGS if name not in CLASSROOM_URL or name == "lexicons")
_RESTORED = "_url_restored"


def _keep(name: str) -> str:
    return f"_keep_{name}"


def get(name: str, default: Any = None) -> Any:
    """The kept value of a setting."""
    return st.session_state.get(_keep(name), default)


def put(name: str, value: Any) -> None:
    st.session_state[_keep(name)] = value


def restore_from_url() -> None:
    """Once per session: copy the settings found in the URL into the kept values."""
    if st.session_state.get(_RESTORED):
        return
    st.session_state[_RESTORED] = True
    for name, is_list in URL_SETTINGS.items():
        if name in st.query_params:
            put(name, list(st.query_params.get_all(name)) if is_list else st.query_params.get(name))


def _settings(names: Sequence[str] | None = None) -> dict[str, Any]:
    """Every kept setting that has a value (of ``names``, when given), as the URL holds it."""
    wanted: dict[str, Any] = {}
    for name, is_list in URL_SETTINGS.items():
        if names is not None and name not in names:
            continue
        value = get(name)
        if value in (None, "", []):
            continue
        wanted[name] = [str(v) for v in value] if is_list else str(value)
    return wanted


def link(**overrides: Any) -> str:
    """The query string (``?view=...&outlets=...``) that reproduces the current settings,
    with ``overrides`` (``view="overview"``) replacing kept values."""
    from urllib.parse import urlencode

    settings = {**_settings(), **{k: v for k, v in overrides.items() if v is not None}}
    return "?" + urlencode(settings, doseq=True)


def mirror_to_url(names: Sequence[str] | None = None) -> None:
    """Write every kept setting that has a value (of ``names``, when given) into the URL, and
    drop the others."""
    wanted = _settings(names)
    current = {name: (st.query_params.get_all(name) if URL_SETTINGS.get(name) else st.query_params.get(name))
               for name in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def _copy_back(name: str) -> None:
    put(name, st.session_state[name])


def kept_widget(draw: Callable[..., Any], label: str, name: str, *, default: Any, valid: Callable[[Any], Any],
                **kwargs: Any) -> Any:
    """Draw ``draw(label, key=name, **kwargs)`` seeded from the kept value (cleaned by
    ``valid``, which returns the value to use) and keep what the user picks."""
    value = get(name, default)
    value = valid(value)
    put(name, value)
    st.session_state[name] = value
    chosen = draw(label, key=name, on_change=_copy_back, args=(name,), **kwargs)
    put(name, chosen)
    return chosen


def choice(label: str, name: str, options: Sequence, *, default: Any = None, draw: Callable = st.selectbox,
           **kwargs: Any) -> Any:
    """A kept single choice among ``options`` (the first, or ``default``, when the kept one is
    not an option)."""
    options = list(options)
    fallback = default if default in options else (options[0] if options else None)
    return kept_widget(draw, label, name, default=fallback, options=options,
                       valid=lambda v: v if v in options else fallback, **kwargs)


def choices(label: str, name: str, options: Sequence, *, default: Sequence = (), max_selections: int | None = None,
            **kwargs: Any) -> list:
    """A kept multiple choice among ``options`` (unknown values dropped, at most
    ``max_selections`` kept)."""
    options = list(options)

    def valid(values):
        values = [v for v in (values or []) if v in options]
        return values[:max_selections] if max_selections else values

    return kept_widget(st.multiselect, label, name, default=list(default), options=options, valid=valid,
                       max_selections=max_selections, **kwargs)


def text(label: str, name: str, *, default: str = "", **kwargs: Any) -> str:
    return kept_widget(st.text_input, label, name, default=default, valid=lambda v: "" if v is None else str(v),
                       **kwargs)
