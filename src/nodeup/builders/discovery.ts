import { X509Certificate } from 'node:crypto';
import { UserError } from '../../errors.js';
import type { DiscoveryRegisterTask, IssueCertTask, JSONWebKey, Task } from '../tasks.js';
import type { BuildContext } from './context.js';

export const DISCOVERY_CA = 'discovery-ca';
const SERVICE_ACCOUNT = 'service-account';

/**
 * Control planes publish the service-account token keys to the hosted discovery service, under their node name in
 * the cluster's namespace, authenticated by a client certificate of the discovery CA (discovery_service.go).
 */
export function discoveryServiceTasks(ctx: BuildContext): Task[] {
  const service = ctx.config.discoveryServiceWithUniverse;
  if (ctx.role !== 'ControlPlane' || !service) return [];
  if (!service.url) throw new UserError('discoveryServiceWithUniverse: the discovery service has no URL', 'set spec.serviceAccountIssuerDiscovery.discoveryService.url, then run `kops update cluster`');
  const nodeName = ctx.host.nodeName?.trim().toLowerCase();
  if (!nodeName) throw new Error('nodeup: registering with the discovery service needs the node name');
  const clientCert: IssueCertTask = {
    kind: 'IssueCert',
    name: 'discovery-service-client',
    signer: DISCOVERY_CA,
    keypairID: ctx.config.KeypairIDs?.[DISCOVERY_CA] ?? '',
    type: 'client',
    subject: { CommonName: nodeName },
    alternateNames: [nodeName],
  };
  const register: DiscoveryRegisterTask = {
    kind: 'DiscoveryRegister',
    name: 'register',
    url: service.url,
    namespace: ctx.config.ClusterName.replaceAll('.', '-'),
    registerName: nodeName,
    clientCert,
    clientCA: ctx.keypairs?.get(DISCOVERY_CA)?.certificate ?? '',
    jwks: serviceAccountJWKS(ctx),
  };
  return [clientCert, register];
}

/** The trusted service-account keys (certificates named `service-account`) as RS256 signing keys, by key id. */
function serviceAccountJWKS(ctx: BuildContext): JSONWebKey[] {
  if (!ctx.config.KeypairIDs?.[SERVICE_ACCOUNT]) throw new UserError('KeypairIDs has no service-account entry', 'regenerate the configuration with `kops update cluster`');
  const items = ctx.trustedCertificates?.get(SERVICE_ACCOUNT);
  if (!items) throw new UserError('the service-account keyset could not be read from the keystore; the discovery service needs its public keys', 'make the state store readable from this control plane');
  const keys: JSONWebKey[] = [];
  for (const item of items) {
    const certificate = new X509Certificate(item.certificate);
    if (/^CN=(.*)$/m.exec(certificate.subject)?.[1] !== SERVICE_ACCOUNT) continue;
    const jwk = certificate.publicKey.export({ format: 'jwk' });
    if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e) throw new UserError(`service-account keypair ${item.id}: a ${certificate.publicKey.asymmetricKeyType} key; the discovery service takes RSA keys only`);
    keys.push({ use: 'sig', kty: 'RSA', kid: item.id, alg: 'RS256', n: jwk.n, e: jwk.e });
  }
  return keys.sort((a, b) => (a.kid < b.kid ? -1 : a.kid > b.kid ? 1 : 0));
}
