#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "HostileText.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/scenario/ScenarioSchema.hpp"
#include "io/InputError.hpp"
#include "io/ScenarioFile.hpp"

using namespace dermasim;

namespace {

constexpr const char* kFile = "scenarios/x.toml";

// The example of docs' interface specification, as written there.
constexpr std::string_view kInterfaceExample = R"toml(
[scenario]
name = "Acne scars - pen 1.5 mm, 4 monthly sessions"
seed = 7                  # optional (default 1); same seed and scenario -> same numbers
duration_days = 180       # simulated time; day 0 is the first session

[patient]
site = "cheek"            # forehead | periorbital | nose | cheek | chin | upper_lip | neck | decollete | hand | scalp | abdomen | thigh | back
fitzpatrick = 3           # 1..6
age = 34                  # years
indication = "acne_scars" # acne_scars | fine_lines | stretch_marks | surgical_scar | pigmentation | enlarged_pores | rejuvenation | hair_loss
conditions = []           # present contraindications, e.g. "pregnancy", "isotretinoin", "active_acne",
                          # "skin_infection", "open_wound", "eczema", "psoriasis", "rosacea",
                          # "blood_thinners", "bleeding_disorder", "recent_laser_or_peel", "keloid_history"

[patient.scars]           # optional baseline atrophic scars
count_per_cm2 = 6
mean_depth_mm = 0.3
mix = { rolling = 0.5, boxcar = 0.3, icepick = 0.2 }

[device]
type = "pen"              # pen | roller
needle_length_mm = 1.5    # pen: depth setting; roller: needle length
needles = 12              # pen: per cartridge; roller: on the drum (default 192)
passes = 4                # passes over the area in one session
frequency_hz = 110        # pen
glide_speed_mm_s = 10     # pen
drum_diameter_mm = 20     # roller
drum_width_mm = 20        # roller
home_use = false

[schedule]                # a regular series ...
sessions = 4
interval_days = 28

[[session]]               # ... or explicit sessions; a session's keys override [device]
day = 0
needle_length_mm = 1.0
)toml";

constexpr std::string_view kMinimalPen = R"toml(
[device]
type = "pen"
needle_length_mm = 1.5
[schedule]
sessions = 3
interval_days = 30
)toml";

const std::string kMinimalRoller = R"toml(
[device]
type = "roller"
needle_length_mm = 0.5
[schedule]
sessions = 3
interval_days = 30
)toml";

