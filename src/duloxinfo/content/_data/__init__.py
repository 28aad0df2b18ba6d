"""The guide's data files (read with importlib-resources, never imported)."""
