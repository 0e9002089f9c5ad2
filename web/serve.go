//go:build ignore

// serve.go serves the built playground for `make run`:
//
//	go run -C web ./serve.go [-addr 127.0.0.1:8080] [-dir dist]
//
// It is not a command of the module (go install ./... skips it). web/ is
// a module of its own (web/go.mod), for the browser test's dependencies.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/azconn/azconn/web/internal/site"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	dir := flag.String("dir", "dist", "the built page (make web), relative to web/")
	flag.Parse()
	h, err := site.Handler(*dir)
	if err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("azconn playground: http://%s/  (Ctrl-C to stop)\n", ln.Addr())
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(srv.Serve(ln))
}
