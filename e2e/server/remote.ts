import type * as Misskey from 'misskey-js';
import type { Db } from './db.ts';

// Servers the stand-in's remote users come from, packed into their UserLite as `instance` the
// way Misskey 2024.10 describes a federated server.

type Instance = NonNullable<Misskey.entities.UserLite['instance']>;

export const REMOTE_SERVERS: Record<string, Omit<Instance, 'iconUrl' | 'faviconUrl'>> = {
  'mk.example.org': { name: 'Example Misskey', softwareName: 'misskey', softwareVersion: '2024.10.1', themeColor: '#3a6fd8' },
};

export function instanceIconFile(host: string): string {
  return `instance-${host}.svg`;
}

export function packInstance(db: Db, host: string): Instance {
  const server = REMOTE_SERVERS[host];
  const icon = db.fileUrl(instanceIconFile(host));
  return {
    name: server?.name ?? null,
    softwareName: server?.softwareName ?? null,
    softwareVersion: server?.softwareVersion ?? null,
    iconUrl: icon,
    faviconUrl: icon,
    themeColor: server?.themeColor ?? null,
  };
}
