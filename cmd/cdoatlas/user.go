package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/cdoatlas/cdoatlas"
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
	if len([]rune(password)) < cdoatlas.MinPasswordLength {
		return "", fmt.Errorf("the password needs at least %d characters", cdoatlas.MinPasswordLength)
	}
	return password, nil
}

func (m *Main) runToken(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "add" {
		m.flagSet("token").Usage()
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return nil
		}
		return errors.New("usage: cdoatlas token add [--name NAME] EMAIL")
	}
	fs := m.flagSet("token")
	name := fs.String("name", "cli", "a name to recognise the token by")
	dsn := m.dbFlag(fs)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("give exactly one e-mail address")
	}
	db, err := m.openDB(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.FindUserByEmail(ctx, fs.Arg(0))
	if err != nil {
		if cdoatlas.ErrorCode(err) == cdoatlas.ENOTFOUND {
			return fmt.Errorf("no account for %s", fs.Arg(0))
		}
		return err
	}
	token, err := db.CreateAPIToken(ctx, u.ID, *name)
	if err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, token)
	m.progress("This token is shown once. Send it as: Authorization: Bearer <token>")
	return nil
}
