#include "guidance/PatientCaption.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>

#include "core/numerics/NumberText.hpp"
#include "guidance/AdvisoryThresholds.hpp"

namespace dermasim {
namespace {

// Thresholds of what a patient would notice; the model's own scales are in SkinReadout.
constexpr double kNoticeableErythema = 0.05;  // a session below this hardly reddens
constexpr double kGoneErythema = 0.02;        // below this the redness is not visible
constexpr double kBuildingMargin = 1.02;      // the peak is still ahead if it is 2 % higher
constexpr double kOpenChannels = 0.5;
constexpr double kClosedChannels = 0.02;
constexpr double kBleedingUm = 1.0;
constexpr double kSpotsOfBloodUm = 0.1;
constexpr double kNoticeableCollagen = 0.01;      // 1 % more than before
constexpr double kCollagenChangePerWeek = 0.005;  // slower than this counts as levelled off
constexpr double kScarsPresentUm = 1.0;
constexpr double kDaysPerMonth = 30.44;
constexpr double kSameDay = 1e-6;
// Right after a session the news is redness and open channels; later, collagen and texture.
constexpr double kEarlyDays = 3.0;
constexpr double kRednessNewsDays = 14.0;

struct State {
  double erythema, channelsOpen, bloodUm, collagenRel, improvementPct;
};

State stateOf(const SkinReading& r) {
  return {r.erythema, r.channels_open, r.surface_blood_um, r.collagen_rel, r.improvement_pct};
}

// Linear between readings, which come at least daily and minutes apart after a session.
State stateAt(const std::vector<SkinReading>& series, double day) {
  const auto after = std::find_if(series.begin(), series.end(),
                                  [&](const SkinReading& r) { return r.day >= day; });
  if (after == series.begin()) return stateOf(series.front());
  if (after == series.end()) return stateOf(series.back());
  const SkinReading& a = *std::prev(after);
  const SkinReading& b = *after;
  const double span = b.day - a.day;
  const double f = span > 0 ? (day - a.day) / span : 1.0;
  const auto mix = [&](double x, double y) { return x + f * (y - x); };
  return {mix(a.erythema, b.erythema), mix(a.channels_open, b.channels_open),
          mix(a.surface_blood_um, b.surface_blood_um), mix(a.collagen_rel, b.collagen_rel),
          mix(a.improvement_pct, b.improvement_pct)};
}

std::string ordinal(std::size_t n) {
  static constexpr std::array<const char*, 10> kWords{"first", "second", "third",   "fourth",
                                                      "fifth", "sixth",  "seventh", "eighth",
                                                      "ninth", "tenth"};
  if (n >= 1 && n <= kWords.size()) return kWords[n - 1];
  const std::size_t tens = n % 100;
  const std::size_t units = n % 10;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : units == 1               ? "st"
                       : units == 2               ? "nd"
                       : units == 3               ? "rd"
                                                  : "th";
  return std::to_string(n) + suffix;
}

long rounded(double x) { return std::lround(x); }
// Whole units elapsed; the margin keeps day 2.0 from reading as day 1 after arithmetic.
long whole(double x) { return static_cast<long>(std::floor(x + 1e-6)); }

// Percentages as a person would say them: 7 %, but 30 % rather than 31 %.
std::string aboutPercent(double pct) {
  const double magnitude = std::abs(pct);
  const long shown = magnitude < 10 ? rounded(magnitude) : 5 * rounded(magnitude / 5);
  return "about " + std::to_string(shown) + " %";
}

std::string plural(long n, const char* unit) {
  return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

std::string whenAfterSession(double day, double sinceSession, const std::string& session,
                             bool onlySession, bool lastSession) {
  if (sinceSession < 1.0 / 24.0) return "Minutes after " + session;
  if (sinceSession < 1.0) {
    const long hours = std::max(1L, rounded(sinceSession * 24.0));
    return "About " + plural(hours, "hour") + " after " + session;
  }
  // Counted as people count them: day 1 is the whole day after, until day 2 begins.
  if (sinceSession < 14.0)
    return "Day " + std::to_string(whole(sinceSession)) + " after " + session;
  if (lastSession && sinceSession >= 28.0) {
    const long month = std::max(1L, rounded(day / kDaysPerMonth));
    const long monthsAfter = std::max(1L, rounded(sinceSession / kDaysPerMonth));
    if (onlySession) return "Month " + std::to_string(month) + " after " + session;
    return "Month " + std::to_string(month) + ", " + plural(monthsAfter, "month") +
           " after your last session";
  }
  return "Week " + std::to_string(whole(sinceSession / 7.0)) + " after " + session;
}

// Redness against the peak this session has reached so far, so a day before the peak reads as
// building rather than as "faded by nothing".
std::string rednessClause(const std::vector<SkinReading>& series, double sessionDay,
                          double nextSessionDay, double day, double erythemaNow) {
  double peakSoFar = erythemaNow;
  double peakOfSession = erythemaNow;
  for (const SkinReading& r : series) {
    if (r.day <= sessionDay || r.day > nextSessionDay) continue;
    peakOfSession = std::max(peakOfSession, r.erythema);
    if (r.day <= day) peakSoFar = std::max(peakSoFar, r.erythema);
  }
  if (peakOfSession < kNoticeableErythema) return "hardly any redness";
  if (erythemaNow >= peakSoFar && peakOfSession > erythemaNow * kBuildingMargin)
    return "redness is still building";
  const double faded = erythemaNow < kGoneErythema ? 1.0 : 1.0 - erythemaNow / peakSoFar;
  return rednessFadedClause(faded);
}

std::string channelsClause(double open) {
  if (open >= kOpenChannels) return "the tiny channels made by the needles are still open";
  if (open >= kClosedChannels) return "the tiny channels made by the needles are mostly closed";
  return "the tiny channels made by the needles have closed";
}

std::string bloodClause(double bloodUm) {
  if (bloodUm >= kBleedingUm) return "there is pinpoint bleeding on the surface";
  if (bloodUm >= kSpotsOfBloodUm) return "a few spots of pinpoint bleeding remain";
  return "";
}

std::string collagenClause(const std::vector<SkinReading>& series, double day, double gain,
                           bool still) {
  const double weekBefore = std::max(series.front().day, day - 7.0);
  const double span = day - weekBefore;
  const double perWeek =
      span > 0 ? (gain + 1.0 - stateAt(series, weekBefore).collagenRel) * 7.0 / span : 0.0;
  const std::string amount = ", " + aboutPercent(100.0 * gain) + " more than before";
  // Where it forms is said, since in the first weeks that is all there is to see of it.
  if (perWeek > kCollagenChangePerWeek && gain < kNoticeableCollagen)
    return "new collagen is starting to form beneath the surface";
  if (gain < kNoticeableCollagen) return "";
  if (perWeek > kCollagenChangePerWeek)
    return std::string(still ? "new collagen is still forming" : "new collagen is forming") +
           " beneath the surface" + amount;
  if (perWeek < -kCollagenChangePerWeek)
    return "some of the new collagen is being broken down again" + amount;
  return "the new collagen has levelled off" + amount;
}

// With scars, improvement_pct is the refilled share of their missing volume, not of their depth
// (a scar can keep its depth at the rim while its floor refills), so it is worded as filling in.
std::string textureClause(double improvementPct, bool scars, double sinceSession) {
  const double noticeable = AdvisoryThresholds::standard().noticeable_improvement_pct;
  if (improvementPct >= noticeable)
    return scars ? "the scars are " + aboutPercent(improvementPct) + " filled in"
                 : "the skin surface is " + aboutPercent(improvementPct) +
                       " smoother than before treatment";
  if (improvementPct <= -noticeable)
    return scars ? "the scars are " + aboutPercent(improvementPct) +
                       " larger in volume than before treatment"
                 : "the skin surface is " + aboutPercent(improvementPct) +
                       " rougher than before treatment";
  if (sinceSession >= kEarlyDays)
    return scars ? "no visible change in the scars yet"
                 : "no visible change in the skin's texture yet";
  return "";
}

// Clinics see results only some weeks after the first session, so until then the caption claims
// no visible change, whatever the simulated surface reads: the news is beneath it.
std::string surfaceClause(double improvementPct, bool scars, double sinceSession,
                          double sinceFirstSession) {
  if (sinceFirstSession >= AdvisoryThresholds::standard().visible_change_from_days)
    return textureClause(improvementPct, scars, sinceSession);
  if (sinceSession >= kEarlyDays) return "changes under the skin take weeks to show";
  return "";
}

std::string joined(const std::string& when, const std::vector<std::string>& clauses) {
  std::string text = when;
  bool first = true;
  for (const std::string& clause : clauses) {
    if (clause.empty()) continue;
    text += first ? ": " : "; ";
    text += clause;
    first = false;
  }
  return text + " (simulated).";
}

std::string beforeTreatment(const SkinReading& untreated, bool scars) {
  if (!scars) return joined("Before treatment", {"the untreated skin"});
  const std::string depth = readableNumber(untreated.scar_depth_um / 1000.0, 2);
  return joined("Before treatment", {"scars about " + depth + " mm deep on average"});
}

}  // namespace

std::string_view fractionFadedWords(double fraction) {
  struct Band {
    double below;
    std::string_view words;
  };
  // Boundaries halfway between neighbouring fractions, so each phrase names the nearest one.
  static constexpr std::array<Band, 9> kBands{{{0.10, "none"},
                                               {0.20, "a little"},
                                               {0.29, "about a quarter"},
                                               {0.42, "about a third"},
                                               {0.58, "about half"},
                                               {0.71, "about two thirds"},
                                               {0.80, "about three quarters"},
                                               {0.93, "most"},
                                               {0.98, "almost all"}}};
  for (const Band& band : kBands)
    if (fraction < band.below) return band.words;
  return "all";
}

std::string rednessFadedClause(double fraction) {
  const std::string_view words = fractionFadedWords(fraction);
  if (words == "none") return "redness is at its peak";
  if (words == "all") return "the redness has gone";
  if (words == "a little") return "redness has faded a little";
  if (words == "most" || words == "almost all")
    return std::string(words) + " of the redness has faded";
  return "redness has faded by " + std::string(words);
}

std::string patientCaption(const std::vector<SkinReading>& timeseries,
                           const std::vector<SessionResult>& sessions, double day) {
  if (timeseries.empty()) return "";
  const SkinReading& untreated = timeseries.front();
  const bool scars = untreated.scar_depth_um > kScarsPresentUm;
  // The skin on a session's day is the skin just before it.
  const auto after = std::find_if(sessions.rbegin(), sessions.rend(),
                                  [&](const SessionResult& s) { return s.day < day - kSameDay; });
  const bool untouched = sessions.empty() && day >= kSameDay;
  if (after == sessions.rend() && !untouched) return beforeTreatment(untreated, scars);

  const State now = stateAt(timeseries, day);
  const double gain = now.collagenRel - 1.0;
  if (untouched)
    return joined("Day " + std::to_string(rounded(day)) + ", no treatment",
                  {collagenClause(timeseries, day, gain, false),
                   textureClause(now.improvementPct, scars, day)});

  const auto index = static_cast<std::size_t>(sessions.rend() - after - 1);
  const SessionResult& session = sessions[index];
  const double since = day - session.day;
  const bool lastSession = index + 1 == sessions.size();
  const double nextDay = lastSession ? timeseries.back().day : sessions[index + 1].day;
  const bool onlySession = sessions.size() == 1;
  const std::string which =
      onlySession ? "your session" : "your " + ordinal(index + 1) + " session";
  std::string when = whenAfterSession(day, since, which, onlySession, lastSession);
  if (!lastSession && std::abs(day - nextDay) < kSameDay)
    when = "Day " + std::to_string(rounded(day)) + ", just before your " + ordinal(index + 2) +
           " session";

  std::vector<std::string> clauses;
  clauses.push_back(bloodClause(now.bloodUm));
  if (since < kRednessNewsDays || now.erythema >= kGoneErythema)
    clauses.push_back(rednessClause(timeseries, session.day, nextDay, day, now.erythema));
  if (since < kEarlyDays || now.channelsOpen >= kClosedChannels)
    clauses.push_back(channelsClause(now.channelsOpen));
  const bool still = day - sessions.front().day >= kRednessNewsDays;
  clauses.push_back(collagenClause(timeseries, day, gain, still));
  clauses.push_back(surfaceClause(now.improvementPct, scars, since, day - sessions.front().day));
  return joined(when, clauses);
}

std::string patientCaption(const RunResult& run, double day) {
  return patientCaption(run.timeseries, run.sessions, day);
}

}  // namespace dermasim
