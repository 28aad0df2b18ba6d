"""Other medicines with duloxetine: the interaction data and the check of a medicine list.

Each public module here holds one part; its names are also available from
:mod:`duloxinfo` itself.  Modules with a leading underscore are private.  The
interaction data is also the source of the guide's "other medicines" section
(:mod:`duloxinfo.content`), which reads it from here.  Nothing here imports the rules
or the command line.
"""
