import { createPrivateKey, createPublicKey, generateKeyPair, webcrypto, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

const generateKeyPairAsync = promisify(generateKeyPair);

export const DEFAULT_RSA_BITS = 2048;

/** A private key as the Go kops stores it: PKCS#1 `RSA PRIVATE KEY` PEM for RSA, SEC1 for ECDSA. */
export interface PrivateKey {
  pem: string;
  keyObject: KeyObject;
}

export async function generateRsaKey(bits = DEFAULT_RSA_BITS): Promise<PrivateKey> {
  const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: bits });
  return fromKeyObject(privateKey);
}

export function parsePrivateKey(pem: string): PrivateKey {
  return fromKeyObject(createPrivateKey(pem));
}

function fromKeyObject(keyObject: KeyObject): PrivateKey {
  const type = keyObject.asymmetricKeyType === 'ec' ? 'sec1' : 'pkcs1';
  return { pem: keyObject.export({ type, format: 'pem' }).toString(), keyObject };
}

/** The PKIX (SubjectPublicKeyInfo) DER of a key's public half. */
export function publicKeyDer(key: PrivateKey | KeyObject): Buffer {
  const obj = 'keyObject' in key ? key.keyObject : key;
  return createPublicKey(obj).export({ type: 'spki', format: 'der' });
}

/** WebCrypto handles for @peculiar/x509 signing. */
export async function toCryptoKeys(key: PrivateKey): Promise<{ privateKey: webcrypto.CryptoKey; publicKey: webcrypto.CryptoKey }> {
  const algorithm =
    key.keyObject.asymmetricKeyType === 'ec'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const pkcs8 = key.keyObject.export({ type: 'pkcs8', format: 'der' });
  const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, algorithm, true, ['sign']);
  const publicKey = await webcrypto.subtle.importKey('spki', publicKeyDer(key), algorithm, true, ['verify']);
  return { privateKey, publicKey };
}
