import { BinaryReader } from "google-protobuf";

/**
 * Decodes a serialized `google.protobuf.Struct` straight into plain JavaScript, giving exactly what
 * google-protobuf's `Struct.deserializeBinary(bytes).toJavaScript()` gives (keys in sorted order, the
 * last of repeated keys and of a Value's kinds wins, a Value with no kind is an error), without
 * building google-protobuf's message objects first: for a large stack those objects are most of the
 * pack's memory (lazy-requests.ts).
 */
export function structFromWire(bytes: Uint8Array): Record<string, unknown> {
  return readStruct(new BinaryReader(bytes));
}

/** Field numbers of google/protobuf/struct.proto, shared with the encoder (config-schema-wire.ts). */
export const STRUCT_FIELDS = 1;
export const ENTRY_KEY = 1;
export const ENTRY_VALUE = 2;
export const LIST_VALUES = 1;
/** The field of a Value that holds each kind. */
export const VALUE_KIND = { Null: 1, Number: 2, String: 3, Bool: 4, Struct: 5, List: 6 } as const;
const Kind = VALUE_KIND;

function readStruct(reader: BinaryReader): Record<string, unknown> {
  const fields = new Map<string, unknown>();
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    if (reader.getFieldNumber() !== STRUCT_FIELDS) {
      reader.skipField();
      continue;
    }
    let key = "";
    let value: unknown = NO_KIND;
    reader.readMessage(undefined, () => {
      while (reader.nextField()) {
        if (reader.isEndGroup()) break;
        const field = reader.getFieldNumber();
        if (field === ENTRY_KEY) key = reader.readString();
        else if (field === ENTRY_VALUE) value = readValueMessage(reader);
        else reader.skipField();
      }
    });
    fields.set(key, value);
  }
  const out: Record<string, unknown> = {};
  for (const key of [...fields.keys()].sort()) {
    const value = fields.get(key);
    if (value === NO_KIND) throw new Error("Unexpected struct type");
    // A defined property, not an assignment: a key named "__proto__" stays a key.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A Value without any kind set; google-protobuf throws when converting one, and so do we. */
const NO_KIND = Symbol("no kind");

function readValueMessage(reader: BinaryReader): unknown {
  let value: unknown = NO_KIND;
  reader.readMessage(undefined, () => {
    while (reader.nextField()) {
      if (reader.isEndGroup()) break;
      switch (reader.getFieldNumber()) {
        case Kind.Null:
          reader.readEnum();
          value = null;
          break;
        case Kind.Number:
          value = reader.readDouble();
          break;
        case Kind.String:
          value = reader.readString();
          break;
        case Kind.Bool:
          value = reader.readBool();
          break;
        case Kind.Struct: {
          let struct: Record<string, unknown> = {};
          reader.readMessage(undefined, () => (struct = readStruct(reader)));
          value = struct;
          break;
        }
        case Kind.List:
          value = readList(reader);
          break;
        default:
          reader.skipField();
      }
    }
  });
  return value;
}

function readList(reader: BinaryReader): unknown[] {
  const values: unknown[] = [];
  reader.readMessage(undefined, () => {
    while (reader.nextField()) {
      if (reader.isEndGroup()) break;
      if (reader.getFieldNumber() !== LIST_VALUES) {
        reader.skipField();
        continue;
      }
      const value = readValueMessage(reader);
      if (value === NO_KIND) throw new Error("Unexpected struct type");
      values.push(value);
    }
  });
  return values;
}
