export const ALGORITHM = "AWS4-HMAC-SHA256";
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
/** SHA-256 of the empty string. */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/** The longest a presigned URL may live: seven days. */
export const MAX_PRESIGN_SECONDS = 604_800;

export const AUTHORIZATION = "authorization";
export const AMZ_DATE = "x-amz-date";
export const AMZ_SECURITY_TOKEN = "x-amz-security-token";
export const AMZ_CONTENT_SHA256 = "x-amz-content-sha256";

export const Q_SECURITY_TOKEN = "X-Amz-Security-Token";
export const Q_SIGNATURE = "X-Amz-Signature";

/**
 * Headers never signed: hop-by-hop headers and ones proxies and browsers rewrite (smithy's list; Go v1
 * skips Authorization, User-Agent and X-Amzn-Trace-Id). `proxy-*` and `sec-*` are skipped as well.
 */
export const UNSIGNABLE_HEADERS: ReadonlySet<string> = /* @__PURE__ */ new Set(
  // One string: no quotes and commas per name in the bundle.
  /* @__PURE__ */ `${AUTHORIZATION} cache-control connection expect from keep-alive max-forwards pragma referer te trailer transfer-encoding upgrade user-agent x-amzn-trace-id`.split(
    " ",
  ),
);
