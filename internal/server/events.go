package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// hub fans server-sent events out to every open page.
type hub struct {
	mu      sync.Mutex
	clients map[chan []byte]struct{}
	closed  bool
}

// clientBuffer is how many events a slow page may fall behind before it is
// dropped; its EventSource then reconnects and is told the current status.
const clientBuffer = 16

func newHub() *hub { return &hub{clients: map[chan []byte]struct{}{}} }

// subscribe returns a channel of encoded events and a function that ends
// the subscription. The channel is closed when the hub closes or drops the
// client.
func (h *hub) subscribe() (<-chan []byte, func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	ch := make(chan []byte, clientBuffer)
	if h.closed {
		close(ch)
		return ch, func() {}
	}
	h.clients[ch] = struct{}{}
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if _, ok := h.clients[ch]; ok {
			delete(h.clients, ch)
			close(ch)
		}
	}
}

// publish sends msg to every client without waiting: a client whose
// buffer is full is dropped.
func (h *hub) publish(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.clients {
		select {
		case ch <- msg:
		default:
			delete(h.clients, ch)
			close(ch)
		}
	}
}

// close ends every subscription, so that event streams finish and the
// HTTP server can shut down.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for ch := range h.clients {
		delete(h.clients, ch)
		close(ch)
	}
}

// encodeEvent formats one server-sent event with a JSON payload.
func encodeEvent(name string, v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		data = []byte(`{}`) // Status always encodes; keep the stream valid regardless
	}
	return fmt.Appendf(nil, "event: %s\ndata: %s\n\n", name, data)
}

// pingEvery is how often an idle event stream sends a comment, so that
// proxies and browsers keep it open.
const pingEvery = 20 * time.Second

// serveEvents streams the build status to one page: "hello" at once, then
// "build" after every build, until the page goes away or the server shuts
// down.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("X-Accel-Buffering", "no")
	rc := http.NewResponseController(w)

	s.mu.RLock()
	ch, cancel := s.hub.subscribe()
	hello := s.status
	s.mu.RUnlock()
	defer cancel()
	hello.Reload, hello.ChangedFiles, hello.Changed, hello.Moved, hello.Removed = false, 0, nil, nil, nil

	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	fmt.Fprint(w, "retry: 1000\n\n")
	w.Write(encodeEvent("hello", hello))
	if err := rc.Flush(); err != nil {
		return
	}
	ping := time.NewTicker(pingEvery)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg, ok := <-ch:
			if !ok {
				return
			}
			if _, err := w.Write(msg); err != nil {
				return
			}
		case <-ping.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
				return
			}
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}
