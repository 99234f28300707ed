#include "core/scenario/ScenarioSchema.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <type_traits>
#include <variant>

#include "core/numerics/NumberText.hpp"

namespace dermasim {
namespace {

constexpr double kUnbounded = std::numeric_limits<double>::infinity();
// Baseline scar density of a typical acne-scar patient when the file gives none.
constexpr double kAcneScarCountPerCm2 = 6;

KeySpec makeSpec(std::string_view key, ValueKind kind, std::string_view doc) {
  KeySpec s{};
  s.key = key;
  s.kind = kind;
  s.appliesTo = AppliesTo::Any;
  s.doc = doc;
  return s;
}
KeySpec numeric(std::string_view key, ValueKind kind, std::string_view unit, double min, double max,
                double def, std::string_view doc) {
  KeySpec s = makeSpec(key, kind, doc);
  s.unit = unit;
  s.min = min;
  s.max = max;
  s.defaultNumber = def;
  return s;
}
KeySpec real(std::string_view key, std::string_view unit, double min, double max, double def,
             std::string_view doc) {
  return numeric(key, ValueKind::Real, unit, min, max, def, doc);
}
KeySpec integer(std::string_view key, std::string_view unit, double min, double max, double def,
                std::string_view doc) {
  return numeric(key, ValueKind::Integer, unit, min, max, def, doc);
}
KeySpec boolean(std::string_view key, bool def, std::string_view doc) {
  return numeric(key, ValueKind::Boolean, "", 0, 1, def ? 1.0 : 0.0, doc);
}
KeySpec text(std::string_view key, std::string_view def, std::string_view doc) {
  KeySpec s = makeSpec(key, ValueKind::String, doc);
  s.defaultText = def;
  return s;
}
KeySpec enumeration(std::string_view key, std::string (*choices)(), std::string_view def,
                    std::string_view doc) {
  KeySpec s = makeSpec(key, ValueKind::Enum, doc);
  s.defaultText = def;
  s.choices = choices;
  return s;
}
KeySpec nameList(std::string_view key, std::string (*choices)(), std::string_view doc) {
  KeySpec s = makeSpec(key, ValueKind::StringList, doc);
  s.choices = choices;
  return s;
}
KeySpec only(AppliesTo appliesTo, KeySpec spec) {
  spec.appliesTo = appliesTo;
  return spec;
}
KeySpec required(KeySpec spec) {
  spec.required = true;
  return spec;
}
KeySpec member(DeviceMember m, KeySpec spec) {
  spec.device = m;
  return spec;
}
KeySpec reads(double (*read)(const Scenario&), KeySpec spec) {
  spec.read = read;
  return spec;
}
KeySpec noted(std::string_view note, KeySpec spec) {
  spec.defaultNote = note;
  return spec;
}

std::vector<KeySpec> buildSchema() {
  constexpr AppliesTo kPen = AppliesTo::Pen;
  constexpr AppliesTo kRoller = AppliesTo::Roller;
  return {
      noted("the file's name without .toml", text("scenario.name", "", "title shown in outputs")),
      text("scenario.description", "", "free text"),
      reads([](const Scenario& s) -> double { return static_cast<double>(s.seed); },
            integer("scenario.seed", "", 0, kUnbounded, 1,
                    "random seed; the same seed and scenario give the same numbers")),
      reads([](const Scenario& s) -> double { return s.duration_days; },
            real("scenario.duration_days", "days", 1, 3650, 180,
                 "simulated time; day 0 is the first session")),

      enumeration("patient.site", allSites, "cheek", "treated body site"),
      reads([](const Scenario& s) -> double { return s.patient.fitzpatrick; },
            integer("patient.fitzpatrick", "", 1, 6, 3, "Fitzpatrick skin type")),
      reads([](const Scenario& s) -> double { return s.patient.age_years; },
            real("patient.age", "years", 12, 100, 40, "age")),
      enumeration("patient.indication", allIndications, "rejuvenation", "what is treated"),
      nameList("patient.conditions", allConditions,
               "present contraindications and risk factors; default none"),
      reads([](const Scenario& s) -> double { return s.patient.scars.count_per_cm2; },
            noted("6 when patient.indication is acne_scars, else 0",
                  real("patient.scars.count_per_cm2", "1/cm2", 0, 50, 0,
                       "baseline atrophic scars per square centimetre"))),
      reads([](const Scenario& s) -> double { return s.patient.scars.mean_depth_mm; },
            real("patient.scars.mean_depth_mm", "mm", 0.05, 2.0, 0.3,
                 "mean depth of baseline scars")),
      reads(
          [](const Scenario& s) -> double { return s.patient.scars.mix.rolling; },
          real("patient.scars.mix.rolling", "", 0, 1, 0.5,
               "fraction of rolling scars; when mix is given, a type it leaves out counts as 0 and "
               "the three must sum to 1")),
      reads([](const Scenario& s) -> double { return s.patient.scars.mix.boxcar; },
            real("patient.scars.mix.boxcar", "", 0, 1, 0.3, "fraction of boxcar scars")),
      reads([](const Scenario& s) -> double { return s.patient.scars.mix.icepick; },
            real("patient.scars.mix.icepick", "", 0, 1, 0.2, "fraction of icepick scars")),

      required(enumeration("device.type", allDeviceTypes, "", "device kind")),
      member(&DeviceSettings::needle_length_mm,
             required(real("device.needle_length_mm", "mm", 0.1, 3.5, 0,
                           "pen: depth setting; roller: needle length"))),
      member(&DeviceSettings::needles,
             only(kPen, integer("device.needles", "", 1, 100, 12, "needles per cartridge"))),
      member(&DeviceSettings::needles,
             only(kRoller, integer("device.needles", "", 24, 1200, 192,
                                   "needles on the drum; a multiple of device.rows"))),
      member(&DeviceSettings::passes,
             only(kPen, integer("device.passes", "", 1, 30, 2,
                                "passes over the area in one session (pens: 2-3 crossing "
                                "passes in makers' protocols; 2 keeps the injury fractional "
                                "at the default glide)"))),
      member(&DeviceSettings::passes,
             only(kRoller,
                  integer("device.passes", "", 1, 30, 4, "passes over the area in one session"))),
      member(&DeviceSettings::needle_diameter_mm,
             real("device.needle_diameter_mm", "mm", 0.05, 0.5, 0.25, "needle shaft diameter")),
      enumeration("device.pressure", allPressures, "medium", "hand pressure"),
      member(&DeviceSettings::home_use, boolean("device.home_use", false, "a home-use device")),
      member(&DeviceSettings::frequency_hz,
             only(kPen, real("device.frequency_hz", "Hz", 10, 200, 110, "stamping frequency"))),
      member(
          &DeviceSettings::glide_speed_mm_s,
          only(kPen, real("device.glide_speed_mm_s", "mm/s", 1, 100, 40,
                          "speed along the stroke (a full face in 15-30 min with 3-4 passes of a "
                          "4 mm cartridge implies ~25-45 mm/s)"))),
      member(&DeviceSettings::cartridge_width_mm,
             only(kPen,
                  real("device.cartridge_width_mm", "mm", 1, 10, 4, "width of the needle field"))),
      member(&DeviceSettings::drum_diameter_mm,
             only(kRoller, real("device.drum_diameter_mm", "mm", 5, 50, 20, "drum diameter"))),
      member(&DeviceSettings::drum_width_mm,
             only(kRoller, real("device.drum_width_mm", "mm", 5, 60, 20, "drum width"))),
      member(&DeviceSettings::rows, only(kRoller, integer("device.rows", "", 1, 50, 8,
                                                          "needle rows across the drum width"))),

      required(integer("schedule.sessions", "", 1, 60, 0,
                       "number of sessions (required when [schedule] is given)")),
      required(real("schedule.interval_days", "days", 1, 365, 0,
                    "days between sessions (required when [schedule] is given)")),
      required(real("session.day", "days", 0, 3650, 0,
                    "day of an explicit [[session]], at most scenario.duration_days; the "
                    "session's other keys override [device]")),

      enumeration("adjuncts.serum", allSerums, "none",
                  "topical serum put on right after each session, taken in through the open "
                  "channels; summary.json gives how much, how deep and how far it reached"),
      boolean("adjuncts.prp", false,
              "platelet-rich plasma spread over the needled skin after each session: its growth "
              "factors enter the open channels (evidence: moderate, see docs/MODEL.md)"),

      reads([](const Scenario& s) -> double { return s.model.patch_size_mm; },
            real("model.patch_size_mm", "mm", 1, 30, 15,
                 "side of the simulated square patch; 15 mm holds ~13 scars at 6 /cm2 and ~500 "
                 "punctures of a 15-pass roller session, so results vary little with the seed")),
      reads([](const Scenario& s) -> double { return s.model.lateral_resolution_um; },
            real("model.lateral_resolution_um", "um", 5, 200, 75,
                 "grid spacing across the skin; at most 800 cells per side (75 um: outcomes "
                 "move under 1 % when it is halved)")),
      reads([](const Scenario& s) -> double { return s.model.depth_resolution_um; },
            real("model.depth_resolution_um", "um", 5, 200, 50, "grid spacing into the skin")),
      reads([](const Scenario& s) -> double { return s.model.time_step_scale; },
            real("model.time_step_scale", "", 0.1, 2, 1,
                 "multiplies every time step (the first after a session and the longest); 0.5 "
                 "halves them all, to check that results do not depend on the step")),
  };
}

bool appliesTo(const KeySpec& spec, DeviceType type) {
  return spec.appliesTo == AppliesTo::Any ||
         (spec.appliesTo == AppliesTo::Pen) == (type == DeviceType::Pen);
}

const KeySpec* findAnyKey(std::string_view key) {
  for (const KeySpec& spec : scenarioSchema())
    if (spec.key == key) return &spec;
  return nullptr;
}

bool differsByType(std::string_view key) {
  return findKey(key, DeviceType::Pen) != findKey(key, DeviceType::Roller) &&
         findKey(key, DeviceType::Pen) != nullptr && findKey(key, DeviceType::Roller) != nullptr;
}

std::string kindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::Real:
      return "number";
    case ValueKind::Integer:
      return "integer";
    case ValueKind::Boolean:
      return "boolean";
    case ValueKind::String:
      return "string";
    case ValueKind::Enum:
      return "name";
    case ValueKind::StringList:
      return "list of names";
  }
  return "?";
}

