#include "io/ScenarioToml.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>

#include "core/Version.hpp"
#include "core/numerics/NumberText.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/scenario/ScenarioSchema.hpp"
#include "io/AtomicFile.hpp"

namespace dermasim {
namespace {

// Comments start in this column when the key and value leave room.
constexpr std::size_t kCommentColumn = 32;
constexpr std::size_t kLineLimit = 100;

std::string tomlString(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;  // UTF-8 passes through: TOML files are UTF-8
        }
    }
  }
  return out + "\"";
}

std::string oneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string deviceValue(const DeviceSettings& device, const KeySpec& spec) {
  if (spec.key == "device.type") return tomlString(toString(device.type));
  if (spec.key == "device.pressure") return tomlString(toString(device.pressure));
  if (spec.kind == ValueKind::Boolean) return deviceNumber(device, spec) != 0 ? "true" : "false";
  return exactNumber(deviceNumber(device, spec));
}

class Writer {
 public:
  void comment(std::string_view text) { out_ += "# " + oneLine(text) + "\n"; }
  void blank() { out_ += "\n"; }
  void table(std::string_view header) { out_.append("\n").append(header).append("\n"); }

  // `key = value  # unit; doc`, the comment from the schema.
  void entry(std::string_view key, const std::string& value, const KeySpec* spec) {
    std::string note;
    if (spec != nullptr) {
      note = spec->doc;
      if (!spec->unit.empty()) note = std::string(spec->unit) + "; " + note;
      if (spec->choices != nullptr) note += ": " + spec->choices();
    }
    entry(key, value, note);
  }
  // A note that would run past the line limit goes above the entry instead, wrapped.
  void entry(std::string_view key, const std::string& value, std::string_view note) {
    std::string line = std::string(key) + " = " + value;
    if (note.empty()) {
      out_ += line + "\n";
      return;
    }
    line.append(line.size() < kCommentColumn ? kCommentColumn - line.size() : 2, ' ');
    const std::string text = oneLine(note);
    if (line.size() + 2 + text.size() <= kLineLimit) {
      out_ += line + "# " + text + "\n";
      return;
    }
    wrappedComment(text);
    out_ += std::string(key) + " = " + value + "\n";
  }

  std::string take() { return std::move(out_); }

 private:
  void wrappedComment(const std::string& text) {
    std::string line = "#";
    std::size_t at = 0;
    while (at < text.size()) {
      std::size_t end = text.find(' ', at);
      if (end == std::string::npos) end = text.size();
      const std::string_view word(text.data() + at, end - at);
      if (line.size() > 1 && line.size() + 1 + word.size() > kLineLimit) {
        out_ += line + "\n";
        line.resize(1);  // keeps the "#"
      }
      line.append(" ").append(word);
      at = end + 1;
    }
    out_ += line + "\n";
  }

  std::string out_;
};

const KeySpec* spec(std::string_view key) { return findKey(key, DeviceType::Pen); }

// `key` of `dottedKey`'s last part: "seed" of "scenario.seed".
std::string_view leaf(std::string_view dottedKey) {
  return dottedKey.substr(dottedKey.rfind('.') + 1);
}

void writeScenario(Writer& w, const Scenario& s) {
  w.table("[scenario]");
  w.entry("name", tomlString(s.name), spec("scenario.name"));
  w.entry("description", tomlString(s.description), spec("scenario.description"));
  w.entry("seed", std::to_string(s.seed), spec("scenario.seed"));
  w.entry("duration_days", exactNumber(s.duration_days), spec("scenario.duration_days"));
}

void writePatient(Writer& w, const Patient& p) {
  w.table("[patient]");
  w.entry("site", tomlString(toString(p.site)), spec("patient.site"));
  w.entry("fitzpatrick", std::to_string(p.fitzpatrick), spec("patient.fitzpatrick"));
  w.entry("age", exactNumber(p.age_years), spec("patient.age"));
  w.entry("indication", tomlString(toString(p.indication)), spec("patient.indication"));
  std::string conditions = "[";
  for (std::size_t i = 0; i < p.conditions.size(); ++i)
    conditions += (i ? ", " : "") + tomlString(toString(p.conditions[i]));
  w.entry("conditions", conditions + "]", spec("patient.conditions"));

  w.table("[patient.scars]");
  w.entry("count_per_cm2", exactNumber(p.scars.count_per_cm2), spec("patient.scars.count_per_cm2"));
  w.entry("mean_depth_mm", exactNumber(p.scars.mean_depth_mm), spec("patient.scars.mean_depth_mm"));
  w.entry("mix",
          "{ rolling = " + exactNumber(p.scars.mix.rolling) +
              ", boxcar = " + exactNumber(p.scars.mix.boxcar) +
              ", icepick = " + exactNumber(p.scars.mix.icepick) + " }",
          "fractions of rolling, boxcar and icepick scars; they sum to 1");
}

