"""The patient guide: records, loader, checks, renderers and schema.

Private package: import the public names from :mod:`duloxinfo`, which loads
this package on first use.  Nothing here imports the rules or the command line.
"""
