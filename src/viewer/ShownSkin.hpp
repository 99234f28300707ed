#pragma once
// What the skin area shows for a state and a day: the render options (the clinician's view, or
// patient mode's before/after with its caption and watermark) and the snapshots to draw. The
// window, exports and tests all go through here, so an export is what was on screen.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>

#include "core/readout/SkinSnapshot.hpp"
#include "render/RenderOptions.hpp"
#include "render/SkinRenderer.hpp"
#include "viewer/ViewerState.hpp"

namespace dermasim::viewer {

// Patient mode's caption while a preview is on show, in place of one read off its figures.
inline constexpr const char* kPreviewPatientCaption =
    "Preview: a quick first look, not the full simulation.";

// Options for drawing `day`; `uiScale` multiplies text sizes. Patient mode: before/after, overhead
// light, the patient caption for `day`, the watermark.
render::RenderOptions shownOptions(const ViewerState& state, double day, float uiScale);

struct ShownSnapshots {
  const SkinSnapshot* current = nullptr;  // null while no run has finished
  // The before/after view's "before": the snapshot of state.beforeDay (day 0 unless picked).
  const SkinSnapshot* before = nullptr;
  std::size_t currentIndex = 0, beforeIndex = 0;
};
ShownSnapshots shownSnapshots(const ViewerState& state, double day);
// Of slot `slotIndex` (compare mode draws both of its pair); empty when it has no snapshots.
ShownSnapshots shownSnapshots(const ViewerState& state, std::size_t slotIndex, double day);

// Which of a state's snapshots a SkinRenderer holds, so each is uploaded once, not every draw.
class SnapshotUploads {
 public:
  // Gives `renderer` the shown snapshot, and the before snapshot when `withBefore`, unless it
  // holds them already. `shown.current` must not be null.
  void give(render::SkinRenderer& renderer, const ViewerState& state, const ShownSnapshots& shown,
            bool withBefore);

 private:
  // snapshotsVersion and the snapshot itself: one renderer may be given either slot of compare
  // mode's pair under one version (the exporter's), whose snapshots live side by side.
  using Key = std::pair<std::uint64_t, const SkinSnapshot*>;
  std::optional<Key> current_, before_;
};

}  // namespace dermasim::viewer
