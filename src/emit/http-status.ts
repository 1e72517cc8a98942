import { STATUS_CODES } from 'node:http';

/** Reason phrases Node does not know but real APIs use. */
const nonStandard: Readonly<Record<number, string>> = {
  499: 'Client Closed Request', // nginx; gRPC's CANCELLED maps to it
};

/** The reason phrase of a status, or `Status 4xx` style text when none is registered. */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? nonStandard[status] ?? `Status ${status}`;
}

/** Whether a status is registered with IANA (as Node's table knows it). */
export function isStandardStatus(status: number): boolean {
  return STATUS_CODES[status] !== undefined;
}
