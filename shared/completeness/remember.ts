// What the checks work out from a piece of text, kept for the next statement that has the same
// text. A rollout reads every company's statement, and all of them are the group's baseline with
// a few company details filled in (issue 20): most paragraphs recur word for word. The results
// depend on the text alone, so a remembered one is the one that would be computed.

/**
 * `compute` with its results remembered for the last few thousand texts (then forgotten at once,
 * so memory stays bounded). Results are shared between callers: they must not be changed.
 */
export function rememberByText<T>(compute: (text: string) => T, limit = 4000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) {
      result = compute(text);
      if (known.size >= limit) known.clear();
      known.set(text, result);
    }
    return result;
  };
}

/**
 * The answer kept in `answers` under `key`, worked out by `compute` the first time it is asked.
 * For answers kept with a text's own object (a line, a sentence), keyed by what was asked of it.
 */
export function keepAnswer<K, V>(answers: Map<K, V>, key: K, compute: () => V): V {
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = compute();
    answers.set(key, answer);
  }
  return answer;
}
