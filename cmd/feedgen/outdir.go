package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// validateOutput checks that out is a folder a build may write into. It may
// not be the root of the file system, the user's home folder, the articles
// folder, or a folder holding the articles or the config file: the feeds
// would be mixed with what they are built from, and anything that cleans
// the output folder would take the sources with it. Paths are compared
// absolute, with symbolic links resolved as far as they exist. The error
// names out as given and says what it is.
func validateOutput(out, articles, config string) error {
	o := realPath(out)
	const hint = "; use a folder of its own, like public"
	if filepath.Dir(o) == o {
		return fmt.Errorf("%q is the root of the file system%s", out, hint)
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		home = ""
	} else {
		home = realPath(home)
	}
	if home != "" && o == home {
		return fmt.Errorf("%q is your home folder%s", out, hint)
	}
	a := realPath(articles)
	switch {
	case o == a:
		return fmt.Errorf("%q is the articles folder%s", out, hint)
	case within(a, o):
		return fmt.Errorf("%q contains the articles folder%s", out, hint)
	case within(realPath(config), o):
		return fmt.Errorf("%q contains the config file%s", out, hint)
	case home != "" && within(home, o):
		return fmt.Errorf("%q contains your home folder%s", out, hint)
	}
	return nil
}

// realPath returns p made absolute, with the symbolic links of its longest
// existing prefix resolved.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	var rest []string
	for dir := abs; ; {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(append([]string{r}, rest...)...)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
		dir = parent
	}
}
