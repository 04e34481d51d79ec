type Data = Record<string, unknown>;

/** Host directories with CA bundles of the various distributions, mounted read-only into control-plane pods. */
export const SSL_DIRS = ['/etc/ssl', '/etc/pki/tls', '/etc/pki/ca-trust', '/usr/share/ssl', '/usr/ssl', '/usr/lib/ssl', '/usr/local/openssl', '/var/ssl', '/etc/openssl'];

export interface HostMount {
  name: string;
  path: string;
  readOnly?: boolean;
}

/** The container's volumeMounts and the pod's hostPath volumes for a list of host paths. */
export function hostMounts(mounts: HostMount[]): { volumeMounts: Data[]; volumes: Data[] } {
  return {
    volumeMounts: mounts.map((m) => (m.readOnly ? { mountPath: m.path, name: m.name, readOnly: true } : { mountPath: m.path, name: m.name })),
    volumes: mounts.map((m) => ({ hostPath: { path: m.path }, name: m.name })),
  };
}

export function sslMounts(): HostMount[] {
  return SSL_DIRS.map((path) => ({ name: path.replace(/[/]/g, ''), path, readOnly: true }));
}

/** Side-loaded release images are named per architecture (`kube-proxy-amd64`); other hosts use their own. */
export function imageForArchitecture(image: unknown, architecture: string): unknown {
  return typeof image === 'string' && architecture !== 'amd64' ? image.replace('-amd64', `-${architecture}`) : image;
}
