// Reads .ics files with ical.js (the calendar engine of Thunderbird) and prints, as one
// JSON object, each file's events: {"FILE": [{"uid": "...", "start": "ISO 8601 UTC"}, ...]}.
// A repeating event is expanded by ical.js (its RRULE and EXDATEs): one entry for each
// of its instances, in order.
// Usage: node read_ics.mjs FILE... (run by tests/interop/test_calendar.py).
import fs from "node:fs";
import ICAL from "ical.js";

// More instances than any calendar duloxinfo writes (3,660 days, twice daily): a rule
// that never ends is read as far as this and then fails the test.
const MOST = 10000;

const iso = (time) => new Date(time.toUnixTime() * 1000).toISOString();

const out = {};
for (const file of process.argv.slice(2)) {
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(file, "utf8")));
  out[file] = calendar.getAllSubcomponents("vevent").flatMap((component) => {
    const event = new ICAL.Event(component);
    const zone = event.startDate.zone ? event.startDate.zone.tzid : null;
    if (!event.isRecurring()) {
      return [{ uid: event.uid, start: iso(event.startDate), zone }];
    }
    const instances = [];
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (instances.length > MOST) throw new Error(`${file}: ${event.uid} does not end`);
      instances.push({ uid: event.uid, start: iso(next), zone });
    }
    return instances;
  });
}
process.stdout.write(JSON.stringify(out));
