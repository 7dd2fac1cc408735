// PKCS#12 (PFX) writer with two profiles, built from node-forge ASN.1 primitives:
// - modern: key and certificates encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), HMAC-SHA256 MAC
//   (OpenSSL 3's default profile);
// - legacy: key bag pbeWithSHAAnd3-KeyTripleDES-CBC, certificate bag pbeWithSHAAnd40BitRC2-CBC, SHA-1 MAC
//   (what old Windows/OpenSSL 1.x tools wrote; OpenSSL 3 needs its legacy provider to read RC2).
import forge from 'node-forge';

const { asn1, pki } = forge;
type Asn1 = forge.asn1.Asn1;
const ITERATIONS = 2048;

const seq = (items: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (o: string) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(o).getBytes());
const octets = (b: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, b);
const int = (n: number) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const explicit0 = (item: Asn1) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [item]);
const der = (item: Asn1) => asn1.toDer(item).getBytes();

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  localKeyId: '1.2.840.113549.1.9.21',
  friendlyName: '1.2.840.113549.1.9.20',
  pbeSha3Des: '1.2.840.113549.1.12.1.3',
  pbeShaRc2_40: '1.2.840.113549.1.12.1.6',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
};

/** Encrypts DER bytes; returns [AlgorithmIdentifier, ciphertext]. */
function encrypt(
  plainDer: string,
  password: string,
  legacyRc2: boolean,
  legacy3des: boolean,
): [Asn1, string] {
  if (legacyRc2) {
    const salt = forge.random.getBytesSync(8);
    const key = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 1, ITERATIONS, 5);
    const iv = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 2, ITERATIONS, 8);
    const cipher = forge.rc2.createEncryptionCipher(key, 40);
    cipher.start(iv);
    cipher.update(forge.util.createBuffer(plainDer));
    cipher.finish();
    return [seq([oid(OID.pbeShaRc2_40), seq([octets(salt), int(ITERATIONS)])]), cipher.output.getBytes()];
  }
  // encryptPrivateKeyInfo DER-encodes any ASN.1 value and encrypts it: reuse it for key and cert bags.
  const options = legacy3des
    ? { algorithm: '3des' as const, count: ITERATIONS }
    : { algorithm: 'aes256' as const, count: ITERATIONS, prfAlgorithm: 'sha256' as const };
  const wrapped = pki.encryptPrivateKeyInfo(asn1.fromDer(plainDer), password, options);
  const [algId, cipherText] = wrapped.value as [Asn1, Asn1];
  return [algId, cipherText.value as string];
}

function bagAttributes(localKeyId: string, friendlyName: string): Asn1 {
  const bmp = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BMPSTRING, false, friendlyName);
  return set([
    seq([oid(OID.localKeyId), set([octets(localKeyId)])]),
    seq([oid(OID.friendlyName), set([bmp])]),
  ]);
}

function encryptedDataContentInfo(safeContents: Asn1, password: string, legacy: boolean): Asn1 {
  const [algId, cipherText] = encrypt(der(safeContents), password, legacy, false);
  const encryptedContent = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, cipherText);
  const encryptedData = seq([int(0), seq([oid(OID.data), algId, encryptedContent])]);
  return seq([oid(OID.encryptedData), explicit0(encryptedData)]);
}

/** Builds a password-protected PKCS#12 holding `key`, `cert` and (optionally) the chain. */
export function buildPkcs12(options: {
  key: forge.pki.rsa.PrivateKey;
  cert: forge.pki.Certificate;
  chain?: forge.pki.Certificate[];
  password: string;
  legacy: boolean;
  friendlyName?: string;
}): Buffer {
  const { key, cert, password, legacy } = options;
  const name = options.friendlyName ?? 'geneva-emulator client';
  const localKeyId = forge.md.sha1
    .create()
    .update(der(pki.certificateToAsn1(cert)))
    .digest()
    .getBytes();

  const certBag = (c: forge.pki.Certificate, attrs: boolean) =>
    seq([
      oid(OID.certBag),
      explicit0(seq([oid(OID.x509Certificate), explicit0(octets(der(pki.certificateToAsn1(c))))])),
      ...(attrs ? [bagAttributes(localKeyId, name)] : []),
    ]);
  const certSafe = seq([certBag(cert, true), ...(options.chain ?? []).map((c) => certBag(c, false))]);

  const [keyAlg, keyCipher] = encrypt(
    der(pki.wrapRsaPrivateKey(pki.privateKeyToAsn1(key))),
    password,
    false,
    legacy,
  );
  const shroudedKey = seq([keyAlg, octets(keyCipher)]);
  const keySafe = seq([seq([oid(OID.keyBag), explicit0(shroudedKey), bagAttributes(localKeyId, name)])]);
  const keyContentInfo = seq([oid(OID.data), explicit0(octets(der(keySafe)))]);

  const authSafe = seq([encryptedDataContentInfo(certSafe, password, legacy), keyContentInfo]);
  const authSafeDer = der(authSafe);

  const macSalt = forge.random.getBytesSync(legacy ? 8 : 16);
  const md = legacy ? forge.md.sha1.create() : forge.md.sha256.create();
  const macKey = forge.pkcs12.generateKey(
    password,
    forge.util.createBuffer(macSalt),
    3,
    ITERATIONS,
    legacy ? 20 : 32,
    md,
  );
  const hmac = forge.hmac.create();
  hmac.start(legacy ? 'sha1' : 'sha256', macKey);
  hmac.update(authSafeDer);
  const macData = seq([
    seq([
      seq([
        oid(legacy ? OID.sha1 : OID.sha256),
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
      ]),
      octets(hmac.digest().getBytes()),
    ]),
    octets(macSalt),
    int(ITERATIONS),
  ]);
  const pfx = seq([int(3), seq([oid(OID.data), explicit0(octets(authSafeDer))]), macData]);
  return Buffer.from(der(pfx), 'binary');
}
