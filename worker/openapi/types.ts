// The parts of an OpenAPI 3.1 document that the Worker itself reads (the /docs page).
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
