package feed

// Version is feedgen's version. It is written into the feeds' generator
// elements and keys the build cache.
const Version = "0.1.0"
