"""The interaction data file (read with importlib-resources, never imported)."""
