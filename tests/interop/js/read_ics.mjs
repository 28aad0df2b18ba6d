// Reads .ics files with ical.js (the calendar engine of Thunderbird) and prints, as one
// JSON object, each file's events: {"FILE": [{"uid": "...", "start": "ISO 8601 UTC"}, ...]}.
// Usage: node read_ics.mjs FILE... (run by tests/interop/test_calendar.py).
import fs from "node:fs";
import ICAL from "ical.js";

const out = {};
for (const file of process.argv.slice(2)) {
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(file, "utf8")));
  out[file] = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: new Date(event.startDate.toUnixTime() * 1000).toISOString(),
      zone: event.startDate.zone ? event.startDate.zone.tzid : null,
    };
  });
}
process.stdout.write(JSON.stringify(out));
