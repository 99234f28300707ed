#pragma once
// Compare mode's rules on the ViewerState: two protocols (slots A and B) side by side, both
// keeping their snapshots, so bringing either to the front (the one the scenario panel edits)
// never re-simulates. The second protocol's full run, with snapshots, follows the first; both
// together stay within kSnapshotBudgetBytes + kCompareSnapshotBudgetBytes (estimated).
//
//   enterCompare(state);               // the slot on show is A, the next one B (or a copy of A)
//   bringToFront(state, state.compare.b);  // instant: no run starts
//   leaveCompare(state);               // the one behind gives its snapshots back

#include <cstddef>
#include <optional>
#include <string>

#include "viewer/ViewerState.hpp"

namespace dermasim::viewer {

// Snapshot memory of a full run started while compare mode is on (the edited or second
// protocol's): half the single view's, as two runs' snapshots are kept.
inline constexpr double kCompareSnapshotBudgetBytes = 256.0 * 1024 * 1024;

// Turns compare mode on with the slot on show as A and `partner` as B: by default the next slot,
// or, with one slot only, a copy of it ("name (B)") for the clinician to edit. Starts B's full
// run at once when nothing else runs; otherwise pollWorker() starts it after the current one.
void enterCompare(ViewerState& state, std::optional<std::size_t> partner = std::nullopt);
// Back to one skin: the slot on show stays, the other's snapshots are dropped.
void leaveCompare(ViewerState& state);
void toggleCompare(ViewerState& state);
// Shows slot `index` of the pair (A or B) in front. Never starts a run.
void bringToFront(ViewerState& state, std::size_t index);

// Slot `index` is A or B of compare mode (which is on).
bool inComparePair(const ViewerState& state, std::size_t index);
// Compare mode's slot behind the one on show; nullopt when compare mode is off.
std::optional<std::size_t> compareOther(const ViewerState& state);
// The slot behind needs its full run with snapshots (none yet, a preview, or plots only).
bool needsCompareRun(const ScenarioSlot& slot);
// Both sides can be drawn from their full results (always true outside compare mode).
bool compareReady(const ViewerState& state);
// Slot `index` (loaded, or picked from the list) goes on show in place of the one in front, which
// drops its snapshots; in compare mode it takes that one's side (A or B).
void replaceFront(ViewerState& state, std::size_t index);

// "pen 1.5 mm" or "roller 2.5 mm, 4 sessions": a protocol's device and depth, for labels.
std::string protocolSummary(const Scenario& scenario);
// Estimated bytes of a slot's snapshots (their arrays), for the report and tests.
std::size_t snapshotCacheBytes(const SnapshotCache& cache);

}  // namespace dermasim::viewer
