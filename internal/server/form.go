package server

import (
	"strings"

	"github.com/tiendo/tiendo/internal/entry"
	"github.com/tiendo/tiendo/internal/site"
)

// newForm makes the data-entry form of this server (package entry). On an
// address beyond this computer it needs a password (FormPassword).
func (s *Server) newForm() *entry.Handler {
	pw := formPassword(s.o.Bind)
	s.pw = pw
	return entry.New(entry.Config{Source: s.o.Source, Lang: s.o.Lang, Password: pw,
		Site: func() (*site.Site, string) {
			if snap := s.site.Load(); snap != nil {
				return snap.site, snap.basePath
			}
			return nil, "/"
		},
		Builds: s.builds.Load})
}

// FormURL is the address of the data-entry form.
func (s *Server) FormURL() string { return s.URL() + entry.Path }

// FormPassword is the password the form asks for, "" when the server
// listens on this computer only.
func (s *Server) FormPassword() string { return s.pw }

// formPassword is the form's password: none on this computer alone, else
// a new random one.
func formPassword(bind string) string {
	if isLoopback(bind) {
		return ""
	}
	return entry.NewPassword()
}

// formPath reports whether p is the form's, and its path under the form.
func (s *Server) formPath(p string) (string, bool) {
	bp := "/"
	if snap := s.site.Load(); snap != nil {
		bp = snap.basePath
	}
	base := bp + entry.Path
	if p+"/" == base {
		return "", true
	}
	rel, ok := strings.CutPrefix(p, base)
	return rel, ok
}
