// Package themes embeds the default theme into the tiendo binary, so that a
// site without a themes/ folder builds with it and an installed tiendo needs
// nothing beside it. The same files on disk under themes/default are what a
// site in this repository uses and may copy to override.
package themes

import "embed"

// FS holds the default theme under the directory "default".
//
//go:embed all:default
var FS embed.FS
