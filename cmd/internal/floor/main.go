// Floor is the benchmark baseline for feedgen: it does the least work any
// feed generator must do, and nothing else. It walks a folder, reads every
// file on GOMAXPROCS workers, decodes the YAML front matter of each .md file
// into a map with yaml.v3 and finds the first line of each .txt file, then
// prints the number of files read.
//
// Usage:
//
//	floor DIR
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"gopkg.in/yaml.v3"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor DIR")
		os.Exit(2)
	}
	n, err := count(os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "floor: %v\n", err)
		os.Exit(1)
	}
	fmt.Println(n)
}

// count reads and decodes every .md and .txt file under dir and returns how
// many there were.
func count(dir string) (int, error) {
	paths := make(chan string, 256)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		n    int
		errs []error
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			done := 0
			for path := range paths {
				if err := read(path); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
				done++
			}
			mu.Lock()
			n += done
			mu.Unlock()
		})
	}
	walkErr := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := filepath.Ext(path); !d.IsDir() && (ext == ".md" || ext == ".txt") {
			paths <- path
		}
		return nil
	})
	close(paths)
	wg.Wait()
	return n, errors.Join(append(errs, walkErr)...)
}

// read reads one file and decodes what a feed generator needs first: the
// front matter of a Markdown file, the date line of a text file.
func read(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if filepath.Ext(path) == ".txt" {
		line, _, _ := bytes.Cut(data, []byte("\n"))
		if len(line) == 0 {
			return fmt.Errorf("%s: empty first line", path)
		}
		return nil
	}
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil // no front matter
	}
	fm, _, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		return fmt.Errorf("%s: front matter not closed", path)
	}
	var m map[string]any
	if err := yaml.Unmarshal(fm, &m); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
