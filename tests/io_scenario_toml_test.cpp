// Scenarios written by toToml() read back to the same Scenario, field by field.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "io/ScenarioFile.hpp"
#include "io/ScenarioToml.hpp"

using namespace dermasim;

namespace {

// Checks every field but source and source_text, which record where the text came from.
void checkSameDevice(const DeviceSettings& a, const DeviceSettings& b) {
  CHECK(a.type == b.type);
  CHECK(a.needle_length_mm == b.needle_length_mm);
  CHECK(a.needles == b.needles);
  CHECK(a.passes == b.passes);
  CHECK(a.needle_diameter_mm == b.needle_diameter_mm);
  CHECK(a.pressure == b.pressure);
  CHECK(a.home_use == b.home_use);
  CHECK(a.frequency_hz == b.frequency_hz);
  CHECK(a.glide_speed_mm_s == b.glide_speed_mm_s);
  CHECK(a.cartridge_width_mm == b.cartridge_width_mm);
  CHECK(a.drum_diameter_mm == b.drum_diameter_mm);
  CHECK(a.drum_width_mm == b.drum_width_mm);
  CHECK(a.rows == b.rows);
}

void checkSameScenario(const Scenario& a, const Scenario& b) {
  CHECK(a.name == b.name);
  CHECK(a.description == b.description);
  CHECK(a.seed == b.seed);
  CHECK(a.duration_days == b.duration_days);
  CHECK(a.patient.site == b.patient.site);
  CHECK(a.patient.fitzpatrick == b.patient.fitzpatrick);
  CHECK(a.patient.age_years == b.patient.age_years);
  CHECK(a.patient.indication == b.patient.indication);
  CHECK(a.patient.conditions == b.patient.conditions);
  CHECK(a.patient.scars.count_per_cm2 == b.patient.scars.count_per_cm2);
  CHECK(a.patient.scars.mean_depth_mm == b.patient.scars.mean_depth_mm);
  CHECK(a.patient.scars.mix.rolling == b.patient.scars.mix.rolling);
  CHECK(a.patient.scars.mix.boxcar == b.patient.scars.mix.boxcar);
  CHECK(a.patient.scars.mix.icepick == b.patient.scars.mix.icepick);
  {
    INFO("[device]");
    checkSameDevice(a.device, b.device);
  }
  REQUIRE(a.sessions.size() == b.sessions.size());
  for (std::size_t i = 0; i < a.sessions.size(); ++i) {
    INFO("session " << i);
    CHECK(a.sessions[i].day == b.sessions[i].day);
    checkSameDevice(a.sessions[i].device, b.sessions[i].device);
  }
  CHECK(a.model.patch_size_mm == b.model.patch_size_mm);
  CHECK(a.model.lateral_resolution_um == b.model.lateral_resolution_um);
  CHECK(a.model.depth_resolution_um == b.model.depth_resolution_um);
  CHECK(a.parameter_overrides == b.parameter_overrides);
}

Scenario roundTrip(const Scenario& s) {
  const std::string text = toToml(s);
  INFO(text);
  return parseScenario(text, "saved.toml");
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A pen series with a roller session in the middle, overrides, and values that are not short
// decimals.
constexpr std::string_view kMixed = R"toml(
[scenario]
name = "Mixed \"devices\"\tand a backslash \\ and é"
description = """two
lines"""
seed = 123456789
duration_days = 100.5

[patient]
site = "back"
fitzpatrick = 5
age = 61.25
indication = "stretch_marks"
conditions = ["rosacea", "blood_thinners"]

[patient.scars]
count_per_cm2 = 2.5
mean_depth_mm = 0.123456789
mix = { rolling = 0.6, icepick = 0.4 }

[device]
type = "pen"
needle_length_mm = 0.7
needles = 36
passes = 5
pressure = "firm"
frequency_hz = 87.3
cartridge_width_mm = 6.1

[[session]]
day = 0

[[session]]
day = 33.3333
type = "roller"
needle_length_mm = 1.25
needles = 96
rows = 12
drum_diameter_mm = 18
home_use = true

[[session]]
day = 70
passes = 2
glide_speed_mm_s = 0.1e2

[model]
patch_size_mm = 3
lateral_resolution_um = 30
depth_resolution_um = 40

[parameters]
"roller.depth_spread" = 0.3
pen.depth_spread = 0.07
)toml";

}  // namespace

