// Harm: the risks read from the inflammation a treatment leaves, and the over-treatment a
// trainer must be able to show: needling more often and deeper than the skin can resolve does
// not do better, and costs pigmentation and fibrosis risk.

#include <catch2/catch.hpp>
#include <string>

#include "core/Simulation.hpp"
#include "core/healing/HarmRisk.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;

TEST_CASE("HarmRisk: no inflammation carried, no risk, more carried, more risk, never past 1") {
  const HarmParameters p = HarmParameters::from(ModelParameters());
  CHECK(harmRisk({}, 5, p).pih == 0.0);
  CHECK(harmRisk({}, 5, p).fibrosis == 0.0);
  const HarmRisk some = harmRisk({2.0, 2.0}, 5, p);
  const HarmRisk more = harmRisk({20.0, 20.0}, 5, p);
  CHECK(some.pih > 0.0);
  CHECK(more.pih > some.pih);
  CHECK(more.fibrosis > some.fibrosis);
  CHECK(harmRisk({1e6, 1e6}, 6, p).pih <= 1.0);
  CHECK(harmRisk({1e6, 1e6}, 6, p).fibrosis <= 1.0);
}

TEST_CASE("HarmRisk: darker skin types carry more pigmentation risk for the same dose") {
  const HarmParameters p = HarmParameters::from(ModelParameters());
  CHECK(p.pihSusceptibility(5) == Approx(1.0));
  for (int type = 2; type <= 6; ++type)
    CHECK(p.pihSusceptibility(type) > p.pihSusceptibility(type - 1));
  const InflammationDose dose{4.0, 4.0};
  CHECK(harmRisk(dose, 5, p).pih > 3.0 * harmRisk(dose, 2, p).pih);
  // Fibrosis does not depend on the skin type.
  CHECK(harmRisk(dose, 5, p).fibrosis == harmRisk(dose, 2, p).fibrosis);
}

namespace {

std::string acneSeries(double depthMm, int passes, int sessions, int intervalDays) {
  return "[scenario]\nname = \"series\"\nseed = 11\nduration_days = 90\n"
         "[patient]\nsite = \"cheek\"\nfitzpatrick = 5\nage = 28\nindication = \"acne_scars\"\n"
         "[patient.scars]\ncount_per_cm2 = 6\nmean_depth_mm = 0.3\n"
         "mix = { rolling = 0.5, boxcar = 0.3, icepick = 0.2 }\n"
         "[device]\ntype = \"pen\"\nneedle_length_mm = " +
         std::to_string(depthMm) + "\npasses = " + std::to_string(passes) +
         "\n[schedule]\nsessions = " + std::to_string(sessions) +
         "\ninterval_days = " + std::to_string(intervalDays) + "\n";
}

}  // namespace

TEST_CASE("Harm: weekly deep dense needling on type V skin does no better than monthly, at a cost",
          "[series][simulation]") {
  // The over-treatment: a pen at 2.5 mm, 6 passes, weekly for 8 weeks, against 1.5 mm,
  // 2 passes, monthly, on the same Fitzpatrick V patient, both read at day 90.
  const RunResult weekly = simulate(parseScenario(acneSeries(2.5, 6, 8, 7), "weekly"));
  const RunResult monthly = simulate(parseScenario(acneSeries(1.5, 2, 3, 28), "monthly"));
  CHECK(weekly.outcome.improvement_pct <= monthly.outcome.improvement_pct);
  CHECK(weekly.outcome.pih_risk > monthly.outcome.pih_risk + 0.2);
  CHECK(weekly.outcome.fibrosis_risk > monthly.outcome.fibrosis_risk + 0.2);
  CHECK(weekly.outcome.peak_inflammation > monthly.outcome.peak_inflammation);
  // Inflammation that does not resolve between sessions accumulates: before each weekly session
  // the skin is still inflamed, before a monthly one it has settled.
  const auto before = [](const RunResult& r, double day) {
    double last = 0;
    for (const SkinReading& x : r.timeseries)
      if (x.day < day - 1e-9) last = x.inflammation;
    return last;
  };
  CHECK(before(weekly, 49.0) > 0.1);
  CHECK(before(monthly, 56.0) < 0.01);
}

TEST_CASE("Harm: confluent injury in one session lowers the benefit and raises both risks",
          "[series][simulation]") {
  // Same depth and monthly interval; only the passes differ. Sixteen passes of a 12-pin pen
  // leave no intact tissue between channels: more injury, but more of it inflames.
  const RunResult fractional = simulate(parseScenario(acneSeries(1.5, 2, 3, 28), "fractional"));
  const RunResult confluent = simulate(parseScenario(acneSeries(1.5, 16, 3, 28), "confluent"));
  CHECK(confluent.outcome.improvement_pct < fractional.outcome.improvement_pct - 1.0);
  CHECK(confluent.outcome.pih_risk > fractional.outcome.pih_risk);
  CHECK(confluent.outcome.fibrosis_risk > fractional.outcome.fibrosis_risk + 0.05);
  CHECK(confluent.outcome.peak_inflammation > fractional.outcome.peak_inflammation);
}