// The error message parsing `text` gives, or "" when it parses.
std::string errorOf(std::string_view text) {
  try {
    parseScenario(text, kFile);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string withDevice(std::string_view deviceLines, std::string_view rest = "") {
  return "[device]\n" + std::string(deviceLines) +
         "\n[schedule]\nsessions = 2\ninterval_days = 28\n" + std::string(rest);
}

std::string penWith(std::string_view extraDeviceLines, std::string_view rest = "") {
  return withDevice("type = \"pen\"\nneedle_length_mm = 1.5\n" + std::string(extraDeviceLines),
                    rest);
}

std::string rollerWith(std::string_view extraDeviceLines, std::string_view rest = "") {
  return withDevice("type = \"roller\"\nneedle_length_mm = 0.5\n" + std::string(extraDeviceLines),
                    rest);
}

double schemaDefault(std::string_view key, DeviceType type = DeviceType::Pen) {
  return findKey(key, type)->defaultNumber;
}

}  // namespace

TEST_CASE("ScenarioFile: the interface example loads") {
  const Scenario s = parseScenario(kInterfaceExample, kFile);
  CHECK(s.name == "Acne scars - pen 1.5 mm, 4 monthly sessions");
  CHECK(s.seed == 7);
  CHECK(s.duration_days == 180);
  CHECK(s.patient.site == Site::Cheek);
  CHECK(s.patient.age_years == 34);
  CHECK(s.patient.indication == Indication::AcneScars);
  CHECK(s.patient.scars.count_per_cm2 == 6);
  CHECK(s.patient.scars.mix.boxcar == 0.3);
  CHECK(s.device.type == DeviceType::Pen);
  CHECK(s.device.needle_length_mm == 1.5);
  CHECK(s.device.drum_width_mm == 20);
  REQUIRE(s.sessions.size() == 4);
  const double days[] = {0, 28, 56, 84};
  for (std::size_t i = 0; i < 4; ++i) {
    INFO(i);
    CHECK(s.sessions[i].day == days[i]);
    CHECK(s.sessions[i].device.needle_length_mm == (i == 0 ? 1.0 : 1.5));
    CHECK(s.sessions[i].device.needles == 12);
  }
  CHECK(s.source == kFile);
  CHECK(s.source_text == kInterfaceExample);
}

TEST_CASE("ScenarioFile: a minimal pen file gets every documented default") {
  const Scenario s = parseScenario(kMinimalPen, kFile);
  // The literal numbers of the specification ...
  CHECK(s.name == "x");
  CHECK(s.description.empty());
  CHECK(s.seed == 1);
  CHECK(s.duration_days == 180);
  CHECK(s.patient.site == Site::Cheek);
  CHECK(s.patient.fitzpatrick == 3);
  CHECK(s.patient.age_years == 40);
  CHECK(s.patient.indication == Indication::Rejuvenation);
  CHECK(s.patient.conditions.empty());
  CHECK(s.patient.scars.count_per_cm2 == 0);
  CHECK(s.patient.scars.mean_depth_mm == 0.3);
  CHECK(s.patient.scars.mix.rolling == 0.5);
  CHECK(s.patient.scars.mix.boxcar == 0.3);
  CHECK(s.patient.scars.mix.icepick == 0.2);
  CHECK(s.device.type == DeviceType::Pen);
  CHECK(s.device.needle_length_mm == 1.5);
  CHECK(s.device.needles == 12);
  CHECK(s.device.passes == 2);
  CHECK(s.device.needle_diameter_mm == 0.25);
  CHECK(s.device.pressure == Pressure::Medium);
  CHECK_FALSE(s.device.home_use);
  CHECK(s.device.frequency_hz == 110);
  CHECK(s.device.glide_speed_mm_s == 40);
  CHECK(s.device.cartridge_width_mm == 4);
  CHECK(s.device.drum_diameter_mm == 20);
  CHECK(s.device.drum_width_mm == 20);
  CHECK(s.device.rows == 8);
  CHECK(s.model.patch_size_mm == 15);
  CHECK(s.model.lateral_resolution_um == 75);
  CHECK(s.model.depth_resolution_um == 50);
  CHECK(s.parameter_overrides.empty());
  REQUIRE(s.sessions.size() == 3);
  CHECK(s.sessions[2].day == 60);
  CHECK(s.sessions[2].device.needles == 12);
  // ... and the schema table they come from.
  CHECK(static_cast<double>(s.seed) == schemaDefault("scenario.seed"));
  CHECK(s.duration_days == schemaDefault("scenario.duration_days"));
  CHECK(s.patient.fitzpatrick == schemaDefault("patient.fitzpatrick"));
  CHECK(s.patient.age_years == schemaDefault("patient.age"));
  CHECK(s.patient.scars.mean_depth_mm == schemaDefault("patient.scars.mean_depth_mm"));
  CHECK(s.device.needles == schemaDefault("device.needles", DeviceType::Pen));
  CHECK(s.device.passes == schemaDefault("device.passes"));
  CHECK(s.device.frequency_hz == schemaDefault("device.frequency_hz"));
  CHECK(s.model.lateral_resolution_um == schemaDefault("model.lateral_resolution_um"));
  CHECK(toString(s.patient.site) == findKey("patient.site", DeviceType::Pen)->defaultText);
}

TEST_CASE("ScenarioFile: a minimal roller file gets roller defaults") {
  const Scenario s = parseScenario(kMinimalRoller, kFile);
  CHECK(s.device.type == DeviceType::Roller);
  CHECK(s.device.needles == 192);
  CHECK(s.device.needles == schemaDefault("device.needles", DeviceType::Roller));
  CHECK(s.device.rows == 8);
  CHECK(s.device.drum_diameter_mm == 20);
  CHECK(s.device.needlesAroundDrum() == 24);
}

TEST_CASE("ScenarioFile: defaults that depend on other keys") {
  const Scenario acne =
      parseScenario("[patient]\nindication = \"acne_scars\"\n" + penWith(""), kFile);
  CHECK(acne.patient.scars.count_per_cm2 == 6);
  CHECK(acne.patient.scars.count_per_cm2 == defaultScarCount(Indication::AcneScars));
  // A mix that is given describes all the scars: a type it leaves out is absent.
  const Scenario mix = parseScenario(
      "[patient.scars]\nmix = { rolling = 0.6, boxcar = 0.4 }\n" + penWith(""), kFile);
  CHECK(mix.patient.scars.mix.rolling == 0.6);
  CHECK(mix.patient.scars.mix.icepick == 0);
  CHECK(parseScenario(penWith(""), "built-in:home_roller").name == "home_roller");
}

TEST_CASE("ScenarioFile: values of every kind are read") {
  const Scenario s = parseScenario(
      "[scenario]\ndescription = \"d\"\nseed = 0\n"
      "[patient]\nsite = \"upper_lip\"\nage = 34.5\nconditions = [\"pregnancy\", "
      "\"keloid_history\"]\n" +
          withDevice("type = \"pen\"\nneedle_length_mm = 1\nneedles = 36\npressure = \"firm\"\n"
                     "home_use = true\nglide_speed_mm_s = 12.5\n"),
      kFile);
  CHECK(s.description == "d");
  CHECK(s.seed == 0);
  CHECK(s.patient.site == Site::UpperLip);
  CHECK(s.patient.age_years == 34.5);
  REQUIRE(s.patient.conditions.size() == 2);
  CHECK(s.patient.conditions[1] == Condition::KeloidHistory);
  CHECK(s.device.needle_length_mm == 1.0);  // an integer where a real is expected is fine
  CHECK(s.device.needles == 36);
  CHECK(s.device.pressure == Pressure::Firm);
  CHECK(s.device.home_use);
  CHECK(s.device.glide_speed_mm_s == 12.5);
}

TEST_CASE("ScenarioFile: files are read from disk") {
  const auto dir = std::filesystem::temp_directory_path() / "dermasim_io_scenario_file_test";
  std::filesystem::create_directories(dir);
  const auto file = dir / "my_plan.toml";
  std::ofstream(file) << kMinimalPen;
  const Scenario s = loadScenarioFile(file);
  CHECK(s.name == "my_plan");
  CHECK(s.source == file.string());
  CHECK(s.sessions.size() == 3);
  std::filesystem::remove_all(dir);
}

TEST_CASE("ScenarioFile: a file that cannot be read") {
  const std::string missing = "no/such/dir/plan.toml";
  CHECK_THROWS_WITH(loadScenarioFile(missing),
                    "no/such/dir/plan.toml: cannot read file (No such file or directory)");
  const std::string dir = std::filesystem::temp_directory_path().string();
  CHECK_THROWS_WITH(loadScenarioFile(dir), dir + ": cannot read file (Is a directory)");
}

TEST_CASE("ScenarioFile: TOML syntax errors give line and column") {
  const std::string e = errorOf("[device]\ntype = \"pen\"\nneedle_length_mm = = 1\n");
  CHECK_THAT(e, Catch::StartsWith("scenarios/x.toml:3:"));
  CHECK_THAT(e, Catch::Contains("TOML syntax error"));
  CHECK(e.find('\n') == std::string::npos);
  CHECK_THAT(errorOf("[device]\ntype = \"pen\"\ntype = \"roller\"\n"),
             Catch::StartsWith("scenarios/x.toml:3:") && Catch::Contains("TOML syntax error"));
}

TEST_CASE("ScenarioFile: unknown keys and tables are named, with the nearest valid key") {
  CHECK(errorOf(penWith("needle_lenght_mm = 1.5")) ==
        "scenarios/x.toml: device.needle_lenght_mm: unknown key (did you mean needle_length_mm?)");
  CHECK(errorOf("[patinet]\nage = 30\n" + penWith("")) ==
        "scenarios/x.toml: patinet: unknown table (did you mean patient?)");
  CHECK(errorOf("[patient]\nfrequency_hz = 30\n" + penWith("")) ==
        "scenarios/x.toml: patient.frequency_hz: unknown key (did you mean device.frequency_hz?)");
  CHECK(errorOf("[patient.scars]\nmix = { rolling = 0.5, boxcr = 0.5 }\n" + penWith("")) ==
        "scenarios/x.toml: patient.scars.mix.boxcr: unknown key (did you mean boxcar?)");
  CHECK(errorOf(penWith("colour = \"red\"")) == "scenarios/x.toml: device.colour: unknown key");
  CHECK(errorOf(penWith("", "[[session]]\nday = 0\nneedle_length = 1.0\n")) ==
        "scenarios/x.toml: session[0].needle_length: unknown key; a session takes day and "
        "[device] keys (did you mean needle_length_mm?)");
  CHECK(errorOf(penWith("", "[parameters]\npen.depth_sprad = 0.1\n")) ==
        "scenarios/x.toml: parameters.pen.depth_sprad: unknown model parameter (did you mean "
        "pen.depth_spread?); `dermasim params` lists them");
  CHECK(errorOf("seed = 3\n" + penWith("")) ==
        "scenarios/x.toml: seed: unknown key (did you mean scenario.seed?)");
  // The first problem in the file is the one reported.
  CHECK_THAT(errorOf("[patient]\nzzz = 1\naaa = 2\n" + penWith("")),
             Catch::Contains("patient.zzz: unknown key"));
}

TEST_CASE("ScenarioFile: wrong types") {
  CHECK(errorOf(penWith("passes = \"abc\"")) ==
        "scenarios/x.toml: device.passes: expected an integer (got a string \"abc\")");
  CHECK(errorOf(withDevice("type = \"pen\"\nneedle_length_mm = \"1.5\"")) ==
        "scenarios/x.toml: device.needle_length_mm: expected a number (got a string \"1.5\")");
  CHECK(errorOf(penWith("home_use = \"no\"")) ==
        "scenarios/x.toml: device.home_use: expected true or false (got a string \"no\")");
  CHECK(errorOf(penWith("pressure = 2")) ==
        "scenarios/x.toml: device.pressure: expected one of light | medium | firm (got 2)");
  CHECK(errorOf("[patient]\nconditions = \"eczema\"\n" + penWith("")) ==
        "scenarios/x.toml: patient.conditions: expected a list of names, e.g. [\"a\", \"b\"] (got "
        "a string \"eczema\")");
  CHECK(errorOf("patient = 3\n" + penWith("")) ==
        "scenarios/x.toml: patient: expected a table (got 3)");
  CHECK(errorOf("[scenario]\nname = 3\n" + penWith("")) ==
        "scenarios/x.toml: scenario.name: expected a string (got 3)");
  CHECK(errorOf(penWith("", "[session]\nday = 0\n")) ==
        "scenarios/x.toml: session: expected [[session]] tables (got a table)");
}

TEST_CASE("ScenarioFile: integers given as floats") {
  CHECK(errorOf(penWith("needles = 12.5")) ==
        "scenarios/x.toml: device.needles: expected an integer (got 12.5)");
  CHECK(errorOf(penWith("needles = 12.0")) ==
        "scenarios/x.toml: device.needles: expected an integer (got 12.0)");
  CHECK(errorOf("[device]\ntype = \"pen\"\nneedle_length_mm = 1\n[schedule]\nsessions = 2.0\n"
                "interval_days = 28\n") ==
        "scenarios/x.toml: schedule.sessions: expected an integer (got 2.0)");
}

TEST_CASE("ScenarioFile: values out of range") {
  CHECK(errorOf(withDevice("type = \"pen\"\nneedle_length_mm = 7")) ==
        "scenarios/x.toml: device.needle_length_mm: must be between 0.1 and 3.5 mm (got 7)");
  CHECK(errorOf(penWith("needles = 101")) ==
        "scenarios/x.toml: device.needles: must be between 1 and 100 (got 101)");
  CHECK(errorOf(rollerWith("needles = 12")) ==
        "scenarios/x.toml: device.needles: must be between 24 and 1200 (got 12)");
  CHECK(errorOf("[scenario]\nseed = -1\n" + penWith("")) ==
        "scenarios/x.toml: scenario.seed: must be at least 0 (got -1)");
  CHECK(errorOf("[patient]\nfitzpatrick = 7\n" + penWith("")) ==
        "scenarios/x.toml: patient.fitzpatrick: must be between 1 and 6 (got 7)");
  CHECK(errorOf("[model]\npatch_size_mm = nan\n" + penWith("")) ==
        "scenarios/x.toml: model.patch_size_mm: must be between 1 and 30 mm (got nan)");
  CHECK(errorOf("[scenario]\nduration_days = 0.5\n" + penWith("")) ==
        "scenarios/x.toml: scenario.duration_days: must be between 1 and 3650 days (got 0.5)");
  CHECK(errorOf(penWith("", "[parameters]\n\"pen.depth_spread\" = 0.9\n")) ==
        "scenarios/x.toml: parameters.pen.depth_spread: must be between 0.01 and 0.2 (got 0.9)");
}

TEST_CASE("ScenarioFile: bad names list the allowed ones") {
  CHECK(errorOf(withDevice("type = \"stamp\"\nneedle_length_mm = 1")) ==
        "scenarios/x.toml: device.type: must be one of pen | roller (got \"stamp\")");
  CHECK(errorOf("[patient]\nsite = \"cheeks\"\n" + penWith("")) ==
        "scenarios/x.toml: patient.site: must be one of " + allSites() + " (got \"cheeks\")");
  CHECK(errorOf("[patient]\nconditions = [\"eczema\", \"pregnant\"]\n" + penWith("")) ==
        "scenarios/x.toml: patient.conditions[1]: must be one of " + allConditions() +
            " (got \"pregnant\")");
  CHECK(errorOf("[patient]\nconditions = [\"eczema\", \"eczema\"]\n" + penWith("")) ==
        "scenarios/x.toml: patient.conditions[1]: listed twice (got \"eczema\")");
}

TEST_CASE("ScenarioFile: missing required keys") {
  CHECK(errorOf("[schedule]\nsessions = 2\ninterval_days = 28\n") ==
        "scenarios/x.toml: device.type: required key is missing (expected pen | roller)");
  CHECK(errorOf(withDevice("needle_length_mm = 1")) ==
        "scenarios/x.toml: device.type: required key is missing (expected pen | roller)");
  CHECK(errorOf(withDevice("type = \"pen\"")) ==
        "scenarios/x.toml: device.needle_length_mm: required key is missing");
  CHECK(errorOf("[device]\ntype = \"pen\"\nneedle_length_mm = 1\n") ==
        "scenarios/x.toml: schedule: a [schedule] table or at least one [[session]] is required");
  CHECK(errorOf("[device]\ntype = \"pen\"\nneedle_length_mm = 1\n[schedule]\nsessions = 2\n") ==
        "scenarios/x.toml: schedule.interval_days: required key is missing");
  CHECK(errorOf("[device]\ntype = \"pen\"\nneedle_length_mm = 1\n[[session]]\nneedles = 3\n") ==
        "scenarios/x.toml: session[0].day: required key is missing");
}

TEST_CASE("ScenarioFile: keys of the other device type") {
  // Restating the other type's default is harmless (the interface's example does it) ...
  CHECK(errorOf(penWith("drum_diameter_mm = 20\nrows = 8")) == "");
  CHECK(errorOf(rollerWith("frequency_hz = 110.0")) == "");
  // ... but is still checked like any value ...
  CHECK(errorOf(penWith("rows = 8.0")) ==
        "scenarios/x.toml: device.rows: expected an integer (got 8.0)");
  // ... and anything else would be ignored, so it is an error.
  CHECK(errorOf(rollerWith("frequency_hz = 150")) ==
        "scenarios/x.toml: device.frequency_hz: applies to pens only (device.type is roller)");
  CHECK(errorOf(penWith("rows = 4")) ==
        "scenarios/x.toml: device.rows: applies to rollers only (device.type is pen)");
  CHECK(errorOf(penWith("", "[[session]]\nday = 0\ndrum_width_mm = 30\n")) ==
        "scenarios/x.toml: session[0].drum_width_mm: applies to rollers only (device.type is pen)");
  CHECK(errorOf(penWith("", "[[session]]\nday = 0\ntype = \"roller\"\nglide_speed_mm_s = 5\n")) ==
        "scenarios/x.toml: session[0].glide_speed_mm_s: applies to pens only (session[0].type is "
        "roller)");
}

TEST_CASE("ScenarioFile: a roller's needles must fill its rows") {
  CHECK(errorOf(rollerWith("needles = 200\nrows = 3")) ==
        "scenarios/x.toml: device.needles: a roller's needles must be a multiple of device.rows = "
        "3 (got 200)");
  CHECK(errorOf(rollerWith("", "[[session]]\nday = 0\nrows = 5\n")) ==
        "scenarios/x.toml: session[0].needles: a roller's needles must be a multiple of "
        "device.rows = 5 (got 192)");
  CHECK(parseScenario(rollerWith("needles = 540\nrows = 12"), kFile).device.needlesAroundDrum() ==
        45);
}

TEST_CASE("ScenarioFile: the scar mix must sum to 1") {
  CHECK(errorOf("[patient.scars]\nmix = { rolling = 0.5, boxcar = 0.3, icepick = 0.1 }\n" +
                penWith("")) ==
        "scenarios/x.toml: patient.scars.mix: rolling + boxcar + icepick must sum to 1 (got 0.9)");
  CHECK(errorOf("[patient.scars]\nmix = { rolling = 0.5, boxcar = 0.3, icepick = 0.205 }\n" +
                penWith("")) == "");
  CHECK(errorOf("[patient.scars]\nmix = { rolling = 1.5 }\n" + penWith("")) ==
        "scenarios/x.toml: patient.scars.mix.rolling: must be between 0 and 1 (got 1.5)");
}

TEST_CASE("ScenarioFile: explicit sessions") {
  const Scenario s = parseScenario(
      "[device]\ntype = \"pen\"\nneedle_length_mm = 1.0\n"
      "[[session]]\nday = 60\nneedle_length_mm = 2.0\n"
      "[[session]]\nday = 0\n"
      "[[session]]\nday = 30.5\ntype = \"roller\"\npasses = 2\n",
      kFile);
  REQUIRE(s.sessions.size() == 3);
  CHECK(s.sessions[0].day == 0);
  CHECK(s.sessions[0].device.needle_length_mm == 1.0);
  CHECK(s.sessions[1].day == 30.5);
  CHECK(s.sessions[1].device.type == DeviceType::Roller);
  CHECK(s.sessions[1].device.needles == 192);  // the roller's default, not the pen's 12
  CHECK(s.sessions[1].device.passes == 2);
  CHECK(s.sessions[1].device.needle_length_mm == 1.0);
  CHECK(s.sessions[2].day == 60);
  CHECK(s.sessions[2].device.needle_length_mm == 2.0);
  CHECK(s.device.needles == 12);
}

TEST_CASE("ScenarioFile: schedule rules") {
  const std::string device = "[device]\ntype = \"pen\"\nneedle_length_mm = 1.0\n";
  CHECK(errorOf(device + "[[session]]\nday = 7\n[[session]]\nday = 14\n") ==
        "scenarios/x.toml: session[0].day: the earliest session must be on day 0, the start of "
        "the simulation (got 7)");
  CHECK(errorOf(device + "[[session]]\nday = 0\n[[session]]\nday = 0\n") ==
        "scenarios/x.toml: session[1].day: session[0] is already on that day (got 0)");
  CHECK(errorOf(device + "[[session]]\nday = 0\n[[session]]\nday = 200\n") ==
        "scenarios/x.toml: session[1].day: must be between 0 and scenario.duration_days = 180 "
        "(got 200)");
  CHECK(errorOf(device + "[schedule]\nsessions = 8\ninterval_days = 28\n") ==
        "scenarios/x.toml: schedule.sessions: the last session would be on day 196, after "
        "scenario.duration_days = 180 (got 8)");
  CHECK(errorOf(device + "[scenario]\nduration_days = 196\n[schedule]\nsessions = 8\n"
                         "interval_days = 28\n") == "");
  CHECK(errorOf(device + "[schedule]\nsessions = 4\ninterval_days = 28\n[[session]]\nday = 30\n") ==
        "scenarios/x.toml: session[0].day: with [schedule], must be one of the scheduled days 0, "
        "28, 56, 84 (got 30)");
  CHECK(errorOf(device + "[schedule]\nsessions = 4\ninterval_days = 28\n[[session]]\nday = 28\n"
                         "[[session]]\nday = 28\n") ==
        "scenarios/x.toml: session[1].day: session[0] is already on that day (got 28)");
  CHECK(errorOf(device + "[schedule]\nsessions = 61\ninterval_days = 1\n") ==
        "scenarios/x.toml: schedule.sessions: must be between 1 and 60 (got 61)");
}

TEST_CASE("ScenarioFile: the model grid must stay small enough") {
  CHECK(errorOf("[model]\npatch_size_mm = 10\nlateral_resolution_um = 10\n" + penWith("")) ==
        "scenarios/x.toml: model.lateral_resolution_um: too fine for model.patch_size_mm = 10: "
        "1000 cells per side, at most 800 (got 10)");
  CHECK(errorOf("[model]\npatch_size_mm = 20\nlateral_resolution_um = 25\n" + penWith("")) == "");
}

TEST_CASE("ScenarioFile: model parameter overrides") {
  const Scenario s = parseScenario(
      penWith("", "[parameters]\npen.depth_spread = 0.1\n\"roller.depth_spread\" = 0.3\n"), kFile);
  CHECK(s.parameter_overrides.size() == 2);
  CHECK(s.parameter_overrides.at("pen.depth_spread") == 0.1);
  CHECK(s.parameter_overrides.at("roller.depth_spread") == 0.3);
  CHECK_FALSE(ModelParameters::validate(s.parameter_overrides).has_value());
  CHECK(errorOf(penWith("", "[parameters]\npen.depth_spread = \"x\"\n")) ==
        "scenarios/x.toml: parameters.pen.depth_spread: expected a number (got a string \"x\")");
  CHECK(
      errorOf(penWith("", "[parameters]\npen.depth_spread = 0.1\n\"pen.depth_spread\" = 0.1\n")) ==
      "scenarios/x.toml: parameters.pen.depth_spread: given twice");
}

TEST_CASE("ScenarioFile: errors are one line naming file and key") {
  try {
    parseScenario(withDevice("type = \"pen\"\nneedle_length_mm = 7"), kFile);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.key() == "device.needle_length_mm");
    CHECK(std::string(e.what()).find('\n') == std::string::npos);
  }
  CHECK_THAT(errorOf("[scenario]\nname = 4\n" + penWith("")), !Catch::Contains("\n"));
  CHECK(errorOf("[scenario]\ndescription = 4\n" + penWith("")) ==
        "scenarios/x.toml: scenario.description: expected a string (got 4)");
  CHECK(errorOf("[patient]\nsite = \"a\nb\"\n" + penWith("")).find('\n') == std::string::npos);
}

