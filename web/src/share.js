// share.js encodes a payload and its options into a URL fragment and back.
//
// Format, version 2:  v2=<base64url(deflate-raw(header "\n" payload))>
// where header is the JSON {"t": target, "d": dropReadOnly} on one line and
// payload is the text as UTF-8, so the payload's size is known exactly while
// decoding. Version 1 (still read) was v1=<base64url(deflate-raw(JSON))>
// with JSON {"p": payload, "t": target, "d": dropReadOnly}.
//
// The payload is masked (validate.Redact) before it gets here. The fragment
// is never sent to a server by browsers. Decoding stops as soon as the
// payload passes the engine's size limit: a small link cannot inflate into
// hundreds of megabytes in the page.

const PREFIX = "v2=";
const HEADER_MAX = 4096;

async function pack(bytes) {
  const out = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64url(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(s) {
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export async function encodeShare({ payload, target, dropReadOnly }) {
  const header = JSON.stringify({ t: target, d: dropReadOnly });
  return PREFIX + toBase64url(await pack(new TextEncoder().encode(header + "\n" + payload)));
}

// ShareError is a link that cannot be read; message is for people.
export class ShareError extends Error {
  constructor(message, { tooLarge = false, decoded = 0 } = {}) {
    super(message);
    this.tooLarge = tooLarge;
    this.decoded = decoded;
  }
}

// inflate decompresses bytes, stopping once more than limit bytes have come
// out. It returns the bytes and how many were decoded in all.
async function inflate(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    let r;
    try {
      r = await reader.read();
    } catch {
      throw new ShareError("the link is damaged or cut short", { decoded: size });
    }
    if (r.done) break;
    size += r.value.byteLength;
    chunks.push(r.value);
    if (size > limit) {
      reader.cancel().catch(() => {});
      return { over: true, size };
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.byteLength; }
  return { out, size };
}

const mib = (n) => `${(n / (1 << 20)).toLocaleString("en", { maximumFractionDigits: 1 })} MiB`;

function tooLarge(maxSize, decoded) {
  return new ShareError(`the payload in this link is larger than the engine's limit of ${mib(maxSize)}; ` +
    `the page stopped reading it after ${mib(decoded)}`, { tooLarge: true, decoded });
}

const utf8 = (b) => new TextDecoder("utf-8", { fatal: true }).decode(b);

// decodeShare reads a fragment (without "#"). maxSize is the engine's size
// limit in bytes; the result's decoded is how many bytes were inflated.
export async function decodeShare(fragment, maxSize) {
  const v = fragment.match(/^v(\d+)=/);
  if (!v) throw new ShareError("this is not a share link");
  if (v[1] !== "1" && v[1] !== "2") throw new ShareError(`the link is version ${v[1]}, newer than this page; reload the page`);
  let bytes;
  try {
    bytes = fromBase64url(fragment.slice(v[0].length));
  } catch {
    throw new ShareError("the link is damaged (it has characters a share link never has)");
  }
  // Version 1 wraps the payload in JSON, whose escapes make it longer:
  // such a link near the limit is refused too (only old links are v1).
  const { out, over, size } = await inflate(bytes, maxSize + HEADER_MAX);
  if (over) throw tooLarge(maxSize, size);
  let text;
  try {
    text = utf8(out);
  } catch {
    throw new ShareError("the link is damaged (its text is not UTF-8)", { decoded: size });
  }
  const s = v[1] === "2" ? readV2(text) : readV1(text);
  if (new TextEncoder().encode(s.payload).length > maxSize) throw tooLarge(maxSize, size);
  return { ...s, decoded: size };
}

function readV2(text) {
  const nl = text.indexOf("\n");
  if (nl < 0 || nl > HEADER_MAX) throw new ShareError("the link is damaged (no options header)");
  const h = parse(text.slice(0, nl));
  return { payload: text.slice(nl + 1), target: typeof h.t === "string" ? h.t : "", dropReadOnly: h.d === true };
}

function readV1(text) {
  const o = parse(text);
  if (typeof o.p !== "string") throw new ShareError("the link holds no payload");
  return { payload: o.p, target: typeof o.t === "string" ? o.t : "", dropReadOnly: o.d === true };
}

function parse(json) {
  try {
    const o = JSON.parse(json);
    if (o && typeof o === "object") return o;
  } catch { /* below */ }
  throw new ShareError("the link is damaged (its options cannot be read)");
}
