#include "guidance/HealingFindings.hpp"

#include <algorithm>

#include "core/numerics/NumberText.hpp"
#include "guidance/Aftercare.hpp"
#include "guidance/KnowledgeTable.hpp"

namespace dermasim {
namespace {

constexpr double kHoursPerDay = 24.0;

}  // namespace

std::optional<double> simulatedHealingDays(const RunResult& result, std::size_t i) {
  const SessionResult& s = result.sessions.at(i);
  const double end =
      i + 1 < result.sessions.size() ? result.sessions[i + 1].day : result.timeseries.back().day;
  // No reading after the session shows a share below the level: not closed by the end.
  const double closedHours = hoursUntilBelow(result.timeseries, s.day, end,
                                             &SkinReading::channels_open, kChannelsClosedShare);
  if (closedHours >= (end - s.day) * kHoursPerDay - 1e-9) return std::nullopt;
  // The infiltrate rises for a day or two, then resolves: healed once it has fallen below the
  // share of its peak, after the peak.
  double peak = 0, peakDay = s.day;
  for (const SkinReading& r : result.timeseries)
    if (r.day > s.day && r.day <= end && r.inflammation > peak) {
      peak = r.inflammation;
      peakDay = r.day;
    }
  if (peak <= 0) return closedHours / kHoursPerDay;
  const double share = knowledgeTable().threshold("healed_inflammation_share").value;
  for (const SkinReading& r : result.timeseries)
    if (r.day > peakDay && r.day <= end && r.inflammation < share * peak)
      return std::max(closedHours / kHoursPerDay, r.day - s.day);
  return std::nullopt;
}

std::vector<Advisory> healingFindings(const Scenario& scenario, const RunResult& result) {
  std::vector<Advisory> out;
  const GuidanceThreshold& t = knowledgeTable().threshold("healed_inflammation_share");
  for (std::size_t i = 1; i < result.sessions.size() && i < scenario.sessions.size(); ++i) {
    if (simulatedHealingDays(result, i - 1)) continue;
    out.push_back({t.level, "interval_unhealed",
                   "session " + std::to_string(i + 1) + " on day " +
                       readableNumber(result.sessions[i].day) +
                       " lands on skin still healing: in the simulation the session before it "
                       "had not healed (channels closed and inflammation down to " +
                       fixedNumber(100 * t.value, 0) +
                       " % of its peak) when it came; inflammation then adds up",
                   t.provenance.cite()});
  }
  return out;
}

}  // namespace dermasim
