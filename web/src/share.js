// share.js encodes a payload and its options into a URL fragment and back.
//
// Format, version 1:  v1=<base64url(deflate-raw(JSON))>
// where JSON is {"p": payload, "t": target, "d": dropReadOnly}. The payload
// is masked (validate.Redact) before it gets here. The fragment is never sent
// to a server by browsers.

const PREFIX = "v1=";

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
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
  const json = JSON.stringify({ p: payload, t: target, d: dropReadOnly });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream("deflate-raw"));
  return PREFIX + toBase64url(packed);
}

export async function decodeShare(fragment) {
  if (!fragment.startsWith(PREFIX)) {
    const v = fragment.match(/^v(\d+)=/);
    throw new Error(v ? `link version ${v[1]} is newer than this page` : "not a share link");
  }
  let bytes;
  try {
    bytes = fromBase64url(fragment.slice(PREFIX.length));
  } catch {
    throw new Error("the link is damaged (bad base64url)");
  }
  let json;
  try {
    json = new TextDecoder("utf-8", { fatal: true }).decode(await pipe(bytes, new DecompressionStream("deflate-raw")));
  } catch {
    throw new Error("the link is damaged or cut short");
  }
  const o = JSON.parse(json);
  if (typeof o.p !== "string") throw new Error("the link holds no payload");
  return { payload: o.p, target: typeof o.t === "string" ? o.t : "", dropReadOnly: o.d === true };
}
