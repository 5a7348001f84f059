// Package entry is the data-entry form of `tiendo serve` (/nhap-lieu/
// under the site's base path; `build` never writes it): a reporting unit's
// weekly report typed into a form instead of a spreadsheet.
//
// A unit and a week give one group of fields per service the unit reports
// on, one field per column of the unit's file (data/reports/<unit>.csv or
// .xlsx), each named exactly as its column. A submission becomes the
// file's candidate bytes (rows of that week replaced in place, new rows
// appended; the file's delimiter, byte order mark and line ends kept) and
// is read by data.Load, the build's own loader, through an overlay of the
// site folder: what the build would reject is answered 422 with the build's
// messages and nothing is written. A good one is written atomically, the
// previous version copied to .tiendo-cache/backup/ first.
//
// An indicator whose figures are in a file of its own (data/chi-tieu/*.csv
// or .xlsx) and a period of its kind give, the same way, one row of fields
// per unit (indicator.go, under nhap-lieu/chi-tieu).
//
// # Importing a workbook
//
// A unit's week may also come as the workbook it sends upward: [ReadImport]
// matches its headings and services to the unit's report (`tiendo nhap`, and
// the upload at /nhap-lieu/tai-len), makes the file's new bytes the same way
// and reads them with data.Load, moving the build's messages to the
// workbook's cells; [Import.Summary] says what would change, and
// [Import.Write] writes only then, atomically, unless the file changed
// since.
//
// # Security
//
// Every POST must carry the process's anti-CSRF token and come
// from the preview's own origin (Origin, else Referer), or it is refused
// with 403. When the server listens beyond this computer, the form asks
// for the password printed at start-up and keeps the login in an HttpOnly,
// SameSite=Strict cookie.
package entry

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/site"
)

// Path is where the form lives under the site's base path.
const Path = "nhap-lieu/"

// cookieName holds the login on a server reachable from the network.
const cookieName = "tiendo-nhap-lieu"

// Config is what a Handler needs from the server.
type Config struct {
	// Source is the site root.
	Source string
	// Lang is the language of the form's words.
	Lang diag.Lang
	// Site returns the last good build (its config and the moment judged
	// at) and the base path it is served at; nil before one.
	Site func() (*site.Site, string)
	// Builds counts the builds the server has finished; after a save the
	// form waits for the next one, so the page it leads to is new.
	Builds func() uint64
	// Password, when set, must be given once before the form opens.
	Password string
}

// Handler serves the form.
type Handler struct {
	c       Config
	secret  []byte
	mu      sync.Mutex // one save at a time
	pending pendingImports
}

// New makes a Handler with a new secret for its tokens.
func New(c Config) *Handler {
	secret := make([]byte, 32)
	rand.Read(secret)
	if c.Lang == "" {
		c.Lang = diag.VI
	}
	return &Handler{c: c, secret: secret}
}

// NewPassword is a random password for a form reachable from the network:
// 20 letters and digits, easy to read out and to type.
func NewPassword() string {
	b := make([]byte, 15)
	rand.Read(b)
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)[:20])
}

func (h *Handler) mac(what string) string {
	m := hmac.New(sha256.New, h.secret)
	m.Write([]byte(what))
	return hex.EncodeToString(m.Sum(nil))
}

