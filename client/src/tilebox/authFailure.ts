// Tells a rejected or missing API key apart from any other CLI failure by its stderr. No exact CLI texts are
// public (contract §2: "a validation-style usage error"), so this matches the shapes Go API clients print, and
// only where they cannot be part of a name: slugs are `[A-Za-z0-9-]+`, so `ingest-401` or
// `unauthorized-uploads` in "workflow … not found" must not offer "Set API Key" (which rolls back a good key).
const PATTERNS: RegExp[] = [
  // Missing or bad key in words: "no API key: set TILEBOX_API_KEY", "invalid api key", "API key is required".
  /\b(?:no|missing|invalid|expired|revoked|bad)\s+api[ _-]?key\b/i,
  /\bapi[ _-]?key\s+(?:is\s+|was\s+)?(?:missing|invalid|required|not set|expired|revoked|rejected)\b/i,
  /\bnot authenticated\b/i,
  // A status name as a message head: `Error: unauthenticated: …`, `…: Unauthorized`, `unauthenticated (401)`.
  /(?:^|:\s*)(?:unauthenticated|unauthori[sz]ed)(?=\s*(?::|\(|$))/im,
  // A gRPC/connect status code: `code = Unauthenticated`, `code: unauthenticated`, `"code":"unauthenticated"`.
  /\bcode"?\s*[=:]\s*"?unauthenticated\b/i,
  // HTTP 401 as a status, never a bare number: `(401)`, `status 401`, `status code: 401`, `HTTP/1.1 401`, `401 Unauthorized`.
  /\((?:http\s+)?401\)|\b(?:status(?:\s*code)?|http(?:\/[\d.]+)?)"?\s*[=:]?\s*401(?![\w-])|(?<![\w-])401\s+unauthori[sz]ed\b/i,
];

export function isAuthFailure(stderr: string): boolean {
  return PATTERNS.some((p) => p.test(stderr));
}