std::string defaultCell(const KeySpec& s) {
  if (s.required) return "required";
  if (!s.defaultNote.empty()) return std::string(s.defaultNote);
  switch (s.kind) {
    case ValueKind::Real:
    case ValueKind::Integer:
      return readableNumber(s.defaultNumber);
    case ValueKind::Boolean:
      return s.defaultNumber != 0 ? "true" : "false";
    case ValueKind::String:
    case ValueKind::Enum:
      return "`\"" + std::string(s.defaultText) + "\"`";
    case ValueKind::StringList:
      return "`[]`";
  }
  return "";
}

std::string allowedCell(const KeySpec& s) {
  if (s.choices) {
    // The choices' own separator would split the Markdown cell.
    std::string names = s.choices();
    for (std::size_t at; (at = names.find(" | ")) != std::string::npos;) names.replace(at, 3, ", ");
    return names;
  }
  if (s.kind != ValueKind::Real && s.kind != ValueKind::Integer) return "";
  if (std::isinf(s.max)) return readableNumber(s.min) + " or more";
  return readableNumber(s.min) + " - " + readableNumber(s.max);
}

std::string_view devicesCell(AppliesTo a) {
  switch (a) {
    case AppliesTo::Any:
      return "";
    case AppliesTo::Pen:
      return "pen";
    case AppliesTo::Roller:
      return "roller";
  }
  return "";
}

}  // namespace

