package feed

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
)

// Error is one problem found in an input file, positioned like the Go
// compiler's errors: "path:line: message". A Warning does not fail a build
// unless strict mode asks it to.
type Error struct {
	Path    string // slash-separated path as the user named it
	Line    int    // 1-based line, or 0 when the problem has no line
	Err     error
	Warning bool
}

// Error formats e as "path:line: message" or "path:line: warning: message".
func (e *Error) Error() string {
	s := e.Path
	if e.Line > 0 {
		s += ":" + strconv.Itoa(e.Line)
	}
	if s != "" {
		s += ": "
	}
	if e.Warning {
		s += "warning: "
	}
	return s + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// errorf returns an *Error for path and line.
func errorf(path string, line int, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Err: fmt.Errorf(format, args...)}
}

// warnf returns a warning *Error for path and line.
func warnf(path string, line int, format string, args ...any) *Error {
	e := errorf(path, line, format, args...)
	e.Warning = true
	return e
}

// Diagnostics is a list of errors and warnings.
type Diagnostics []*Error

// HasErrors reports whether d holds at least one error that is not a warning.
func (d Diagnostics) HasErrors() bool {
	for _, e := range d {
		if !e.Warning {
			return true
		}
	}
	return false
}

// HasWarnings reports whether d holds at least one warning.
func (d Diagnostics) HasWarnings() bool {
	for _, e := range d {
		if e.Warning {
			return true
		}
	}
	return false
}

// Sort orders d by path, then line, then message, so output is stable.
func (d Diagnostics) Sort() {
	sort.SliceStable(d, func(i, j int) bool {
		a, b := d[i], d[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Error() < b.Error()
	})
}

// Err returns d as one error (errors.Join of its errors, warnings left out),
// or nil when d holds no errors.
func (d Diagnostics) Err() error {
	var errs []error
	for _, e := range d {
		if !e.Warning {
			errs = append(errs, e)
		}
	}
	return errors.Join(errs...)
}
