#include "viewer/PlotBands.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "viewer/CompareMode.hpp"
#include "viewer/ReadingColumn.hpp"

namespace dermasim::viewer {
namespace {

const CohortBands* bandsOf(const ScenarioSlot& slot, std::size_t patients) {
  const auto found = std::find_if(slot.bands.begin(), slot.bands.end(),
                                  [&](const CohortBands& b) { return b.patients == patients; });
  return found == slot.bands.end() ? nullptr : &*found;
}

// The slots whose plots are on show: the one in front, then compare mode's other.
std::vector<std::size_t> shownSlots(const ViewerState& state) {
  std::vector<std::size_t> shown{state.active};
  if (const std::optional<std::size_t> other = compareOther(state)) shown.push_back(*other);
  return shown;
}

// The first slot on show still without bands for the count asked for, once its own full result
// is in: the band is drawn behind that result's line.
std::optional<std::size_t> slotWantingBands(const ViewerState& state) {
  const std::size_t patients = patientsAskedFor(state);
  for (const std::size_t index : shownSlots(state)) {
    const ScenarioSlot& slot = state.slots.at(index);
    if (slot.result && !slot.preview && bandsOf(slot, patients) == nullptr) return index;
  }
  return std::nullopt;
}

void takeFinishedJob(ViewerState& state) {
  const CohortBandJob::State job = state.bandJob.state();
  if (!state.bandSlot || job == CohortBandJob::State::Running) return;
  const std::size_t index = *state.bandSlot;
  state.bandSlot.reset();
  if (job == CohortBandJob::State::Failed) {
    // Not retried every frame: the toggle goes off with the reason on the status line.
    state.rangeBands = false;
    state.say("percentile bands " + state.bandJob.status(), true);
    return;
  }
  if (std::optional<CohortBands> bands = state.bandJob.takeBands();
      bands && index < state.slots.size())
    state.slots[index].bands.push_back(std::move(*bands));
}

}  // namespace

std::size_t patientsAskedFor(const ViewerState& state) {
  return static_cast<std::size_t>(
      std::clamp(state.bandPatients, kMinBandPatients, kMaxBandPatients));
}

void pollBands(ViewerState& state) {
  takeFinishedJob(state);
  if (state.bandSlot) {
    const std::vector<std::size_t> shown = shownSlots(state);
    const bool stillWanted = state.rangeBands && state.bandJobPatients == patientsAskedFor(state) &&
                             std::find(shown.begin(), shown.end(), *state.bandSlot) != shown.end();
    if (!stillWanted) {
      state.bandJob.cancel();
      state.bandSlot.reset();
    }
    return;
  }
  if (!state.rangeBands || state.busy()) return;
  const std::optional<std::size_t> index = slotWantingBands(state);
  if (!index) return;
  state.bandJobPatients = patientsAskedFor(state);
  state.bandJob.start(state.slots[*index].scenario, state.bandJobPatients);
  state.bandSlot = index;
}

const CohortBands* shownBands(const ViewerState& state, std::size_t index) {
  if (!state.rangeBands || index >= state.slots.size()) return nullptr;
  return bandsOf(state.slots[index], patientsAskedFor(state));
}

void dropBands(ViewerState& state, std::size_t index) {
  if (index < state.slots.size()) state.slots[index].bands.clear();
  if (state.bandSlot == index) {
    state.bandJob.cancel();
    state.bandSlot.reset();
  }
}

void cancelBands(ViewerState& state) {
  state.bandJob.cancel();
  state.bandSlot.reset();
  state.rangeBands = false;
}

std::string bandLegend(std::size_t patients) {
  return "p10-p90 of " + std::to_string(patients) + " virtual patients, coarse grid";
}

BandColumns bandColumns(const CohortBands& bands,
                        const std::function<double(const SkinReading&)>& read,
                        const std::vector<SkinReading>& line) {
  const ReadingColumn own = readingColumn(bands.own, read), full = readingColumn(line, read);
  const PlotSeries ownSeries{"", own.days, own.values}, lineSeries{"", full.days, full.values};
  BandColumns c;
  const std::size_t n = std::min(bands.p10.size(), bands.p90.size());
  for (std::size_t i = 0; i < n; ++i) {
    const double day = bands.p10[i].day;
    const double shift =
        valueOnDay(lineSeries, day).value_or(0.0) - valueOnDay(ownSeries, day).value_or(0.0);
    // A reading that falls as another rises is still a range: low below high.
    const double a = read(bands.p10[i]), b = read(bands.p90[i]);
    c.days.push_back(day);
    c.low.push_back(std::min(a, b) + shift);
    c.high.push_back(std::max(a, b) + shift);
  }
  return c;
}

PlotBand plotBand(const BandColumns& columns, std::string_view label, ImU32 lineColour) {
  // Faint enough that two overlapping bands (compare mode's A and B) still show both lines.
  constexpr ImU32 kFillAlpha = 64;
  return {label, columns.days, columns.low, columns.high,
          (lineColour & ~IM_COL32_A_MASK) | (kFillAlpha << IM_COL32_A_SHIFT)};
}

}  // namespace dermasim::viewer
