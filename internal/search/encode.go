package search

import (
	"bytes"
	"compress/gzip"
)

// appendUvarint appends x as an unsigned LEB128 varint (7 bits a byte, low
// bits first, high bit set on every byte but the last).
func appendUvarint(b []byte, x uint64) []byte {
	for x >= 0x80 {
		b = append(b, byte(x)|0x80)
		x >>= 7
	}
	return append(b, byte(x))
}

func uvarintLen(x uint64) int {
	n := 1
	for x >= 0x80 {
		x >>= 7
		n++
	}
	return n
}

// gzipper compresses deterministically (no name, no modification time),
// reusing one gzip.Writer.
type gzipper struct {
	buf bytes.Buffer
	w   *gzip.Writer
}

func newGzipper(level int) *gzipper {
	z := &gzipper{}
	z.w, _ = gzip.NewWriterLevel(&z.buf, level) // level is a valid constant
	return z
}

func (z *gzipper) compress(b []byte) []byte {
	z.buf.Reset()
	z.w.Reset(&z.buf)
	z.w.Write(b)
	z.w.Close()
	return bytes.Clone(z.buf.Bytes())
}

// fnv32 is the 32-bit FNV-1a hash of s's UTF-8 bytes; it assigns terms and
// dictionary keys to buckets. search-core.js computes the same (fnv32).
func fnv32(s string) uint32 { return fnvAdd(2166136261, s) }

// fnvAdd continues an FNV-1a hash h with the bytes of s.
func fnvAdd(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