TEST_CASE("ScenarioToml: every built-in scenario reads back the same", "[scenario_toml]") {
  const std::vector<std::string> names = builtinScenarioNames();
  REQUIRE_FALSE(names.empty());
  for (const std::string& name : names) {
    INFO(name);
    const Scenario original = loadBuiltinScenario(name);
    checkSameScenario(original, roundTrip(original));
  }
}

TEST_CASE("ScenarioToml: overrides, a session that switches device type, odd strings",
          "[scenario_toml]") {
  const Scenario original = parseScenario(kMixed, "mixed.toml");
  REQUIRE(original.sessions.size() == 3);
  REQUIRE(original.sessions[1].device.type == DeviceType::Roller);
  REQUIRE(original.parameter_overrides.size() == 2);
  const Scenario back = roundTrip(original);
  checkSameScenario(original, back);
  // Writing is stable: the written file writes itself again unchanged, but for its source line.
  const std::string once = toToml(back);
  const std::string twice = toToml(parseScenario(once, "saved.toml"));
  CHECK(once == twice);

  const std::string text = toToml(original);
  INFO(text);
  CHECK(contains(text, "\"roller.depth_spread\" = 0.3"));
  CHECK(contains(text, "\"pen.depth_spread\" = 0.07"));
  CHECK(contains(text, "type = \"roller\""));
  // The roller session spells out only what differs from the pen switched to a roller.
  const std::size_t second = text.find("day = 33.3333");
  const std::size_t third = text.find("day = 70");
  REQUIRE(second != std::string::npos);
  REQUIRE(third != std::string::npos);
  const std::string rollerSession = text.substr(second, third - second);
  CHECK(contains(rollerSession, "needles = 96"));
  CHECK(contains(rollerSession, "drum_diameter_mm = 18"));
  CHECK_FALSE(contains(rollerSession, "drum_width_mm"));
  CHECK_FALSE(contains(rollerSession, "passes"));
}

TEST_CASE("ScenarioToml: sessions list only the keys that differ from the device table",
          "[scenario_toml]") {
  const std::string text = toToml(loadBuiltinScenario("acne_scars_pen"));
  INFO(text);
  // Four [[session]] tables: the first at 1.0 mm, the rest as [device].
  std::size_t count = 0;
  for (std::size_t at = 0; (at = text.find("\n[[session]]\n", at)) != std::string::npos; ++at)
    ++count;
  CHECK(count == 4);
  const std::size_t firstSession = text.find("\n[[session]]\n");
  const std::string sessions = text.substr(firstSession, text.find("\n[model]\n") - firstSession);
  CHECK(contains(sessions, "needle_length_mm = 1 "));
  std::size_t lengths = 0;
  for (std::size_t at = 0; (at = sessions.find("needle_length_mm", at)) != std::string::npos; ++at)
    ++lengths;
  CHECK(lengths == 1);
  CHECK_FALSE(contains(text, "[schedule]"));
  CHECK(contains(text, "# "));                      // commented
  CHECK_FALSE(contains(text, "drum_diameter_mm"));  // a pen's file has no roller keys
}

TEST_CASE("ScenarioToml: saveScenarioFile writes a file that loads back", "[scenario_toml]") {
  const std::filesystem::path folder =
      std::filesystem::path(DERMASIM_BINARY_DIR) / "io_scenario_toml_test";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const std::filesystem::path file = folder / "saved.toml";
  const Scenario original = parseScenario(kMixed, "mixed.toml");
  saveScenarioFile(file, original);
  checkSameScenario(original, loadScenarioFile(file));
  // Saving over it replaces it whole.
  const Scenario other = loadBuiltinScenario("home_roller_025");
  saveScenarioFile(file, other);
  checkSameScenario(other, loadScenarioFile(file));
  CHECK_THROWS_AS(saveScenarioFile(folder / "no-such-folder" / "x.toml", other),
                  std::runtime_error);
  std::filesystem::remove_all(folder);
}
