//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package main

import (
	"context"
	"os"
)

// lockFile creates the lock file name but, on this system, does not lock
// it: concurrent builds into one folder are not serialized here.
func lockFile(_ context.Context, name string) (unlock func(), err error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	return func() { f.Close() }, nil
}

// syncDir does nothing: this system cannot sync a folder's entries.
func syncDir(string) error { return nil }
