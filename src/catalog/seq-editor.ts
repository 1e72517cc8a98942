import type { YAMLSeq } from 'yaml';

interface Link {
  prev: unknown;
  next: unknown;
}

/** Stands for the start of the sequence: inserting "after the start" puts an item first. */
const start = Symbol('start');

/**
 * Inserts and removes items of a YAML sequence by neighbour, in constant time each, and writes the
 * items back once: splicing a 100,000-item array per imported row would be quadratic.
 */
export class SeqEditor {
  private readonly links = new Map<unknown, Link>();

  constructor(private readonly seq: YAMLSeq) {
    let prev: unknown = start;
    this.links.set(start, { prev: undefined, next: undefined });
    for (const item of seq.items) {
      this.link(prev).next = item;
      this.links.set(item, { prev, next: undefined });
      prev = item;
    }
  }

  /** Puts `item` right after `anchor`, or first when there is no anchor. */
  insertAfter(anchor: unknown, item: unknown): void {
    const before = anchor === undefined ? start : anchor;
    const next = this.link(before).next;
    this.link(before).next = item;
    this.links.set(item, { prev: before, next });
    if (next !== undefined) this.link(next).prev = item;
  }

  /** The first item now, or undefined for none. */
  first(): unknown {
    return this.link(start).next;
  }

  remove(item: unknown): void {
    const { prev, next } = this.link(item);
    this.link(prev).next = next;
    if (next !== undefined) this.link(next).prev = prev;
    this.links.delete(item);
  }

  /** Writes the edited order back into the sequence. */
  commit(): void {
    const items: unknown[] = [];
    for (let item = this.link(start).next; item !== undefined; item = this.link(item).next) items.push(item);
    this.seq.items = items;
  }

  private link(item: unknown): Link {
    const link = this.links.get(item);
    if (!link) throw new Error('SeqEditor: the item is not in this sequence');
    return link;
  }
}