const std::vector<KeySpec>& scenarioSchema() {
  static const std::vector<KeySpec> table = buildSchema();
  return table;
}

const KeySpec* findKey(std::string_view key, DeviceType type) {
  for (const KeySpec& spec : scenarioSchema())
    if (spec.key == key && appliesTo(spec, type)) return &spec;
  return nullptr;
}

bool isSchemaKey(std::string_view key) { return findAnyKey(key) != nullptr; }

bool setDeviceNumber(DeviceSettings& device, std::string_view key, double value) {
  const KeySpec* spec = findAnyKey(key);
  if (spec == nullptr || std::holds_alternative<std::monostate>(spec->device)) return false;
  std::visit(
      [&](auto member) {
        if constexpr (!std::is_same_v<decltype(member), std::monostate>) {
          using T = std::remove_reference_t<decltype(device.*member)>;
          if constexpr (std::is_same_v<T, bool>)
            device.*member = value != 0;
          else
            device.*member = static_cast<T>(value);
        }
      },
      spec->device);
  return true;
}

double deviceNumber(const DeviceSettings& device, const KeySpec& spec) {
  return std::visit(
      [&](auto member) -> double {
        if constexpr (std::is_same_v<decltype(member), std::monostate>)
          throw std::logic_error("deviceNumber: " + std::string(spec.key) + " is not a device key");
        else
          return static_cast<double>(device.*member);
      },
      spec.device);
}