// Token is the anti-CSRF token every form of this process carries.
func (h *Handler) Token() string { return h.mac("token") }

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// ServeHTTP serves rel, the path under the form's address ("" for the form,
// "dang-nhap" for the login).
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request, rel string) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "same-origin")
	if r.Method == http.MethodPost {
		limit := int64(1 << 20)
		if rel == uploadPath {
			limit = maxUpload + 1<<20
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		if !h.sameOrigin(r) {
			h.forbidden(w, diag.T("Yêu cầu không đến từ chính trang xem thử này nên bị từ chối.",
				"The request does not come from this preview's own page and is refused."))
			return
		}
		err := parseForm(r)
		if tooLarge := new(http.MaxBytesError); errors.As(err, &tooLarge) {
			h.page(w, http.StatusRequestEntityTooLarge, pageData{Title: h.t("Tệp quá lớn", "File too large"),
				Problem: diag.Tf("Tệp gửi lên quá lớn: giới hạn là %d MB.", "The file sent is too large: the limit is %d MB.", maxUpload>>20).In(h.c.Lang)})
			return
		}
		if err != nil || !equal(r.PostForm.Get("token"), h.Token()) {
			h.forbidden(w, diag.T("Biểu mẫu thiếu mã bảo vệ hoặc mã đã cũ (máy chủ xem thử đã khởi động lại). Mở lại trang nhập liệu rồi gửi lại.",
				"The form lacks its protection code, or the code is old (the preview was restarted). Open the entry page again and resend."))
			return
		}
	}
	if h.c.Password != "" && !h.loggedIn(r) {
		if rel == "dang-nhap" && r.Method == http.MethodPost {
			h.login(w, r)
			return
		}
		if r.Method == http.MethodPost {
			h.forbidden(w, diag.T("Cần đăng nhập bằng mật khẩu trước khi gửi số liệu.", "Log in with the password before sending figures."))
			return
		}
		h.loginPage(w, http.StatusOK, "")
		return
	}
	switch {
	case rel == "" && (r.Method == http.MethodGet || r.Method == http.MethodHead):
		h.form(w, r)
	case rel == "" && r.Method == http.MethodPost:
		h.submit(w, r)
	case rel == indicatorPath && (r.Method == http.MethodGet || r.Method == http.MethodHead):
		h.indicatorForm(w, r)
	case rel == indicatorPath && r.Method == http.MethodPost:
		h.indicatorSubmit(w, r)
	case rel == uploadPath:
		h.upload(w, r)
	case rel == "dang-nhap":
		http.Redirect(w, r, h.base()+Path, http.StatusSeeOther)
	default:
		http.NotFound(w, r)
	}
}

// parseForm reads a POST's fields: a workbook upload's (multipart, the
// file kept in memory up to its limit) or a form's.
func parseForm(r *http.Request) error {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return r.ParseMultipartForm(maxUpload)
	}
	return r.ParseForm()
}

func (h *Handler) base() string {
	if h.c.Site != nil {
		if _, bp := h.c.Site(); bp != "" {
			return bp
		}
	}
	return "/"
}

// sameOrigin reports whether r comes from a page of this server: its
// Origin, or without one its Referer, names the host r was sent to.
func (h *Handler) sameOrigin(r *http.Request) bool {
	want := "http://" + r.Host
	if o := r.Header.Get("Origin"); o != "" {
		return o == want
	}
	ref, err := url.Parse(r.Header.Get("Referer"))
	return err == nil && ref.Scheme+"://"+ref.Host == want
}

func (h *Handler) loggedIn(r *http.Request) bool {
	c, err := r.Cookie(cookieName)
	return err == nil && equal(c.Value, h.mac("login"))
}

func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	if !equal(r.PostForm.Get("mat_khau"), h.c.Password) {
		time.Sleep(500 * time.Millisecond) // guesses one by one
		h.loginPage(w, http.StatusForbidden, diag.T("Mật khẩu không đúng.", "Wrong password.").In(h.c.Lang))
		return
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: h.mac("login"), Path: h.base() + Path,
		HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, h.base()+Path, http.StatusSeeOther)
}

func (h *Handler) forbidden(w http.ResponseWriter, why diag.Text) {
	h.page(w, http.StatusForbidden, pageData{Title: h.t("Không được phép", "Forbidden"), Problem: why.In(h.c.Lang)})
}

func (h *Handler) t(vi, en string) string { return diag.T(vi, en).In(h.c.Lang) }

// waitBuild waits until the server has finished a build after n, at most
// a minute.
func (h *Handler) waitBuild(n uint64) {
	if h.c.Builds == nil {
		return
	}
	// A rebuild that redraws charts takes a second or two, many more on a
	// busy computer; the wait ends as soon as it does.
	for end := time.Now().Add(60 * time.Second); time.Now().Before(end) && h.c.Builds() <= n; {
		time.Sleep(20 * time.Millisecond)
	}
}
