#include "viewer/CompareMode.hpp"

#include <algorithm>
#include <cmath>

#include "core/numerics/NumberText.hpp"

namespace dermasim::viewer {

bool inComparePair(const ViewerState& state, std::size_t index) {
  return state.compare.on && (index == state.compare.a || index == state.compare.b);
}

std::optional<std::size_t> compareOther(const ViewerState& state) {
  if (!state.compare.on) return std::nullopt;
  return state.active == state.compare.a ? state.compare.b : state.compare.a;
}

bool needsCompareRun(const ScenarioSlot& slot) {
  return !slot.result || slot.preview || slot.snapshots.empty();
}

bool compareReady(const ViewerState& state) {
  if (!state.compare.on) return true;
  return !needsCompareRun(state.slots.at(state.compare.a)) &&
         !needsCompareRun(state.slots.at(state.compare.b));
}

void replaceFront(ViewerState& state, std::size_t index) {
  // Snapshots take hundreds of MB: only the slot on show keeps them (and compare mode's other).
  state.slot().snapshots = {};
  // The front side of the pair is the one replaced; the other keeps its place and colour.
  if (state.compare.on && state.compare.a == state.active) {
    state.compare.a = index;
  } else if (state.compare.on && state.compare.b == state.active) {
    state.compare.b = index;
  }
  state.active = index;
}

void enterCompare(ViewerState& state, std::optional<std::size_t> partner) {
  if (state.compare.on) return;
  if (!partner || *partner >= state.slots.size() || *partner == state.active) {
    if (state.slots.size() < 2) {
      // One protocol only: a copy to edit into the second (another depth, device or interval).
      ScenarioSlot copy;
      copy.scenario = state.slot().scenario;
      copy.scenario.name += " (B)";
      copy.draft = copy.scenario;
      state.slots.push_back(std::move(copy));
    }
    partner = (state.active + 1) % state.slots.size();
  }
  state.compare = {true, state.active, *partner};
  ++state.snapshotsVersion;
  const ScenarioSlot& b = state.slots[*partner];
  state.say("comparing " + state.slot().scenario.name + " with " + b.scenario.name);
  const bool bRunning = state.runningSlot == *partner && state.runningKind != RunKind::Comparison;
  if (!needsCompareRun(b) || bRunning) return;
  // A plots-only run of B, or nothing at all, gives way to B's full run; the front's own run
  // goes on, and pollWorker() starts B's after it.
  if (!state.busy() || state.runningSlot == *partner) startRun(state, *partner, RunKind::Full);
}

void leaveCompare(ViewerState& state) {
  if (!state.compare.on) return;
  const std::optional<std::size_t> other = compareOther(state);
  state.compare.on = false;
  if (other && *other != state.active) state.slots[*other].snapshots = {};
  ++state.snapshotsVersion;
}

void toggleCompare(ViewerState& state) {
  if (state.compare.on) {
    leaveCompare(state);
  } else {
    enterCompare(state);
  }
}

void bringToFront(ViewerState& state, std::size_t index) {
  if (!inComparePair(state, index) || index == state.active) return;
  state.active = index;
  // The skins stay where they are (A left, B right); the scenario panel, timeline marks and
  // exports follow the one in front.
  ++state.snapshotsVersion;
  state.playback.seek(state.playback.day(), state.lastDay());
}

std::string protocolSummary(const Scenario& scenario) {
  if (scenario.sessions.empty()) return "no sessions";
  // The sessions' depths may step up (1 mm, then 1.5 mm): their range, not the first alone.
  double shallowest = INFINITY, deepest = 0;
  for (const SessionPlan& s : scenario.sessions) {
    shallowest = std::min(shallowest, s.device.needle_length_mm);
    deepest = std::max(deepest, s.device.needle_length_mm);
  }
  std::string text = std::string(toString(scenario.sessions.front().device.type)) + " " +
                     readableNumber(shallowest);
  if (deepest > shallowest) {
    text += '-';
    text += readableNumber(deepest);
  }
  text += " mm";
  const std::size_t n = scenario.sessions.size();
  if (n > 1) {
    text += ", " + std::to_string(n) + " sessions";
    const double interval =
        (scenario.sessions.back().day - scenario.sessions.front().day) / static_cast<double>(n - 1);
    text += " every " + readableNumber(interval, 3) + " d";
  }
  return text;
}

std::size_t snapshotCacheBytes(const SnapshotCache& cache) {
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < cache.size(); ++i) {
    const SkinSnapshot& s = cache.snapshot(i);
    bytes += sizeof(float) * (s.height_mm.size() + s.srgb.size() + s.erythema.size() +
                              s.surface_blood_um.size() + s.scar.size());
    for (const SkinSection& sec : s.sections) {
      bytes += sizeof(float) * (sec.epidermis.size() + sec.papillary.size() + sec.collagen1.size() +
                                sec.collagen3.size() + sec.elastin.size() + sec.fibroblasts.size() +
                                sec.injury.size() + sec.lumen.size());
    }
  }
  return bytes;
}

}  // namespace dermasim::viewer