// The device keys that apply to `device.type`, in schema order; with `base`, only those whose
// value differs from it.
void writeDevice(Writer& w, const DeviceSettings& device, const DeviceSettings* base) {
  for (const KeySpec& s : scenarioSchema()) {
    if (!s.key.starts_with("device.") || s.key == "device.type") continue;
    if (findKey(s.key, device.type) != &s) continue;  // the other type's key or spec
    const std::string value = deviceValue(device, s);
    if (base != nullptr && value == deviceValue(*base, s)) continue;
    w.entry(leaf(s.key), value, &s);
  }
}

void writeSessions(Writer& w, const Scenario& s) {
  for (const SessionPlan& plan : s.sessions) {
    w.table("[[session]]");
    w.entry("day", exactNumber(plan.day), "days since the first session");
    // What the reader starts the session's device from, so only real differences are written.
    DeviceSettings start = s.device;
    if (plan.device.type != s.device.type) {
      w.entry("type", tomlString(toString(plan.device.type)), "this session's device type");
      start = withDeviceType(s.device, plan.device.type);
    }
    writeDevice(w, plan.device, &start);
  }
}

void writeAdjuncts(Writer& w, const Adjuncts& a) {
  w.table("[adjuncts]");
  w.entry("serum", tomlString(toString(a.serum)), spec("adjuncts.serum"));
  w.entry("prp", a.prp ? "true" : "false", spec("adjuncts.prp"));
}

void writeModel(Writer& w, const ModelSettings& m) {
  w.table("[model]");
  w.entry("patch_size_mm", exactNumber(m.patch_size_mm), spec("model.patch_size_mm"));
  w.entry("lateral_resolution_um", exactNumber(m.lateral_resolution_um),
          spec("model.lateral_resolution_um"));
  w.entry("depth_resolution_um", exactNumber(m.depth_resolution_um),
          spec("model.depth_resolution_um"));
  w.entry("time_step_scale", exactNumber(m.time_step_scale), spec("model.time_step_scale"));
}

void writeParameters(Writer& w, const std::map<std::string, double>& overrides) {
  w.table("[parameters]");
  if (overrides.empty()) {
    w.comment("none: every model parameter at its default (`dermasim params` lists them)");
    return;
  }
  for (const auto& [key, value] : overrides) {
    const ParameterSpec* p = findParameter(key);
    std::string note = p ? std::string(p->description) : std::string("model parameter");
    if (p && !p->unit.empty() && p->unit != "1") note = std::string(p->unit) + "; " + note;
    if (p) note += " (default " + exactNumber(p->value) + ")";
    w.entry(tomlString(key), exactNumber(value), note);
  }
}

}  // namespace

std::string toToml(const Scenario& s) {
  Writer w;
  w.comment("dermasim scenario, saved by dermasim " + std::string(kVersion) + ".");
  if (!s.source.empty()) w.comment("Saved from " + s.source + ".");
  w.comment("Every key is written out, defaults included; each session is an explicit");
  w.comment("[[session]] with only the device keys that differ from [device].");
  w.comment("`dermasim keys` and `dermasim params` document the keys.");
  writeScenario(w, s);
  writePatient(w, s.patient);
  w.table("[device]");
  w.entry("type", tomlString(toString(s.device.type)), spec("device.type"));
  writeDevice(w, s.device, nullptr);
  writeSessions(w, s);
  writeAdjuncts(w, s.adjuncts);
  writeModel(w, s.model);
  writeParameters(w, s.parameter_overrides);
  return w.take();
}

void saveScenarioFile(const std::filesystem::path& file, const Scenario& scenario) {
  writeFileAtomically(file, toToml(scenario));
}

}  // namespace dermasim
