#pragma once
// A fully resolved scenario: every value set, defaults filled in, validated.
// Plain data so the core never depends on a file format.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dermasim {

enum class DeviceType { Pen, Roller };
enum class Pressure { Light, Medium, Firm };

enum class Site {
  Forehead,
  Periorbital,
  Nose,
  Cheek,
  Chin,
  UpperLip,
  Neck,
  Decollete,
  Hand,
  Scalp,
  Abdomen,
  Thigh,
  Back
};

enum class Indication {
  AcneScars,
  FineLines,
  StretchMarks,
  SurgicalScar,
  Pigmentation,
  EnlargedPores,
  Rejuvenation,
  HairLoss
};

enum class Condition {
  Pregnancy,
  Isotretinoin,
  ActiveAcne,
  SkinInfection,
  OpenWound,
  Eczema,
  Psoriasis,
  Rosacea,
  BloodThinners,
  BleedingDisorder,
  RecentLaserOrPeel,
  KeloidHistory
};

// A topical serum put on right after a session, taken in through the open channels.
enum class Serum { None, HyaluronicAcid, VitaminC };

// Defaults are not written here: they live in ScenarioSchema.cpp, the one home of
// every scenario default and range.

// One device as used in one session. Keys that do not apply to `type` keep their
// defaults and are ignored by the device model.
struct DeviceSettings {
  DeviceType type{};
  double needle_length_mm{};  // pen: depth setting; roller: needle length
  int needles{};              // pen: per cartridge; roller: on the drum
  int passes{};               // coverages of the area in one session
  double needle_diameter_mm{};
  Pressure pressure{};
  bool home_use{};
  // pen
  double frequency_hz{};
  double glide_speed_mm_s{};
  double cartridge_width_mm{};
  // roller
  double drum_diameter_mm{};
  double drum_width_mm{};
  int rows{};  // needle rows across the drum width

  int needlesAroundDrum() const { return rows > 0 ? needles / rows : 0; }
};

struct SessionPlan {
  double day{};
  DeviceSettings device;
  // Where the session was written, for messages ("session[2]" in a file); empty for one that a
  // [schedule] made, which messages name by its place in `sessions`.
  std::string origin;
};

struct ScarMix {
  double rolling{};
  double boxcar{};
  double icepick{};
};

struct BaselineScars {
  double count_per_cm2{};
  double mean_depth_mm{};
  ScarMix mix;
};

struct Patient {
  Site site{};
  int fitzpatrick{};
  double age_years{};
  Indication indication{};
  std::vector<Condition> conditions;
  BaselineScars scars;
};

// What is put on the skin over each session's open channels (core/healing/Adjuncts.hpp).
struct Adjuncts {
  Serum serum{};
  bool prp{};  // platelet-rich plasma spread over the needled skin
};

struct ModelSettings {
  double patch_size_mm{};  // square, periodic at the sides
  double lateral_resolution_um{};
  double depth_resolution_um{};
  // Multiplies every time step; 0.5 halves them. Unlike the other keys it starts at its neutral
  // value, so a ModelSettings made in code steps as the model was calibrated.
  double time_step_scale = 1;
};

struct Scenario {
  std::string name;
  std::string description;
  std::uint64_t seed{};
  double duration_days{};
  Patient patient;
  DeviceSettings device;              // the [device] table as resolved
  std::vector<SessionPlan> sessions;  // sorted by day
  Adjuncts adjuncts;
  ModelSettings model;
  std::map<std::string, double> parameter_overrides;  // [parameters] table, by key
  std::string source;                                 // file name, or "built-in:NAME"
  std::string source_text;  // the scenario file as written, for the record
};

// Domain names as they appear in scenario files and outputs.
std::string_view toString(DeviceType v);
std::string_view toString(Pressure v);
std::string_view toString(Site v);
std::string_view toString(Indication v);
std::string_view toString(Condition v);
std::string_view toString(Serum v);
std::optional<DeviceType> parseDeviceType(std::string_view s);
std::optional<Pressure> parsePressure(std::string_view s);
std::optional<Site> parseSite(std::string_view s);
std::optional<Indication> parseIndication(std::string_view s);
std::optional<Condition> parseCondition(std::string_view s);
std::optional<Serum> parseSerum(std::string_view s);
// "a | b | c", for error messages
std::string allDeviceTypes();
std::string allPressures();
std::string allSites();
std::string allIndications();
std::string allConditions();
std::string allSerums();

}  // namespace dermasim
