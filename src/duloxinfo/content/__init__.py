"""The patient guide: records, loader, checks, renderers and schema.

Each public module here holds one part; its names are also available from
:mod:`duloxinfo` itself.  Modules with a leading underscore are private.
Nothing here imports the rules or the command line.
"""
