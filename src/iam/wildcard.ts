/** True when the text holds an IAM wildcard (`*` or `?`). */
export function hasWildcard(text: string): boolean {
  return text.includes("*") || text.includes("?");
}

/**
 * Matches `text` against an IAM glob (`*` any run, `?` one character).
 * Two pointers with a single backtrack point: O(len(glob) * len(text)) at worst, unlike a regular
 * expression, which a pattern such as `*a*a*a*a*b` can send into exponential backtracking.
 */
export function globMatches(glob: string, text: string, ignoreCase: boolean): boolean {
  if (glob === "*") return true;
  const g = ignoreCase ? glob.toLowerCase() : glob;
  const t = ignoreCase ? text.toLowerCase() : text;
  if (!hasWildcard(g)) return g === t;
  let gi = 0;
  let ti = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (ti < t.length) {
    const gc = g[gi];
    if (gc === "*") {
      starAt = gi++;
      resumeAt = ti;
    } else if (gi < g.length && (gc === "?" || gc === t[ti])) {
      gi++;
      ti++;
    } else if (starAt >= 0) {
      gi = starAt + 1;
      ti = ++resumeAt;
    } else return false;
  }
  while (g[gi] === "*") gi++;
  return gi === g.length;
}

/**
 * True when every string matched by glob `inner` is also matched by glob `outer`.
 * Sound but not complete: it may answer false for some true inclusions (then a Deny is not
 * credited with shadowing an Allow, which errs towards reporting).
 */
export function globCovers(outer: string, inner: string, ignoreCase: boolean): boolean {
  const o = ignoreCase ? outer.toLowerCase() : outer;
  const i = ignoreCase ? inner.toLowerCase() : inner;
  if (o === "*" || o === i) return true;
  if (o.length * (i.length + 1) > MAX_COVER_WORK) return false;
  // Quick answers from the literal text around the wildcards: literals of `o` must meet the same
  // literals of `i`, so `i` starts with what precedes o's first wildcard and ends with what follows its last.
  let first = 0;
  while (first < o.length && o[first] !== "*" && o[first] !== "?") first++;
  if (first === o.length) return false;
  let last = o.length - 1;
  while (o[last] !== "*" && o[last] !== "?") last--;
  const head = o.slice(0, first);
  const tail = o.slice(last + 1);
  if (i.length < head.length + tail.length || !i.startsWith(head) || !i.endsWith(tail)) return false;
  // A single `*` between two literals absorbs whatever lies between them (wildcards included).
  if (first === last && o[last] === "*") return true;
  // Dynamic programme over suffixes: a `*` in `o` may absorb anything (wildcards of `i` included);
  // a literal in `o` may only meet the same literal of `i`, and a `?` in `o` any single non-`*` of `i`.
  let next: boolean[] = new Array<boolean>(i.length + 1).fill(false);
  next[i.length] = true;
  for (let oi = o.length - 1; oi >= 0; oi--) {
    const cur: boolean[] = new Array<boolean>(i.length + 1).fill(false);
    const oc = o[oi];
    for (let ii = i.length; ii >= 0; ii--) {
      if (oc === "*") cur[ii] = next[ii] === true || (ii < i.length && cur[ii + 1] === true);
      else if (ii < i.length) {
        const ic = i[ii];
        const compatible = oc === "?" ? ic !== "*" : ic !== "*" && ic !== "?" && oc === ic;
        cur[ii] = compatible && next[ii + 1] === true;
      }
    }
    next = cur;
  }
  return next[0] === true;
}

const MAX_COVER_WORK = 4_000_000;
