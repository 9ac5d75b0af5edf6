// Patterns that may only match where no letter precedes — what a leading `(?<![\p{L}])` says.
// V8 evaluates such a lookbehind at every position of the text before it tries the pattern,
// which made these searches four to five times slower than the pattern alone, and the checks
// and the lint run hundreds of them over every statement a rollout republishes (issue 20). So
// the pattern is searched without it and the character before each match is checked after. The
// result is the same: the leftmost match whose start passes the check, with the alternative the
// regex would pick there, because the check depends on the start alone.

export interface WordStartPattern {
  test(text: string): boolean;
  exec(text: string): RegExpExecArray | null;
}

/**
 * `pattern` as if it began with `(?<![\p{L}])`, or `(?<![\p{L}\p{N}])` when `orDigit` is set.
 * The pattern must have the `u` flag (as the lookbehind needs) and must not rely on `lastIndex`.
 */
export function atWordStart(pattern: RegExp, orDigit = false): WordStartPattern {
  const search = new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`);
  // The same flags as the pattern: under `i`, a character class also takes what folds into it.
  const before = new RegExp(
    orDigit ? "[\\p{L}\\p{N}]$" : "\\p{L}$",
    pattern.flags.includes("i") ? "iu" : "u",
  );
  const exec = (text: string): RegExpExecArray | null => {
    search.lastIndex = 0;
    for (let match = search.exec(text); match !== null; match = search.exec(text)) {
      // The character before the match; two code units, as a surrogate pair is one character.
      if (!before.test(text.slice(Math.max(0, match.index - 2), match.index))) return match;
      search.lastIndex = match.index + ((match[0].codePointAt(0) ?? 0) > 0xffff ? 2 : 1);
    }
    return null;
  };
  return { exec, test: (text) => exec(text) !== null };
}
