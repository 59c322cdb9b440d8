package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// profileFlags are build's flags for performance work.
type profileFlags struct {
	cpu, mem string
}

func (p *profileFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&p.cpu, "cpuprofile", "", "write a CPU profile to `file` (for go tool pprof)")
	fs.StringVar(&p.mem, "memprofile", "", "write a heap profile to `file` at the end of the build (for go tool pprof)")
}

// start begins CPU profiling; the returned func stops it.
func (p *profileFlags) start(stderr io.Writer) func() {
	if p.cpu == "" {
		return func() {}
	}
	f, err := os.Create(p.cpu)
	if err != nil {
		fmt.Fprintf(stderr, "feedgen: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(stderr, "feedgen: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// writeHeap writes the heap profile, if asked for.
func (p *profileFlags) writeHeap(stderr io.Writer) {
	if p.mem == "" {
		return
	}
	f, err := os.Create(p.mem)
	if err != nil {
		fmt.Fprintf(stderr, "feedgen: %v\n", err)
		return
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Fprintf(stderr, "feedgen: %v\n", err)
	}
}
