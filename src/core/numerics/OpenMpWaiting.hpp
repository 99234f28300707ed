#pragma once
// How long an OpenMP thread spins before it sleeps, set for every program that links the core.
// libgomp's default (300000 spins, milliseconds) made a run on a shared machine 1.6-4x slower
// with all cores than with one: a thread spinning at a barrier holds its core while the thread
// it waits for is descheduled, and keeps the kernel from moving that thread onto the core.
// Sleeping at once (OMP_WAIT_POLICY=passive) cured that but ran ~8 % slower than the default on
// a lightly loaded machine, where the short waits between the many small parallel regions are
// cheaper spun than slept.
//
// libgomp reads its environment once, in its constructor, before main(); there is no call to
// change the spin count afterwards. OpenMpWaiting.cpp therefore re-executes the program once,
// at start-up, with GOMP_SPINCOUNT set, unless the user has set GOMP_SPINCOUNT or
// OMP_WAIT_POLICY (theirs is kept). Results do not depend on it: it changes how threads wait,
// not what they compute.

namespace dermasim {

// Spins before sleeping: ~0.1 ms on this project's machine (libgomp pauses the CPU between
// spins), enough for the gap between two parallel regions.
inline constexpr long long kOpenMpSpinCount = 3000;

}  // namespace dermasim

// Referenced by the core's link options (-Wl,--undefined) so that the object file holding the
// .preinit_array entry is linked into every program, although nothing calls into it.
extern "C" const int dermasim_openmp_waiting_anchor;
