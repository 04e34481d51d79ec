/**
 * Semantic versions and the range syntax of the kops channel files (blang/semver: `>=1.27.0 <1.32.0`, clauses
 * joined by spaces are ANDed, `||` ORs alternatives). Kubernetes versions may carry a leading `v`.
 */
export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  /** Dot-separated pre-release identifiers (`alpha.1` → ['alpha', '1']); empty for a release. */
  pre: string[];
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseSemVer(text: string): SemVer | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre: m[4] ? m[4].split('.') : [] };
}

export function compareSemVer(a: SemVer, b: SemVer): number {
  for (const key of ['major', 'minor', 'patch'] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  if (!a.pre.length || !b.pre.length) return a.pre.length === b.pre.length ? 0 : a.pre.length ? -1 : 1;
  for (let i = 0; i < Math.max(a.pre.length, b.pre.length); i++) {
    if (i >= a.pre.length) return -1;
    if (i >= b.pre.length) return 1;
    const x = a.pre[i];
    const y = b.pre[i];
    if (x === y) continue;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) return Number(x) < Number(y) ? -1 : 1;
    if (xn !== yn) return xn ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

const COMPARATOR = /^(>=|<=|>|<|==|=|!=)?\s*(\S+)$/;

/** True when `version` satisfies `range`; an unparseable range matches nothing. */
export function satisfiesRange(version: SemVer, range: string): boolean {
  return range.split('||').some((alternative) => {
    const clauses = alternative.trim().split(/\s+/).filter(Boolean);
    return (
      clauses.length > 0 &&
      clauses.every((clause) => {
        const m = COMPARATOR.exec(clause);
        const bound = m ? parseSemVer(m[2]) : undefined;
        if (!m || !bound) return false;
        const c = compareSemVer(version, bound);
        switch (m[1]) {
          case '>=':
            return c >= 0;
          case '<=':
            return c <= 0;
          case '>':
            return c > 0;
          case '<':
            return c < 0;
          case '!=':
            return c !== 0;
          default:
            return c === 0;
        }
      })
    );
  });
}

/** Kubernetes `a.b` comparisons as the Go kops's IsKubernetesGTE/LT use them (major.minor only, pre-release ignored). */
export function kubernetesLT(version: SemVer, majorMinor: string): boolean {
  const [major, minor] = majorMinor.split('.').map(Number);
  return version.major < major || (version.major === major && version.minor < minor);
}
