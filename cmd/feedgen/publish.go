package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"

	"github.com/feedgen/feedgen/feed"
)

// Names of feedgen's own files in the output folder. No output path may
// use the prefix of any of them: they belong to the publishing machinery.
const (
	lockName       = ".feedgen-lock"        // flock'ed for the whole publish step
	manifestName   = ".feedgen-manifest"    // what feedgen wrote, see readManifest
	tempPrefix     = ".feedgen-tmp-"        // temporary files, renamed into place
	reservedPrefix = ".feedgen-"            // no output path segment may start with this
	manifestHeader = "# feedgen manifest 1" // first line of the manifest: format version
)

// publishReport says what a publish did.
type publishReport struct {
	Written   []string         // slash paths created or replaced
	Unchanged []string         // slash paths whose bytes were already right
	Removed   []string         // slash paths of stale files and folders removed ("dir/")
	Warnings  feed.Diagnostics // problems that did not stop the publish
}

// publishWithSignals runs publish with SIGINT and SIGTERM caught for its
// duration. A signal that arrives before the files are committed stops the
// publish, removes the temporary files and replaces nothing; one that
// arrives later lets the (short) commit finish. Either way the error is not
// nil, so the command exits 1.
func publishWithSignals(parent context.Context, out string, files []feed.File) (*publishReport, error) {
	ctx, stop := signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := publish(ctx, out, files)
	if err == nil && ctx.Err() != nil {
		err = fmt.Errorf("%s: interrupted after the files were published", filepath.ToSlash(out))
	}
	return rep, err
}

// lockHeldKey marks a context whose caller already holds the output
// folder's lock (a cached build holds it from before it looks at the
// output folder until it has published).
type lockHeldKey struct{}

