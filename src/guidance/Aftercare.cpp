#include "guidance/Aftercare.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/numerics/NumberText.hpp"
#include "core/readout/FallBelow.hpp"

namespace dermasim {
namespace {

constexpr double kHoursPerDay = 24.0;

std::string hoursText(double h) { return fixedNumber(h, 0) + " h"; }

}  // namespace

const std::vector<AftercareRule>& aftercareRules() { return knowledgeTable().aftercare; }

double hoursUntilBelow(const std::vector<SkinReading>& series, double sessionDay, double endDay,
                       double SkinReading::*field, double share) {
  // At the session itself every channel is open.
  const FallBelow f = fallBelow(series, sessionDay, endDay, field, share, Fade::Linear, 1.0);
  return (f.day.value_or(endDay) - sessionDay) * kHoursPerDay;
}

std::vector<std::string> aftercareOn(const std::vector<AftercareStep>& plan, double day) {
  std::vector<std::string> lines;
  for (const AftercareStep& step : plan) {
    if (day < step.from_day || day >= step.until_day) continue;
    std::string when;
    if (step.rule->from == "before")
      when = "in the hour before the session";
    else if (step.hours <= kAftercareHoursShownUpTo)
      when = "until " + hoursText(step.hours) + " after the session";
    else
      when = "until day " + fixedNumber(std::ceil(step.until_day), 0);
    lines.push_back(step.rule->instruction + " (" + when + ")");
  }
  return lines;
}

std::vector<AftercareStep> aftercarePlan(const RunResult& result) {
  std::vector<AftercareStep> plan;
  const double end = result.timeseries.empty() ? 0.0 : result.timeseries.back().day;
  for (std::size_t i = 0; i < result.sessions.size(); ++i) {
    const SessionResult& s = result.sessions[i];
    const double next = i + 1 < result.sessions.size() ? result.sessions[i + 1].day : end;
    for (const AftercareRule& rule : aftercareRules()) {
      AftercareStep step;
      step.session = static_cast<int>(i) + 1;
      step.item = rule.item;
      step.rule = &rule;
      if (rule.from == "before") {
        step.hours = rule.at_least_h;
        step.from_day = s.day - rule.at_least_h / kHoursPerDay;
        step.until_day = s.day;
        step.basis = "guidance: " + hoursText(rule.at_least_h) + " before";
        plan.push_back(std::move(step));
        continue;
      }
      double simulated = -1;
      std::string what;
      if (rule.until == "channels_closed") {
        simulated = hoursUntilBelow(result.timeseries, s.day, next, &SkinReading::channels_open,
                                    kChannelsClosedShare);
        what = "channels closed";
      } else if (rule.until == "barrier_sealed") {
        simulated = hoursUntilBelow(result.timeseries, s.day, next, &SkinReading::barrier_open,
                                    kChannelsClosedShare);
        what = "openings sealed";
      } else if (rule.until == "redness_resolved") {
        simulated = s.downtime_days * kHoursPerDay;
        what = "redness gone";
      }
      step.hours = std::max(rule.at_least_h, simulated);
      if (simulated < 0)
        step.basis = "guidance: " + hoursText(rule.at_least_h);
      else if (simulated >= rule.at_least_h)
        step.basis = "simulated: " + what + " after " + hoursText(simulated);
      else
        step.basis = "guidance: at least " + hoursText(rule.at_least_h) + " (simulated: " + what +
                     " after " + hoursText(simulated) + ")";
      step.from_day = s.day;
      step.until_day = s.day + step.hours / kHoursPerDay;
      plan.push_back(std::move(step));
    }
  }
  return plan;
}

}  // namespace dermasim
