"""The dosing rules: pure functions over small frozen values.

Each public module here holds one rule (or the values every rule takes); its
names are also available from :mod:`duloxinfo` itself.  Modules with a leading
underscore are private.  Nothing here imports the content or the command line.
"""
