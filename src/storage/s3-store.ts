import { GetObjectCommand, paginateListObjectsV2, PutObjectCommand } from "@aws-sdk/client-s3";
import { isListed } from "./listing";
import { formatLocation, isPrefix } from "./location";
import { s3Client, type StorageOptions } from "./s3-client";
import { s3Failure, type S3Call } from "./s3-failure";
import { StorageError } from "./storage-error";

export interface S3Location {
  readonly kind: "s3";
  readonly bucket: string;
  readonly key: string;
}

export async function readS3(at: S3Location, opts: StorageOptions): Promise<string> {
  const call = objectCall(at, "s3:GetObject", "GetObject");
  return withClient(opts, call, async (client) => {
    const answer = await client.send(new GetObjectCommand({ Bucket: at.bucket, Key: at.key }));
    if (answer.Body === undefined) return "";
    return answer.Body.transformToString("utf-8");
  });
}

/**
 * One PutObject (atomic: readers see the old object or the new one). No ACL is ever set; the bucket's
 * default encryption applies unless `opts.sseKmsKeyId` names a key.
 */
export async function writeS3(at: S3Location, text: string, opts: StorageOptions): Promise<void> {
  const call = objectCall(at, "s3:PutObject", "PutObject");
  if (opts.sseKmsKeyId !== undefined && opts.sseKmsKeyId.trim() === "") throw new StorageError("invalid-options", call.location, "sseKmsKeyId is empty");
  await withClient(opts, call, async (client) => {
    await client.send(
      new PutObjectCommand({
        Bucket: at.bucket,
        Key: at.key,
        Body: text,
        ContentType: contentTypeOf(at.key),
        ...(opts.sseKmsKeyId ? { ServerSideEncryption: "aws:kms", SSEKMSKeyId: opts.sseKmsKeyId } : {}),
      }),
    );
  });
}

/** Every object under the prefix `at` whose name ends with one of `suffixes`, as s3:// locations sorted by key. */
export async function listS3(at: S3Location, opts: StorageOptions, suffixes: readonly string[], pageSize?: number): Promise<string[]> {
  const location = formatLocation(at);
  if (!isPrefix(at)) throw new StorageError("invalid-location", location, "names an object, not a prefix: end it with '/' to list what is under it");
  const call: S3Call = { action: "s3:ListBucket", operation: "ListObjectsV2", location, bucket: at.bucket };
  const keys = await withClient(opts, call, async (client) => {
    const found: string[] = [];
    const pages = paginateListObjectsV2({ client, ...(pageSize ? { pageSize } : {}) }, { Bucket: at.bucket, ...(at.key ? { Prefix: at.key } : {}) });
    for await (const page of pages) {
      for (const o of page.Contents ?? []) if (o.Key !== undefined && isListed(o.Key.slice(o.Key.lastIndexOf("/") + 1), suffixes)) found.push(o.Key);
    }
    return found;
  });
  return keys.sort(compareUtf8).map((key) => formatLocation({ kind: "s3", bucket: at.bucket, key }));
}

function objectCall(at: S3Location, action: S3Call["action"], operation: S3Call["operation"]): S3Call {
  const location = formatLocation(at);
  if (isPrefix(at)) throw new StorageError("invalid-location", location, "names a prefix (no object key, or a key ending with '/'), not an object");
  return { action, operation, location, bucket: at.bucket };
}

async function withClient<T>(opts: StorageOptions, call: S3Call, run: (client: ReturnType<typeof s3Client>) => Promise<T>): Promise<T> {
  const client = s3Client(opts, call.location);
  try {
    return await run(client);
  } catch (e) {
    throw s3Failure(e, call);
  } finally {
    client.destroy();
  }
}

/** S3 lists keys in UTF-8 byte order; so does this. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

const CONTENT_TYPES: ReadonlyArray<readonly [string, string]> = [
  [".jsonl", "application/x-ndjson"],
  [".json", "application/json"],
  [".sarif", "application/sarif+json"],
  [".html", "text/html; charset=utf-8"],
  [".md", "text/markdown; charset=utf-8"],
  [".csv", "text/csv; charset=utf-8"],
  [".xml", "application/xml"],
];

/** The Content-Type of a report by its file extension; plain UTF-8 text for anything else. */
export function contentTypeOf(key: string): string {
  const lower = key.toLowerCase();
  return CONTENT_TYPES.find(([ext]) => lower.endsWith(ext))?.[1] ?? "text/plain; charset=utf-8";
}
