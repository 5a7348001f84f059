package site

import "testing"

func TestLink(t *testing.T) {
	tests := []struct {
		name     string
		u        URLs
		from, to string
		want     string
	}{
		{"root", URLs{BasePath: "/"}, "/a/b/", "/c/", "/c/"},
		{"subpath", URLs{BasePath: "/de-an-06/"}, "/a/b/", "/c/", "/de-an-06/c/"},
		{"subpath file with anchor", URLs{BasePath: "/de-an-06/"}, "/", "/huong-dan/vneid/#buoc-2", "/de-an-06/huong-dan/vneid/#buoc-2"},
		{"relative up", URLs{BasePath: "/x/", Relative: true}, "/a/b/", "/c/", "../../c/index.html"},
		{"relative home from home", URLs{BasePath: "/", Relative: true}, "/", "/", "index.html"},
		{"relative sibling", URLs{BasePath: "/", Relative: true}, "/a/b/", "/a/c/", "../c/index.html"},
		{"relative child", URLs{BasePath: "/", Relative: true}, "/a/", "/a/b/", "b/index.html"},
		{"relative static", URLs{BasePath: "/", Relative: true}, "/a/b/", "/css/site.css", "../../css/site.css"},
		{"relative from 404", URLs{BasePath: "/", Relative: true}, "/404.html", "/css/site.css", "css/site.css"},
		{"external", URLs{BasePath: "/x/"}, "/a/", "https://dichvucong.gov.vn/", "https://dichvucong.gov.vn/"},
		{"fragment", URLs{BasePath: "/x/", Relative: true}, "/a/", "#muc", "#muc"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.u.Link(tc.from, tc.to); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestAbs(t *testing.T) {
	u := URLs{BasePath: "/de-an-06/", Origin: "https://example.gov.vn"}
	if got, want := u.Abs("/chi-tieu/"), "https://example.gov.vn/de-an-06/chi-tieu/"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
