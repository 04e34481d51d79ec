import type { FileTask, ServiceTask, Task } from '../tasks.js';
import { CONTAINERD_LICENSE } from './containerd-license.generated.js';
import type { BuildContext } from './context.js';
import { emitToml, setPath, type TomlTable } from './toml.js';

type Data = Record<string, unknown>;

const CONTAINERD_BINARIES = ['containerd', 'containerd-shim', 'containerd-shim-runc-v1', 'containerd-shim-runc-v2', 'containerd-stress', 'ctr'];

/**
 * containerd: its config.toml (and CNI template with kubenet), the binaries from its release archive and runc,
 * its systemd unit (or, on Flatcar, a drop-in for the OS's unit), and crictl's endpoint.
 */
export function containerdTasks(ctx: BuildContext): Task[] {
  const containerd = (ctx.config.containerdConfig ?? {}) as Data;
  if (containerd.skipInstall) return [];
  const flatcar = ctx.host.distribution === 'flatcar';
  const tasks: Task[] = [];
  if (ctx.config.UsesKubenet) tasks.push(cniTemplate(), ...ipMasqueradeTasks(ctx));
  tasks.push({ kind: 'File', path: '/etc/containerd/config.toml', type: 'file', contents: configToml(ctx, containerd) });
  for (const mirror of registryMirrorFiles(containerd)) tasks.push(mirror);
  if (flatcar) {
    tasks.push(flatcarDropIn());
    return tasks;
  }
  tasks.push(
    { kind: 'File', path: '/etc/crictl.yaml', type: 'file', contents: '\nruntime-endpoint: unix:///run/containerd/containerd.sock\n' },
    { kind: 'File', path: '/etc/sysconfig/containerd', type: 'file', contents: `CONTAINERD_OPTS=--log-level=${String(containerd.logLevel ?? 'info')}` },
  );
  // containerd is Apache-2.0 software: its licence goes on the host with the binaries.
  tasks.push({ kind: 'File', path: '/usr/share/doc/containerd/apache.txt', type: 'file', contents: CONTAINERD_LICENSE });
  for (const name of CONTAINERD_BINARIES) {
    const path = ctx.assets[name];
    if (path) tasks.push({ kind: 'File', path: `/usr/bin/${name}`, type: 'file', mode: '0755', contents: { asset: { key: name, path } } });
  }
  const runc = Object.keys(ctx.assets).find((k) => /^runc\.(amd64|arm64)$/.test(k));
  if (runc) tasks.push({ kind: 'File', path: '/usr/sbin/runc', type: 'file', mode: '0755', contents: { asset: { key: runc, path: ctx.assets[runc] } } });
  tasks.push(containerdService());
  return tasks;
}

/** containerd 2.3 reads config version 4; Flatcar ships its own containerd, which reads version 3. */
function configVersion(ctx: BuildContext, containerd: Data): number {
  const [major, minor] = String(containerd.version ?? '2.0.0').split('.').map(Number);
  if (major < 2) return 2;
  return major === 2 && minor < 3 ? 3 : ctx.host.distribution === 'flatcar' ? 3 : 4;
}

function configToml(ctx: BuildContext, containerd: Data): string {
  const cri = 'io.containerd.cri.v1.images';
  const runtime = 'io.containerd.cri.v1.runtime';
  const root: TomlTable = { version: configVersion(ctx, containerd), plugins: {} };
  setPath(root, `plugins."${cri}".pinned_images.sandbox`, String(containerd.sandboxImage ?? 'registry.k8s.io/pause:3.10.1'));
  if (containerd.registryMirrors) setPath(root, `plugins."${cri}".registry.config_path`, '/etc/containerd/certs.d');
  if (containerd.selinuxEnabled) setPath(root, `plugins."${runtime}".enable_selinux`, true);
  if (ctx.config.UsesKubenet) setPath(root, `plugins."${runtime}".cni.conf_template`, '/etc/containerd/config-cni.template');
  setPath(root, `plugins."${runtime}".containerd.default_runtime_name`, 'runc');
  setPath(root, `plugins."${runtime}".containerd.runtimes.runc.runtime_type`, 'io.containerd.runc.v2');
  setPath(root, `plugins."${runtime}".containerd.runtimes.runc.options.SystemdCgroup`, true);
  if ((containerd.nri as Data | undefined)?.enabled) setPath(root, 'plugins."io.containerd.nri.v1.nri".disable', false);
  for (const [path, value] of Object.entries((containerd.configAdditions ?? {}) as Data)) setPath(root, path, additionValue(value));
  return emitToml(root);
}

