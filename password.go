package cdoatlas

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters (RFC 9106 second recommendation, lower memory):
// 64 MiB, 3 passes, 2 lanes.
const (
	argonTime    = 3
	argonMemory  = 64 * 1024
	argonThreads = 2
	argonKeyLen  = 32
)

// PasswordProblem returns the message key of what makes a password too
// weak, or "" for a good one. A password needs MinPasswordLength
// characters, and more than spaces, one short piece repeated
// ("abcabcabcabc") or a run along the alphabet, digits or keyboard
// ("123456789012", "qwertzuiopü"): the checks of NIST SP 800-63B against
// guessable choices, without composition rules.
func PasswordProblem(password string) string {
	if utf8.RuneCountInString(password) < MinPasswordLength {
		return "password.weak"
	}
	if utf8.RuneCountInString(strings.TrimSpace(password)) < MinPasswordLength || repeated(password) || run(strings.ToLower(password)) {
		return "password.simple"
	}
	return ""
}

// repeated reports whether s is one piece of at most a third of its
// length written again and again.
func repeated(s string) bool {
	r := []rune(s)
	for n := 1; n <= len(r)/3; n++ {
		if len(r)%n != 0 {
			continue
		}
		same := true
		for i := n; i < len(r) && same; i++ {
			same = r[i] == r[i-n]
		}
		if same {
			return true
		}
	}
	return false
}

// keyboardRows are the rows of German and English keyboards; a password
// that walks along one of them (or the alphabet, or the digits) is a run.
var keyboardRows = []string{"abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertzuiopü", "asdfghjklöä", "yxcvbnm", "qwertyuiop", "zxcvbnm"}

// run reports whether s walks along a row, forwards or backwards,
// wrapping around: "123456789012", "zyxwvutsrqpo".
func run(s string) bool {
	r := []rune(s)
	for _, row := range keyboardRows {
		k := []rune(row)
		for _, dir := range []int{1, -1} {
			i := slicesIndex(k, r[0])
			ok := i >= 0
			for j := 1; j < len(r) && ok; j++ {
				i = (i + dir + len(k)) % len(k)
				ok = k[i] == r[j]
			}
			if ok {
				return true
			}
		}
	}
	return false
}

func slicesIndex(s []rune, r rune) int {
	for i, c := range s {
		if c == r {
			return i
		}
	}
	return -1
}

// HashPassword returns an encoded Argon2id hash of password
// ($argon2id$v=19$m=…,t=…,p=…$salt$hash). EINVALID when it is too weak
// (PasswordProblem).
func HashPassword(password string) (string, error) {
	if key := PasswordProblem(password); key != "" {
		return "", &Error{Code: EINVALID, Message: key, Fields: map[string]string{"password": key}}
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", Internal(err)
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether password matches an encoded hash.
func CheckPassword(encoded, password string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 || m > 1<<21 || t > 20 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// DummyPasswordHash is checked against when an e-mail is unknown, so that a
// failed login takes as long either way.
var DummyPasswordHash = "$argon2id$v=19$m=65536,t=3,p=2$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000"

// NewToken returns a random secret of 32 bytes, URL-safe.
func NewToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken returns the stored form of a session or API token.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
