"""Reading the package's source as code: what the scans of several test modules share."""

import ast


def docstring_ids(tree):
    """The ``id`` of every docstring constant in ``tree`` (modules, classes, functions, attributes).

    A scan for words in code leaves these out: a docstring is documentation, not text a
    person is shown.
    """
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            found.add(id(first.value))
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            found.add(id(node.value))  # an attribute's docstring
    return found
