#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "core/scenario/ScenarioSchema.hpp"

using namespace dermasim;

namespace {

bool isNumeric(const KeySpec& s) {
  return s.kind == ValueKind::Real || s.kind == ValueKind::Integer || s.kind == ValueKind::Boolean;
}

std::vector<std::string> names(std::string joined) {
  std::vector<std::string> out;
  for (std::size_t at; (at = joined.find(" | ")) != std::string::npos;) {
    out.push_back(joined.substr(0, at));
    joined.erase(0, at + 3);
  }
  out.push_back(joined);
  return out;
}

bool sameDevice(const DeviceSettings& a, const DeviceSettings& b) {
  return a.type == b.type && a.needles == b.needles && a.passes == b.passes &&
         a.needle_diameter_mm == b.needle_diameter_mm && a.pressure == b.pressure &&
         a.home_use == b.home_use && a.frequency_hz == b.frequency_hz &&
         a.glide_speed_mm_s == b.glide_speed_mm_s && a.cartridge_width_mm == b.cartridge_width_mm &&
         a.drum_diameter_mm == b.drum_diameter_mm && a.drum_width_mm == b.drum_width_mm &&
         a.rows == b.rows;
}

}  // namespace

TEST_CASE("ScenarioSchema: every default lies within its own range") {
  for (const KeySpec& s : scenarioSchema()) {
    INFO(s.key);
    if (s.required || !isNumeric(s)) continue;
    CHECK(s.min <= s.defaultNumber);
    CHECK(s.defaultNumber <= s.max);
    if (s.kind == ValueKind::Integer) CHECK(s.defaultNumber == std::floor(s.defaultNumber));
  }
  CHECK(defaultScarCount(Indication::AcneScars) == 6);
  CHECK(defaultScarCount(Indication::FineLines) == 0);
  const KeySpec& count = *findKey("patient.scars.count_per_cm2", DeviceType::Pen);
  CHECK(count.min <= defaultScarCount(Indication::AcneScars));
  CHECK(defaultScarCount(Indication::AcneScars) <= count.max);
}

TEST_CASE("ScenarioSchema: names and choices are well formed") {
  std::set<std::pair<std::string, AppliesTo>> seen;
  for (const KeySpec& s : scenarioSchema()) {
    INFO(s.key);
    CHECK(seen.emplace(std::string(s.key), s.appliesTo).second);
    CHECK(s.key.find('.') != std::string_view::npos);
    CHECK(!s.doc.empty());
    CHECK((s.choices != nullptr) == (s.kind == ValueKind::Enum || s.kind == ValueKind::StringList));
    if (s.kind == ValueKind::Enum && !s.required) {
      const auto allowed = names(s.choices());
      CHECK(std::find(allowed.begin(), allowed.end(), s.defaultText) != allowed.end());
    }
    if (s.appliesTo != AppliesTo::Any) CHECK(s.key.starts_with("device."));
  }
}

TEST_CASE("ScenarioSchema: every device key resolves for each device type it applies to") {
  for (const KeySpec& s : scenarioSchema()) {
    if (!s.key.starts_with("device.")) continue;
    INFO(s.key);
    const KeySpec* pen = findKey(s.key, DeviceType::Pen);
    const KeySpec* roller = findKey(s.key, DeviceType::Roller);
    REQUIRE((pen != nullptr || roller != nullptr));
    // A key is either shared (one Any spec) or has one spec per type it applies to.
    if (s.appliesTo == AppliesTo::Any) {
      CHECK(pen == &s);
      CHECK(roller == &s);
    } else if (pen && roller) {
      CHECK(pen != roller);
      CHECK(pen->appliesTo == AppliesTo::Pen);
      CHECK(roller->appliesTo == AppliesTo::Roller);
    }
    if (isNumeric(s) && s.key != "device.type") {
      DeviceSettings d = defaultDevice(DeviceType::Pen);
      CHECK(setDeviceNumber(d, s.key, 1));  // every numeric key reaches its member
    }
  }
  CHECK(findKey("device.frequency_hz", DeviceType::Roller) == nullptr);
  CHECK(findKey("device.rows", DeviceType::Pen) == nullptr);
  CHECK(isSchemaKey("device.rows"));
  CHECK_FALSE(isSchemaKey("device.nonsense"));
  CHECK(findKey("device.needles", DeviceType::Pen)->max == 100);
  CHECK(findKey("device.needles", DeviceType::Roller)->min == 24);
  CHECK(findKey("device.needles", DeviceType::Roller)->max == 1200);
}

