import { BinaryReader } from "google-protobuf";
import { structFromWire } from "./struct-wire";

/**
 * The engine's Analyze and AnalyzeStack requests, read from their wire bytes on demand instead of
 * through google-protobuf's generated classes.
 *
 * google-protobuf turns a 36 MB AnalyzeStack request of 50,000 resources into about 650 MB of message
 * objects (every Struct, Value and map entry an object with arrays), kept for the whole request. These
 * objects keep the request's bytes and offer the getters @pulumi/policy's server calls
 * (`getResourcesList`, `getType`, `getProperties`...), answering them the way the generated classes do.
 * Properties are a Struct-like object whose `toJavaScript()` decodes its bytes straight to plain
 * JavaScript (struct-wire.ts); providers are read the same way (WireProvider), options by the generated
 * class; both, small and mostly identical across a stack, once per distinct byte string. Fields this code does not know (a
 * newer engine) are skipped, as the generated classes skip them.
 */
export interface ProtoClasses {
  AnalyzerResourceOptions: { deserializeBinary(bytes: Uint8Array): unknown };
  AnalyzerProviderResource: { deserializeBinary(bytes: Uint8Array): unknown };
}

/** A Struct whose JavaScript form is decoded from its bytes on each call, as google-protobuf's is. */
export class WireStruct {
  constructor(private readonly bytes: Uint8Array) {}
  toJavaScript(): Record<string, unknown> {
    return structFromWire(this.bytes);
  }
}

/**
 * A resource's provider (AnalyzerProviderResource: type 1, properties 2, urn 3, name 4), read from its
 * bytes: the server asks every policy for it, and its properties then decode through struct-wire.ts
 * like a resource's rather than through google-protobuf's Struct (a tenth of an Analyze call).
 */
export class WireProvider {
  private type = "";
  private urn = "";
  private name = "";
  private properties: WireStruct | undefined;

  constructor(private readonly bytes: Uint8Array, private readonly generated: (bytes: Uint8Array) => unknown) {
    const reader = new BinaryReader(bytes);
    while (reader.nextField()) {
      if (reader.isEndGroup()) break;
      switch (reader.getFieldNumber()) {
        case 1:
          this.type = reader.readString();
          break;
        case 2:
          this.properties = new WireStruct(reader.readBytes());
          break;
        case 3:
          this.urn = reader.readString();
          break;
        case 4:
          this.name = reader.readString();
          break;
        default:
          reader.skipField();
      }
    }
  }

  getType(): string {
    return this.type;
  }
  getUrn(): string {
    return this.urn;
  }
  getName(): string {
    return this.name;
  }
  getProperties(): WireStruct | undefined {
    return this.properties;
  }
  hasProperties(): boolean {
    return this.properties !== undefined;
  }
  /** The generated class's plain form (the server never asks; kept for callers that compare messages). */
  toObject(): unknown {
    return (this.generated(this.bytes) as { toObject(): unknown }).toObject();
  }
}

class PropertyDependencies {
  constructor(private readonly urns: string[]) {}
  getUrnsList(): string[] {
    return this.urns;
  }
}

/** Decoded option and provider messages by their bytes, for one request. */
class SmallMessages {
  private readonly byBytes = new Map<string, unknown>();
  constructor(private readonly decode: (bytes: Uint8Array) => unknown) {}
  get(bytes: Uint8Array | undefined): unknown {
    if (bytes === undefined) return undefined;
    const key = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    let message = this.byBytes.get(key);
    if (message === undefined) this.byBytes.set(key, (message = this.decode(bytes)));
    return message;
  }
}

class RequestMessages {
  readonly options: SmallMessages;
  readonly providers: SmallMessages;
  constructor(classes: ProtoClasses) {
    this.options = new SmallMessages((b) => classes.AnalyzerResourceOptions.deserializeBinary(b));
    this.providers = new SmallMessages((b) => new WireProvider(b, (bytes) => classes.AnalyzerProviderResource.deserializeBinary(bytes)));
  }
}

/** One resource of a request (AnalyzerResource, or the resource fields of AnalyzeRequest). */
export class WireResource {
  private type = "";
  private urn = "";
  private name = "";
  private parent = "";
  private properties: WireStruct | undefined;
  private options: Uint8Array | undefined;
  private provider: Uint8Array | undefined;
  private optionsMessage: unknown;
  private providerMessage: unknown;
  private readonly dependencies: string[] = [];
  private propertyDependencies: Map<string, PropertyDependencies> | undefined;
  private sortedPropertyDependencies = false;

