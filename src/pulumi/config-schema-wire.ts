import { BinaryReader, BinaryWriter } from "google-protobuf";
import { ENTRY_KEY, ENTRY_VALUE, LIST_VALUES, STRUCT_FIELDS, VALUE_KIND } from "./struct-wire";

/**
 * Policy config schemas straight to protobuf bytes, and those bytes into a serialized AnalyzerInfo
 * (pulumi/proto/pulumi/analyzer.proto; google/protobuf/struct.proto). The messages are the ones
 * @pulumi/policy would send; only the way there is shorter (analyzer-info-schemas.ts says why).
 */
export interface ConfigSchema {
  readonly properties: Readonly<Record<string, unknown>>;
  readonly required?: readonly string[];
}

const ANALYZER_INFO_POLICIES = 3;
const POLICY_INFO_NAME = 1;
const POLICY_INFO_CONFIG_SCHEMA = 6;
const SCHEMA_PROPERTIES = 1;
const SCHEMA_REQUIRED = 2;
const LENGTH_DELIMITED = 2;
const ValueKind = VALUE_KIND;

/**
 * Encodes schemas as PolicyConfigSchema messages. A property schema object met again (the pack-wide
 * settings are in every policy's schema) is encoded once.
 */
export class ConfigSchemaEncoder {
  private readonly entries = new WeakMap<object, Map<string, Uint8Array>>();

  encode(schema: ConfigSchema, where: string): Uint8Array {
    const writer = new BinaryWriter();
    const fields = new BinaryWriter();
    for (const [key, value] of Object.entries(schema.properties)) {
      const entry = this.entry(key, value, `${where}.${key}`);
      fields.writeSerializedMessage(entry, 0, entry.length);
    }
    writer.writeBytes(SCHEMA_PROPERTIES, fields.getResultBuffer());
    if (schema.required && schema.required.length > 0) writer.writeRepeatedString(SCHEMA_REQUIRED, [...schema.required]);
    return writer.getResultBuffer();
  }

  private entry(key: string, value: unknown, where: string): Uint8Array {
    const byKey = typeof value === "object" && value !== null ? this.entries.get(value) : undefined;
    const known = byKey?.get(key);
    if (known) return known;
    const writer = new BinaryWriter();
    writeEntry(writer, key, value, where);
    const bytes = writer.getResultBuffer();
    if (typeof value === "object" && value !== null) {
      if (byKey) byKey.set(key, bytes);
      else this.entries.set(value, new Map([[key, bytes]]));
    }
    return bytes;
  }
}

// google-protobuf's writeMessage writes nothing for a null or undefined value; the value travels in
// the closure instead, so a null is written as one.
const PRESENT = {};
function writeNested(writer: BinaryWriter, field: number, write: (w: BinaryWriter) => void): void {
  writer.writeMessage(field, PRESENT, (_: unknown, w: BinaryWriter) => write(w));
}

function writeEntry(writer: BinaryWriter, key: string, value: unknown, where: string): void {
  writeNested(writer, STRUCT_FIELDS, (w) => {
    w.writeString(ENTRY_KEY, key);
    writeNested(w, ENTRY_VALUE, (vw) => writeValue(vw, value, where));
  });
}

function writeValue(writer: BinaryWriter, value: unknown, where: string): void {
  if (value === null) return writer.writeEnum(ValueKind.Null, 0);
  switch (typeof value) {
    case "number":
      return writer.writeDouble(ValueKind.Number, value);
    case "string":
      return writer.writeString(ValueKind.String, value);
    case "boolean":
      return writer.writeBool(ValueKind.Bool, value);
    case "object":
      if (Array.isArray(value)) {
        return writeNested(writer, ValueKind.List, (w) => {
          value.forEach((item: unknown, i) => writeNested(w, LIST_VALUES, (iw) => writeValue(iw, item, `${where}[${i}]`)));
        });
      }
      return writeNested(writer, ValueKind.Struct, (w) => {
        for (const [k, v] of Object.entries(value)) writeEntry(w, k, v, `${where}.${k}`);
      });
    default:
      // google.protobuf.Value has no undefined, function or bigint; @pulumi/policy would throw here too.
      throw new Error(`config schema ${where} is ${typeof value}, which a protobuf Struct cannot hold`);
  }
}

/**
 * The AnalyzerInfo `info` with the PolicyConfigSchema from `schemas` (by policy name) appended to each
 * PolicyInfo that has none; every other byte is kept.
 */
export function withConfigSchemas(info: Uint8Array, schemas: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const reader = new BinaryReader(info);
  const out = new BinaryWriter();
  let start = reader.getCursor();
  while (reader.nextField()) {
    if (reader.getFieldNumber() === ANALYZER_INFO_POLICIES && reader.getWireType() === LENGTH_DELIMITED) {
      const policy = reader.readBytes();
      const { name, hasSchema } = policyFields(policy);
      const schema = name === undefined || hasSchema ? undefined : schemas.get(name);
      out.writeBytes(ANALYZER_INFO_POLICIES, schema ? appendField(policy, POLICY_INFO_CONFIG_SCHEMA, schema) : policy);
    } else {
      reader.skipField();
      out.writeSerializedMessage(info, start, reader.getCursor());
    }
    start = reader.getCursor();
  }
  return out.getResultBuffer();
}

function policyFields(policy: Uint8Array): { name: string | undefined; hasSchema: boolean } {
  const reader = new BinaryReader(policy);
  let name: string | undefined;
  let hasSchema = false;
  while (reader.nextField()) {
    if (reader.getFieldNumber() === POLICY_INFO_NAME && reader.getWireType() === LENGTH_DELIMITED) name = reader.readString();
    else {
      if (reader.getFieldNumber() === POLICY_INFO_CONFIG_SCHEMA) hasSchema = true;
      reader.skipField();
    }
  }
  return { name, hasSchema };
}

function appendField(message: Uint8Array, field: number, bytes: Uint8Array): Uint8Array {
  const writer = new BinaryWriter();
  writer.writeSerializedMessage(message, 0, message.length);
  writer.writeBytes(field, bytes);
  return writer.getResultBuffer();
}
