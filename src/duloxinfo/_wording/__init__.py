"""The wording layer: every answer's sentences, written from its facts, a module per language.

Private package.  A rule decides and returns the facts of :mod:`duloxinfo.reasons`;
the module of a language here turns them into the ``reason`` (or ``explanation``)
an application shows.  Adding a language is adding a module beside :mod:`.en` with
the same functions; no rule changes.
"""
