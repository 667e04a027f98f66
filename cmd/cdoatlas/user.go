package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/sqldb"
	"golang.org/x/term"
)

func (m *Main) runUser(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "add" {
		m.flagSet("user").Usage()
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return nil
		}
		return errors.New("usage: cdoatlas user add --role admin|editor|member EMAIL")
	}
	fs := m.flagSet("user")
	role := fs.String("role", "", "admin, editor or member")
	dsn := m.dbFlag(fs)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("give exactly one e-mail address")
	}
	password, err := m.readPassword()
	if err != nil {
		return err
	}
	db, err := m.openDB(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer db.Close()
	u := &cdoatlas.User{Email: fs.Arg(0), Role: *role}
	if err := db.CreateUser(ctx, u, password); err != nil {
		if cdoatlas.ErrorCode(err) == cdoatlas.ECONFLICT {
			return fmt.Errorf("an account for %s exists already", u.Email)
		}
		return err
	}
	fmt.Fprintf(m.Stdout, "created %s account %s\n", u.Role, u.Email)
	return nil
}

// readPassword reads the password: with a prompt and twice, without echo, on
// a terminal; otherwise the first line of stdin.
func (m *Main) readPassword() (string, error) {
	if f, ok := m.Stdin.(*os.File); ok && m.IsTerminal != nil && m.IsTerminal(int(f.Fd())) {
		fmt.Fprint(m.Stderr, "Password (at least 12 characters): ")
		p1, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(m.Stderr)
		if err != nil {
			return "", err
		}
		fmt.Fprint(m.Stderr, "Repeat password: ")
		p2, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(m.Stderr)
		if err != nil {
			return "", err
		}
		if string(p1) != string(p2) {
			return "", errors.New("the passwords differ")
		}
		return string(p1), nil
	}
	line, err := bufio.NewReader(m.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New("no password on stdin")
	}
	password := strings.TrimRight(line, "\r\n")
	if key := cdoatlas.PasswordProblem(password); key != "" {
		return "", errors.New(cdoatlas.Message("en", key))
	}
	return password, nil
}

// tokenUsage is the synopsis of the token command.
const tokenUsage = "usage: cdoatlas token add [--name NAME] [--expires DAYS] EMAIL | token list [EMAIL] | token revoke ID"

func (m *Main) runToken(ctx context.Context, args []string) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "list" && args[0] != "revoke") {
		m.flagSet("token").Usage()
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return nil
		}
		return errors.New(tokenUsage)
	}
	fs := m.flagSet("token")
	name := fs.String("name", "cli", "add: a name to recognise the token by")
	days := fs.Int("expires", 90, "add: days until the token stops working; 0 for never")
	dsn := m.dbFlag(fs)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	db, err := m.openDB(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer db.Close()
	switch args[0] {
	case "list":
		var userID int64
		switch fs.NArg() {
		case 0:
		case 1:
			u, err := m.findAccount(ctx, db, fs.Arg(0))
			if err != nil {
				return err
			}
			userID = u.ID
		default:
			return errors.New("give at most one e-mail address")
		}
		tokens, err := db.FindAPITokens(ctx, userID)
		if err != nil {
			return err
		}
		return writeTokens(m.Stdout, tokens, time.Now())
	case "revoke":
		if fs.NArg() != 1 {
			return errors.New("give exactly one token id (see cdoatlas token list)")
		}
		id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
		if err != nil || id <= 0 {
			return fmt.Errorf("bad token id %q: a number from cdoatlas token list", fs.Arg(0))
		}
		if err := db.RevokeAPIToken(ctx, 0, id); err != nil {
			if cdoatlas.ErrorCode(err) == cdoatlas.ENOTFOUND {
				return fmt.Errorf("no token with id %d", id)
			}
			return err
		}
		m.progress(fmt.Sprintf("Token %d revoked; it stops working at once.", id))
		return nil
	}
	if fs.NArg() != 1 {
		return errors.New("give exactly one e-mail address")
	}
	if *days < 0 {
		return errors.New("--expires: a number of days, 0 for never")
	}
	u, err := m.findAccount(ctx, db, fs.Arg(0))
	if err != nil {
		return err
	}
	var expires time.Time
	if *days > 0 {
		expires = time.Now().Add(time.Duration(*days) * 24 * time.Hour)
	}
	token, err := db.CreateAPIToken(ctx, u.ID, *name, expires)
	if err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, token)
	if expires.IsZero() {
		m.progress("This token is shown once and does not expire. Send it as: Authorization: Bearer <token>")
	} else {
		m.progress(fmt.Sprintf("This token is shown once and works until %s. Send it as: Authorization: Bearer <token>", expires.UTC().Format("2006-01-02 15:04 MST")))
	}
	return nil
}

// findAccount returns the account of an e-mail address, with a plain
// message when there is none.
func (m *Main) findAccount(ctx context.Context, db *sqldb.DB, email string) (*cdoatlas.User, error) {
	u, err := db.FindUserByEmail(ctx, email)
	if cdoatlas.ErrorCode(err) == cdoatlas.ENOTFOUND {
		return nil, fmt.Errorf("no account for %s", email)
	}
	return u, err
}

// writeTokens lists tokens as a table: id, account, name, created,
// expires, last used. Secrets are never shown.
func writeTokens(w io.Writer, tokens []*cdoatlas.APIToken, now time.Time) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tACCOUNT\tNAME\tCREATED\tEXPIRES\tLAST USED")
	day := func(t time.Time, zero string) string {
		if t.IsZero() {
			return zero
		}
		return t.UTC().Format("2006-01-02")
	}
	for _, t := range tokens {
		expires := day(t.ExpiresAt, "never")
		if t.Expired(now) {
			expires += " (expired)"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Email, strconv.Quote(t.Name), day(t.CreatedAt, ""), expires, day(t.LastUsedAt, "never"))
	}
	return tw.Flush()
}
