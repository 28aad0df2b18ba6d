"""Exchange with other systems: HL7 FHIR and iCalendar.

Each public module here translates the rules' values outward and back; its
names are also available from :mod:`duloxinfo` itself.
"""