  constructor(bytes: Uint8Array, private readonly messages: RequestMessages) {
    const reader = new BinaryReader(bytes);
    while (reader.nextField()) {
      if (reader.isEndGroup()) break;
      switch (reader.getFieldNumber()) {
        case 1:
          this.type = reader.readString();
          break;
        case 2:
          this.properties = new WireStruct(reader.readBytes());
          break;
        case 3:
          this.urn = reader.readString();
          break;
        case 4:
          this.name = reader.readString();
          break;
        case 5:
          this.options = reader.readBytes();
          break;
        case 6:
          this.provider = reader.readBytes();
          break;
        case 7:
          this.parent = reader.readString();
          break;
        case 8:
          this.dependencies.push(reader.readString());
          break;
        case 9:
          this.readPropertyDependency(reader);
          break;
        default:
          reader.skipField();
      }
    }
  }

  private readPropertyDependency(reader: BinaryReader): void {
    let key = "";
    const urns: string[] = [];
    reader.readMessage(undefined, () => {
      while (reader.nextField()) {
        if (reader.isEndGroup()) break;
        const field = reader.getFieldNumber();
        if (field === 1) key = reader.readString();
        else if (field === 2) {
          urns.length = 0;
          reader.readMessage(undefined, () => {
            while (reader.nextField()) {
              if (reader.isEndGroup()) break;
              if (reader.getFieldNumber() === 1) urns.push(reader.readString());
              else reader.skipField();
            }
          });
        } else reader.skipField();
      }
    });
    (this.propertyDependencies ??= new Map()).set(key, new PropertyDependencies(urns));
  }

  getType(): string {
    return this.type;
  }
  getUrn(): string {
    return this.urn;
  }
  getName(): string {
    return this.name;
  }
  getParent(): string {
    return this.parent;
  }
  getProperties(): WireStruct | undefined {
    return this.properties;
  }
  hasProperties(): boolean {
    return this.properties !== undefined;
  }
  /** Asked once per policy: the decoded message is kept on the resource after the first ask. */
  getOptions(): unknown {
    return (this.optionsMessage ??= this.messages.options.get(this.options));
  }
  hasOptions(): boolean {
    return this.options !== undefined;
  }
  getProvider(): unknown {
    return (this.providerMessage ??= this.messages.providers.get(this.provider));
  }
  hasProvider(): boolean {
    return this.provider !== undefined;
  }
  /** The list itself, as google-protobuf's getters return theirs: the server only reads it. */
  getDependenciesList(): string[] {
    return this.dependencies;
  }
  /** google-protobuf's map iterates its keys sorted; so does this one (sorted once, then kept). */
  getPropertydependenciesMap(): Map<string, PropertyDependencies> {
    if (this.propertyDependencies === undefined) return (this.propertyDependencies = new Map());
    if (!this.sortedPropertyDependencies) {
      this.propertyDependencies = new Map([...this.propertyDependencies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      this.sortedPropertyDependencies = true;
    }
    return this.propertyDependencies;
  }
}

export class WireAnalyzeStackRequest {
  private readonly resources: WireResource[] = [];
  constructor(bytes: Uint8Array, classes: ProtoClasses) {
    const messages = new RequestMessages(classes);
    const reader = new BinaryReader(bytes);
    while (reader.nextField()) {
      if (reader.isEndGroup()) break;
      if (reader.getFieldNumber() === 1) this.resources.push(new WireResource(reader.readBytes(), messages));
      else reader.skipField();
    }
  }
  getResourcesList(): WireResource[] {
    return this.resources;
  }
}

/** The request's own copy of the bytes: gRPC's buffers are not promised to outlive the call. */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return Uint8Array.prototype.slice.call(bytes);
}

export const analyzeStackRequestFromWire = (bytes: Uint8Array, classes: ProtoClasses): WireAnalyzeStackRequest =>
  new WireAnalyzeStackRequest(ownBytes(bytes), classes);

/** AnalyzeRequest has the first six fields of AnalyzerResource, with the same numbers. */
export const analyzeRequestFromWire = (bytes: Uint8Array, classes: ProtoClasses): WireResource =>
  new WireResource(ownBytes(bytes), new RequestMessages(classes));
