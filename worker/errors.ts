// One error shape for every failure the API answers:
// { "error": { "status": 404, "code": "tenant_not_found", "message": "…", "issues": [{ "field": "lang", "message": "…" }] } }
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as v from "valibot";
import { vValidator } from "@hono/valibot-validator";
import type { ValidationTargets } from "hono";

export interface FieldIssue {
  field: string;
  message: string;
}

export interface ErrorBody {
  error: { status: number; code: string; message: string; issues?: FieldIssue[] };
  /** On a 409 for a stale revision: the current state, so the client can merge. */
  current?: unknown;
}

export class AppError extends HTTPException {
  readonly code: string;
  readonly issues: FieldIssue[] | undefined;
  /** Extra response headers, such as Retry-After on a 429. */
  readonly headers: Record<string, string>;
  current: unknown = undefined;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    issues?: FieldIssue[],
    headers: Record<string, string> = {},
  ) {
    super(status, { message });
    this.code = code;
    this.issues = issues;
    this.headers = headers;
  }

  toBody(): ErrorBody {
    const error: ErrorBody["error"] = { status: this.status, code: this.code, message: this.message };
    if (this.issues) error.issues = this.issues;
    return this.current === undefined ? { error } : { error, current: this.current };
  }
}

/** An AppError that carries the current state of what the client tried to change. */
export function conflictWithCurrent(message: string, current: unknown): AppError {
  const error = new AppError(409, "stale_revision", message);
  error.current = current;
  return error;
}

/** Field issues from valibot, named by their dot path; the offending input value is never echoed. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], root: string): FieldIssue[] {
  return issues.map((issue) => ({
    field: v.getDotPath(issue) ?? root,
    // valibot's default messages end with "but received <the input>": cut that, so no input
    // (a password, a megabyte of text) is ever echoed back.
    message:
      issue.type === "strict_object"
        ? "is not a known field"
        : issue.message.replace(/ but received [^]*$/, ""),
  }));
}

/** Where a validator keeps what it validates, for the OpenAPI document (worker/openapi/). */
export const ROUTE_SCHEMA = Symbol.for("verklaring.route-schema");

export interface RouteSchema {
  target: keyof ValidationTargets;
  schema: v.GenericSchema;
}

/**
 * vValidator with the project's error shape: a failure is a 400 naming each field. It carries its
 * schema, so the API description is generated from the very schemas the routes validate with.
 */
export function validate<T extends v.GenericSchema, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  const validator = vValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = describeIssues(result.issues, target);
      throw new AppError(
        400,
        "invalid_request",
        `Invalid ${target}: ${issues.map((i) => `${i.field} ${i.message}`).join("; ")}`,
        issues,
      );
    }
  });
  const described: RouteSchema = { target, schema };
  return Object.assign(validator, { [ROUTE_SCHEMA]: described });
}
