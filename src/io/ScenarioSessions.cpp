#include "io/ScenarioSessions.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/scenario/ScenarioSchema.hpp"
#include "io/DeviceTable.hpp"
#include "io/ScenarioKeyCheck.hpp"

namespace dermasim {
namespace {

// Days are compared after arithmetic (k * interval), so exact equality would be too strict.
constexpr double kSameDay = 1e-6;

struct ExplicitSession {
  std::string key;  // "session[i]"
  double day;
  DeviceSettings device;
};

const KeySpec& spec(std::string_view key) { return *findKey(key, DeviceType::Pen); }

std::string dayList(const std::vector<SessionPlan>& plans) {
  std::string out;
  for (const SessionPlan& p : plans) out += (out.empty() ? "" : ", ") + readableNumber(p.day);
  return out;
}

std::vector<SessionPlan> readSchedule(const toml::table& schedule, const DeviceSettings& device,
                                      double durationDays, const ValueChecker& check) {
  const toml::node* countNode = schedule.get("sessions");
  const toml::node* intervalNode = schedule.get("interval_days");
  if (countNode == nullptr) check.fail("schedule.sessions", "required key is missing");
  if (intervalNode == nullptr) check.fail("schedule.interval_days", "required key is missing");
  const auto count =
      static_cast<int>(check.number(*countNode, spec("schedule.sessions"), "schedule.sessions"));
  const double interval =
      check.number(*intervalNode, spec("schedule.interval_days"), "schedule.interval_days");
  const double lastDay = (count - 1) * interval;
  if (lastDay > durationDays + kSameDay)
    check.fail("schedule.sessions",
               "the last session would be on day " + readableNumber(lastDay) +
                   ", after scenario.duration_days = " + readableNumber(durationDays) + " (got " +
                   std::to_string(count) + ")");
  std::vector<SessionPlan> plans;
  for (int i = 0; i < count; ++i) plans.push_back({i * interval, device, {}});
  return plans;
}

std::vector<ExplicitSession> readExplicit(const toml::array& sessions, const DeviceSettings& device,
                                          const ValueChecker& check) {
  std::vector<ExplicitSession> out;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const toml::table& session = *sessions[i].as_table();
    const std::string prefix = "session[" + std::to_string(i) + "]";
    const std::string dayKey = prefix + ".day";
    const toml::node* dayNode = session.get("day");
    if (dayNode == nullptr) check.fail(dayKey, "required key is missing");
    // Its range against scenario.duration_days, and days given twice, are checkScenarioRules'.
    const double day = check.anyNumber(*dayNode, dayKey);
    out.push_back({prefix, day, readSessionDevice(session, device, prefix, check)});
  }
  return out;
}

}  // namespace

std::vector<SessionPlan> readSessions(const toml::table& root, const DeviceSettings& device,
                                      double durationDays, const ValueChecker& check) {
  const toml::table* schedule = root.get_as<toml::table>("schedule");
  const toml::array* sessionArray = root.get_as<toml::array>("session");
  if (schedule == nullptr && (sessionArray == nullptr || sessionArray->empty()))
    check.fail("schedule", "a [schedule] table or at least one [[session]] is required");

  std::vector<ExplicitSession> explicitSessions;
  if (sessionArray) {
    checkSessionCount(*sessionArray, check);
    explicitSessions = readExplicit(*sessionArray, device, check);
  }

  std::vector<SessionPlan> plans;
  if (schedule) {
    plans = readSchedule(*schedule, device, durationDays, check);
    for (const ExplicitSession& s : explicitSessions) {
      auto match = std::find_if(plans.begin(), plans.end(), [&](const SessionPlan& p) {
        return std::abs(p.day - s.day) < kSameDay;
      });
      if (match == plans.end())
        check.fail(s.key + ".day", "with [schedule], must be one of the scheduled days " +
                                       dayList(plans) + " (got " + readableNumber(s.day) + ")");
      // Two overrides of one scheduled session: the plans would hide the second.
      if (!match->origin.empty())
        check.fail(s.key + ".day",
                   match->origin + " is already on that day (got " + readableNumber(s.day) + ")");
      match->device = s.device;
      match->origin = s.key;
    }
    return plans;
  }

  for (const ExplicitSession& s : explicitSessions) plans.push_back({s.day, s.device, s.key});
  std::stable_sort(plans.begin(), plans.end(),
                   [](const SessionPlan& a, const SessionPlan& b) { return a.day < b.day; });
  return plans;
}

}  // namespace dermasim
