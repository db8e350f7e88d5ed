/** The Content-Security-Policy for every response. Scripts run only with this request's nonce;
 * styles only from our own files; no plugins, no framing, no <base>. */
export function contentSecurityPolicy(nonce: string, dev = false, { pdfView = false } = {}): string {
  // /documents/:id/view serves a stored PDF inline for the viewer framed by the document's page: no
  // scripts or styles of ours, the browser's PDF viewer allowed, framing by this site only.
  if (pdfView) return "default-src 'none'; object-src 'self'; base-uri 'none'; frame-ancestors 'self'"
  const connect = dev ? "'self' ws://localhost:* http://localhost:*" : "'self'"
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
