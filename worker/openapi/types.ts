// The parts of an OpenAPI 3.1 document that the /docs page reads (written at build time, docs-page.ts).
export interface OpenApiOperation {
  summary?: string;
  tags?: string[];
  responses?: Record<string, { description?: string; $ref?: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  [key: string]: unknown;
}
