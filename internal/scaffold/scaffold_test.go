package scaffold

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/internal/diag"
)

func ExampleTitle() {
	fmt.Println(Title("abc-def"))
	fmt.Println(Title("dang-ky_khai-sinh"))
	fmt.Println(Title("đăng-ký-tạm-trú"))
	// Output:
	// Abc def
	// Dang ky khai sinh
	// Đăng ký tạm trú
}

func TestTitle(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"hyphens", "abc-def", "Abc def"},
		{"underscores and runs", "--abc__def--", "Abc def"},
		{"digits first", "2023-bao-cao", "2023 bao cao"},
		{"decomposed marks", "e\u0302\u0301-x", "Ế x"},
		{"đ", "đợt-một", "Đợt một"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Title(tc.in); got != tc.want {
				t.Errorf("Title(%q): got %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestPageTitle(t *testing.T) {
	tests := []struct{ rel, want string }{
		{"content/huong-dan/abc-def.md", "Abc def"},
		{"content/huong-dan/_index.md", "Huong dan"},
		{"content/_index.md", "Trang chủ"},
	}
	for _, tc := range tests {
		if got := pageTitle(tc.rel); got != tc.want {
			t.Errorf("pageTitle(%q): got %q, want %q", tc.rel, got, tc.want)
		}
	}
}

func TestTOMLString(t *testing.T) {
	tests := []struct{ in, want string }{
		{`Abc "x" \ y`, `"Abc \"x\" \\ y"`},
		{"tab\there", `"tab\u0009here"`},
		{"Đăng ký", `"Đăng ký"`},
	}
	for _, tc := range tests {
		if got := tomlString(tc.in); got != tc.want {
			t.Errorf("tomlString(%q): got %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestSiteRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ghi-chu.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Site(dir)
	var d *diag.Diagnostic
	if !errors.As(err, &d) || d.Code != "new-site-not-empty" {
		t.Fatalf("Site into a non-empty folder: got %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("Site wrote into a non-empty folder: %v", entries)
	}
}

func TestPageRefusesOverwrite(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC)
	if _, err := Page(dir, "content/a.md", now); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content/a.md"), []byte("của tôi"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Page(dir, "a.md", now)
	var d *diag.Diagnostic
	if !errors.As(err, &d) || d.Code != "new-page-exists" || !strings.Contains(d.Format(diag.EN), "content/a.md already exists") {
		t.Fatalf("second Page: got %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "content/a.md")); string(b) != "của tôi" {
		t.Errorf("the page was overwritten: %q", b)
	}
}
