"""Walk duloxinfo's frozen records: one helper for every test that needs to."""

import attrs


def records(value, kind):
    """Every value of ``kind`` under ``value``, found by walking its attrs records and tuples."""
    if isinstance(value, kind):
        yield value
    if isinstance(value, tuple):
        for item in value:
            yield from records(item, kind)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from records(getattr(value, field.name), kind)
