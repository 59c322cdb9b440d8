package feed

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
)

// maxLinkHops is how many symbolic links resolving one path may pass
// through before it counts as a loop (Linux's MAXSYMLINKS).
const maxLinkHops = 40

var (
	errLinkOutside = errors.New("symbolic link points outside the articles folder")
	errLinkLoop    = errors.New("symbolic link loop (or a chain of more than 40 links)")
	errLinkMissing = errors.New("symbolic link points to a missing file")
	errNotRegular  = errors.New("not a regular file")
)

// articleEntry reports whether the entry d at p, met walking fsys, is an
// article file to read. Folders and files without an article extension are
// not. A file that is neither regular nor a link (a FIFO, a socket, a
// device) is an error when it is named like an article: opening it could
// block forever.
//
// When fsys implements fs.ReadLinkFS (os.DirFS does), a symbolic link is
// resolved lexically against the root of fsys, and is an error, whatever
// its name, when it leads outside that root (an absolute target always
// does) or into a loop. A link to a folder inside is not followed: its
// files are read where they are. A link to a file inside is read when its
// own name is an article's; one to a missing file is then an error too.
// Without fs.ReadLinkFS, links are treated as the files they lead to.
func articleEntry(fsys fs.FS, p string, d fs.DirEntry) (bool, error) {
	t := d.Type()
	switch {
	case t.IsDir():
		return false, nil
	case t&fs.ModeSymlink != 0:
		lfs, ok := fsys.(fs.ReadLinkFS)
		if !ok {
			return isArticle(p), nil
		}
		info, err := resolveLink(lfs, p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if isArticle(p) {
				return false, errLinkMissing
			}
			return false, nil
		case err != nil:
			return false, err
		case info.IsDir() || !isArticle(p):
			return false, nil
		case !info.Mode().IsRegular():
			return false, errNotRegular
		}
		return true, nil
	case !isArticle(p):
		return false, nil
	case !t.IsRegular():
		return false, errNotRegular
	}
	return true, nil
}

// resolveLink follows the symbolic links of the slash path name inside
// fsys, one path element at a time and without leaving fsys, and returns
// what name finally leads to. It fails with errLinkOutside when a link or a
// ".." leads above the root, and with errLinkLoop after maxLinkHops links.
func resolveLink(fsys fs.ReadLinkFS, name string) (fs.FileInfo, error) {
	todo := strings.Split(name, "/")
	var (
		done []string // resolved elements: none of them is a link
		info fs.FileInfo
		hops int
	)
	for len(todo) > 0 {
		elem := todo[0]
		todo = todo[1:]
		switch elem {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return nil, errLinkOutside
			}
			done = done[:len(done)-1]
			info = nil
			continue
		}
		done = append(done, elem)
		cur := path.Join(done...)
		var err error
		if info, err = fsys.Lstat(cur); err != nil {
			return nil, err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if hops++; hops > maxLinkHops {
			return nil, errLinkLoop
		}
		target, err := fsys.ReadLink(cur)
		if err != nil {
			return nil, err
		}
		if path.IsAbs(target) || filepath.IsAbs(target) || filepath.VolumeName(target) != "" {
			return nil, errLinkOutside
		}
		done = done[:len(done)-1]
		todo = append(strings.Split(filepath.ToSlash(target), "/"), todo...)
		info = nil
	}
	if info == nil {
		return fs.Stat(fsys, path.Join(append([]string{"."}, done...)...))
	}
	return info, nil
}
