#pragma once
// The rules of the plots' percentile bands ("Range over N patients") on the ViewerState: when
// on, each slot on show (compare mode's A and B) gets the p10-p90 of its cohort on the preview
// grid (CohortBands.hpp), computed after its own full result is in and while no run of the
// viewer's own is going, so the bands never slow what the clinician waits for. Kept per scenario
// and patient count, so moving the day or camera, or bringing A or B to the front, re-runs
// nothing; an edit drops them.
//
//   state.rangeBands = true;                        // the plots panel's toggle
//   each frame: pollWorker(state);                  // calls pollBands(state)
//   if (const CohortBands* b = shownBands(state, state.active)) draw b->p10 .. b->p90;

#include <imgui.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "viewer/CohortBands.hpp"
#include "viewer/TimePlot.hpp"
#include "viewer/ViewerState.hpp"

namespace dermasim::viewer {

// The patient count asked for (the plots panel's field), within kMinBandPatients..kMaxBandPatients.
std::size_t patientsAskedFor(const ViewerState& state);
// Takes a finished band job into its slot, cancels one no longer wanted (bands off, another
// count, its slot no longer on show) and starts the next one needed. pollWorker() calls it.
void pollBands(ViewerState& state);
// Slot `index`'s bands for the patient count asked for, when the toggle is on and they are in;
// null otherwise.
const CohortBands* shownBands(const ViewerState& state, std::size_t index);
// Slot `index`'s scenario changed: its bands go, and a job computing them is cancelled.
void dropBands(ViewerState& state, std::size_t index);
// Stops the band job and turns the toggle off, so it is not started again.
void cancelBands(ViewerState& state);
// The legend of a band: "p10-p90 of 20 virtual patients, coarse grid".
std::string bandLegend(std::size_t patients);

// One plot's band read off the bands' p10 and p90, owned here so a PlotBand can point at it.
struct BandColumns {
  std::vector<double> days, low, high;
};
// Each day's p10 and p90 moved by what the line (the scenario's full run) reads that day less
// what the scenario's own coarse run read (CohortBands::own): the coarse cohort's spread about
// its own patient, laid on the line.
BandColumns bandColumns(const CohortBands& bands,
                        const std::function<double(const SkinReading&)>& read,
                        const std::vector<SkinReading>& line);
// The band of `columns` filled in `lineColour`, translucent, so its line reads through it.
PlotBand plotBand(const BandColumns& columns, std::string_view label, ImU32 lineColour);

}  // namespace dermasim::viewer