TEST_CASE("ScenarioFile: built-in scenarios") {
  const std::vector<std::string> names = builtinScenarioNames();
  CHECK(std::is_sorted(names.begin(), names.end()));
  for (const std::string& name : names) {
    INFO(name);
    CHECK_FALSE(name.ends_with(".toml"));
    const Scenario s = loadBuiltinScenario(name);
    CHECK(s.source == "built-in:" + name);
    CHECK_FALSE(s.sessions.empty());
    CHECK(loadBuiltinScenario(name + ".toml").name == s.name);
  }
  CHECK_THROWS_AS(loadBuiltinScenario("no_such_scenario"), InputError);
  CHECK_THAT(errorOf(""), Catch::Contains("device.type"));
}

TEST_CASE("ScenarioFile: every scenario file in the source tree loads") {
  const std::filesystem::path dir = std::filesystem::path(DERMASIM_SOURCE_DIR) / "scenarios";
  if (!std::filesystem::exists(dir)) return;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".toml") continue;
    INFO(entry.path());
    CHECK_NOTHROW(loadScenarioFile(entry.path()));
  }
}

namespace {

using hostile_text::dottedKey;
using hostile_text::repeated;

}  // namespace

TEST_CASE("ScenarioFile: nesting too deep is refused before parsing, naming the line") {
  const std::string expectation =
      ": nesting: at most 32 tables, arrays and dotted key parts within one another (got ";
  CHECK(errorOf("# deep\n" + dottedKey(100000) + " = 1\n") ==
        "scenarios/x.toml:2" + expectation + "100000)");
  CHECK(errorOf("[" + dottedKey(100000) + "]\n") == "scenarios/x.toml:1" + expectation + "100000)");
  CHECK(errorOf("[[" + dottedKey(40) + "]]\n") == "scenarios/x.toml:1" + expectation + "41)");
  CHECK(errorOf("x = " + repeated("{a = ", 1000) + "1" + repeated("}", 1000) + "\n") ==
        "scenarios/x.toml:1" + expectation + "1001)");
  CHECK(errorOf("x = " + repeated("[", 1000) + repeated("]", 1000) + "\n") ==
        "scenarios/x.toml:1" + expectation + "1000)");
  // Header, key and brackets add up, across the lines of an array.
  CHECK(errorOf("[" + dottedKey(20) + "]\n" + dottedKey(10) + " = [\n  # a comment ]]\n  [1],\n" +
                "  [[1]],\n]\n") == "scenarios/x.toml:5" + expectation + "33)");
  CHECK(errorOf("x = [{" + dottedKey(31) + " = 1}]\n") ==
        "scenarios/x.toml:1" + expectation + "33)");
  // 32 levels pass the bound (and fail as the unknown key they are).
  CHECK_THAT(errorOf(dottedKey(32) + " = 1\n"), Catch::StartsWith("scenarios/x.toml: a: unknown"));
  CHECK_THAT(errorOf("x = " + repeated("[", 31) + repeated("]", 31) + "\n"),
             Catch::StartsWith("scenarios/x.toml: x: unknown"));
  // Brackets and dots inside strings and comments are not nesting.
  const std::string inStrings = "[scenario]\nname = \"" + repeated("[{.", 100) + "\"\n" +
                                "description = '''\n" + repeated("[", 100) + "\n'''\n# " +
                                repeated("[", 100) + "\n";
  CHECK(errorOf(inStrings + penWith("")) == "");
}

