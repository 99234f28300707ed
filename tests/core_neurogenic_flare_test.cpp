// The neurogenic flare and the mediators' share of erythema: the flare saturates with
// puncture density and fades within hours, the mediators' redness lasts, and a roller's torn
// opening inflames more than a round pen stamp of the same depth.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/devices/NeedlingSession.hpp"
#include "core/healing/HealingModel.hpp"
#include "core/healing/NeurogenicFlare.hpp"
#include "core/readout/SkinReadout.hpp"
#include "core/tissue/BaselineSkin.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;

namespace {

constexpr double kMinute = 1.0 / (24.0 * 60.0);

// Cheek skin on a 1 cm2 patch, coarse across (density is what matters here, not the shape of
// one track), with the given device.
Scenario cheek(const std::string& device, double patchMm = 10, double lateralUm = 100) {
  return parseScenario(
      "[scenario]\nseed = 5\nduration_days = 2\n[patient]\nsite = \"cheek\"\n"
      "indication = \"rejuvenation\"\n[device]\n" +
          device + "\n[schedule]\nsessions = 1\ninterval_days = 30\n" +
          "[model]\npatch_size_mm = " + std::to_string(patchMm) +
          "\nlateral_resolution_um = " + std::to_string(lateralUm) + "\ndepth_resolution_um = 50\n",
      "test.toml");
}

// Round pen stamps `depthMm` deep, `count` of them on a jittered lattice over the patch.
std::vector<Puncture> stamps(double patchMm, int count, double depthMm, double widthMm = 0.2) {
  std::vector<Puncture> out;
  const int side = std::max(1, static_cast<int>(std::ceil(std::sqrt(count))));
  const double pitch = patchMm / side;
  std::uint64_t state = 12345;
  const auto jitter = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0 - 0.5;
  };
  for (int n = 0; n < count; ++n) {
    Puncture p;
    p.x_mm = std::fmod(((n % side) + 0.5 + 0.5 * jitter()) * pitch + patchMm, patchMm);
    p.y_mm = std::fmod(((n / side) + 0.5 + 0.5 * jitter()) * pitch + patchMm, patchMm);
    p.depth_mm = depthMm;
    p.opening_width_mm = p.opening_length_mm = widthMm;
    out.push_back(p);
  }
  return out;
}

struct Course {
  std::vector<double> day, erythema, flare;  // flare: mean over the patch
  double mediator_hours = 0;                 // mediators summed over the grid and the time, x h
  double peak() const { return *std::max_element(erythema.begin(), erythema.end()); }
  // The reading closest to `d`.
  std::size_t at(double d) const {
    std::size_t best = 0;
    for (std::size_t i = 0; i < day.size(); ++i)
      if (std::abs(day[i] - d) < std::abs(day[best] - d)) best = i;
    return best;
  }
};

// One session of `punctures` on the scenario's skin, read every 10 minutes for `hours`.
Course needle(const Scenario& s, const std::vector<Puncture>& punctures, double hours = 8,
              const ModelParameters& p = ModelParameters()) {
  HealingModel model(makeBaselineSkin(s, p), p);
  SkinReadout readout(model, 3, p);
  model.applySession(punctures, 1);
  Course c;
  const double dt = 10 * kMinute;
  for (int n = 0; n < static_cast<int>(std::lround(hours * 6)); ++n) {
    model.step(dt);
    c.day.push_back(model.day());
    c.erythema.push_back(readout.read(model).erythema);
    c.flare.push_back(model.state().flare.cast<double>().mean());
    c.mediator_hours += model.state().mediators.cast<double>().sum() * dt * 24.0;
  }
  return c;
}

}  // namespace

TEST_CASE("NeurogenicFlare: the flare saturates with fresh injury and keeps its total spread",
          "[flare]") {
  const Grid g{40, 40, 4, 0.1, 0.05};
  const FlareParameters fp = FlareParameters::from(ModelParameters());
  NeurogenicFlare flare(g, fp, {1.0F, 1.0F, 0.0F, 0.0F});
  Field before = g.zeros3(), after = g.zeros3();
  after[static_cast<Eigen::Index>(g.index(20, 20, 0))] = 1.0F;  // one cell of the top layer
  Field f = g.zeros2();
  flare.stimulate(before, after, f);
  // Half of the innervated depth of one column: the spread keeps it, however wide.
  CHECK(flare.stimulus().cast<double>().sum() == Approx(0.5).epsilon(1e-5));
  // Spread beyond the cell: its neighbours hold a good part of what it holds.
  CHECK(flare.stimulus()[static_cast<Eigen::Index>(g.column(21, 20))] >
        0.5F * flare.stimulus()[static_cast<Eigen::Index>(g.column(20, 20))]);
  CHECK(f.maxCoeff() < static_cast<float>(fp.max_vasodilation));
  // Tissue already torn does not fire the nerves again.
  Field again = g.zeros2();
  NeurogenicFlare second(g, fp, {1.0F, 1.0F, 0.0F, 0.0F});
  second.stimulate(after, after, again);
  CHECK_FALSE(second.active());
  CHECK(again.maxCoeff() == 0.0F);
  // It fades and, once it dilates nothing, clears itself.
  for (int n = 0; n < 200 && flare.active(); ++n) flare.step(10 * kMinute, f);
  CHECK_FALSE(flare.active());
  CHECK(f.maxCoeff() == 0.0F);
}