// publish writes files into the folder out, all or nothing:
//
//   - every path is validated first (see validPath), and every target is
//     checked: a file feedgen did not write (not in the manifest) is never
//     replaced, and no write goes through a symlinked folder that leads
//     out of out;
//   - the whole step holds an exclusive lock on out/.feedgen-lock, so
//     concurrent builds publish one after the other;
//   - temporary files left by a killed run are removed;
//   - new contents go to synced temporary files in out, and only when all
//     are complete are they renamed into place and the folders synced;
//   - files and empty folders that the previous build wrote and this one
//     does not are removed;
//   - the manifest, listing what was written, is replaced last.
//
// Before the renames start, a manifest listing the old and the new paths
// is written, so that a run killed halfway leaves no file that the next
// run would take for someone else's. Files whose bytes are unchanged are
// left alone, keeping their modification times.
//
// When ctx is cancelled before the renames start, publish removes its
// temporary files and returns an error having replaced nothing; after
// that it finishes.
func publish(ctx context.Context, out string, files []feed.File) (*publishReport, error) {
	rep := &publishReport{}
	disp := func(rel string) string {
		if rel == "" {
			return filepath.ToSlash(out)
		}
		return filepath.ToSlash(out) + "/" + strings.TrimSuffix(rel, "/")
	}
	want := make(map[string][]byte, len(files))
	src := make(map[string]feed.File, len(files)) // the files themselves: lazy ones write their bytes on demand
	keep := map[string]bool{}                     // unchanged since the cached build: not read, not written
	for _, f := range files {
		if f.Keep {
			keep[f.Path] = true
		}
		if err := validPath(f.Path); err != nil {
			return rep, err
		}
		if _, dup := want[f.Path]; dup {
			return rep, fmt.Errorf("%s: written twice by one build", disp(f.Path))
		}
		want[f.Path] = f.Data
		src[f.Path] = f
	}
	for p := range want {
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			if _, clash := want[d]; clash {
				return rep, fmt.Errorf("%s: is both a file and a folder of the build", disp(d))
			}
		}
	}
	if ctx.Err() != nil {
		return rep, fmt.Errorf("%s: interrupted, nothing was replaced", disp(""))
	}

	if err := os.MkdirAll(out, 0o755); err != nil {
		return rep, err
	}
	if ctx.Value(lockHeldKey{}) == nil {
		unlock, err := lockFile(ctx, filepath.Join(out, lockName))
		if err != nil {
			if ctx.Err() != nil {
				return rep, fmt.Errorf("%s: interrupted while waiting for another build, nothing was replaced", disp(""))
			}
			return rep, fmt.Errorf("%s: lock: %v", disp(lockName), err)
		}
		defer unlock()
	}

	realOut, err := filepath.EvalSymlinks(out)
	if err == nil {
		realOut, err = filepath.Abs(realOut)
	}
	if err != nil {
		return rep, err
	}
	if err := removeTemps(out); err != nil {
		return rep, err
	}
	old, err := readManifest(filepath.Join(out, manifestName))
	corrupt := err != nil
	if corrupt {
		rep.Warnings = append(rep.Warnings, &feed.Error{
			Path:    disp(manifestName),
			Err:     fmt.Errorf("%v; treating it as empty, so nothing is deleted and existing outputs count as foreign", err),
			Warning: true,
		})
		old = newManifest()
	}

	p := &planner{out: out, realOut: realOut, old: old, disp: disp, dirs: map[string]dirState{}, keep: keep, src: src}
	pl, err := p.plan(want)
	if err != nil {
		return rep, err
	}

	// Write the temporary files.
	committed := false
	defer func() {
		if !committed {
			for _, w := range pl.writes {
				if w.temp != "" {
					os.Remove(w.temp)
				}
			}
		}
	}()
	if err := writeTemps(ctx, out, pl.writes); err != nil {
		if ctx.Err() != nil {
			return rep, fmt.Errorf("%s: interrupted, nothing was replaced", disp(""))
		}
		return rep, err
	}
	if ctx.Err() != nil {
		return rep, fmt.Errorf("%s: interrupted, nothing was replaced", disp(""))
	}

	// Journal: the manifest lists both the old and the new paths while
	// files are being swapped, so a crash leaves nothing unaccounted for.
	union := old.clone()
	for rel := range want {
		union.files[rel] = true
	}
	for _, d := range pl.mkdirs {
		union.dirs[d] = true
	}
	if corrupt || !union.equal(old) {
		if err := writeManifest(out, union); err != nil {
			return rep, err
		}
	}
	for _, d := range pl.mkdirs {
		if err := os.Mkdir(filepath.Join(out, filepath.FromSlash(d)), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return rep, err
		}
	}

	// Commit: from here on the publish runs to its end.
	committed = true
	dirty := map[string]bool{} // folders whose entries changed
	for _, d := range pl.mkdirs {
		dirty[path.Dir(d)] = true
	}
	var errs []error
	for _, w := range pl.writes {
		if w.unchanged {
			pl.unchanged = append(pl.unchanged, w.rel)
			continue
		}
		if err := os.Rename(w.temp, filepath.Join(out, filepath.FromSlash(w.rel))); err != nil {
			os.Remove(w.temp)
			errs = append(errs, err)
			continue
		}
		rep.Written = append(rep.Written, w.rel)
		dirty[path.Dir(w.rel)] = true
	}
	slices.Sort(pl.unchanged)
	rep.Unchanged = pl.unchanged

	final := newManifest()
	for rel := range want {
		final.files[rel] = true
	}
	for _, rel := range pl.stale {
		err := os.Remove(filepath.Join(out, filepath.FromSlash(rel)))
		switch {
		case err == nil:
			rep.Removed = append(rep.Removed, rel)
			dirty[path.Dir(rel)] = true
		case errors.Is(err, fs.ErrNotExist):
		default:
			final.files[rel] = true // still ours; try again next time
			errs = append(errs, err)
		}
	}
	for d := range union.dirs {
		final.dirs[d] = true
	}
	for _, d := range pl.staleDirs { // deepest first
		full := filepath.Join(out, filepath.FromSlash(d))
		if fi, err := os.Lstat(full); err == nil && !fi.IsDir() {
			delete(final.dirs, d) // replaced by someone else's file or symlink
			continue
		}
		err := os.Remove(full)
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			delete(final.dirs, d)
			if err == nil {
				rep.Removed = append(rep.Removed, d+"/")
				dirty[path.Dir(d)] = true
			}
		}
		// A folder that is not empty holds someone else's files: keep it.
	}
	for d := range dirty {
		// A folder removed since needs no sync; its parent gets one.
		if err := syncDir(filepath.Join(out, filepath.FromSlash(d))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if !final.equal(union) {
		if err := writeManifest(out, final); err != nil {
			errs = append(errs, err)
		}
	}
	slices.Sort(rep.Written)
	slices.Sort(rep.Removed)
	return rep, errors.Join(errs...)
}

// tempWorkers is how many temporary files are written and synced at once:
// file systems commit concurrent syncs together, which makes a build of
// many small files several times faster than syncing one after another.
const tempWorkers = 8

// writeTemps writes every w.file to a synced temporary file in dir (or
// marks it unchanged when it has the bytes its target has) and
// records its name in w.temp. It stops at the first error or when ctx is
// done, which it checks before each file; the caller removes the
// temporary files named so far.
func writeTemps(ctx context.Context, dir string, ws []write) error {
	jobs := make(chan *write)
	errc := make(chan error, tempWorkers)
	var wg sync.WaitGroup
	for range min(tempWorkers, len(ws)) {
		wg.Go(func() {
			for w := range jobs {
				data, err := w.file.Bytes()
				if err == nil && w.compare {
					if have, rerr := os.ReadFile(w.target); rerr == nil && bytes.Equal(have, data) {
						w.unchanged = true
						continue
					}
				}
				t := ""
				if err == nil {
					t, err = writeTemp(dir, data)
				}
				w.temp = t
				if err != nil {
					errc <- err
					for range jobs { // drain: the feeder stops at the error
					}
					return
				}
			}
		})
	}
	var err error
feed:
	for i := range ws {
		if err = ctx.Err(); err != nil {
			break
		}
		select {
		case jobs <- &ws[i]:
		case err = <-errc:
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err == nil {
		select {
		case err = <-errc:
		default:
		}
	}
	return err
}

// writeTemp writes data to a new synced temporary file in dir and
// returns its name, also on error (for cleanup) when the file exists.
func writeTemp(dir string, data []byte) (string, error) {
	t, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return "", err
	}
	_, err = t.Write(data)
	if err == nil {
		err = t.Chmod(0o644)
	}
	if err == nil {
		err = t.Sync()
	}
	if cerr := t.Close(); err == nil {
		err = cerr
	}
	return t.Name(), err
}

// removeTemps removes the temporary files a killed run left in dir. The
// caller holds the lock, so no running build owns any of them.
func removeTemps(dir string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), tempPrefix) && !e.IsDir() {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	return nil
}

// write is one file to replace or create.
type write struct {
	rel       string
	file      feed.File
	compare   bool   // target exists: leave it if its bytes are the same
	target    string // the target's path, to compare
	unchanged bool   // it was the same: no temporary file, nothing to rename
	temp      string // temporary file, once written
}

// plan is what a publish will do, decided before anything is touched.
type plan struct {
	writes    []write
	unchanged []string
	mkdirs    []string // folders to create, parents first
	stale     []string // files of the old manifest to remove
	staleDirs []string // folders feedgen created that may now be empty, deepest first
}

// dirState is what the planner found at a folder path.
type dirState int

const (
	dirExists  dirState = iota + 1 // a folder inside the output folder
	dirMissing                     // nothing there yet; will be created
)

// planner checks the output folder against the new set of files.
type planner struct {
	out, realOut string
	old          *manifest
	disp         func(rel string) string
	dirs         map[string]dirState // slash folder path → state; "." is out
	keep         map[string]bool     // files to keep as they are
	src          map[string]feed.File
}

// plan checks every target and returns what to do. It changes nothing.
func (p *planner) plan(want map[string][]byte) (*plan, error) {
	pl := &plan{}
	rels := make([]string, 0, len(want))
	for rel := range want {
		rels = append(rels, rel)
	}
	slices.Sort(rels)
	mk := map[string]bool{}
	for _, rel := range rels {
		st, err := p.dir(path.Dir(rel))
		if err != nil {
			return nil, err
		}
		if st == dirMissing && p.keep[rel] {
			return nil, fmt.Errorf("%s: vanished during the build; build again", p.disp(rel))
		}
		if st == dirMissing {
			for d := path.Dir(rel); d != "." && p.dirs[d] == dirMissing && !mk[d]; d = path.Dir(d) {
				mk[d] = true
			}
			pl.writes = append(pl.writes, write{rel: rel, file: p.src[rel]})
			continue
		}
		target := filepath.Join(p.out, filepath.FromSlash(rel))
		fi, err := os.Lstat(target)
		if p.keep[rel] && err != nil {
			return nil, fmt.Errorf("%s: vanished during the build; build again", p.disp(rel))
		}
		if errors.Is(err, fs.ErrNotExist) {
			pl.writes = append(pl.writes, write{rel: rel, file: p.src[rel]})
			continue
		}
		if err != nil {
			return nil, err
		}
		if !p.old.files[rel] {
			return nil, fmt.Errorf("%s: exists and was not written by feedgen; remove it or choose another output folder", p.disp(rel))
		}
		if p.keep[rel] && fi.Mode().IsRegular() {
			pl.unchanged = append(pl.unchanged, rel)
			continue
		}
		if fi.IsDir() {
			return nil, fmt.Errorf("%s: exists and is a folder", p.disp(rel))
		}
		// An existing file of ours is compared when its new bytes are
		// written (writeTemps), and left alone when they are the same.
		compare := fi.Mode().IsRegular() && fi.Mode().Perm() == 0o644
		pl.writes = append(pl.writes, write{rel: rel, file: p.src[rel], compare: compare, target: target})
	}
	for d := range mk {
		pl.mkdirs = append(pl.mkdirs, d)
	}
	slices.Sort(pl.mkdirs) // a parent sorts before its children

	for rel := range p.old.files {
		if _, ok := want[rel]; ok {
			continue
		}
		st, err := p.dir(path.Dir(rel))
		if err != nil {
			return nil, err
		}
		if st == dirExists {
			pl.stale = append(pl.stale, rel)
		}
	}
	slices.Sort(pl.stale)

	needed := map[string]bool{}
	for rel := range want {
		for d := path.Dir(rel); d != "."; d = path.Dir(d) {
			needed[d] = true
		}
	}
	for d := range p.old.dirs {
		if needed[d] {
			continue
		}
		if _, err := p.dir(d); err != nil {
			return nil, err
		}
		pl.staleDirs = append(pl.staleDirs, d)
	}
	slices.SortFunc(pl.staleDirs, func(a, b string) int { // deepest first
		if n, m := strings.Count(a, "/"), strings.Count(b, "/"); n != m {
			return m - n
		}
		return strings.Compare(a, b)
	})
	return pl, nil
}

// dir reports whether the folder rel (slash path, "." for out) exists
// inside the output folder or is missing. It is an error for rel or a
// parent to be something other than a folder, or a symlink that leads out
// of the output folder.
func (p *planner) dir(rel string) (dirState, error) {
	if rel == "." {
		return dirExists, nil
	}
	if st, ok := p.dirs[rel]; ok {
		return st, nil
	}
	parent, err := p.dir(path.Dir(rel))
	if err != nil {
		return 0, err
	}
	if parent == dirMissing {
		p.dirs[rel] = dirMissing
		return dirMissing, nil
	}
	full := filepath.Join(p.out, filepath.FromSlash(rel))
	fi, err := os.Lstat(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		p.dirs[rel] = dirMissing
		return dirMissing, nil
	case err != nil:
		return 0, err
	case fi.Mode()&fs.ModeSymlink != 0:
		real, err := filepath.EvalSymlinks(full)
		if err != nil {
			return 0, fmt.Errorf("%s: symlink does not lead to a folder: %v", p.disp(rel), unwrapPath(err))
		}
		real, err = filepath.Abs(real)
		if err != nil {
			return 0, err
		}
		if !within(real, p.realOut) || real == p.realOut {
			return 0, fmt.Errorf("%s: symlink leads out of the output folder (to %s); refusing to write through it", p.disp(rel), real)
		}
		if fi, err = os.Stat(full); err != nil {
			return 0, err
		}
	}
	if !fi.IsDir() {
		return 0, fmt.Errorf("%s: exists and is not a folder", p.disp(rel))
	}
	p.dirs[rel] = dirExists
	return dirExists, nil
}

// within reports whether the clean absolute path child is parent or lies
// inside it.
func within(child, parent string) bool {
	if child == parent {
		return true
	}
	if !strings.HasSuffix(parent, string(filepath.Separator)) {
		parent += string(filepath.Separator)
	}
	return strings.HasPrefix(child, parent)
}

// manifest is the set of files and folders one build wrote.
type manifest struct {
	files map[string]bool // slash paths of files
	dirs  map[string]bool // slash paths of folders feedgen created
}

func newManifest() *manifest {
	return &manifest{files: map[string]bool{}, dirs: map[string]bool{}}
}

func (m *manifest) clone() *manifest {
	c := newManifest()
	for k := range m.files {
		c.files[k] = true
	}
	for k := range m.dirs {
		c.dirs[k] = true
	}
	return c
}

func (m *manifest) equal(o *manifest) bool {
	eq := func(a, b map[string]bool) bool {
		if len(a) != len(b) {
			return false
		}
		for k := range a {
			if !b[k] {
				return false
			}
		}
		return true
	}
	return eq(m.files, o.files) && eq(m.dirs, o.dirs)
}

// bytes encodes m: the header line, then one slash path per line, sorted;
// folders end in "/".
func (m *manifest) bytes() []byte {
	lines := make([]string, 0, len(m.files)+len(m.dirs))
	for k := range m.files {
		lines = append(lines, k)
	}
	for k := range m.dirs {
		lines = append(lines, k+"/")
	}
	slices.Sort(lines)
	var b bytes.Buffer
	b.WriteString(manifestHeader + "\n")
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	return b.Bytes()
}

// readManifest reads the manifest at name. A missing manifest is an empty
// one; an unreadable or malformed one is an error (and the caller treats
// it as empty).
func readManifest(name string) (*manifest, error) {
	m := newManifest()
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, unwrapPath(err)
	}
	if len(data) == 0 || data[len(data)-1] != '\n' {
		return nil, errors.New("corrupt manifest: truncated")
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if line == 1 {
			if l != manifestHeader {
				return nil, fmt.Errorf("corrupt manifest: line 1: want %q", manifestHeader)
			}
			continue
		}
		rel, isDir := strings.CutSuffix(l, "/")
		if err := validPath(rel); err != nil {
			return nil, fmt.Errorf("corrupt manifest: line %d: %v", line, err)
		}
		if isDir {
			m.dirs[rel] = true
		} else {
			m.files[rel] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("corrupt manifest: %v", err)
	}
	return m, nil
}

// writeManifest replaces the manifest in dir atomically.
func writeManifest(dir string, m *manifest) error {
	t, err := writeTemp(dir, m.bytes())
	if err != nil {
		if t != "" {
			os.Remove(t)
		}
		return err
	}
	if err := os.Rename(t, filepath.Join(dir, manifestName)); err != nil {
		os.Remove(t)
		return err
	}
	return syncDir(dir)
}

// validPath reports whether p, a path produced by the library, is safe to
// write under the output folder: a clean relative slash path with no "..",
// no empty segment, no NUL or backslash, no segment over 255 bytes, no name
// Windows reserves and no name feedgen keeps for itself.
func validPath(p string) error {
	bad := func(why string) error { return fmt.Errorf("invalid output path %q: %s", p, why) }
	switch {
	case p == "":
		return bad("empty")
	case strings.IndexByte(p, 0) >= 0:
		return bad("contains NUL")
	case strings.IndexByte(p, '\\') >= 0:
		return bad("contains a backslash")
	case strings.HasPrefix(p, "/"):
		return bad("absolute")
	case len(p) >= 2 && p[1] == ':' && ('a' <= p[0]|0x20 && p[0]|0x20 <= 'z'):
		return bad("starts with a drive letter")
	}
	for _, seg := range strings.Split(p, "/") {
		switch {
		case seg == "":
			return bad("empty segment")
		case seg == "..":
			return bad(`".." segment`)
		case seg == ".":
			return bad(`"." segment`)
		case len(seg) > 255:
			return bad("segment longer than 255 bytes")
		case windowsReserved(seg):
			return bad(fmt.Sprintf("%q is a reserved name on Windows", seg))
		case strings.HasPrefix(seg, reservedPrefix):
			return bad(fmt.Sprintf("names starting with %q are feedgen's own", reservedPrefix))
		}
	}
	return nil
}

// windowsReserved reports whether Windows reserves the file name seg,
// with or without an extension (CON, NUL.txt, com1, …).
func windowsReserved(seg string) bool {
	base, _, _ := strings.Cut(seg, ".")
	base = strings.TrimRight(base, " ")
	switch strings.ToUpper(base) {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(base) >= 4 {
		prefix := strings.ToUpper(base[:3])
		suffix := base[3:]
		if (prefix == "COM" || prefix == "LPT") &&
			((len(suffix) == 1 && '1' <= suffix[0] && suffix[0] <= '9') || suffix == "¹" || suffix == "²" || suffix == "³") {
			return true
		}
	}
	return false
}
