// No two modules import each other, directly or around a circle, type-only imports and re-exports
// included (issue 14.6): a circle makes a module's meaning depend on load order and hides which
// of the two is the lower layer. Lazy `import()` of a route is not an edge: it loads later.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const FOLDERS = ["shared", "worker", "web/src"];
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", ".wrangler"]);

function listModules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : listModules(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Static `import … from` and `export … from` specifiers that name a module of this repository. */
function readImports(file: string, modules: ReadonlySet<string>): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']/gm)].flatMap(
    ([, specifier]) => {
      const target = specifier!.startsWith("#shared/")
        ? join(ROOT, "shared", specifier!.slice("#shared/".length))
        : specifier!.startsWith(".")
          ? resolve(dirname(file), specifier!)
          : null;
      return target !== null && modules.has(target) ? [target] : [];
    },
  );
}

/** Strongly connected components of more than one module (Tarjan). */
function findCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (module: string): void => {
    index.set(module, counter);
    low.set(module, counter);
    counter += 1;
    stack.push(module);
    onStack.add(module);
    for (const next of graph.get(module) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(module, Math.min(low.get(module)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(module, Math.min(low.get(module)!, index.get(next)!));
    }
    if (low.get(module) !== index.get(module)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== module);
    if (component.length > 1) circles.push(component.map((path) => relative(ROOT, path)).sort());
  };
  for (const module of graph.keys()) if (!index.has(module)) visit(module);
  return circles;
}

it("has no import circles in shared/, worker/ or web/", () => {
  const modules = new Set(FOLDERS.flatMap((folder) => listModules(join(ROOT, folder))));
  expect(modules.size).toBeGreaterThan(100);
  const graph = new Map([...modules].map((module) => [module, readImports(module, modules)]));
  expect([...graph.values()].flat().length).toBeGreaterThan(300);
  expect(findCircles(graph)).toEqual([]);
});

it("finds a circle around three modules and leaves out what only points into it", () => {
  const graph = new Map([
    ["/a.ts", ["/b.ts"]],
    ["/b.ts", ["/c.ts"]],
    ["/c.ts", ["/a.ts"]],
    ["/d.ts", ["/a.ts"]],
  ]);
  expect(findCircles(graph)).toHaveLength(1);
  expect(findCircles(graph)[0]).toHaveLength(3);
});
