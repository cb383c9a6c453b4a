"""The Streamlit dashboard: ``app.py`` is the script, each view is a module of ``views``.
Pages stay thin: they read settings, call the library (through the caches of ``data``) and
draw what it returns."""
