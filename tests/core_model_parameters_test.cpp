// The parameter table: every row has a reader, and the reads are recorded where they happen.

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <string>

#include "core/Simulation.hpp"
#include "core/TimeStepParameters.hpp"
#include "core/devices/DeviceParameters.hpp"
#include "core/healing/Adjuncts.hpp"
#include "core/healing/HarmRisk.hpp"
#include "core/healing/HealingModel.hpp"
#include "core/healing/NeurogenicFlare.hpp"
#include "core/optics/SkinOptics.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/readout/SkinReadout.hpp"
#include "core/tissue/BaselineSkin.hpp"
#include "core/tissue/NeedleTracks.hpp"
#include "core/tissue/ScarTethers.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;

namespace {

std::string listed(const std::vector<std::string_view>& keys) {
  std::ostringstream out;
  for (std::string_view k : keys) out << k << " ";
  return out.str();
}

// A built-in scenario cut down to its first session and two days of healing.
RunResult shortRun(const char* builtin) {
  Scenario s = loadBuiltinScenario(builtin);
  s.model.lateral_resolution_um = 100;
  s.sessions.resize(1);
  s.duration_days = 2;
  return simulate(s);
}

}  // namespace

TEST_CASE("ModelParameters: a lookup marks its row as read, and only that row", "[parameters]") {
  const ModelParameters p;
  const std::size_t rows = parameterTable().size();
  REQUIRE(p.unreadKeys().size() == rows);
  CHECK(p["pen.depth_spread"] == Approx(findParameter("pen.depth_spread")->value));
  const std::vector<std::string_view> unread = p.unreadKeys();
  CHECK(unread.size() == rows - 1);
  CHECK(std::find(unread.begin(), unread.end(), "pen.depth_spread") == unread.end());
  // Marks travel with a copy, as simulate() hands its table to the result.
  const ModelParameters copy = p;
  CHECK(copy.unreadKeys().size() == rows - 1);
  CHECK_THROWS_AS(p["no.such_parameter"], std::out_of_range);
}

TEST_CASE("ModelParameters: overrides change the value every reader gets", "[parameters]") {
  const ModelParameters p = ModelParameters::withOverrides({{"pen.tilt_sd_deg", 7.5}});
  CHECK(PenParameters::from(p).tilt_sd_deg == 7.5);
  CHECK(ModelParameters{}["pen.tilt_sd_deg"] == Approx(3.0));
}

TEST_CASE("ModelParameters: every row is read by some mechanism's struct", "[parameters]") {
  const ModelParameters p;
  PenParameters::from(p);
  RollerParameters::from(p);
  AnatomyParameters::from(p);
  BaselineParameters::from(p);
  TrackGeometry::from(p);
  ScarTethers::Parameters::from(p);
  HealingRates::from(p);
  HarmParameters::from(p);
  ChannelClosure::from(p);
  FlareParameters::from(p);
  OpticsParameters::from(p);
  ReadoutParameters::from(p);
  TimeStepParameters::from(p);
  AdjunctParameters::from(p);
  INFO("rows no mechanism reads: " << listed(p.unreadKeys()));
  CHECK(p.unreadKeys().empty());
}

TEST_CASE("ModelParameters: a short pen run and a short roller run read every row",
          "[parameters][simulation]") {
  // Devices are built per session and only the one in use reads its rows, so the two runs
  // together must cover the table.
  const RunResult pen = shortRun("acne_scars_pen");
  const RunResult roller = shortRun("thigh_stretch_marks_roller");
  std::set<std::string_view> unreadByBoth;
  const std::vector<std::string_view> rollerUnread = roller.parameters.unreadKeys();
  for (std::string_view key : pen.parameters.unreadKeys())
    if (std::find(rollerUnread.begin(), rollerUnread.end(), key) != rollerUnread.end())
      unreadByBoth.insert(key);
  INFO("rows neither run read: " << listed({unreadByBoth.begin(), unreadByBoth.end()}));
  CHECK(unreadByBoth.empty());
  // Each run reads its own device's rows and not the other's.
  const std::vector<std::string_view> penUnread = pen.parameters.unreadKeys();
  CHECK(std::find(penUnread.begin(), penUnread.end(), "roller.tear_compliance") != penUnread.end());
  CHECK(std::find(rollerUnread.begin(), rollerUnread.end(), "pen.contact_fraction") !=
        rollerUnread.end());
}

TEST_CASE("ModelParameters: every row documents itself and holds its default in range",
          "[parameters]") {
  std::set<std::string_view> keys;
  for (const ParameterSpec& spec : parameterTable()) {
    INFO(spec.key);
    CHECK(keys.insert(spec.key).second);
    CHECK(!spec.unit.empty());
    CHECK(!spec.source.empty());
    CHECK(!spec.description.empty());
    CHECK(spec.min <= spec.value);
    CHECK(spec.value <= spec.max);
  }
}
