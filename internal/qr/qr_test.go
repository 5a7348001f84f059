package qr

import (
	"bytes"
	"image"
	"image/color"
	"regexp"
	"strconv"
	"testing"

	goqr "github.com/piglig/go-qr"
)

// raster paints the SVG's path back into an image, 4 pixels a module.
func raster(t *testing.T, svg []byte) image.Image {
	t.Helper()
	m := regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`).FindSubmatch(svg)
	if m == nil {
		t.Fatalf("no viewBox in %.80s", svg)
	}
	side, _ := strconv.Atoi(string(m[1]))
	const px = 4
	img := image.NewGray(image.Rect(0, 0, side*px, side*px))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for _, r := range regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`).FindAllSubmatch(svg, -1) {
		x, _ := strconv.Atoi(string(r[1]))
		y, _ := strconv.Atoi(string(r[2]))
		w, _ := strconv.Atoi(string(r[3]))
		for yy := y * px; yy < (y+1)*px; yy++ {
			for xx := x * px; xx < (x+w)*px; xx++ {
				img.SetGray(xx, yy, color.Gray{})
			}
		}
	}
	return img
}

func TestSVGDecodes(t *testing.T) {
	for _, url := range []string{
		"https://example.gov.vn/de-an-06/don-vi/xa-thach-kim/",
		"http://127.0.0.1:8080/don-vi/thi-tran-loc-ha/",
	} {
		svg, err := SVG(url)
		if err != nil {
			t.Fatal(err)
		}
		got, err := goqr.Decode(raster(t, svg))
		if err != nil {
			t.Fatalf("%s: decode: %v", url, err)
		}
		if got != url {
			t.Errorf("decoded %q, want %q", got, url)
		}
	}
}

func TestSVGDeterministicAndClean(t *testing.T) {
	a, err := SVG("https://example.gov.vn/don-vi/xa-ho-do/")
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		b, _ := SVG("https://example.gov.vn/don-vi/xa-ho-do/")
		if !bytes.Equal(a, b) {
			t.Fatal("two calls gave different SVG")
		}
	}
	root, _, _ := bytes.Cut(a, []byte(">"))
	if bytes.Contains(root, []byte("width=")) {
		t.Errorf("the <svg> element sets its width: %s", root)
	}
	for _, bad := range []string{"style=", "<script", "href"} {
		if bytes.Contains(a, []byte(bad)) {
			t.Errorf("SVG holds %q", bad)
		}
	}
	if _, err := SVG(""); err != ErrEmpty {
		t.Errorf("SVG(\"\") error %v, want ErrEmpty", err)
	}
}
