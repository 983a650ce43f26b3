// Package foilog holds the default layouts and static assets that every
// foilog binary carries, so that a bare content folder builds into a
// complete site. A site's own layouts/ and static/ files override these by
// name.
package foilog

import "embed"

// Layouts holds the default html/template layouts under "layouts/".
//
//go:embed layouts
var Layouts embed.FS

// Static holds the default CSS, JavaScript and fonts under "static/".
//
//go:embed static
var Static embed.FS
