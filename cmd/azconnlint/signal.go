package main

import (
	"os"
	"os/signal"
	"syscall"
	"time"
)

// removeTempsOnSignal makes SIGINT and SIGTERM remove the temporary files
// of a running --fix before the process ends by that signal. The returned
// function undoes it.
func removeTempsOnSignal() (stop func()) {
	ch := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case sig := <-ch:
			temps.stop()
			signal.Reset(os.Interrupt, syscall.SIGTERM)
			resignal(sig)
			// Where the signal cannot be raised again (or is slow to
			// arrive), end as shells report an interrupt.
			time.Sleep(time.Second)
			os.Exit(130)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