TEST_CASE("ScenarioSchema: default devices follow the table") {
  const DeviceSettings pen = defaultDevice(DeviceType::Pen);
  const DeviceSettings roller = defaultDevice(DeviceType::Roller);
  CHECK(pen.type == DeviceType::Pen);
  CHECK(roller.type == DeviceType::Roller);
  CHECK(pen.needles == 12);
  CHECK(roller.needles == 192);
  CHECK(roller.rows == 8);
  CHECK(roller.needles % roller.rows == 0);
  CHECK(pen.passes == 2);
  CHECK(roller.passes == 4);
  CHECK(pen.needle_diameter_mm == 0.25);
  CHECK(pen.pressure == Pressure::Medium);
  CHECK_FALSE(pen.home_use);
  CHECK(pen.frequency_hz == 110);
  CHECK(pen.glide_speed_mm_s == 40);
  CHECK(pen.cartridge_width_mm == 4);
  // The other type's keys are filled too, so nothing is left unset.
  CHECK(pen.drum_diameter_mm == 20);
  CHECK(pen.drum_width_mm == 20);
  CHECK(pen.rows == 8);
  CHECK(roller.frequency_hz == 110);
  // Required, so no default.
  CHECK(std::isnan(pen.needle_length_mm));

  for (const KeySpec& s : scenarioSchema()) {
    if (!s.key.starts_with("device.") || s.required || !isNumeric(s)) continue;
    INFO(s.key);
    DeviceSettings probe = s.appliesTo == AppliesTo::Roller ? roller : pen;
    const DeviceSettings before = probe;
    setDeviceNumber(probe, s.key, s.defaultNumber);
    CHECK(sameDevice(probe, before));
  }
}

TEST_CASE("ScenarioSchema: switching type resets only keys that differ by type") {
  DeviceSettings pen = defaultDevice(DeviceType::Pen);
  pen.needle_length_mm = 1.5;
  pen.passes = 6;
  pen.needles = 36;
  pen.needle_diameter_mm = 0.2;
  const DeviceSettings roller = withDeviceType(pen, DeviceType::Roller);
  CHECK(roller.type == DeviceType::Roller);
  CHECK(roller.needles == 192);
  CHECK(roller.passes == 4);  // pens and rollers are passed over differently often
  CHECK(roller.needle_length_mm == 1.5);
  CHECK(roller.needle_diameter_mm == 0.2);
  CHECK(withDeviceType(roller, DeviceType::Pen).needles == 12);
}

TEST_CASE("ScenarioSchema: the Markdown table lists every key") {
  const std::string md = scenarioKeysMarkdown();
  CHECK(md.starts_with("| key |"));
  for (const KeySpec& s : scenarioSchema()) {
    INFO(s.key);
    CHECK(md.find("| `" + std::string(s.key) + "` |") != std::string::npos);
  }
  CHECK(md.find("| 24 - 1200 | roller |") != std::string::npos);
  CHECK(md.find("| 1 - 100 | pen |") != std::string::npos);
  CHECK(md.find("6 when patient.indication is acne_scars, else 0") != std::string::npos);
  // One row per spec, plus header, separator and the [parameters] row; no cell splits a row.
  const auto lines = static_cast<std::size_t>(std::count(md.begin(), md.end(), '\n'));
  CHECK(lines == scenarioSchema().size() + 3);
  std::size_t bars = 0;
  for (std::size_t at = md.find('\n') + 1, end; (end = md.find('\n', at)) != std::string::npos;
       at = end + 1) {
    const std::string line = md.substr(at, end - at);
    const auto count = static_cast<std::size_t>(std::count(line.begin(), line.end(), '|'));
    if (bars == 0) bars = count;
    INFO(line);
    CHECK(count == bars);
  }
}
