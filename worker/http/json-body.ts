// Request bodies of the API: JSON only, at most 1 MB, valid UTF-8, parseable. Everything else is
// refused here with a 4xx naming the body, before any route or database code sees it.
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

const bodyError = (status: 400 | 413 | 415, code: string, message: string, field = "body") =>
  new AppError(status, code, message, [{ field, message }]);

/** At most 1 MB, by Content-Length or, without one, by counting while reading. */
export const limitBodySize: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw bodyError(413, "body_too_large", "must be at most 1 MB");
  },
});

/** Behind limitBodySize: a body, if any, is JSON in UTF-8 that parses. */
export const readJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (["GET", "HEAD", "OPTIONS"].includes(c.req.method)) return next();
  const buffer = await c.req.arrayBuffer();
  const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  // An empty body may come without a type (fetch sends none) or as JSON, never as anything else:
  // an HTML form always declares its type, even when it sends nothing (issue 13, item 9).
  if (buffer.byteLength === 0 && (mediaType === "" || mediaType === "application/json")) return next();
  if (mediaType !== "application/json") {
    throw bodyError(415, "unsupported_media_type", "must be application/json", "Content-Type");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw bodyError(400, "invalid_request", "is not valid UTF-8");
  }
  try {
    JSON.parse(text);
  } catch (error) {
    throw bodyError(
      400,
      "invalid_request",
      `is not valid JSON (${error instanceof Error ? error.message : "parse error"})`,
    );
  }
  await next();
};
