/*
Feedgen generates RSS 2.0, Atom 1.0 and JSON Feed 1.1 files, plus a preview
page, from a folder of articles (Markdown with YAML or TOML front matter, or
news-wire plain text) and a config.yaml.

Usage:

	feedgen <command> [flags]

The commands are:

	build     build the feeds into the output folder (default public/)
	check     build in memory, check everything, write nothing
	new       create a new article, as a draft
	serve     build, serve the feeds over HTTP and rebuild on every change
	links     print the autodiscovery <link> tags for a page's <head>
	version   print feedgen's version

"feedgen help <command>" or "feedgen <command> -h" lists a command's flags.
Every flag can also be set with an environment variable FEEDGEN_<NAME>,
upper case with - as _ (FEEDGEN_BASE_URL); a flag on the command line wins.

Flags shared by build, check, serve and links:

	-config file     config file (default config.yaml)
	-articles dir    articles folder (default: the config's, relative to it)
	-out dir         output folder (default: the config's, relative to it)
	-base-url URL    site URL, overriding base_url (for preview deploys)
	-now RFC3339     build as if the time were this (default: $SOURCE_DATE_EPOCH, else the clock)
	-drafts          include drafts (local preview only)
	-future          include scheduled and expired articles (local preview only)
	-strict          treat warnings as errors

build also takes -q (print nothing but errors), -v (list each file written
and each article skipped), -ping (notify the config's WebSub hub of each
feed that changed), -no-cache (neither read nor write .feedgen-cache/),
-cpuprofile and -memprofile. check takes -stale (fail when the output folder
is not what a build would write now). serve takes -addr (default
127.0.0.1:8080). new takes -txt (a plain-text article) and a title. links
takes -feed NAME and -all.

Exit codes: 0 success; 1 errors in the input or the build (or warnings under
-strict); 2 a usage error. Problems are printed one per line as
"path:line: message" or "path:line: warning: message".

Examples:

	feedgen build
	feedgen check -strict
	feedgen new "My first post"
	FEEDGEN_BASE_URL=https://preview.example.org/ feedgen build -out preview
	feedgen serve -drafts
*/
package main
