import type { FileTask, IssueCertTask, KubeConfigTask, Task } from '../tasks.js';
import { kubernetesCAId, type BuildContext } from './context.js';

export interface ClientIdentity {
  /** Task name: the certificate's and the kubeconfig's. */
  name: string;
  commonName: string;
  organization?: string[];
}

/** A client certificate signed by the cluster CA, and the kubeconfig that presents it to the API server. */
export function clientKubeconfig(ctx: BuildContext, id: ClientIdentity, serverURL: string): { cert: IssueCertTask; kubeconfig: KubeConfigTask } {
  const cert: IssueCertTask = {
    kind: 'IssueCert',
    name: id.name,
    signer: 'kubernetes-ca',
    keypairID: kubernetesCAId(ctx),
    type: 'client',
    subject: { CommonName: id.commonName, Organization: id.organization },
  };
  return { cert, kubeconfig: { kind: 'KubeConfig', name: id.name, cert, serverURL } };
}

export function kubeconfigFile(path: string, kubeconfig: KubeConfigTask, extra: Partial<FileTask> = {}): FileTask {
  return { kind: 'File', path, type: 'file', mode: '0400', contents: { kubeconfig }, ...extra };
}

/** The certificate, the kubeconfig task and the file holding it. */
export function kubeconfigTasks(ctx: BuildContext, id: ClientIdentity, serverURL: string, path: string, extra: Partial<FileTask> = {}): Task[] {
  const { cert, kubeconfig } = clientKubeconfig(ctx, id, serverURL);
  return [cert, kubeconfig, kubeconfigFile(path, kubeconfig, extra)];
}
