// Package mail delivers the mails of the outbox (cdoatlas.MailService) to
// an SMTP server: a Sender claims due mails, sends each over its own SMTP
// conversation and records the outcome, retrying with growing waits.
// Without a server configured it writes each mail to the log instead and
// keeps it as unsent, so that no mail is dropped without a trace.
package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	netmail "net/mail"
	"net/smtp"
	"net/textproto"
	"net/url"
	"strings"
	"time"
)

// SMTP delivers mail to one SMTP server: a relay or a submission service.
type SMTP struct {
	Host string
	Port string
	// ImplicitTLS speaks TLS from the first byte (smtps://, port 465);
	// otherwise the connection turns to TLS with STARTTLS when the server
	// offers it.
	ImplicitTLS bool
	// Username and Password log in (AUTH PLAIN) when Username is set;
	// net/smtp sends them only over TLS or to localhost.
	Username, Password string
	// From is the sender of every mail.
	From *netmail.Address
	// TLSConfig, when set, is used for TLS instead of the system's roots
	// (tests trust their own server with it).
	TLSConfig *tls.Config
	// Timeout bounds one delivery, from the dial to the end of the data;
	// 0 means DefaultTimeout.
	Timeout time.Duration
	// LocalName is the name the client gives in EHLO; "" is "localhost".
	LocalName string
}

// DefaultTimeout bounds one delivery.
const DefaultTimeout = time.Minute

// Configure reads the SMTP server's URL and the sender address, as given
// in $CDOATLAS_SMTP_URL and $CDOATLAS_MAIL_FROM:
// smtp://user:password@host:587 (STARTTLS when offered; port 587 by
// default) or smtps://user:password@host:465 (implicit TLS; 465 by
// default); user and password are optional and percent-encoded. An empty
// URL means no server: it returns nil and no error. Errors never repeat
// the URL, which may hold a password.
func Configure(smtpURL, from string) (*SMTP, error) {
	smtpURL = strings.TrimSpace(smtpURL)
	if smtpURL == "" {
		return nil, nil
	}
	u, err := url.Parse(smtpURL)
	if err != nil {
		return nil, errors.New("CDOATLAS_SMTP_URL is no valid URL (smtp://user:password@host:587 or smtps://…)")
	}
	s := &SMTP{Host: u.Hostname(), Port: u.Port()}
	switch u.Scheme {
	case "smtp":
		if s.Port == "" {
			s.Port = "587"
		}
	case "smtps":
		s.ImplicitTLS = true
		if s.Port == "" {
			s.Port = "465"
		}
	default:
		return nil, errors.New("CDOATLAS_SMTP_URL must start with smtp:// or smtps://")
	}
	if s.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return nil, errors.New("CDOATLAS_SMTP_URL must name a host and nothing after it: smtp://user:password@host:587")
	}
	if u.User != nil {
		s.Username = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	from = strings.TrimSpace(from)
	if from == "" {
		return nil, errors.New("CDOATLAS_MAIL_FROM must give the sender address when CDOATLAS_SMTP_URL is set")
	}
	s.From, err = netmail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("CDOATLAS_MAIL_FROM %q is no e-mail address", from)
	}
	return s, nil
}

// String names the server without its password, for the log.
func (s *SMTP) String() string {
	scheme := "smtp"
	if s.ImplicitTLS {
		scheme = "smtps"
	}
	u := url.URL{Scheme: scheme, Host: net.JoinHostPort(s.Host, s.Port)}
	if s.Username != "" {
		u.User = url.User(s.Username)
	}
	return u.String()
}

func (s *SMTP) timeout() time.Duration {
	if s.Timeout > 0 {
		return s.Timeout
	}
	return DefaultTimeout
}

func (s *SMTP) tlsConfig() *tls.Config {
	if s.TLSConfig != nil {
		c := s.TLSConfig.Clone()
		if c.ServerName == "" {
			c.ServerName = s.Host
		}
		return c
	}
	return &tls.Config{ServerName: s.Host, MinVersion: tls.VersionTLS12}
}

// stepError is a failed step of an SMTP conversation.
type stepError struct {
	step string
	err  error
}

func (e *stepError) Error() string { return e.step + ": " + e.err.Error() }
func (e *stepError) Unwrap() error { return e.err }

// Permanent reports whether the server refused the mail for good: a 5xx
// reply to the recipient or to the message (no such user, message
// refused). Everything else (a server that is down, greylisting with 4xx,
// a refused login, which an admin can put right) is worth another try.
func Permanent(err error) bool {
	var se *stepError
	var te *textproto.Error
	return errors.As(err, &se) && (se.step == "RCPT TO" || se.step == "DATA") &&
		errors.As(err, &te) && te.Code >= 500 && te.Code < 600
}

// Send delivers one message (RFC 5322, see Message) to the address to.
func (s *SMTP) Send(ctx context.Context, to string, msg []byte) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout())
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", net.JoinHostPort(s.Host, s.Port))
	if err != nil {
		return err
	}
	defer conn.Close()
	// net/smtp knows no contexts: the deadline bounds the conversation,
	// and closing the connection ends it when ctx ends first.
	if deadline, ok := ctx.Deadline(); ok {
		conn.SetDeadline(deadline)
	}
	defer context.AfterFunc(ctx, func() { conn.Close() })()
	if s.ImplicitTLS {
		tc := tls.Client(conn, s.tlsConfig())
		if err := tc.HandshakeContext(ctx); err != nil {
			return &stepError{"TLS", err}
		}
		conn = tc
	}
	c, err := smtp.NewClient(conn, s.Host)
	if err != nil {
		return &stepError{"greeting", err}
	}
	defer c.Close()
	local := s.LocalName
	if local == "" {
		local = "localhost"
	}
	if err := c.Hello(local); err != nil {
		return &stepError{"EHLO", err}
	}
	if ok, _ := c.Extension("STARTTLS"); ok && !s.ImplicitTLS {
		if err := c.StartTLS(s.tlsConfig()); err != nil {
			return &stepError{"STARTTLS", err}
		}
	}
	if s.Username != "" {
		if ok, _ := c.Extension("AUTH"); !ok {
			return &stepError{"AUTH", errors.New("the server offers no login")}
		}
		if err := c.Auth(smtp.PlainAuth("", s.Username, s.Password, s.Host)); err != nil {
			return &stepError{"AUTH", err}
		}
	}
	if err := c.Mail(s.From.Address); err != nil {
		return &stepError{"MAIL FROM", err}
	}
	if err := c.Rcpt(to); err != nil {
		return &stepError{"RCPT TO", err}
	}
	w, err := c.Data()
	if err != nil {
		return &stepError{"DATA", err}
	}
	if _, err := w.Write(msg); err != nil {
		return &stepError{"DATA", err}
	}
	if err := w.Close(); err != nil {
		return &stepError{"DATA", err}
	}
	c.Quit() // the server has taken the mail; a failing QUIT changes nothing
	return nil
}
