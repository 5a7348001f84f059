package bench

// hugoLayouts are the templates of the Hugo twin of a corpus. They do the
// same HTML work as tiendo's default theme on these pages — head with
// description and Open Graph tags, header with the site name and the main
// menu with its active entry, the sample notice, breadcrumbs, the page, its
// section's list with dates and descriptions, and the footer — and nothing
// more, so the comparison measures the generators rather than the themes.
var hugoLayouts = map[string]string{
	"layouts/_default/baseof.html": `<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} – {{ .Site.Title }}{{ end }}</title>
{{- with .Description }}
<meta name="description" content="{{ . }}">
{{- end }}
<meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:site_name" content="{{ .Site.Title }}">
<meta property="og:locale" content="vi_VN">
{{- with .Description }}
<meta property="og:description" content="{{ . }}">
{{- end }}
<meta name="theme-color" content="#0b4f8a">
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
<link rel="alternate" type="application/rss+xml" title="{{ .Site.Title }} – Tin mới" href="{{ "index.xml" | relURL }}">
<script src="{{ "js/site.js" | relURL }}" defer></script>
</head>
<body>
<a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
{{ partial "header.html" . }}
{{ partial "notice.html" . }}
<main id="noi-dung" tabindex="-1">
<div class="wrap">
{{ partial "breadcrumbs.html" . }}
{{ block "main" . }}{{ end }}
</div>
</main>
{{ partial "footer.html" . }}
</body>
</html>
`,
	"layouts/partials/header.html": `<header class="site-header">
<div class="wrap header-inner">
<a class="site-title" href="{{ "/" | relURL }}"{{ if .IsHome }} aria-current="page"{{ end }}>
<span class="site-name">{{ .Site.Title }}</span>
{{- with .Site.Params.organisation }}<span class="site-org">{{ . }}</span>{{ end }}
</a>
{{- with .Site.Menus.main }}
<nav class="main-nav" aria-label="Menu chính">
<ul>
{{- range . }}
<li><a href="{{ .URL }}"{{ if $.IsMenuCurrent "main" . }} aria-current="page"{{ else if $.HasMenuCurrent "main" . }} class="active"{{ end }}>{{ .Name }}</a></li>
{{- end }}
</ul>
</nav>
{{- end }}
</div>
</header>
`,
	"layouts/partials/notice.html": `<div class="sample-notice" role="note">
<div class="wrap">
<p><strong>Số liệu minh họa:</strong> các số liệu trên trang này là minh họa, không phải số liệu thật.</p>
</div>
</div>
`,
	"layouts/partials/breadcrumbs.html": `{{- if not .IsHome }}
<nav class="breadcrumbs" aria-label="Đường dẫn">
<ol>
{{- range .Ancestors.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ if .IsHome }}Trang chủ{{ else }}{{ .Title }}{{ end }}</a></li>
{{- end }}
</ol>
</nav>
{{- end }}
`,
	"layouts/partials/footer.html": `<footer class="site-footer">
<div class="wrap">
<section class="org" aria-labelledby="footer-org">
<h2 id="footer-org">{{ .Site.Params.organisation }}</h2>
<ul class="contact">
{{- with .Site.Params.address }}<li>Địa chỉ: {{ . }}</li>{{ end }}
</ul>
</section>
<p class="asof">Số liệu tính đến <time datetime="2023-06-30">30/06/2023</time>. Số liệu minh họa.</p>
<p class="footer-links"><a href="{{ "index.xml" | relURL }}">Tin mới</a> · <a href="{{ "sitemap.xml" | relURL }}">Sơ đồ trang</a></p>
<p class="made-with">Dựng bằng Hugo.</p>
</div>
</footer>
`,
	"layouts/partials/pagelist.html": `{{- with .Pages }}
<ul class="page-list">
{{- range . }}
<li>
<a class="page-link" href="{{ .RelPermalink }}">{{ .Title }}</a>
{{- if not .Date.IsZero }} <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time>{{ end }}
{{- with .Description }}<p>{{ . }}</p>{{ else }}{{ with .Summary }}<p>{{ . }}</p>{{ end }}{{ end }}
</li>
{{- end }}
</ul>
{{- end }}
`,
	"layouts/partials/pagefoot.html": `<footer class="page-foot">
<p class="share"><button type="button" class="copy-link" data-copied="Đã chép" hidden>Chép liên kết</button></p>
</footer>
`,
	"layouts/index.html": `{{ define "main" }}
<article class="home">
<header class="page-header">
<h1>{{ .Title }}</h1>
{{- with .Description }}<p class="lead">{{ . }}</p>{{ end }}
</header>
{{- with .Content }}
<div class="prose">
{{ . }}
</div>
{{- end }}
{{- with .Pages }}
<h2 class="list-title">Chuyên mục</h2>
<ul class="card-grid">
{{- range . }}
<li class="card">
<a class="page-link" href="{{ .RelPermalink }}">{{ .Title }}</a>
{{- with .Description }}<p>{{ . }}</p>{{ end }}
</li>
{{- end }}
</ul>
{{- end }}
</article>
{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}
<article class="section">
<header class="page-header">
<h1>{{ .Title }}</h1>
{{- with .Description }}<p class="lead">{{ . }}</p>{{ end }}
</header>
{{- with .Content }}
<div class="prose">
{{ . }}
</div>
{{- end }}
{{- if .Pages }}
<h2 class="list-title">Trong mục này</h2>
{{ partial "pagelist.html" . }}
{{- end }}
{{ partial "pagefoot.html" . }}
</article>
{{ end }}
`,
	"layouts/_default/single.html": `{{ define "main" }}
<article class="page">
<header class="page-header">
<h1>{{ .Title }}</h1>
{{- with .Description }}<p class="lead">{{ . }}</p>{{ end }}
{{- if not .Date.IsZero }}
<p class="meta">Đăng ngày <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time></p>
{{- end }}
</header>
<div class="prose">
{{ .Content }}
</div>
{{ partial "pagefoot.html" . }}
</article>
{{ end }}
`,
	"layouts/404.html": `{{ define "main" }}
<article class="page">
<h1>Không tìm thấy trang</h1>
<p><a href="{{ "/" | relURL }}">Về trang chủ</a></p>
</article>
{{ end }}
`,
	"layouts/shortcodes/kpi.html": `<div class="kpi-card" data-indicator="{{ .Get 0 }}"><a href="{{ printf "/chi-tieu/%s/" (.Get 0) | relURL }}">Chỉ tiêu {{ .Get 0 }}</a></div>
`,
	"static/css/site.css": `body{font-family:system-ui,sans-serif;margin:0;line-height:1.5}.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
`,
	"static/js/site.js": `document.documentElement.classList.add("js");
`,
}
