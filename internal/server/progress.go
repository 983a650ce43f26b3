package server

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// spinner frames, drawn on a terminal while a long build runs.
var spinner = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// progressEvery is how often the progress line is redrawn.
const progressEvery = 100 * time.Millisecond

// startProgress draws "⠙ building… 1.4s" on the terminal w, redrawn in
// place, once after has passed, until the returned function is called;
// that function erases the line (when one was drawn) and returns after
// the last draw. Use it only when w is a terminal.
func startProgress(w io.Writer, label string, after time.Duration) (stop func()) {
	start := time.Now()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		wait := time.NewTimer(after)
		defer wait.Stop()
		select {
		case <-done:
			return
		case <-wait.C:
		}
		tick := time.NewTicker(progressEvery)
		defer tick.Stop()
		for i := 0; ; i++ {
			fmt.Fprintf(w, "\r\033[K%s %s… %.1fs", spinner[i%len(spinner)], label, time.Since(start).Seconds())
			select {
			case <-done:
				fmt.Fprint(w, "\r\033[K")
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}
