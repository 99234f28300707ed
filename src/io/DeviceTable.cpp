#include "io/DeviceTable.hpp"

#include <algorithm>
#include <initializer_list>
#include <stdexcept>

#include "core/scenario/ScenarioSchema.hpp"

namespace dermasim {
namespace {

const KeySpec& specOf(std::string_view key, DeviceType type) { return *findKey(key, type); }

DeviceType readType(const toml::node& node, const std::string& key, const ValueChecker& check) {
  return *parseDeviceType(check.choice(node, specOf("device.type", DeviceType::Pen), key));
}

// A key of the other device type would be ignored, so it is an error unless it merely restates
// that key's default: the interface's own example lists drum keys in a pen's [device] that way.
void checkOtherTypeKey(const toml::node& node, const std::string& schemaKey, const std::string& key,
                       const std::string& typeKey, DeviceType type, const ValueChecker& check) {
  const DeviceType other = type == DeviceType::Pen ? DeviceType::Roller : DeviceType::Pen;
  const KeySpec* spec = findKey(schemaKey, other);
  if (spec == nullptr) check.fail(key, "unknown key");
  if (check.number(node, *spec, key) == spec->defaultNumber) return;
  check.fail(key, std::string("applies to ") + (other == DeviceType::Pen ? "pens" : "rollers") +
                      " only (" + typeKey + " is " + std::string(toString(type)) + ")");
}

// Applies every entry of `table` but those in `skip` to `device`. `typeKey` names where the
// device's type came from, for "applies to pens only (device.type is roller)".
void applyKeys(const toml::table& table, const std::string& prefix, const std::string& typeKey,
               std::initializer_list<std::string_view> skip, DeviceSettings& device,
               const ValueChecker& check) {
  for (const auto& [leaf, node] : inFileOrder(table)) {
    if (std::find(skip.begin(), skip.end(), leaf) != skip.end()) continue;
    const std::string schemaKey = "device." + leaf;
    const std::string key = prefix + "." + leaf;
    const KeySpec* spec = findKey(schemaKey, device.type);
    if (spec == nullptr) {
      checkOtherTypeKey(*node, schemaKey, key, typeKey, device.type, check);
      continue;
    }
    if (schemaKey == "device.pressure")
      device.pressure = *parsePressure(check.choice(*node, *spec, key));
    else if (!setDeviceNumber(device, schemaKey, check.number(*node, *spec, key)))
      throw std::logic_error("no DeviceSettings member for " + schemaKey);
  }
}

}  // namespace

DeviceSettings readDevice(const toml::table* table, const ValueChecker& check) {
  const toml::node* typeNode = table ? table->get("type") : nullptr;
  if (typeNode == nullptr)
    check.fail("device.type", "required key is missing (expected " + allDeviceTypes() + ")");
  DeviceSettings device = defaultDevice(readType(*typeNode, "device.type", check));
  if (table->get("needle_length_mm") == nullptr)
    check.fail("device.needle_length_mm", "required key is missing");
  applyKeys(*table, "device", "device.type", {"type"}, device, check);
  return device;
}

DeviceSettings readSessionDevice(const toml::table& session, const DeviceSettings& base,
                                 const std::string& prefix, const ValueChecker& check) {
  DeviceSettings device = base;
  std::string typeKey = "device.type";
  if (const toml::node* typeNode = session.get("type")) {
    typeKey = prefix + ".type";
    const DeviceType type = readType(*typeNode, typeKey, check);
    if (type != base.type) device = withDeviceType(base, type);
  }
  applyKeys(session, prefix, typeKey, {"type", "day"}, device, check);
  return device;
}

}  // namespace dermasim
