// Bench inputs: seed-like Markdown pages of any size, each with the config a user would write.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DOMAINS = ['APIGATEWAY', 'BILLING', 'AUTH', 'STORAGE', 'COMPUTE', 'NETWORK', 'DATABASE', 'QUEUE',
  'SEARCH', 'MEDIA', 'NOTIFY', 'IDENTITY', 'DNS', 'CDN', 'MONITOR', 'LOGGING'];
const RESOURCES = ['API', 'GROUP', 'DOMAIN', 'POLICY', 'ACCESS_KEY', 'INSTANCE', 'VOLUME', 'SNAPSHOT',
  'BUCKET', 'OBJECT', 'USER', 'ROLE', 'TOKEN', 'INVOICE', 'ORDER', 'QUOTA', 'REGION', 'ZONE', 'VPC',
  'SUBNET', 'CERTIFICATE', 'TOPIC', 'INDEX', 'JOB', 'WEBHOOK'];
// [condition, status, message template, solution]
const CONDITIONS = [
  ['NOT_FOUND', 404, 'The {r} does not exist', 'Please check access information'],
  ['ALREADY_EXISTS', 409, 'The {r} already exists', 'Please use another name'],
  ['INVALID_PARAM', 400, 'The {r} parameter is illegal or exceeds the range', 'Please check the parameter format'],
  ['FORBIDDEN', 403, 'No permission to access the {r}', 'Please authorize the permission or contact the administrator'],
  ['QUOTA_EXCEEDED', 429, 'Number of {r}s exceeds the maximum value', 'Please apply for a larger quota'],
  ['IS_BINDED', 409, 'The {r} is associated and cannot be modified', 'Please disassociate the {r} first and then modify it'],
  ['UNAVAILABLE', 503, 'The {r} service is temporarily unavailable', 'Please try again later'],
  ['TIMEOUT', 504, 'Timed out while waiting for the {r}', 'Please try again later'],
  ['INTERNAL_ERROR', 500, 'Internal error while processing the {r}', 'Please contact support with the request ID'],
  ['UNAUTHENTICATED', 401, 'Verification of the {r} failed', 'Please check the signature and the key'],
];
// Some Unicode, as real pages have it (the seed's origin is a Chinese API gateway).
const NOTES = [' — «{r}» 名称无效', ' (请稍后重试)', ' ✓ naïve café', ' — Größe überschritten', ' 🚫'];
const EN_HEADER = '|  Error Code  |   HTTP Status Code  |  Error Information  |  Solution   |';
const ZH_HEADER = '| 错误码 | HTTP状态码 | 错误信息 | 解决方案 |';

const words = (s) => s.toLowerCase().replaceAll('_', ' ');

/** A Markdown page with `rows` unique codes in a few tables (more for big pages). */
export function markdownPage(rows) {
  const groups = Math.min(50, Math.max(3, Math.round(rows / 500)));
  const perGroup = Math.ceil(rows / groups);
  const out = ['# Error codes', '', 'Error codes returned by the API. Generated for errgen\'s benchmark.', ''];
  let i = 0;
  for (let g = 0; g < groups && i < rows; g++) {
    const domain = DOMAINS[g % DOMAINS.length];
    out.push(`#### Table ${g + 1}. ${words(domain)} error code${g >= DOMAINS.length ? ` (part ${Math.floor(g / DOMAINS.length) + 1})` : ''}`, '');
    out.push(g % 4 === 3 ? ZH_HEADER : EN_HEADER, '|-|-|-|-|');
    for (let k = 0; k < perGroup && i < rows; k++, i++) {
      const resource = RESOURCES[k % RESOURCES.length];
      const [cond, status, message, solution] = CONDITIONS[Math.floor(k / RESOURCES.length) % CONDITIONS.length];
      const cycle = Math.floor(k / (RESOURCES.length * CONDITIONS.length));
      const code = `${domain}_${resource}_${cond}${cycle ? `_${cycle + 1}` : ''}${g >= DOMAINS.length ? `_P${Math.floor(g / DOMAINS.length) + 1}` : ''}`;
      const r = words(resource);
      const note = i % 7 === 0 ? NOTES[i % NOTES.length].replace('{r}', r) : '';
      out.push(`| ${code} | ${status} | ${message.replace('{r}', r)}${note} | ${solution.replace('{r}', r)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

// No `targets`: every built-in target, with its defaults, is generated into outDir.
const CONFIG = `sources: [error-codes.md]
catalog: errors.yaml
outDir: generated
lint:
  rules:
    duplicate-code: warn
`;

/** A folder with error-codes.md (the seed's copy, or `rows` generated rows) and errgen.config.yaml. */
export function writeInput(dir, { rows, seed }) {
  mkdirSync(dir, { recursive: true });
  if (seed) copyFileSync(seed, join(dir, 'error-codes.md'));
  else writeFileSync(join(dir, 'error-codes.md'), markdownPage(rows));
  writeFileSync(join(dir, 'errgen.config.yaml'), CONFIG);
  return dir;
}

/** A JSON Schema whose string enum holds the catalog's distinct codes: quicktype's input. */
export function codesSchema(codes) {
  return JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', title: 'ErrorCode', type: 'string', enum: [...new Set(codes)] }, null, 2);
}