bool inRange(const KeySpec& spec, double value) {
  // Written so that NaN fails too.
  return value >= spec.min && value <= spec.max;
}

std::string rangeText(const KeySpec& spec) {
  std::string unit;
  if (!spec.unit.empty()) unit.append(" ").append(spec.unit);
  if (std::isinf(spec.max)) return "must be at least " + readableNumber(spec.min) + unit;
  return "must be between " + readableNumber(spec.min) + " and " + readableNumber(spec.max) + unit;
}

DeviceSettings defaultDevice(DeviceType type) {
  DeviceSettings device;
  device.type = type;
  for (const KeySpec& spec : scenarioSchema()) {
    if (!spec.key.starts_with("device.") || spec.required) continue;
    // A key of the other device type still gets its default, so nothing is left unset.
    const bool inapplicable = findKey(spec.key, type) == nullptr;
    if (!appliesTo(spec, type) && !inapplicable) continue;
    if (spec.key == "device.pressure")
      device.pressure = *parsePressure(spec.defaultText);
    else
      setDeviceNumber(device, spec.key, spec.defaultNumber);
  }
  device.needle_length_mm = std::numeric_limits<double>::quiet_NaN();
  return device;
}

DeviceSettings withDeviceType(DeviceSettings device, DeviceType type) {
  device.type = type;
  for (const KeySpec& spec : scenarioSchema())
    if (appliesTo(spec, type) && differsByType(spec.key))
      setDeviceNumber(device, spec.key, spec.defaultNumber);
  return device;
}

double defaultScarCount(Indication indication) {
  return indication == Indication::AcneScars ? kAcneScarCountPerCm2 : 0.0;
}

std::string scenarioKeysMarkdown() {
  std::string out =
      "| key | type | unit | default | allowed | device | meaning |\n"
      "|---|---|---|---|---|---|---|\n";
  for (const KeySpec& s : scenarioSchema()) {
    out += "| `" + std::string(s.key) + "` | " + kindName(s.kind) + " | " + std::string(s.unit) +
           " | " + defaultCell(s) + " | " + allowedCell(s) + " | " +
           std::string(devicesCell(s.appliesTo)) + " | " + std::string(s.doc) + " |\n";
  }
  out +=
      "| `parameters.*` | number | | see `dermasim params` | see `dermasim params` | | "
      "overrides of model parameters |\n";
  return out;
}

}  // namespace dermasim
