// A publication renders every section in five formats, and the JSON format repeats the HTML,
// Markdown and text of each section. Remembering a section's rendering per blocks array (which
// resolveStatement creates fresh and nobody changes afterwards) renders each form once.
import type { Block } from "../statement.ts";

export function rememberPerBlocks<Rest extends string[]>(
  render: (blocks: Block[], ...rest: Rest) => string,
): (blocks: Block[], ...rest: Rest) => string {
  const rendered = new WeakMap<Block[], Map<string, string>>();
  return (blocks, ...rest) => {
    const key = rest.join("\u0000");
    let byArguments = rendered.get(blocks);
    if (!byArguments) rendered.set(blocks, (byArguments = new Map()));
    let output = byArguments.get(key);
    if (output === undefined) {
      output = render(blocks, ...rest);
      byArguments.set(key, output);
    }
    return output;
  };
}
