// Tells a rejected or missing API key apart from any other CLI failure by its stderr. No exact CLI texts are
// public (contract §2: "a validation-style usage error"), so this matches the shapes Go API clients print, and
// only where they cannot be part of a name: slugs are `[A-Za-z0-9-]+`, so `ingest-401` or
// `unauthorized-uploads` in "workflow … not found" must not offer "Set API Key" (which rolls back a good key).
const PATTERNS: RegExp[] = [
  // The key in words: "no API key", "invalid_api_key", "missing TILEBOX_API_KEY".
  /(?:^|[^a-z0-9])(?:no|missing|invalid|expired|revoked|bad)[\s_]+(?:tilebox_)?api[ _-]?key\b/i,
  // "API key is required", "TILEBOX_API_KEY is not set", "the API key you provided is not valid".
  /api[ _-]?key\b[^\n]{0,40}?\b(?:missing|invalid|required|not set|not valid|expired|revoked|rejected)\b/i,
  /\bnot authenticated\b|\bauthentication failed\b|\bcould not authenticate\b/i,
  // A status word heading or ending a message part: `Error: Unauthorized.`, `unauthenticated: …`, `[unauthenticated]`,
  // `request unauthorized`; never inside a name (`workflow unauthorized-uploads`, `task unauthenticated: …`).
  /(?:^|[:[]\s*|\brequest\s+)(?:unauthenticated|unauthori[sz]ed)(?=\s*(?:[:.(\]]|$))/im,
  // A gRPC/connect status code: `code = Unauthenticated`, `code: unauthenticated`, `"code":"unauthenticated"`.
  /\bcode"?\s*[=:]\s*"?unauthenticated\b/i,
  // HTTP 401 as a status, never a bare number: `(401)`, `status 401`, `status code: 401`, `HTTP/1.1 401`,
  // `responded 401`, `401 Unauthorized`, `401 - Unauthorized`, `request failed: 401` (at the end of a line).
  /\((?:http\s+)?401\)|\b(?:status(?:\s*code)?|http(?:\/[\d.]+)?|responded)"?\s*[=:]?\s*401(?![\w-])|(?<![\w-])401\s*[-:]?\s*unauthori[sz]ed\b|:\s*401\s*$/im,
];

export function isAuthFailure(stderr: string): boolean {
  return PATTERNS.some((p) => p.test(stderr));
}
