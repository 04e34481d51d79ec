import type { CommandSpec, FlagSpec, FlagType } from './spec.js';

/**
 * Every command of the kops CLI with its flags, aliases and positional arguments. Handlers live in
 * src/cli/commands/ and are imported only when their command runs; to implement a command, add its
 * `handler: () => import('./commands/<file>.js')` entry here.
 */

type FlagOptions = Omit<FlagSpec, 'name' | 'type' | 'help'>;
const flag =
  (type: FlagType) =>
  (name: string, help: string, options: FlagOptions = {}): FlagSpec => ({ name, type, help, ...options });
const bool = flag('bool');
const str = flag('string');
const strs = flag('strings');
const strArray = flag('stringArray');
const int = flag('int');
const duration = flag('duration');

const yes = (help: string) => bool('yes', help, { short: 'y' });
const apiServer = str('api-server', 'API server endpoint to use instead of the one derived from the cluster');
const useKubeconfig = bool('use-kubeconfig', 'Take the API server endpoint from the local kubeconfig');
const adminCredential = duration('admin', 'Add a cluster-admin credential of this lifetime to the kubeconfig context', {
  valueWhenBare: '18h0m0s',
});
const setValues = strs('set', 'Set a field of the spec, as path=value (repeatable)', { default: '[]', aliases: ['override'] });
const unsetValues = strs('unset', 'Remove a field from the spec, by path (repeatable)');
const instanceGroupFilter = strs('instance-group', 'Only these instance groups (all when not given)');
const instanceGroupRoles = strs(
  'instance-group-roles',
  'Only instance groups with these roles (control-plane, apiserver, node, bastion, etcd, scheduler, kubecontrollermanager)',
);
const validateCount = int('validate-count', 'How many consecutive validations must pass after each node', { default: '2' });
const validationTimeout = duration('validation-timeout', 'Longest wait for the cluster to validate', { default: '15m0s' });
const postDrainDelay = duration('post-drain-delay', 'Pause after draining each node', { default: '5s' });
const failOnDrainError = bool('fail-on-drain-error', 'Stop when a node cannot be drained', { default: 'true' });
const failOnValidateError = bool('fail-on-validate-error', 'Stop when the cluster does not validate', { default: 'true' });
const getOutput = str('output', 'Output format: table, yaml or json', { short: 'o', default: 'table', persistent: true, choices: ['table', 'yaml', 'json'] });
const dryRunOutput = str('output', 'Format for --dry-run: yaml or json', { short: 'o', choices: ['yaml', 'json'] });
const target = str('target', 'Where changes go: direct or terraform', { default: 'direct', valueName: 'target', choices: ['direct', 'terraform'] });
const secretFile = (what: string) => str('filename', `File holding the ${what}`, { short: 'f' });
const forceSecret = bool('force', 'Replace the secret when it exists already');

const pkiHandlers = {
  createKeypair: () => import('./commands/create-keypair.js'),
  getKeypairs: () => import('./commands/get-keypairs.js'),
  promoteKeypair: () => import('./commands/promote-keypair.js'),
  distrustKeypair: () => import('./commands/distrust-keypair.js'),
  trustKeypair: () => import('./commands/trust-keypair.js'),
  createSecret: () => import('./commands/create-secret.js'),
  getSecrets: () => import('./commands/get-secrets.js'),
  deleteSecret: () => import('./commands/delete-secret.js'),
  createSshPublicKey: () => import('./commands/create-sshpublickey.js'),
  getSshPublicKeys: () => import('./commands/get-sshpublickeys.js'),
  deleteSshPublicKey: () => import('./commands/delete-sshpublickey.js'),
  exportKubeconfig: () => import('./commands/export-kubeconfig.js'),
};

const handlers = {
  version: () => import('./commands/version.js'),
  completion: () => import('./commands/completion.js'),
  completeNames: () => import('./commands/complete-names.js'),
  createFromFile: () => import('./commands/create-from-file.js'),
  createInstanceGroup: () => import('./commands/create-instancegroup.js'),
  createCluster: () => import('./commands/create-cluster.js'),
  replace: () => import('./commands/replace.js'),
  getAll: () => import('./commands/get-all.js'),
  getClusters: () => import('./commands/get-clusters.js'),
  getInstanceGroups: () => import('./commands/get-instancegroups.js'),
  editCluster: () => import('./commands/edit-cluster.js'),
  editInstanceGroup: () => import('./commands/edit-instancegroup.js'),
  deleteFromFile: () => import('./commands/delete-from-file.js'),
  deleteInstanceGroup: () => import('./commands/delete-instancegroup.js'),
  deleteCluster: () => import('./commands/delete-cluster.js'),
  toolboxAddonsList: () => import('./commands/toolbox-addons-list.js'),
  toolboxAddonsApply: () => import('./commands/toolbox-addons-apply.js'),
  getInstances: () => import('./commands/get-instances.js'),
  toolboxDump: () => import('./commands/toolbox-dump.js'),
  validateCluster: () => import('./commands/validate-cluster.js'),
  toolboxUnlock: () => import('./commands/toolbox-unlock.js'),
  rollingUpdateCluster: () => import('./commands/rolling-update-cluster.js'),
  deleteInstance: () => import('./commands/delete-instance.js'),
  upgradeCluster: () => import('./commands/upgrade-cluster.js'),
  reconcileCluster: () => import('./commands/reconcile-cluster.js'),
};

