#pragma once
// The one home of every scenario key's default, range and meaning. The file reader, the
// documentation (`dermasim keys`) and every default-filled DeviceSettings read this table, so a
// default changed here changes everywhere.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/scenario/Scenario.hpp"

namespace dermasim {

enum class ValueKind { Real, Integer, Boolean, String, Enum, StringList };
enum class AppliesTo { Any, Pen, Roller };

// The DeviceSettings member behind a numeric or boolean device key; monostate for other keys.
using DeviceMember = std::variant<std::monostate, double DeviceSettings::*, int DeviceSettings::*,
                                  bool DeviceSettings::*>;

struct KeySpec {
  std::string_view key;  // dotted, as in the file: "device.needle_length_mm"
  ValueKind kind;
  AppliesTo appliesTo;    // a key whose default or range differs by device has one spec per type
  std::string_view unit;  // "" when dimensionless
  double min;             // Real and Integer only; +inf when unbounded
  double max;
  double defaultNumber;          // Real, Integer, Boolean (0 or 1)
  std::string_view defaultText;  // String and Enum
  // Documents a default that is not a constant (it depends on another key); empty otherwise.
  std::string_view defaultNote;
  bool required;
  std::string_view doc;
  std::string (*choices)();  // Enum and StringList: "a | b | c"; null otherwise
  // Where the value lives: the one key-to-member map. Device keys name their DeviceSettings
  // member; other numeric keys read their value from a Scenario (null for keys that have no
  // single value in a Scenario: schedule.*, session.day, and the non-numeric kinds).
  DeviceMember device;
  double (*read)(const Scenario&);
};

// Every key in a stable order: scenario, patient, device, schedule, session, adjuncts, model.
const std::vector<KeySpec>& scenarioSchema();

// The spec of `key` for a device of `type`: an Any spec, or the one for that type.
// Null when the key does not exist or does not apply to that type.
const KeySpec* findKey(std::string_view key, DeviceType type);
// True when some spec has this key, whatever device it applies to.
bool isSchemaKey(std::string_view key);

// A device with every key at its default for `type`. Keys of the other device type keep their
// own defaults (the device model ignores them). needle_length_mm is required and has no
// default: it is NaN here and must be set by the caller.
DeviceSettings defaultDevice(DeviceType type);
// The same device switched to `type`: keys whose spec differs by type (such as needles) take the
// new type's defaults; all others carry over.
DeviceSettings withDeviceType(DeviceSettings device, DeviceType type);
// Sets the member behind a numeric or boolean device key ("device.passes"); integers and
// booleans arrive as double. Returns false when `key` is not such a key.
bool setDeviceNumber(DeviceSettings& device, std::string_view key, double value);
// The value of a numeric or boolean device key (booleans as 0 or 1); `spec.device` must be set.
double deviceNumber(const DeviceSettings& device, const KeySpec& spec);

// The range rule of a Real or Integer key, in the words every message uses: "must be between 1
// and 100 mm", "must be at least 0". inRange is false for NaN.
bool inRange(const KeySpec& spec, double value);
std::string rangeText(const KeySpec& spec);

// patient.scars.count_per_cm2 when the file does not give it.
double defaultScarCount(Indication indication);
// patient.scars.mix must sum to 1 within this.
inline constexpr double kScarMixTolerance = 0.01;
// model.patch_size_mm / model.lateral_resolution_um may give at most this many cells per side.
inline constexpr double kMaxLateralCells = 800;

// The table as Markdown, one row per spec, for the README and `dermasim keys`.
std::string scenarioKeysMarkdown();

}  // namespace dermasim
