#include "viewer/ShownSkin.hpp"

#include "guidance/PatientCaption.hpp"

namespace dermasim::viewer {

render::RenderOptions shownOptions(const ViewerState& state, double day, float uiScale) {
  render::RenderOptions options = state.view;
  options.ui_scale = uiScale;
  options.split = state.beforeAfterSplit;  // the clinician's before/after view too
  if (state.mode == ViewerMode::Patient) {
    options.view = render::View::BeforeAfter;
    options.light = render::DirectionalLight::overhead();
    options.split = state.beforeAfterSplit;
    options.watermark = true;
    options.needle_reach = false;  // clinicians' words, and a fright without them to explain
    options.ui_scale = uiScale * render::kPatientTextScale;
    // Of the day the snapshot drawn shows, so the caption matches the picture (and changes only
    // when the picture does).
    const ShownSnapshots shown = shownSnapshots(state, day);
    const RunResult* run = state.result();
    if (state.showingPreview()) {
      // A preview's figures are not the scenario's: no patient is told them.
      options.caption = kPreviewPatientCaption;
    } else if (run != nullptr && shown.current != nullptr) {
      options.caption = patientCaption(*run, shown.current->day);
    }
  }
  return options;
}

ShownSnapshots shownSnapshots(const ViewerState& state, double day) {
  return shownSnapshots(state, state.active, day);
}

ShownSnapshots shownSnapshots(const ViewerState& state, std::size_t slotIndex, double day) {
  ShownSnapshots shown;
  if (slotIndex >= state.slots.size()) return shown;
  const SnapshotCache& cache = state.slots[slotIndex].snapshots;
  if (cache.empty()) return shown;
  shown.currentIndex = cache.indexAt(day);
  shown.current = &cache.snapshot(shown.currentIndex);
  shown.beforeIndex = cache.indexAt(state.beforeDay);
  shown.before = &cache.snapshot(shown.beforeIndex);
  return shown;
}

void SnapshotUploads::give(render::SkinRenderer& renderer, const ViewerState& state,
                           const ShownSnapshots& shown, bool withBefore) {
  const Key current{state.snapshotsVersion, shown.current};
  if (current_ != current) {
    renderer.setSnapshot(*shown.current);
    current_ = current;
  }
  const Key before{state.snapshotsVersion, shown.before};
  if (withBefore && before_ != before) {
    renderer.setBeforeSnapshot(*shown.before);
    before_ = before;
  }
}

}  // namespace dermasim::viewer
