package mail

import (
	"bytes"
	"fmt"
	"mime"
	"mime/quotedprintable"
	netmail "net/mail"
	"strings"
	"time"

	"github.com/cdoatlas/cdoatlas"
)

// Message writes m as an RFC 5322 message from from, dated now: plain
// text in UTF-8, quoted-printable, so that every line stays short and
// 7-bit whatever the server supports. Its Message-ID is the same for
// every attempt, so that a mail sent twice (a sender stopped between
// delivery and record) can be told as one.
func Message(from *netmail.Address, m *cdoatlas.Mail, now time.Time) []byte {
	var b bytes.Buffer
	header := func(k, v string) { b.WriteString(k + ": " + v + "\r\n") }
	header("From", from.String())
	header("To", m.To) // a bare address, checked when queued
	header("Subject", encodeHeader(m.Subject))
	header("Date", now.Format(time.RFC1123Z))
	header("Message-ID", messageID(from, m))
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	header("Auto-Submitted", "auto-generated") // RFC 3834: no auto-replies, please
	b.WriteString("\r\n")
	body := strings.ReplaceAll(m.Body, "\r\n", "\n")
	if !strings.HasSuffix(body, "\n") {
		body += "\n"
	}
	w := quotedprintable.NewWriter(&b) // writes line ends as CRLF
	w.Write([]byte(body))
	w.Close()
	return b.Bytes()
}

// encodeHeader encodes a header value as RFC 2047 words where it needs
// it, folding between the words so that no line grows too long.
func encodeHeader(s string) string {
	s = strings.Join(strings.Fields(s), " ") // one line, whatever was given
	return strings.ReplaceAll(mime.QEncoding.Encode("utf-8", s), "?= =?", "?=\r\n =?")
}

func messageID(from *netmail.Address, m *cdoatlas.Mail) string {
	domain := "cdoatlas.invalid"
	if _, d, ok := strings.Cut(from.Address, "@"); ok && d != "" {
		domain = d
	}
	return fmt.Sprintf("<cdoatlas.%d.%d@%s>", m.ID, m.CreatedAt.UnixMicro(), domain)
}
