package membus_test

import (
	"testing"

	"github.com/careercoach/coach/internal/bus/bustest"
)

func TestConformance(t *testing.T) {
	bustest.Run(t, bustest.MemBus)
}