TEST_CASE(
    "NeurogenicFlare: peak erythema saturates with density, rising steeply from few "
    "punctures",
    "[flare]") {
  const Scenario s = cheek("type = \"pen\"\nneedle_length_mm = 0.5");
  // 1 cm2: counts are punctures per cm2.
  const double sparse1 = needle(s, stamps(10, 2, 0.5), 3).peak();
  const double sparse2 = needle(s, stamps(10, 4, 0.5), 3).peak();
  const double dense1 = needle(s, stamps(10, 1600, 0.5), 8).peak();
  const double dense2 = needle(s, stamps(10, 3200, 0.5), 8).peak();
  // Without the flare, for comparison of the low end.
  const ModelParameters noFlare =
      ModelParameters::withOverrides({{"healing.flare_max_vasodilation", 0.0}});
  const double sparse1Bare = needle(s, stamps(10, 2, 0.5), 3, noFlare).peak();
  INFO("peak erythema 2/cm2 " << sparse1 << " (no flare " << sparse1Bare << "), 4/cm2 " << sparse2
                              << ", 1600/cm2 " << dense1 << ", 3200/cm2 " << dense2);
  INFO("ratios: 4 vs 2 /cm2 " << sparse2 / sparse1 << ", 3200 vs 1600 /cm2 " << dense2 / dense1);
  // Past a modest density the area is flared throughout: twice the punctures, little more red.
  CHECK(dense2 / dense1 < 1.25);
  // From a few punctures it rises steeply, most of the way to doubling.
  CHECK(sparse2 / sparse1 > 1.5);
  // And a couple of punctures on a square centimetre already redden it far beyond their wounds.
  CHECK(sparse1 > 5.0 * sparse1Bare);
}

TEST_CASE("NeurogenicFlare: the flare is gone within hours, the mediators' redness lasts",
          "[flare]") {
  const Scenario s = cheek("type = \"pen\"\nneedle_length_mm = 0.5");
  const Course c = needle(s, stamps(10, 400, 0.5), 7);
  const std::size_t early = c.at(30 * kMinute), late = c.at(6.0 / 24.0);
  // The vessels dilate by the union of flare F and mediators v, E = 1 - (1 - v)(1 - F); the
  // flare is uniform enough over the patch at this density to take the means.
  const auto mediatorShare = [&c](std::size_t i) {
    return (c.erythema[i] - c.flare[i]) / (1.0 - c.flare[i]);
  };
  INFO("erythema 30 min " << c.erythema[early] << " (flare " << c.flare[early] << ", mediators "
                          << mediatorShare(early) << "), 6 h " << c.erythema[late] << " (flare "
                          << c.flare[late] << ", mediators " << mediatorShare(late) << ")");
  // Half an hour after, the flare carries most of the redness; by 6 h it is gone.
  CHECK(c.flare[early] > 0.5 * c.erythema[early]);
  CHECK(c.flare[late] < 0.01 * c.flare[early]);
  CHECK(c.erythema[late] < 0.5 * c.erythema[early]);
  // The mediators' redness is still there, most of what it was.
  CHECK(c.erythema[late] > 0.05);
  CHECK(mediatorShare(late) > 0.5 * mediatorShare(early));
}

TEST_CASE("NeurogenicFlare: a roller's torn opening inflames more than a pen stamp as deep",
          "[flare]") {
  // A real roller session's punctures, and the same punctures as round stamps.
  const Scenario s = cheek("type = \"roller\"\nneedle_length_mm = 2.0\npasses = 8", 6, 75);
  const ModelParameters p;
  const SessionPunctures rolled =
      needleSession(s.sessions.front().device, p, Patch{6.0}, s.seed, 0);
  std::vector<Puncture> round = rolled.punctures;
  double elongation = 0;
  for (Puncture& q : round) {
    elongation += q.elongation();
    q.opening_length_mm = q.opening_width_mm;
  }
  elongation /= static_cast<double>(round.size());
  const Course torn = needle(s, rolled.punctures, 7);
  const Course stamped = needle(s, round, 7);
  INFO(rolled.punctures.size() << " punctures, mean elongation " << elongation);
  INFO("mediator-hours torn " << torn.mediator_hours << ", round " << stamped.mediator_hours
                              << " (ratio " << torn.mediator_hours / stamped.mediator_hours << ")");
  INFO("peak erythema torn " << torn.peak() << ", round " << stamped.peak());
  INFO("erythema at 6 h torn " << torn.erythema[torn.at(0.25)] << ", round "
                               << stamped.erythema[stamped.at(0.25)]);
  REQUIRE(elongation > 1.5);
  CHECK(torn.mediator_hours > 1.3 * stamped.mediator_hours);
  CHECK(torn.peak() > stamped.peak());
  CHECK(torn.erythema[torn.at(0.25)] > 1.2 * stamped.erythema[stamped.at(0.25)]);
}