TEST_CASE("ScenarioFile: model parameters are not looked for deeper than their keys go") {
  CHECK(errorOf(penWith("", "[parameters]\n" + dottedKey(20) + " = 1\n")) ==
        "scenarios/x.toml: parameters.a.a.a: unknown model parameter; `dermasim params` lists "
        "them");
  CHECK(errorOf(penWith("", "[parameters]\nanatomy.forehead.dermis_mm.x = 1\n")) ==
        "scenarios/x.toml: parameters.anatomy.forehead.dermis_mm: expected a number (got a "
        "table)");
}

TEST_CASE("ScenarioFile: a file over 1 MiB is refused before it is read") {
  CHECK(errorOf(std::string((1 << 20) + 1, '#')) ==
        "scenarios/x.toml: file size: at most 1048576 bytes for a scenario file, which takes a "
        "few kB (got 1048577 bytes)");
  const auto dir = std::filesystem::temp_directory_path() / "dermasim_io_scenario_size_test";
  std::filesystem::create_directories(dir);
  const auto file = dir / "huge.toml";
  {
    std::ofstream out(file);
    out << kMinimalPen << "# " << std::string(2'000'000, 'x') << "\n";
  }
  const std::string size = std::to_string(std::filesystem::file_size(file));
  CHECK_THROWS_WITH(loadScenarioFile(file),
                    file.string() + ": file size: at most 1048576 bytes for a scenario file, " +
                        "which takes a few kB (got " + size + " bytes)");
  std::filesystem::remove_all(dir);
  // A device that never ends is read no further than the bound.
  if (std::filesystem::exists("/dev/zero"))
    CHECK_THROWS_WITH(loadScenarioFile("/dev/zero"),
                      "/dev/zero: file size: at most 1048576 bytes for a scenario file, which "
                      "takes a few kB (got more than 1048576 bytes)");
}

