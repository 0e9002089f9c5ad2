// Unit tests of the page's pure helpers, run by `make test-web` with
// node --test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { utf16Positions, codePointColumn } from "../src/positions.js";
import { encodeShare, decodeShare } from "../src/share.js";

const utf8 = (s) => Buffer.byteLength(s, "utf8");

test("byte offsets map to UTF-16 positions", () => {
  // 1-, 2-, 3- and 4-byte characters (the last a surrogate pair).
  const text = `{"a":"é€😀x"}`;
  const at = (s) => text.indexOf(s);
  const f = [
    { offset: utf8(text.slice(0, at("é"))), endOffset: utf8(text.slice(0, at("€"))) },
    { offset: utf8(text.slice(0, at("😀"))), endOffset: utf8(text.slice(0, at("x"))) },
    { offset: utf8(text.slice(0, at("x"))), endOffset: utf8(text) },
  ];
  utf16Positions(text, f);
  assert.deepEqual(f.map((x) => [x.from, x.to]), [
    [at("é"), at("€")], [at("😀"), at("x")], [at("x"), text.length],
  ]);
});

test("an offset inside a character maps to its start; past the end to the end", () => {
  const text = "a😀b";
  const f = [{ offset: 2, endOffset: 99 }];
  utf16Positions(text, f);
  assert.deepEqual([f[0].from, f[0].to], [1, 4]);
});

test("a lone surrogate counts as U+FFFD (3 bytes), as Go receives it", () => {
  const text = "\ud800x";
  const f = [{ offset: 3, endOffset: 4 }];
  utf16Positions(text, f);
  assert.deepEqual([f[0].from, f[0].to], [1, 2]);
});

test("columns count code points", () => {
  assert.equal(codePointColumn("😀😀x", 4), 3);
  assert.equal(codePointColumn("abc", 0), 1);
});

const LIMIT = 4 << 20;

test("share links round-trip and are versioned", async () => {
  const payload = `{"displayName": "Café ☕", "adDomainPassword": "********"}\n`;
  const frag = await encodeShare({ payload, target: "onPremisesConnection", dropReadOnly: true });
  assert.match(frag, /^v2=[A-Za-z0-9_-]+$/);
  const got = await decodeShare(frag, LIMIT);
  assert.deepEqual({ ...got, decoded: undefined }, { payload, target: "onPremisesConnection", dropReadOnly: true, decoded: undefined });
  await assert.rejects(decodeShare("v3=abc", LIMIT), /newer/);
  await assert.rejects(decodeShare("x", LIMIT), /not a share link/);
  await assert.rejects(decodeShare(frag.slice(0, frag.length - 8), LIMIT), /damaged/);
});

async function deflate(text) {
  const s = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return Buffer.from(await new Response(s).arrayBuffer()).toString("base64url");
}

test("version 1 links still read", async () => {
  const frag = "v1=" + await deflate(JSON.stringify({ p: "{}", t: "azureConnection", d: false }));
  const got = await decodeShare(frag, LIMIT);
  assert.equal(got.payload, "{}");
  assert.equal(got.target, "azureConnection");
});

test("decoding stops at the size limit", async () => {
  const limit = 64 << 10;
  const big = "v2=" + await deflate('{"t":"","d":false}\n' + " ".repeat(64 * limit));
  await assert.rejects(decodeShare(big, limit), (err) => {
    assert.equal(err.tooLarge, true);
    assert.ok(err.decoded > limit && err.decoded < 2 * limit + 4096 + (64 << 10), `decoded ${err.decoded}`);
    return true;
  });
  const atLimit = "v2=" + await deflate('{"t":"","d":false}\n' + "x".repeat(limit));
  assert.equal((await decodeShare(atLimit, limit)).payload.length, limit);
});
