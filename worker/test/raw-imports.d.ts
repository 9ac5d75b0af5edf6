// Vite's `?raw` imports (a file's text), which the tests use to read configuration files.
declare module "*?raw" {
  const text: string;
  export default text;
}

// Vite's `import.meta.glob` with `?raw`: the text of every file matching the patterns, by path.
interface ImportMeta {
  glob(
    patterns: string | string[],
    options: { query: "?raw"; import: "default"; eager: true },
  ): Record<string, string>;
}
