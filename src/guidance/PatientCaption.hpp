#pragma once
// A plain-language caption for one day of a simulated treatment, for patients: where the day
// falls in the series and what the simulated skin is doing then (redness fading, the needle
// channels closing, new collagen, scars filling in). Every phrase is read off the simulated state,
// so a different scenario gets different words on the same day. No visible change is claimed
// in the first weeks after the first session (AdvisoryThresholds::visible_change_from_days),
// when clinics see only redness: then the caption says changes under the skin take weeks to show.

#include <string>
#include <string_view>
#include <vector>

#include "core/Simulation.hpp"

namespace dermasim {

// E.g. "Day 2 after your second session: most of the redness has faded; the tiny channels made
// by the needles have closed (simulated)." `timeseries` starts at day 0 with the untreated skin
// and `sessions` are in day order, as simulate() returns them. A day on a session's day shows the
// skin just before that session, as the snapshots do. Empty when `timeseries` is empty.
std::string patientCaption(const std::vector<SkinReading>& timeseries,
                           const std::vector<SessionResult>& sessions, double day);
std::string patientCaption(const RunResult& run, double day);

// How much of the redness has faded, in words: "a little", "about a quarter", "about a third",
// "about half", "about two thirds", "about three quarters", "most", "almost all", "all";
// "none" below a tenth. `fraction` is 1 - redness now / the session's peak.
std::string_view fractionFadedWords(double fraction);
// The caption's clause for that fraction: "redness has faded by about two thirds".
std::string rednessFadedClause(double fraction);

}  // namespace dermasim
