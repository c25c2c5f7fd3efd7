import type { IncomingHttpHeaders } from "node:http";
import type { Readable } from "node:stream";
import busboy from "busboy";
import { EngineError } from "../errors/engine-error.js";
import { MAX_IMPORT_BYTES } from "./import-limits.js";

/** Text fields of an upload besides the file. */
export interface UploadFields {
  object?: string;
  encoding?: string;
}

export interface IncomingFile {
  stream: Readable;
  fileName: string;
  /** The fields sent before the file (a client that sends `object` first is answered sooner). */
  fieldsBefore: Readonly<UploadFields>;
}

const notMultipart = () =>
  new EngineError(415, "unsupportedMediaType", "Send the file as multipart/form-data", [
    { path: "", code: "body.notMultipart", message: "Upload a form with the fields object and file." },
  ]);

/**
 * Reads a multipart upload as it arrives: its text fields, and its one `file` part, handed to
 * `onFile` as a stream. The body is always read to its end (the rest of a refused or oversized
 * file is drained), so the client is not cut off before it reads the answer.
 */
export const receiveUpload = async <T>(
  headers: IncomingHttpHeaders,
  body: Readable,
  onFile: (file: IncomingFile) => Promise<T>,
): Promise<{ fields: UploadFields; result: T | undefined }> => {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers,
      defParamCharset: "utf8",
      // One byte over the limit reaches the handler, which refuses the file (413).
      limits: { files: 1, fields: 10, fieldSize: 1024, parts: 20, fileSize: MAX_IMPORT_BYTES + 1 },
    });
  } catch {
    throw notMultipart();
  }
  const fields: UploadFields = {};
  let handled: Promise<T> | undefined;
  parser.on("field", (name, value) => {
    if (name === "object" || name === "encoding") fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "file" || handled !== undefined) {
      stream.resume();
      return;
    }
    handled = onFile({ stream, fileName: info.filename ?? "", fieldsBefore: { ...fields } }).finally(() =>
      stream.resume(),
    );
    // Observed once the whole body is read; until then a refusal must not count as unhandled.
    handled.catch(() => {});
  });
  await new Promise<void>((resolve, reject) => {
    parser.on("close", resolve);
    parser.on("error", () => {
      body.unpipe(parser);
      body.resume();
      reject(
        new EngineError(400, "badRequest", "The upload could not be read", [
          { path: "", code: "body.badMultipart", message: "The multipart body is malformed." },
        ]),
      );
    });
    body.pipe(parser);
  });
  return { fields, result: handled === undefined ? undefined : await handled };
};