TEST_CASE("ScenarioFile: a long key is cut short in messages") {
  const std::string longKey(100000, 'k');
  CHECK(errorOf(longKey + " = 1\n" + penWith("")) ==
        "scenarios/x.toml: " + std::string(60, 'k') + "... (100000 characters): unknown key");
  CHECK(errorOf(penWith("", "[parameters]\n" + longKey + " = 1\n")) ==
        "scenarios/x.toml: parameters." + std::string(49, 'k') +
            "... (100011 characters): unknown model parameter; `dermasim params` lists them");
  // Multi-byte characters are counted, and never cut in half.
  const std::string accented = repeated("\u00e9", 70);
  CHECK(errorOf("[patient]\nsite = \"" + accented + "\"\n" + penWith("")) ==
        "scenarios/x.toml: patient.site: must be one of " + std::string(allSites()) + " (got \"" +
            repeated("\u00e9", 60) + "\"... (70 characters))");
  // The parser's own message may quote a key; it is cut short too.
  const std::string e = errorOf(longKey + " = 1\n" + longKey + " = 2\n");
  CHECK_THAT(e, Catch::StartsWith("scenarios/x.toml:2:") && Catch::Contains("TOML syntax error"));
  CHECK(e.size() < 300);
}

TEST_CASE("ScenarioFile: control characters in keys and values are shown escaped") {
  CHECK(errorOf("\"a\\nb\" = 1\n" + penWith("")) == "scenarios/x.toml: a\\nb: unknown key");
  CHECK(errorOf("\"\\u001b[2J\\r\\t\" = 1\n" + penWith("")) ==
        "scenarios/x.toml: \\x1b[2J\\r\\t: unknown key");
  CHECK(errorOf("\"a\\u0000b\\u007f\\u0085\" = 1\n" + penWith("")) ==
        "scenarios/x.toml: a\\x00b\\x7f\\u0085: unknown key");
  CHECK(errorOf("[device]\n\"\\u001b\" = 1\n") == "scenarios/x.toml: device.\\x1b: unknown key");
  CHECK(errorOf("[patient]\nsite = \"x\\u001b[2J\\n\\\"\"\n" + penWith("")) ==
        "scenarios/x.toml: patient.site: must be one of " + std::string(allSites()) +
            " (got \"x\\x1b[2J\\n\\\"\")");
  // Raw control bytes are a syntax error, whose message stays one line.
  const std::string e = errorOf(std::string("a\x1b\x85\r b = 1\n"));
  CHECK_THAT(e, Catch::StartsWith("scenarios/x.toml:1:"));
  CHECK(std::none_of(e.begin(), e.end(), [](char c) { return c == '\n' || c == '\x1b'; }));
  // The file name too.
  CHECK_THAT(errorOf(""), Catch::StartsWith("scenarios/x.toml: device.type"));
  CHECK_THROWS_WITH(parseScenario("", "odd\nname.toml"),
                    Catch::StartsWith("odd\\nname.toml: device.type: "));
}

