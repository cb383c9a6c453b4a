"""Validation as you type: Streamlit sends a text area's value only on Ctrl+Enter or when it
loses focus. This invisible component (``st.components.v2``, trusted code of ours, no
article text in it) watches one text area, chosen by its label, and presses Ctrl+Enter for
the user after a pause in typing, so the page checks the text while the cursor stays put.
The text area stays an ordinary ``st.text_area``: tests drive it as usual."""
from __future__ import annotations

import json

import streamlit as st

_JS = """
export default function(component) {
  const { data } = component;
  const key = "__framingLiveCommit_" + data.label;
  if (window[key]) { window[key].pause = data.pause; return; }
  const state = { pause: data.pause, timer: null };
  window[key] = state;
  document.addEventListener("input", (event) => {
    const area = event.target;
    if (!(area instanceof HTMLTextAreaElement) || area.getAttribute("aria-label") !== data.label) return;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      area.dispatchEvent(new KeyboardEvent("keydown", {
        key: "Enter", code: "Enter", keyCode: 13, which: 13, ctrlKey: true, bubbles: true, cancelable: true,
      }));
    }, state.pause);
  }, true);
}
"""

_component = None


def commit_while_typing(label: str, *, pause_ms: int = 600) -> None:
    """Make the text area labelled ``label`` send its value after ``pause_ms`` without typing."""
    global _component
    if _component is None:
        _component = st.components.v2.component("framing_live_commit", js=_JS)
    _component(key=f"live_commit_{json.dumps(label)}", data={"label": label, "pause": int(pause_ms)})
