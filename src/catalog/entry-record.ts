import { Pair, Scalar, type Schema, YAMLMap } from 'yaml';

// A merge adds new entries to the catalog document as plain records, not yaml nodes: most of a
// fresh import's entries are only written, and a yaml node costs about ten times as much to make
// as a plain object (each defines a property). serializeCatalog writes a record as the node
// entryNode makes; indexEntries (merge.ts) turns records into nodes for whatever edits them next.

/** A new entry's record, or the record of its `fields`: a plain object, not a node. */
export function isPlainRecord(item: unknown): item is Readonly<Record<string, unknown>> {
  return item !== null && typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype;
}

/**
 * The node document.createNode(record) makes for a new entry's record (string and number values, a
 * record of strings under `fields`), built directly: createNode looks up a tag for every value.
 * Keys in Object.keys order, as createNode has them.
 */
export function entryNode(schema: Schema | undefined, record: Readonly<Record<string, unknown>>): YAMLMap {
  const map = new YAMLMap(schema);
  for (const key of Object.keys(record)) {
    const value = record[key];
    const node = isPlainRecord(value) ? entryNode(schema, value) : new Scalar(value);
    map.items.push(new Pair(new Scalar(key), node));
  }
  return map;
}