TEST_CASE("ScenarioFile: at most as many explicit sessions as schedule.sessions allows") {
  const std::string device = "[device]\ntype = \"pen\"\nneedle_length_mm = 1.0\n";
  std::string sixty;
  for (int day = 0; day < 60; ++day) sixty += "[[session]]\nday = " + std::to_string(day) + "\n";
  CHECK(parseScenario(device + sixty, kFile).sessions.size() == 60);
  CHECK(errorOf(device + sixty + "[[session]]\nday = 60\n") ==
        "scenarios/x.toml: session: at most 60 [[session]] tables, as for schedule.sessions (got "
        "61)");
  CHECK(errorOf("session = [" + repeated("{},", 100000) + "]\n" + device) ==
        "scenarios/x.toml: session: at most 60 [[session]] tables, as for schedule.sessions (got "
        "100000)");
}

TEST_CASE("ScenarioFile: adjuncts are read, default to none, and bad ones are named") {
  const Scenario plain = parseScenario(penWith(""), kFile);
  CHECK(plain.adjuncts.serum == Serum::None);
  CHECK_FALSE(plain.adjuncts.prp);
  const Scenario both =
      parseScenario(penWith("", "[adjuncts]\nserum = \"vitamin_c\"\nprp = true\n"), kFile);
  CHECK(both.adjuncts.serum == Serum::VitaminC);
  CHECK(both.adjuncts.prp);
  CHECK(errorOf(penWith("", "[adjuncts]\nserum = \"retinol\"\n")) ==
        "scenarios/x.toml: adjuncts.serum: must be one of " + allSerums() + " (got \"retinol\")");
  CHECK(errorOf(penWith("", "[adjuncts]\nprp = 1\n")) ==
        "scenarios/x.toml: adjuncts.prp: expected true or false (got 1)");
  CHECK(errorOf(penWith("", "[adjuncts]\nplasma = true\n")).find("adjuncts.plasma") !=
        std::string::npos);
}
