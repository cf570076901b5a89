/**
 * A TLS failure named in words, with the fix: a certificate this machine
 * does not trust (self-signed, or signed by an unknown authority), expired,
 * or issued for another host; or a server that does not speak TLS there.
 * Retrying cannot help any of these, so the first connection gives up at once.
 */
export interface TlsProblem {
  /** TLS_UNTRUSTED, TLS_EXPIRED, TLS_WRONG_HOST, TLS_NOT_TLS */
  code: string;
  message: string;
}

const UNTRUSTED = 'If you trust this server, start the console with --ca FILE: the server\'s certificate (or its authority\'s), in PEM.';

const PROBLEMS: Record<string, (url: string) => TlsProblem> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: (url) => ({ code: 'TLS_UNTRUSTED', message: `${url}: the server's certificate is self-signed, and not trusted here. ${UNTRUSTED}` }),
  SELF_SIGNED_CERT_IN_CHAIN: (url) => ({ code: 'TLS_UNTRUSTED', message: `${url}: the server's certificate chain ends in a self-signed authority not trusted here. ${UNTRUSTED}` }),
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: (url) => ({ code: 'TLS_UNTRUSTED', message: `${url}: the server's certificate is signed by an authority not trusted here. ${UNTRUSTED}` }),
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: (url) => ({ code: 'TLS_UNTRUSTED', message: `${url}: the server's certificate is signed by an authority not trusted here. ${UNTRUSTED}` }),
  UNABLE_TO_GET_ISSUER_CERT: (url) => ({ code: 'TLS_UNTRUSTED', message: `${url}: the server's certificate is signed by an authority not trusted here. ${UNTRUSTED}` }),
  CERT_HAS_EXPIRED: (url) => ({ code: 'TLS_EXPIRED', message: `${url}: the server's certificate has expired. Ask the server's operator to renew it.` }),
  CERT_NOT_YET_VALID: (url) => ({ code: 'TLS_EXPIRED', message: `${url}: the server's certificate is not valid yet (check this machine's clock, or ask the operator).` }),
  ERR_TLS_CERT_ALTNAME_INVALID: (url) => ({
    code: 'TLS_WRONG_HOST',
    message: `${url}: the server's certificate is for another host name. Connect with the name the certificate was issued for, or ask the operator for one that names this host.`,
  }),
  ERR_SSL_WRONG_VERSION_NUMBER: (url) => ({ code: 'TLS_NOT_TLS', message: `${url}: the server does not speak TLS there: try ws:// instead of wss://.` }),
};

/** The TLS problem behind a socket error, or undefined when it is something else (refused, reset, timeout…). */
export function tlsProblem(error: { code?: unknown; message?: string }, url: string): TlsProblem | undefined {
  const name = typeof error.code === 'string' ? error.code : undefined;
  // OpenSSL reports a plain-text answer to a TLS hello as EPROTO "wrong version number".
  if (name === 'EPROTO' && /wrong version number/i.test(error.message ?? '')) return PROBLEMS.ERR_SSL_WRONG_VERSION_NUMBER!(url);
  return name ? PROBLEMS[name]?.(url) : undefined;
}
