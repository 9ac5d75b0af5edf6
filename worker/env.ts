export interface Bindings {
  DB: D1Database;
  ASSETS: Fetcher;
}

export interface AppEnv {
  Bindings: Bindings;
}
