#include "io/CohortComparison.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/Version.hpp"
#include "core/numerics/NumberText.hpp"
#include "core/numerics/Percentile.hpp"
#include "io/CohortOutputs.hpp"
#include "io/Comparison.hpp"
#include "io/OutcomeJson.hpp"
#include "io/TimeseriesColumns.hpp"

namespace dermasim {
namespace {

std::array<double, 3> percentilesOf(const std::vector<double>& values) {
  std::array<double, 3> out{};
  const std::vector<CohortPercentile>& qs = cohortPercentiles();
  for (std::size_t q = 0; q < out.size() && q < qs.size(); ++q)
    out[q] = percentile(values, qs[q].fraction);
  return out;
}

nlohmann::ordered_json percentilesJson(const std::vector<PairedOutcome>& outcomes,
                                       std::array<double, 3> PairedOutcome::*which) {
  nlohmann::ordered_json j;
  for (const PairedOutcome& o : outcomes)
    for (std::size_t q = 0; q < cohortPercentiles().size(); ++q)
      j[o.name + cohortPercentiles()[q].suffix] = (o.*which)[q];
  return j;
}

nlohmann::ordered_json cohortJson(const ComparedCohort& c, const nlohmann::ordered_json& outcome) {
  return {{"scenario", c.scenario.source},
          {"name", c.scenario.name},
          {"seed", c.scenario.seed},
          {"duration_days", c.scenario.duration_days},
          {"sessions", c.scenario.sessions.size()},
          {"outcome", outcome}};
}

}  // namespace

std::vector<SkinReading> percentileSeries(const CohortResult& cohort, double fraction) {
  const std::vector<double> days = cohortDays(cohort);
  std::vector<SkinReading> series(days.size());
  std::vector<double> values(cohort.patients.size());
  for (std::size_t row = 0; row < days.size(); ++row) {
    series[row].day = days[row];
    for (const TimeseriesColumn& c : timeseriesColumns()) {
      for (std::size_t p = 0; p < values.size(); ++p)
        values[p] = cohort.patients[p].timeseries[row].*c.value;
      series[row].*c.value = percentile(values, fraction);
    }
  }
  return series;
}

std::vector<PairedOutcome> pairedOutcomes(const CohortResult& a, const CohortResult& b) {
  bool paired = a.patients.size() == b.patients.size();
  for (std::size_t i = 0; paired && i < a.patients.size(); ++i)
    paired = a.patients[i].index == b.patients[i].index;
  if (!paired) throw std::logic_error("paired outcomes of cohorts with other patients");
  std::vector<PairedOutcome> out;
  const std::vector<PatientOutcome>& outcomes = patientOutcomes();
  for (std::size_t o = 0; o < outcomes.size(); ++o) {
    std::vector<double> va, vb, vd;
    for (std::size_t i = 0; i < a.patients.size(); ++i) {
      va.push_back(a.patients[i].outcomes[o]);
      vb.push_back(b.patients[i].outcomes[o]);
      vd.push_back(vb.back() - va.back());
    }
    out.push_back(
        {std::string(outcomes[o].name), percentilesOf(va), percentilesOf(vb), percentilesOf(vd)});
  }
  return out;
}

std::string cohortComparisonCsv(const CohortResult& a, const CohortResult& b) {
  const std::vector<CohortPercentile>& qs = cohortPercentiles();
  std::vector<std::vector<SkinReading>> seriesA, seriesB;
  for (const CohortPercentile& q : qs) {
    seriesA.push_back(percentileSeries(a, q.fraction));
    seriesB.push_back(percentileSeries(b, q.fraction));
  }
  std::string out = "day";
  for (const TimeseriesColumn& c : timeseriesColumns())
    for (const CohortPercentile& q : qs)
      out += "," + c.name + q.suffix + "_a," + c.name + q.suffix + "_b";
  out += '\n';
  // Every percentile series of a cohort has the cohort's days: the p50 ones stand for all.
  for (double day : unionOfDays(seriesA.front(), seriesB.front())) {
    std::vector<std::optional<SkinReading>> atA, atB;
    for (std::size_t q = 0; q < qs.size(); ++q) {
      atA.push_back(readingAt(seriesA[q], day));
      atB.push_back(readingAt(seriesB[q], day));
    }
    out += fixedNumber(day, kDayDecimals);
    for (const TimeseriesColumn& c : timeseriesColumns())
      for (std::size_t q = 0; q < qs.size(); ++q) {
        out += ',';
        if (atA[q]) out += fixedNumber((*atA[q]).*c.value, c.decimals);
        out += ',';
        if (atB[q]) out += fixedNumber((*atB[q]).*c.value, c.decimals);
      }
    out += '\n';
  }
  return out;
}

std::string cohortComparisonJson(const ComparedCohort& a, const ComparedCohort& b) {
  const std::vector<PairedOutcome> outcomes = pairedOutcomes(a.cohort, b.cohort);
  nlohmann::ordered_json j;
  j["program"] = {{"name", kProgramName}, {"version", kVersion}};
  j["cohort"] = {{"patients", a.cohort.patients.size()},
                 {"paired",
                  "patient i is the same virtual patient in A and B (one seed, the "
                  "same draws)"},
                 {"percentiles", "type 7: linear between order statistics at (n - 1) p"}};
  j["a"] = cohortJson(a, percentilesJson(outcomes, &PairedOutcome::a));
  j["b"] = cohortJson(b, percentilesJson(outcomes, &PairedOutcome::b));
  // Percentiles of B_i - A_i: how much one patient gains by B, not the gap between the medians.
  j["paired_difference"] = percentilesJson(outcomes, &PairedOutcome::difference);
  dropNegativeZeros(j);
  return j.dump(2) + "\n";
}

void stageCohortComparisonFiles(StagedFolder& staged, const ComparedCohort& a,
                                const ComparedCohort& b, const std::vector<Advisory>& advisoriesA,
                                const std::vector<Advisory>& advisoriesB) {
  const std::string csv = cohortComparisonCsv(a.cohort, b.cohort);
  const std::string json = cohortComparisonJson(a, b);
  stageCohortFiles(staged, "a", a.scenario, a.cohort, advisoriesA);
  stageCohortFiles(staged, "b", b.scenario, b.cohort, advisoriesB);
  staged.write("comparison.csv", csv);
  staged.write("comparison.json", json);
}

}  // namespace dermasim
