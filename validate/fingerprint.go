// The WebAssembly page shows no fingerprint, and crypto/sha256 would bring
// the FIPS 140 module's self-tests (AES, DRBG, SHA-3, SHA-512) into it:
// 40 KB of brotli. So Fingerprint is not built for GOOS=js.

//go:build !js

package validate

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Fingerprint is the lowercase hex SHA-256 of the fields joined by NUL (Request and Occurrence in decimal).
// NUL is the separator because no rule ID, decimal or file name holds one,
// so two different tuples cannot join to the same bytes unless a pointer
// itself holds NUL (a key "\u0000"), which is harmless for a fingerprint.
func (id Identity) Fingerprint() string {
	h := sha256.New()
	for i, s := range []string{id.Rule, id.Path, strconv.Itoa(id.Request), id.Pointer, strconv.Itoa(id.Occurrence)} {
		if i > 0 {
			h.Write([]byte{0})
		}
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil))
}