const completionShell = (shell: string, summary: string): CommandSpec => ({
  name: shell,
  summary,
  flags: [bool('no-descriptions', 'Leave command and flag descriptions out of the completions')],
  handler: handlers.completion,
});

export const globalFlags: FlagSpec[] = [
  str('config', 'YAML file with defaults for --state and --name (default $HOME/.kops.yaml)'),
  str('name', 'Cluster to act on; takes precedence over $KOPS_CLUSTER_NAME'),
  str('state', 'State store holding the cluster configuration (s3://, file://); takes precedence over $KOPS_STATE_STORE'),
  int('v', 'Log verbosity (0 = quiet, higher = more detail)', { short: 'v', valueName: 'Level' }),
  duration('lock-timeout', 'How long to wait while another kops command changes the same cluster (0: fail at once)', { default: '0s' }),
  str('alsologtostderrthreshold', 'Accepted for compatibility with kops logging flags; has no effect', { valueName: 'severity' }),
  bool('legacy_stderr_threshold_behavior', 'Accepted for compatibility with kops logging flags; has no effect'),
];

export const commandTree: CommandSpec = {
  name: 'kops',
  summary: 'kops in TypeScript: create, upgrade and delete Kubernetes clusters on AWS',
  description:
    'Manage Kubernetes clusters declaratively: describe them as Cluster and InstanceGroup objects kept in a state store,\n' +
    'then let kops create, reconfigure, upgrade or delete the cloud resources (or write the Terraform for them).',
  children: [
    {
      name: 'completion',
      summary: 'Print a shell completion script',
      description: 'Print a script that teaches your shell to complete kops commands and flags. Load it from your shell profile.',
      children: [
        completionShell('bash', 'Completion script for bash'),
        completionShell('fish', 'Completion script for fish'),
        completionShell('powershell', 'Completion script for PowerShell'),
        completionShell('zsh', 'Completion script for zsh'),
      ],
    },
    {
      name: 'create',
      summary: 'Create resources from a file or from flags',
      description: 'Create the Cluster, InstanceGroup and SSHCredential objects in FILENAME (multi-document YAML; - reads stdin).',
      args: '{-f FILENAME}...',
      examples: ['kops create -f my-cluster.yaml', 'kops create cluster --name k8s.example.com --zones us-east-1a'],
      flags: [strs('filename', 'Files with the objects to create', { short: 'f' })],
      handler: handlers.createFromFile,
      children: [
        {
          name: 'cluster',
          aliases: ['clusters'],
          summary: 'Create a cluster configuration',
          description:
            'Build a Cluster and its InstanceGroups from flags and save them to the state store; with --yes also create the cloud resources.',
          args: '[CLUSTER]',
          examples: ['kops create cluster --name k8s.example.com --zones us-east-1a --yes'],
          flags: [
            strs('admin-access', 'CIDRs allowed to reach the Kubernetes API', { default: '[0.0.0.0/0,::/0]' }),
            str('api-loadbalancer-type', 'Kind of load balancer in front of the API: public or internal', { choices: ['public', 'internal'] }),
            str('api-public-name', 'Public DNS name of the Kubernetes API', { aliases: ['master-public-name'] }),
            str('api-ssl-certificate', 'ARN of a TLS certificate for the API load balancer (AWS)'),
            bool('associate-public-ip', 'Give control-plane and node instances public IPs (set =false to disable)'),
            str('authorization', 'Authorization mode: RBAC or AlwaysAllow', { default: 'RBAC', choices: ['RBAC', 'AlwaysAllow'] }),
            bool('bastion', 'Add a bastion instance group (private topology only)'),
            str('bastion-image', 'Image for the bastion; overrides --image'),
            str('channel', 'Release channel supplying default versions and settings', { default: 'stable' }),
            str('cloud', 'Cloud provider: aws, digitalocean, gce, hetzner, openstack', { choices: ['aws', 'digitalocean', 'gce', 'hetzner', 'openstack'] }),
            str('cloud-labels', 'Tags for every instance group, as "Key=Value,Key2=Value2"'),
            int('control-plane-count', 'How many control-plane nodes (default: one per control-plane zone)', { aliases: ['master-count'] }),
            str('control-plane-image', 'Image for control-plane nodes; overrides --image', { aliases: ['master-image'] }),
            strs('control-plane-security-groups', 'Existing security groups to add to control-plane nodes', {
              aliases: ['master-security-groups'],
            }),
            strs('control-plane-size', 'Instance type(s) for control-plane nodes', { aliases: ['master-size'] }),
            str('control-plane-tenancy', 'Tenancy of control-plane instances (AWS): default or dedicated', { aliases: ['master-tenancy'] }),
            int('control-plane-volume-size', 'Root volume size in GB for control-plane nodes', { aliases: ['master-volume-size'] }),
            str('control-plane-volume-type', 'Root volume type for control-plane nodes'),
            strs('control-plane-zones', 'Zones for control-plane nodes (an odd number)', { aliases: ['master-zones'] }),
            bool('disable-subnet-tags', 'Do not tag subnets automatically'),
            str('discovery-store', 'Public location for OIDC discovery documents; turns on IRSA on AWS'),
            str('dns', 'DNS kind: public, private or none', { choices: ['public', 'private', 'none'] }),
            str('dns-zone', 'Hosted zone to use (default: the longest zone matching the cluster name)'),
            bool('dry-run', 'Print the objects instead of saving them (needs --output)'),
            bool('encrypt-etcd-storage', 'Encrypt etcd volumes with a KMS key'),
            strs('etcd-clusters', 'etcd clusters to run: main, events, leases', { default: '[main,events]' }),
            str('etcd-storage-type', 'Volume type for etcd members'),
            str('gce-service-account', 'Service account for GCE instances (default: the compute default account)'),
            str('image', 'Image for all instances'),
            str('instance-manager', 'What manages instances: cloudgroups or karpenter', { default: 'cloudgroups', choices: ['cloudgroups', 'karpenter'] }),
            bool('ipv6', 'Use IPv6 for pods (AWS)'),
            strs('kubernetes-feature-gates', 'Kubernetes feature gates to turn on (Name) or off (-Name)'),
            str('kubernetes-version', 'Kubernetes version (default: from the channel)'),
            strs('network-cidr', 'CIDR(s) of the cluster network'),
            str('network-id', 'Existing VPC or network to use', { aliases: ['vpc'] }),
            str(
              'networking',
              'Pod networking: kubenet, external, flannel-vxlan, flannel-udp, calico, kube-router, amazonvpc, cilium, cilium-etcd, kindnet, cni',
              {
                default: 'cilium',
                choices: ['kubenet', 'external', 'flannel-vxlan', 'flannel', 'flannel-udp', 'calico', 'kube-router', 'amazonvpc', 'cilium', 'cilium-etcd', 'kindnet', 'cni'],
              },
            ),
            int('node-count', 'Total number of worker nodes (default: one per zone)'),
            str('node-image', 'Image for worker nodes; overrides --image'),
            strs('node-security-groups', 'Existing security groups to add to worker nodes'),
            strs('node-size', 'Instance type(s) for worker nodes'),
            str('node-tenancy', 'Tenancy of worker instances (AWS): default or dedicated'),
            int('node-volume-size', 'Root volume size in GB for worker nodes'),
            str('node-volume-type', 'Root volume type for worker nodes (gp3, gp2, io1, ...)'),
            str('os-dns-servers', 'OpenStack: comma-separated DNS servers for the network'),
            str('os-ext-net', 'OpenStack: external network for the router'),
            str('os-ext-subnet', 'OpenStack: external floating subnet for the router'),
            bool('os-kubelet-ignore-az', 'OpenStack: allow attaching volumes across zones'),
            str('os-lb-floating-subnet', 'OpenStack: external subnet for the API load balancer'),
            str('os-network', 'OpenStack: existing network ID'),
            bool('os-octavia', 'OpenStack: use the Octavia load balancer API'),
            str('os-octavia-provider', 'OpenStack: Octavia provider'),
            str('out', 'Directory for local output (Terraform files)'),
            dryRunOutput,
            str('project', 'GCE project (required on GCE)'),
            setValues,
            strs('ssh-access', 'CIDRs allowed to reach SSH (default: same as --admin-access)'),
            str('ssh-public-key', 'SSH public key file for instance access'),
            strs('subnets', 'Existing subnets to use'),
            target,
            str('topology', 'Network topology: public or private (default: public for IPv4, private for IPv6)', { short: 't', choices: ['public', 'private'] }),
            unsetValues,
            strs('utility-subnets', 'Existing utility subnets to use'),
            yes('Create the cloud resources right away'),
            strs('zones', 'Zones to run the cluster in'),
          ],
          handler: handlers.createCluster,
        },
        {
          name: 'instancegroup',
          aliases: ['instancegroups', 'ig'],
          summary: 'Create an instance group',
          description:
            'Add an InstanceGroup (a set of identical machines; an Auto Scaling group on AWS) to a cluster. Its role makes it\n' +
            'control plane, worker nodes or a bastion. An editor opens on the defaults unless --edit=false.',
          args: 'INSTANCE_GROUP',
          examples: [
            'kops create instancegroup --name k8s.example.com workers --role node --subnet us-east-1a,us-east-1b',
            'kops create instancegroup --name k8s.example.com workers --subnet us-east-1a --dry-run -o yaml',
          ],
          flags: [
            bool('dry-run', 'Print the instance group instead of saving it'),
            bool('edit', 'Open an editor on the defaults before saving', { default: 'true' }),
            dryRunOutput,
            str('role', 'Role of the group: control-plane, node or bastion', { default: 'node', choices: ['control-plane', 'node', 'bastion'] }),
            strs('subnet', 'Subnet(s) of the cluster to place the group in'),
            strs('zone', 'Zone(s) to place the group in'),
          ],
          handler: handlers.createInstanceGroup,
        },
        {
          name: 'keypair',
          aliases: ['keypairs'],
          summary: 'Add a CA keypair to a keyset',
          args: '{KEYSET | all}',
          flags: [
            str('cert', 'File with the CA certificate (PEM)'),
            str('key', 'File with the CA private key (PEM)'),
            bool('primary', 'Make this keypair the one that issues certificates'),
          ],
          handler: pkiHandlers.createKeypair,
        },
        {
          name: 'secret',
          aliases: ['secrets'],
          summary: 'Create a secret',
          children: [
            {
              name: 'ciliumpassword',
              summary: 'Store the Cilium IPsec configuration',
              args: '[CLUSTER] -f FILENAME',
              flags: [secretFile('Cilium IPsec configuration'), forceSecret],
              handler: pkiHandlers.createSecret,
            },
            {
              name: 'dockerconfig',
              summary: 'Store a Docker config.json for pulling images',
              args: '[CLUSTER] -f FILENAME',
              flags: [secretFile('Docker config JSON'), forceSecret],
              handler: pkiHandlers.createSecret,
            },
            {
              name: 'encryptionconfig',
              summary: 'Store the API server encryption-at-rest configuration',
              args: '[CLUSTER] -f FILENAME',
              flags: [secretFile('encryption configuration YAML'), forceSecret],
              handler: pkiHandlers.createSecret,
            },
          ],
        },
        {
          name: 'sshpublickey',
          summary: 'Store the SSH public key for instance access',
          args: '[CLUSTER]',
          flags: [str('ssh-public-key', 'File with the SSH public key', { short: 'i' })],
          handler: pkiHandlers.createSshPublicKey,
        },
      ],
    },
    {
      name: 'delete',
      summary: 'Delete clusters, instance groups, instances and secrets',
      description: 'Delete the objects described in FILENAME (- reads stdin).',
      args: '{-f FILENAME}...',
      examples: ['kops delete -f my-cluster.yaml', 'kops delete instancegroup --name k8s.example.com workers --yes'],
      flags: [strs('filename', 'Files with the objects to delete', { short: 'f' }), yes('Delete without asking')],
      handler: handlers.deleteFromFile,
      children: [
        {
          name: 'cluster',
          aliases: ['clusters'],
          summary: 'Delete a cluster and its cloud resources',
          args: '[CLUSTER]',
          flags: [
            int('count', 'Give up after this many consecutive rounds without progress'),
            bool('external', 'Delete a cluster that kops did not create'),
            duration('interval', 'Pause between deletion rounds', { default: '10s' }),
            str('region', 'Cloud region of an external cluster'),
            bool('unregister', 'Only remove the cluster from the state store; keep cloud resources'),
            duration('wait', 'Longest wait for cloud resources to go away', { default: '10m0s' }),
            yes('Really delete; without it, only list what would be deleted'),
          ],
          handler: handlers.deleteCluster,
        },
        {
          name: 'instance',
          aliases: ['instances'],
          summary: 'Delete one instance, draining its node first',
          args: 'INSTANCE|NODE',
          flags: [
            apiServer,
            bool('cloudonly', 'Delete without checking progress with Kubernetes'),
            failOnDrainError,
            failOnValidateError,
            postDrainDelay,
            bool('surge', 'Detach the instance from its group first so a replacement starts early', { default: 'true' }),
            useKubeconfig,
            validateCount,
            validationTimeout,
            yes('Delete the instance right away'),
          ],
          handler: handlers.deleteInstance,
        },
        {
          name: 'instancegroup',
          aliases: ['instancegroups', 'ig'],
          summary: 'Delete an instance group',
          args: 'INSTANCE_GROUP',
          flags: [yes('Really delete; without it, only say what would be deleted')],
          handler: handlers.deleteInstanceGroup,
        },
        { name: 'secret', aliases: ['secrets'], summary: 'Delete secrets', args: 'SECRET_NAME...', handler: pkiHandlers.deleteSecret },
        { name: 'sshpublickey', summary: 'Delete the SSH public key', args: '[CLUSTER]', handler: pkiHandlers.deleteSshPublicKey },
      ],
    },
    {
      name: 'distrust',
      summary: 'Stop trusting keypairs',
      children: [{ name: 'keypair', aliases: ['keypairs'], summary: 'Mark keypairs as no longer trusted', args: '{KEYSET [ID]... | all}', handler: pkiHandlers.distrustKeypair }],
    },
    {
      name: 'edit',
      summary: 'Edit clusters and instance groups in an editor',
      children: [
        {
          name: 'cluster',
          aliases: ['clusters'],
          summary: 'Edit a cluster specification',
          description:
            'Open the Cluster object in $KUBE_EDITOR or $EDITOR and save it when the edit is valid. An invalid edit re-opens\n' +
            'the editor with the error on top; nothing is written until the object is valid.',
          args: '[CLUSTER]',
          flags: [setValues, unsetValues],
          handler: handlers.editCluster,
        },
        {
          name: 'instancegroup',
          aliases: ['instancegroups', 'ig'],
          summary: 'Edit an instance group specification',
          description: 'Open the InstanceGroup object in $KUBE_EDITOR or $EDITOR and save it when the edit is valid.',
          args: 'INSTANCE_GROUP',
          flags: [setValues, unsetValues],
          handler: handlers.editInstanceGroup,
        },
      ],
    },
    {
      name: 'export',
      summary: 'Export configuration',
      children: [
        {
          name: 'kubeconfig',
          aliases: ['kubecfg'],
          summary: 'Write a kubeconfig entry for a cluster',
          args: '[CLUSTER | --all]',
          flags: [
            adminCredential,
            bool('all', 'Export every cluster in the state store'),
            apiServer,
            bool('auth-plugin', 'Authenticate through the kops authentication plugin'),
            bool('internal', "Use the cluster's internal DNS name"),
            str('kubeconfig', 'Kubeconfig file to write'),
            str('user', 'Existing kubeconfig user to put in the context'),
          ],
          handler: pkiHandlers.exportKubeconfig,
        },
      ],
    },
    {
      name: 'get',
      summary: 'List resources',
      description: 'Without a subcommand, show everything for a cluster (like `kops get all`).',
      args: '[CLUSTER]',
      flags: [getOutput],
      handler: handlers.getAll,
      children: [
        { name: 'all', summary: 'Show the cluster and its instance groups', args: '[CLUSTER]', handler: handlers.getAll },
        {
          name: 'assets',
          summary: 'List the files and images a cluster needs',
          args: '[CLUSTER]',
          flags: [bool('copy', 'Copy the assets to the configured local repositories')],
          handler: () => import('./commands/get-assets.js'),
        },
        {
          name: 'clusters',
          aliases: ['cluster'],
          summary: 'List clusters',
          args: '[CLUSTER]...',
          examples: ['kops get clusters', 'kops get cluster k8s.example.com -o yaml'],
          flags: [
            bool('full', 'Show the completed specification with every default filled in'),
            bool('show-origin', 'With --full, mark each value with where it came from (user, default, inferred, channel)'),
          ],
          handler: handlers.getClusters,
        },
        {
          name: 'instancegroups',
          aliases: ['instancegroup', 'ig'],
          summary: 'List instance groups',
          args: '[INSTANCE_GROUP]...',
          examples: ['kops get instancegroups --name k8s.example.com', 'kops get ig --name k8s.example.com nodes -o yaml'],
          handler: handlers.getInstanceGroups,
        },
        {
          name: 'instances',
          aliases: ['instance'],
          summary: 'List the instances of a cluster',
          args: '[CLUSTER]',
          flags: [apiServer, useKubeconfig],
          handler: handlers.getInstances,
        },
        {
          name: 'keypairs',
          aliases: ['keypair'],
          summary: 'List keypairs',
          args: '[KEYSET]...',
          flags: [bool('distrusted', 'Include keypairs that are no longer trusted')],
          handler: pkiHandlers.getKeypairs,
        },
        { name: 'secrets', aliases: ['secret'], summary: 'List secrets (values only with -o plaintext)', args: '[SECRET_NAME]...', handler: pkiHandlers.getSecrets },
        { name: 'sshpublickeys', aliases: ['sshpublickey'], summary: 'List SSH public keys', args: '[CLUSTER]', handler: pkiHandlers.getSshPublicKeys },
      ],
    },
    {
      name: 'promote',
      summary: 'Promote a resource',
      children: [
        { name: 'keypair', aliases: ['keypairs'], summary: 'Make a trusted keypair the primary one of its keyset', args: '{KEYSET [ID] | all}', handler: pkiHandlers.promoteKeypair },
      ],
    },
    {
      name: 'reconcile',
      summary: 'Reconcile a cluster with its specification',
      children: [
        {
          name: 'cluster',
          aliases: ['clusters'],
          summary: 'Update the cloud and roll the control plane, then the nodes, in a safe order',
          args: '[CLUSTER]',
          flags: [
            bool('allow-kops-downgrade', 'Allow changes even when a newer kops last touched the cluster'),
            apiServer,
            useKubeconfig,
            yes('Apply the changes; without it, only show them'),
          ],
          handler: handlers.reconcileCluster,
        },
      ],
    },
    {
      name: 'replace',
      summary: 'Replace resources with the ones in a file',
      description: 'Overwrite the stored Cluster and InstanceGroup objects with the ones in FILENAME (- reads stdin).',
      args: '{-f FILENAME}...',
      examples: ['kops replace -f my-cluster.yaml', 'kops replace -f my-cluster.yaml --force'],
      flags: [
        strs('filename', 'Files with the objects to replace', { short: 'f' }),
        bool('force', 'Also create objects that do not exist yet'),
      ],
      handler: handlers.replace,
    },
    {
      name: 'rolling-update',
      summary: 'Replace instances whose configuration changed',
      children: [
        {
          name: 'cluster',
          aliases: ['clusters'],
          summary: 'Roll instances that need replacing, one group at a time',
          args: '[CLUSTER]',
          flags: [
            duration('admin', 'Lifetime of the cluster-admin credential used while rolling', { default: '18h0m0s' }),
            apiServer,
            duration('bastion-interval', 'Pause between bastion restarts', { default: '15s' }),
            bool('cloudonly', 'Replace instances without validating the cluster (causes downtime)'),
            duration('control-plane-interval', 'Pause between control-plane restarts', { default: '15s', aliases: ['master-interval'] }),
            duration('drain-timeout', 'Longest wait for a node to drain', { default: '15m0s' }),
            failOnDrainError,
            failOnValidateError,
            bool('force', 'Replace instances even when nothing changed'),
            instanceGroupFilter,
            instanceGroupRoles,
            bool('interactive', 'Ask before moving on after each instance', { short: 'i' }),
            duration('node-interval', 'Pause between worker restarts', { default: '15s' }),
            postDrainDelay,
            useKubeconfig,
            validateCount,
            validationTimeout,
            yes('Roll now; without it, only show what would be rolled'),
          ],
          handler: handlers.rollingUpdateCluster,
        },
      ],
    },
    {
      name: 'toolbox',
      summary: 'Less common and experimental tools',
      children: [
        {
          name: 'addons',
          summary: 'Inspect and apply add-on channels',
          children: [
            {
              name: 'apply',
              summary: 'Apply an add-on channel (by default the cluster\'s bootstrap channel) to the cluster',
              args: '[CLUSTER | CHANNEL]',
              flags: [str('kubeconfig', 'Kubeconfig file to use'), bool('yes', 'Apply the changes')],
              handler: handlers.toolboxAddonsApply,
            },
            {
              name: 'list',
              summary: 'List the add-ons of the cluster\'s channel',
              args: '[CLUSTER]',
              flags: [str('output', 'Output format: table, yaml or json', { short: 'o', default: 'table', choices: ['table', 'yaml', 'json'] })],
              handler: handlers.toolboxAddonsList,
            },
          ],
        },
        {
          name: 'unlock',
          summary: 'Break the lock a kops command left on a cluster when it was killed',
          // An extension of this kops (the Go kops takes no lock), so it stays out of the documented tree.
          hidden: true,
          args: '[CLUSTER]',
          flags: [yes('Break the lock; without it, only show who holds it')],
          handler: handlers.toolboxUnlock,
        },
        {
          name: 'clusterapi',
          summary: 'Cluster API helpers',
          children: [
            {
              name: 'generate',
              summary: 'Generate Cluster API objects',
              children: [
                {
                  name: 'machinedeployment',
                  summary: 'Generate a MachineDeployment for the cluster',
                  args: '[CLUSTER]',
                  flags: [
                    str('cluster', 'Cluster the machines join'),
                    str('image', 'Image for the machines (default: one used by an instance group)'),
                    str('instance-type', 'Instance type (default: one used by an instance group)'),
                    str('name', 'Name of the MachineDeployment and related objects'),
                    str('namespace', 'Namespace of the generated objects', { default: 'kube-system' }),
                    int('replicas', 'Number of machines', { default: '1' }),
                    str('subnet', 'Subnet (default: one used by an instance group)'),
                    strArray('zones', 'Zones (default: every zone of the cluster)'),
                  ],
                },
              ],
            },
          ],
        },
        {
          name: 'dump',
          summary: 'Dump cluster state for debugging',
          args: '[CLUSTER]',
          flags: [
            bool('cloud-resources', 'Include cloud resources', { default: 'true' }),
            str('dir', 'Directory to collect node logs and other files into'),
            bool('k8s-resources', 'Include Kubernetes resources'),
            int('max-nodes', 'Most nodes to collect logs from', { default: '500' }),
            duration('node-dump-timeout', 'Time limit per node', { default: '1m0s' }),
            str('output', 'Format: yaml or json', { short: 'o', default: 'yaml' }),
            str('private-key', 'SSH private key for reaching instances', { default: '~/.ssh/id_rsa' }),
            str('ssh-user', 'SSH user on the instances', { default: 'ubuntu' }),
          ],
          handler: handlers.toolboxDump,
        },
        {
          name: 'enroll',
          summary: 'Add an existing machine to a cluster',
          args: '[CLUSTER]',
          flags: [
            apiServer,
            bool('build-host', 'Only build the Host object; do not enroll the machine'),
            str('cluster', 'Cluster to join'),
            str('host', 'Address of the machine'),
            str('instance-group', 'Instance group to join'),
            strs('pod-cidr', 'Pod IP ranges for this node'),
            int('ssh-port', 'SSH port', { default: '22' }),
            str('ssh-user', 'SSH user', { default: 'root' }),
            useKubeconfig,
          ],
        },
        {
          name: 'instance-selector',
          summary: 'Create instance groups from instance types matching resource criteria',
          args: 'INSTANCE_GROUP',
          flags: [
            str('allow-list', 'Regular expression of instance types to choose from'),
            str('base-instance-type', 'Find types similar to this one'),
            bool('burst-support', 'Only burstable types'),
            bool('cluster-autoscaler', 'Tag the group for cluster-autoscaler discovery', { default: 'true' }),
            str('cpu-architecture', 'CPU architecture: amd64 or arm64', { default: 'amd64' }),
            str('deny-list', 'Regular expression of instance types to leave out'),
            bool('dry-run', 'Print the instance groups instead of saving them'),
            bool('ena-support', 'Only types that support ENA'),
            bool('flexible', 'Choose across generations using sensible default filters'),
            str('gpu-memory', 'Exact total GPU memory (e.g. 4gb)'),
            str('gpu-memory-max', 'Most total GPU memory'),
            str('gpu-memory-min', 'Least total GPU memory'),
            int('gpus', 'Exact number of GPUs'),
            int('gpus-max', 'Most GPUs'),
            int('gpus-min', 'Least GPUs'),
            int('ig-count', 'Number of groups to create, with vCPU:memory ratios doubling from 1:2'),
            int('max-results', 'Most instance types to return', { default: '20' }),
            str('memory', 'Exact memory (e.g. 4gb)'),
            str('memory-max', 'Most memory'),
            str('memory-min', 'Least memory'),
            int('network-interfaces', 'Exact number of network interfaces'),
            int('network-interfaces-max', 'Most network interfaces'),
            int('network-interfaces-min', 'Least network interfaces'),
            int('node-count-max', 'Largest group size', { default: '10' }),
            int('node-count-min', 'Smallest group size', { default: '1' }),
            strs('node-security-groups', 'Existing security groups to add to the nodes'),
            int('node-volume-size', 'Root volume size in GiB'),
            str('output', 'Format for --dry-run: yaml or json', { short: 'o', default: 'yaml' }),
            str('placement-group-strategy', 'Placement group strategy: cluster, partition or spread'),
            strs('subnets', 'Subnets (or zones) for the group'),
            str('usage-class', 'Purchase option: spot or on-demand', { default: 'on-demand' }),
            int('vcpus', 'Exact number of vCPUs'),
            int('vcpus-max', 'Most vCPUs'),
            int('vcpus-min', 'Least vCPUs'),
            str('vcpus-to-memory-ratio', 'vCPU to memory (MiB) ratio, e.g. 1:2'),
          ],
        },
        {
          name: 'template',
          summary: 'Render cluster manifests from templates and values',
          args: '[CLUSTER]',
          flags: [
            str('channel', 'Channel used by the channel* template functions', { default: 'stable' }),
            str('config-value', 'Print one configuration value and exit'),
            bool('fail-on-missing', 'Fail when a template uses an unset value', { default: 'true' }),
            bool('format-yaml', 'Reformat the rendered YAML'),
            str('out', 'Output file (default: stdout)'),
            strArray('set', 'Set values as key=value (comma-separated or repeated)'),
            strArray('set-string', 'Set string values as key=value (comma-separated or repeated)'),
            strs('snippets', 'Directories of snippets the templates can include'),
            strs('template', 'Template files or directories to render'),
            strs('values', 'Files with values for the templates'),
          ],
        },
      ],
    },
    {
      name: 'trust',
      summary: 'Trust keypairs',
      children: [{ name: 'keypair', aliases: ['keypairs'], summary: 'Mark keypairs as trusted again', args: 'KEYSET ID...', handler: pkiHandlers.trustKeypair }],
    },
    {
      name: 'update',
      summary: 'Update a cluster',
      children: [
        {
          name: 'cluster',
          aliases: ['clusters'],
          summary: 'Bring the cloud resources in line with the cluster specification',
          description: 'Compute the cloud resources the cluster needs and create or change them; without --yes only print the changes.',
          args: '[CLUSTER]',
          flags: [
            adminCredential,
            bool('allow-kops-downgrade', 'Allow changes even when a newer kops last touched the cluster'),
            apiServer,
            bool('create-kube-config', 'Write a kubeconfig entry for the cluster', { default: 'true' }),
            bool('ignore-kubelet-version-skew', 'Move every instance group to the new Kubernetes version regardless of the control plane'),
            instanceGroupFilter,
            instanceGroupRoles,
            bool('internal', "Use the cluster's internal DNS name in the kubeconfig (implies --create-kube-config)"),
            strs('lifecycle-overrides', 'Per-task lifecycle overrides, e.g. SecurityGroups=Ignore,InternetGateway=ExistsAndWarnIfChanges'),
            str('out', 'Directory for local output (Terraform files)'),
            str('phase', 'Only this part of the work: cluster, network or security', { choices: ['cluster', 'network', 'security'] }),
            bool('prune', 'Delete old revisions of cloud resources left from an upgrade'),
            str('ssh-public-key', 'SSH public key to use (deprecated: use kops create sshpublickey)'),
            target,
            useKubeconfig,
            str('user', 'Existing kubeconfig user to put in the context (implies --create-kube-config)'),
            yes('Make the changes; without it, only print them'),
          ],
          handler: () => import('./commands/update-cluster.js'),
        },
      ],
    },
    {
      name: 'upgrade',
      summary: 'Upgrade the Kubernetes version of a cluster',
      children: [
        {
          name: 'cluster',
          aliases: ['clusters'],
          summary: 'Move the cluster specification to the recommended versions',
          args: '[CLUSTER]',
          flags: [
            str('channel', 'Channel to take versions from'),
            str('kubernetes-version', 'Kubernetes version to move to'),
            yes('Save the upgraded specification; without it, only show the changes'),
          ],
          handler: handlers.upgradeCluster,
        },
      ],
    },
    {
      name: 'validate',
      summary: 'Check that a cluster is healthy',
      children: [
        {
          name: 'cluster',
          aliases: ['clusters'],
          summary: 'Check that nodes are ready and system pods are running',
          args: '[CLUSTER]',
          flags: [
            apiServer,
            int('count', 'Consecutive successful validations required'),
            duration('interval', 'Pause between attempts', { default: '10s' }),
            str('kubeconfig', 'Kubeconfig file to use'),
            int('max-unready-nodes', 'Worker nodes allowed to be not ready'),
            str('output', 'Output format: table, yaml or json', { short: 'o', default: 'table', choices: ['table', 'yaml', 'json'] }),
            useKubeconfig,
            duration('wait', 'Keep trying for this long'),
          ],
          handler: handlers.validateCluster,
        },
      ],
    },
    {
      name: 'version',
      summary: 'Print the version',
      flags: [
        bool('server', 'Show the kops version that last changed the state store'),
        bool('short', 'Print the version number only'),
      ],
      handler: handlers.version,
    },
    {
      name: '__names',
      hidden: true,
      summary: 'Print cluster or instance group names for shell completion (quietly nothing on error)',
      args: 'clusters|instancegroups',
      handler: handlers.completeNames,
    },
  ],
};
