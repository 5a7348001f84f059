package build

import "testing"

func TestEnglishInterface(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, `
-- config.toml --
title = "Progress"
languageCode = "en"
sample = true
-- content/news/a.md --
+++
title = "Plan issued"
date = 2023-06-30
+++
Text.
`, Options{}).ok()
	s.contains("news/a/index.html", `<html lang="en"`, "Skip to main content", "Illustrative figures",
		`<time datetime="2023-06-30">30 Jun 2023</time>`, "Published")
	s.contains("404.html", "Page not found")
}

func TestTranslations(t *testing.T) {
	t.Parallel()
	s := buildTxtar(t, `
-- config.toml --
languages = ["en"]
-- content/huong-dan/vneid.md --
+++
title = "Hướng dẫn VNeID"
+++
Nội dung.
-- content/huong-dan/vneid.en.md --
+++
title = "VNeID guide"
+++
Text.
`, Options{}).ok()
	s.contains("huong-dan/vneid/index.html", `<html lang="vi"`, `hreflang="en" href="/en/huong-dan/vneid/"`, "Read in English")
	s.contains("en/huong-dan/vneid/index.html", `<html lang="en"`, `hreflang="vi" href="/huong-dan/vneid/"`, "Đọc bằng tiếng Việt", "Skip to main content")
}
