"""The dosing rules: pure functions over small frozen values.

Private package: import the public names from :mod:`duloxinfo`.  Nothing here
imports the content, the loader or the command line.
"""
