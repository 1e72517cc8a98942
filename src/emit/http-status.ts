/**
 * Reason phrases by status: Node 20's `http.STATUS_CODES`, written out (IANA's registry, plus 418 and 509). Loading node:http for it
 * cost every command ~6 ms, and a table of its own keeps outputs the same under any Node version.
 * test/http-status.test.ts holds it to Node's.
 */
export const registeredReasons: Readonly<Record<number, string>> = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a Teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

/** Reason phrases Node does not know but real APIs use. */
const nonStandard: Readonly<Record<number, string>> = {
  499: 'Client Closed Request', // nginx; gRPC's CANCELLED maps to it
};

/** The reason phrase of a status, or `Status 4xx` style text when none is registered. */
export function reasonPhrase(status: number): string {
  return registeredReasons[status] ?? nonStandard[status] ?? `Status ${status}`;
}

/** The status whose registered reason phrase `phrase` is, read loosely (`NotFound`, `not-found`); undefined for any other text. */
export function statusWithReason(phrase: string): number | undefined {
  byReason ??= new Map(Object.entries(registeredReasons).map(([status, reason]) => [loosely(reason), Number(status)]));
  return byReason.get(loosely(phrase));
}

let byReason: Map<string, number> | undefined;
const loosely = (phrase: string) => phrase.toLowerCase().replace(/[^a-z]/g, '');

/** Whether a status is in Node's table (IANA's registry, plus 418 and 509). */
export function isStandardStatus(status: number): boolean {
  return registeredReasons[status] !== undefined;
}
