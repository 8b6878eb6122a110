// Misskey versions: semver-like (12.110.1) or calendar (2024.10.1); only the numbers count,
// so 12.111.0-beta compares as 12.111.0.
function parts(version: string): [number, number, number] | null {
  const match = /^\s*v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : null;
}

// An unreadable version is taken as new: servers that invent formats are modern forks.
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = parts(version);
  const b = parts(minimum);
  if (!a || !b) return true;
  for (let i = 0; i < 3; i++) {
    if (a[i] !== b[i]) return a[i]! > b[i]!;
  }
  return true;
}

// Servers before 12.111.0 answer API calls over the stream; later ones only over REST.
export function isLegacyVersion(version: string): boolean {
  return !versionAtLeast(version, '12.111.0');
}
