// Package deploy holds the hosting recipes for the output of the write
// stage: what a district's IT person puts in their web server to serve
// public/ under a subpath. The README copies them verbatim from here:
//
//	nginx.conf   location blocks for a server { … } (nginx, nginx-light)
//	apache.conf  Alias and <Directory> for a <VirtualHost> (Apache 2.4)
//	htaccess     the rules, saved as .htaccess next to index.html
//
// The tests build the sample site with --compress under /de-an-06/ and start
// the real servers on 127.0.0.1 with these files, the way Debian installs
// them (its nginx.conf http block, its mime.types and mime.conf), then
// request one file of every kind the build writes, and a missing page, with
// and without Accept-Encoding. They check the status, Content-Type and
// charset, Content-Encoding and the body after decoding, Vary, the
// Content-Security-Policy and nosniff on every response, Cache-Control, and
// the site's 404 page with status 404.
//
// The same checks run against `tiendo serve` and python3 -m http.server,
// each with the expectations it meets written down (see hosts in
// hosting_test.go): what the README says each one gives up.
//
// A missing nginx, apache2 or python3 skips its test, except when CI is set:
// there it fails, since .ci/run installs them.
package deploy