/** configAdditions values arrive as YAML scalars: the strings "true" and "false" mean booleans. */
function additionValue(value: unknown): string | number | boolean {
  if (value === 'true' || value === 'false') return value === 'true';
  return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
}

/** One hosts.toml per mirrored registry (`*` is containerd's `_default`). */
function registryMirrorFiles(containerd: Data): FileTask[] {
  const mirrors = (containerd.registryMirrors ?? {}) as Record<string, string[]>;
  return Object.entries(mirrors).map(([registry, endpoints]) => ({
    kind: 'File',
    path: `/etc/containerd/certs.d/${registry === '*' ? '_default' : registry}/hosts.toml`,
    type: 'file',
    contents: endpoints.map((e) => `[host."${e}"]\n  capabilities = ["pull", "resolve"]\n\n`).join(''),
  }));
}

function cniTemplate(): FileTask {
  const contents = `{
    "cniVersion": "1.0.0",
    "name": "k8s-pod-network",
    "plugins": [
        {
            "type": "ptp",
            "ipam": {
                "type": "host-local",
                "ranges": [[{"subnet": "{{.PodCIDR}}"}]],
                "routes": [{"dst":"0.0.0.0/0"}]
            }
        },
        {
            "type": "portmap",
            "capabilities": {"portMappings": true}
        }
    ]
}
`;
  return { kind: 'File', path: '/etc/containerd/config-cni.template', type: 'file', contents };
}

/** kubenet leaves masquerading to the host: traffic leaving the pod range is NATed. */
function ipMasqueradeTasks(ctx: BuildContext): Task[] {
  const podRange = String(ctx.config.Networking?.nonMasqueradeCIDR ?? '100.64.0.0/10');
  const script = [
    '#!/bin/bash',
    '# Built by kOps - do not edit',
    '',
    'iptables -w -t nat -N IP-MASQ',
    'iptables -w -t nat -A POSTROUTING -m comment --comment "ip-masq: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom IP-MASQ chain" -m addrtype ! --dst-type LOCAL -j IP-MASQ',
    `iptables -w -t nat -A IP-MASQ -d ${podRange} -m comment --comment "ip-masq: pod cidr is not subject to MASQUERADE" -j RETURN`,
    'iptables -w -t nat -A IP-MASQ -m comment --comment "ip-masq: outbound traffic is subject to MASQUERADE (must be last in chain)" -j MASQUERADE',
    '',
  ].join('\n');
  const unit = [
    '[Unit]',
    'Description=Configure iptables for kubernetes CNI',
    'Documentation=https://github.com/kubernetes/kops',
    'Before=network.target',
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    'ExecStart=/opt/kops/bin/cni-iptables-setup',
    '',
    '[Install]',
    'WantedBy=basic.target',
    '',
  ].join('\n');
  return [
    { kind: 'File', path: '/opt/kops/bin/cni-iptables-setup', type: 'file', mode: '0755', contents: script },
    { kind: 'Service', name: 'cni-iptables-setup.service', definition: unit, running: true, enabled: true, manageState: true, smartRestart: true },
  ];
}

function flatcarDropIn(): FileTask {
  return {
    kind: 'File',
    path: '/etc/systemd/system/containerd.service.d/10-kops.conf',
    type: 'file',
    contents: '[Service]\nEnvironmentFile=/etc/environment\nExecStart=\nExecStart=/usr/bin/containerd --config /etc/containerd/config.toml',
    afterFiles: ['/etc/containerd/config.toml'],
    onChangeExecute: [['systemctl', 'daemon-reload'], ['systemctl', 'restart', 'containerd.service'], ['systemctl', 'restart', 'kops-configuration.service', '&']],
  };
}

function containerdService(): ServiceTask {
  const definition = [
    '[Unit]',
    'Description=containerd container runtime',
    'Documentation=https://containerd.io',
    'After=network.target dbus.service',
    '',
    '[Service]',
    'EnvironmentFile=/etc/sysconfig/containerd',
    'EnvironmentFile=/etc/environment',
    'ExecStartPre=-/sbin/modprobe overlay',
    'ExecStart=/usr/bin/containerd -c /etc/containerd/config.toml "$CONTAINERD_OPTS"',
    'Type=notify',
    'Delegate=yes',
    'KillMode=process',
    'Restart=always',
    'RestartSec=5',
    'LimitNPROC=infinity',
    'LimitCORE=infinity',
    'LimitNOFILE=1048576',
    'TasksMax=infinity',
    'OOMScoreAdjust=-999',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
  return { kind: 'Service', name: 'containerd.service', definition, running: true, enabled: true, manageState: true, smartRestart: true };
}
