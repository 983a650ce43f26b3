package check

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/content"
)

func TestOwnReferenceIsNotPersonalData(t *testing.T) {
	fsys := fstest.MapFS{"content/responses/a.md": {Data: []byte("---\ntitle: A\nreference: MP 0504-20A\ndate: 2023-02-01\noutcome: disclosed\n---\n" +
		"Please quote MP 0504-20A in any reply. Someone else's number is MP 05 04 21 B.\n")}}
	r, _ := content.LoadFile(fsys, "content/responses/a.md", config.Default())
	list := Response(fsys, config.Default(), r, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(list) != 1 || list[0].Code != "lint.ni-number" || list[0].Line != 7 || list[0].Col != 65 {
		t.Errorf("findings = %v; want only the other NI number at 7:65", list)
	}
}
