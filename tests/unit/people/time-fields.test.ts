import { describe, expect, it } from 'vitest';
import { exportDirectoryCsv, exportDirectoryJson } from '@/lib/people/export';
import type { ImportResult } from '@/lib/people/import-result';
import { parseDirectoryCsv } from '@/lib/people/parse-csv';
import { parseDirectoryJson } from '@/lib/people/parse-json';

const people = (result: ImportResult) => (result.ok ? result.directory.people : result.errors);

describe('time zones and working hours in the directory formats', () => {
  it('reads timeZone, workingHours, workingDays and locale columns in any case, empty cells meaning none', () => {
    const csv = 'id,name,TimeZone,workingHours,WORKINGDAYS,locale\nlena,Lena,Europe/Warsaw,09:00-17:00,mon-fri,pl-PL\nsam,Sam,,,,\n';
    expect(people(parseDirectoryCsv(csv))).toEqual([
      { id: 'lena', name: 'Lena', timeZone: 'Europe/Warsaw', workingHours: '09:00-17:00', workingDays: 'mon-fri', locale: 'pl-PL', handles: {} },
      { id: 'sam', name: 'Sam', handles: {} },
    ]);
  });

  it('reports an unknown zone, bad hours and days as row errors with their line and column', () => {
    const csv = 'id,name,timezone,workinghours,workingdays\na,A,Europe/Warsaw,09:00-17:00,mon-fri\nb,B,Europe/Warsow,,\nc,C,UTC,9-5,weekdays\n';
    expect(parseDirectoryCsv(csv)).toEqual({
      ok: false,
      errors: [
        { line: 3, field: 'timeZone', message: '"Europe/Warsow" is not a time zone: use an IANA name such as Europe/Warsaw or America/New_York' },
        { line: 4, field: 'workingHours', message: '"9-5" is not working hours: write start and end on a 24-hour clock, such as 09:00-17:30' },
        { line: 4, field: 'workingDays', message: '"weekdays" is not a list of days: write a range such as mon-fri or days such as mon,wed,fri' },
      ],
    });
  });

  it('reads the JSON fields, a blank one meaning none, and points a bad zone at its line', () => {
    const json = '{"version": 1, "people": [\n  {"id": "a", "name": "A", "timeZone": "Asia/Tokyo", "workingDays": "", "locale": "ja"},\n  {"id": "b", "name": "B", "timeZone": "Tokyo"}\n]}';
    expect(parseDirectoryJson(json)).toEqual({
      ok: false,
      errors: [{ line: 3, field: 'timeZone', message: '"Tokyo" is not a time zone: use an IANA name such as Europe/Warsaw or America/New_York' }],
    });
    expect(people(parseDirectoryJson(json.replace('"Tokyo"', '"Asia/Seoul"')))).toEqual([
      { id: 'a', name: 'A', timeZone: 'Asia/Tokyo', locale: 'ja', handles: {} },
      { id: 'b', name: 'B', timeZone: 'Asia/Seoul', handles: {} },
    ]);
  });

  it('exports what it imports, and leaves the time columns out of a directory without them', () => {
    const csv = 'id,name,timeZone,workingHours\nlena,Lena,Europe/Warsaw,08:00-16:00\n';
    const read = people(parseDirectoryCsv(csv));
    expect(people(parseDirectoryCsv(exportDirectoryCsv(read as never)))).toEqual(read);
    expect(people(parseDirectoryJson(exportDirectoryJson(read as never)))).toEqual(read);
    expect(exportDirectoryCsv([{ id: 'a', name: 'A', handles: {} }]).split('\r\n')[0]).toBe('id,name,email,team,title,github,gitlab,slack,mattermost,asana,phabricator,gitea');
  });
});
