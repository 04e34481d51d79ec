import { toGoYaml } from '../../apis/go/yaml.js';
import type { FileTask, IssueCertTask, Task } from '../tasks.js';
import type { BuildContext } from './context.js';

type Data = Record<string, unknown>;

/** The token-webhook kubeconfig kube-apiserver reads (--authentication-token-webhook-config-file). */
export const AUTHN_CONFIG = '/etc/kubernetes/authn.config';

const AUTHENTICATOR_HOME = '/srv/kubernetes/aws-iam-authenticator';
/** The uid aws-iam-authenticator runs as inside its container. */
const AUTHENTICATOR_UID = 10000;

/** Which token webhook the API server is given by spec.authentication, if any. */
export function tokenWebhook(apiConfig: Data): 'kopeio' | 'aws' | undefined {
  const auth = apiConfig.Authentication as Data | undefined;
  if (auth?.kopeio) return 'kopeio';
  if (auth?.aws) return 'aws';
  return undefined;
}

interface WebhookKubeconfig {
  kind: string;
  apiVersion: string;
  clusterName: string;
  server: string;
  caData?: string;
}

/** A kubeconfig as kops marshals its own KubectlConfig type (empty kind and apiVersion kept). */
function webhookKubeconfig(k: WebhookKubeconfig): string {
  const cluster: Data = { server: k.server };
  if (k.caData) cluster['certificate-authority-data'] = Buffer.from(k.caData).toString('base64');
  return toGoYaml({
    apiVersion: k.apiVersion,
    clusters: [{ cluster, name: k.clusterName }],
    contexts: [{ context: { cluster: k.clusterName, user: 'kube-apiserver' }, name: 'webhook' }],
    'current-context': 'webhook',
    kind: k.kind,
    users: [{ name: 'kube-apiserver', user: {} }],
  });
}

/**
 * The webhook config of the authenticator the API server calls: kopeio's auth-api on 127.0.0.1:9001, or
 * aws-iam-authenticator on 127.0.0.1:21362 with its serving certificate, owned by the user it runs as.
 */
export function authenticationTasks(ctx: BuildContext, apiConfig: Data): Task[] {
  const webhook = tokenWebhook(apiConfig);
  if (webhook === 'kopeio') {
    const contents = webhookKubeconfig({ kind: 'Config', apiVersion: 'v1', clusterName: 'webhook', server: 'http://127.0.0.1:9001/hooks/authn' });
    return [{ kind: 'File', path: AUTHN_CONFIG, type: 'file', contents }];
  }
  if (webhook !== 'aws') return [];
  const name = 'aws-iam-authenticator';
  const contents = webhookKubeconfig({
    kind: '',
    apiVersion: '',
    clusterName: name,
    server: 'https://127.0.0.1:21362/authenticate',
    caData: ctx.config.CAs?.['kubernetes-ca'] ?? '',
  });
  const cert: IssueCertTask = {
    kind: 'IssueCert',
    name,
    signer: 'kubernetes-ca',
    keypairID: ctx.config.KeypairIDs?.['kubernetes-ca'] ?? '',
    type: 'server',
    subject: { CommonName: name },
    alternateNames: ['localhost', '127.0.0.1'],
  };
  const owned = (file: string, part: 'cert' | 'key'): FileTask => ({
    kind: 'File',
    path: `${AUTHENTICATOR_HOME}/${file}`,
    type: 'file',
    contents: { certificate: cert, part },
    mode: '600',
    owner: name,
    group: name,
  });
  return [
    { kind: 'File', path: AUTHN_CONFIG, type: 'file', contents, mode: '600' },
    { kind: 'UserTask', name, uid: AUTHENTICATOR_UID, shell: '/sbin/nologin', home: AUTHENTICATOR_HOME },
    cert,
    owned('cert.pem', 'cert'),
    owned('key.pem', 'key'),
  ];
}
