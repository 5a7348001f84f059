package server

import (
	"fmt"
	"strings"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/entry"
	"github.com/tiendo/tiendo/internal/site"
)

// newForm makes the data-entry form of this server (package entry). On an
// address beyond this computer it needs a password, printed here.
func (s *Server) newForm() *entry.Handler {
	pw := formPassword(s.o.Bind)
	if pw != "" {
		fmt.Fprintln(s.o.Stderr, diag.Tf("Trang nhập số liệu %s%s cần mật khẩu: %s",
			"The data-entry page %s%s needs the password: %s", s.host, siteConfig(s.o.Source).BasePath+entry.Path, pw).In(s.o.Lang))
	}
	return entry.New(entry.Config{Source: s.o.Source, Lang: s.o.Lang, Password: pw,
		Site: func() (*site.Site, string) {
			if snap := s.site.Load(); snap != nil {
				return snap.site, snap.basePath
			}
			return nil, "/"
		},
		Builds: s.builds.Load})
}

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
