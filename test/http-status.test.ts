import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isStandardStatus, reasonPhrase, registeredReasons } from '../src/emit/http-status.js';

describe('HTTP reason phrases', () => {
  it("are Node's http.STATUS_CODES, written out so that no command loads node:http", () => {
    expect(registeredReasons).toEqual(Object.fromEntries(Object.entries(STATUS_CODES).map(([status, reason]) => [Number(status), reason])));
  });

  it('name non-standard statuses real APIs use, and any other by number', () => {
    expect([reasonPhrase(404), reasonPhrase(499), reasonPhrase(599)]).toEqual(['Not Found', 'Client Closed Request', 'Status 599']);
    expect([isStandardStatus(429), isStandardStatus(499)]).toEqual([true, false]);
  });
});
