import type { AddonCluster } from '../types.js';

/** The `standard` storage class on GCE persistent disks; the default class unless the CSI driver provides one. */
export function storageGce(cluster: AddonCluster): string {
  const csiDefault = cluster.spec.cloudConfig?.gcpPDCSIDriver?.enabled === true;
  return `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
${csiDefault ? '' : `  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
`}  labels:
    kubernetes.io/cluster-service: "true"
    k8s-addon: storage-gce.addons.k8s.io
    addonmanager.kubernetes.io/mode: EnsureExists
provisioner: kubernetes.io/gce-pd
parameters:
  type: pd-standard
`;
}
