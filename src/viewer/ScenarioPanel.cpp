// The scenario panel: what a trainer changes to show what depth, passes and intervals do.
// Edits go to the slot's draft; "Simulate" checks it as a scenario file would be checked.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "core/scenario/ScenarioSchema.hpp"
#include "guidance/Advisories.hpp"
#include "guidance/Findings.hpp"
#include "io/ScenarioFile.hpp"
#include "viewer/Panels.hpp"

namespace dermasim::viewer {

namespace {

constexpr int kSiteCount = static_cast<int>(Site::Back) + 1;
constexpr int kIndicationCount = static_cast<int>(Indication::HairLoss) + 1;
constexpr int kConditionCount = static_cast<int>(Condition::KeloidHistory) + 1;
constexpr int kPressureCount = static_cast<int>(Pressure::Firm) + 1;
constexpr int kDeviceTypeCount = static_cast<int>(DeviceType::Roller) + 1;
constexpr double kDefaultIntervalDays = 28;
constexpr double kZero = 0, kOne = 1;
const ImVec4 kErrorText{1.0f, 0.45f, 0.4f, 1.0f};
const ImVec4 kWarningText{1.0f, 0.8f, 0.35f, 1.0f};
const ImVec4 kNoteText{0.65f, 0.8f, 1.0f, 1.0f};

template <typename Enum>
bool enumCombo(const char* label, Enum& value, int count) {
  bool changed = false;
  const std::string shown(toString(value));
  if (ImGui::BeginCombo(label, shown.c_str())) {
    for (int i = 0; i < count; ++i) {
      const auto option = static_cast<Enum>(i);
      const std::string name(toString(option));
      if (ImGui::Selectable(name.c_str(), option == value)) {
        value = option;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

struct Bounds {
  double min = 0, max = 1;
};

// The schema's range for a key, so the panel offers exactly what a file may hold.
Bounds boundsOf(std::string_view key, DeviceType type = DeviceType::Pen) {
  const KeySpec* spec = findKey(key, type);
  if (spec == nullptr || !std::isfinite(spec->min) || !std::isfinite(spec->max)) return {};
  return {spec->min, spec->max};
}

bool realSlider(const char* label, std::string_view key, DeviceType type, double& value,
                const char* format, bool logarithmic = false) {
  const Bounds b = boundsOf(key, type);
  ImGuiSliderFlags flags = ImGuiSliderFlags_AlwaysClamp;
  if (logarithmic) flags |= ImGuiSliderFlags_Logarithmic;
  return ImGui::SliderScalar(label, ImGuiDataType_Double, &value, &b.min, &b.max, format, flags);
}

bool intSlider(const char* label, std::string_view key, DeviceType type, int& value) {
  const Bounds b = boundsOf(key, type);
  return ImGui::SliderInt(label, &value, static_cast<int>(b.min), static_cast<int>(b.max), "%d",
                          ImGuiSliderFlags_AlwaysClamp);
}

void helpMarker(const char* text) {
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

void scenarioChooser(ViewerState& state) {
  std::vector<std::string> names;
  for (const ScenarioSlot& s : state.slots) names.push_back(s.scenario.name);
  const std::string current = names.at(state.active);
  if (ImGui::BeginCombo("Scenario", current.c_str())) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(names[i].c_str(), i == state.active)) activateSlot(state, i);
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  if (ImGui::BeginCombo("Open built-in", "choose...")) {
    for (const std::string& name : builtinScenarioNames()) {
      if (ImGui::Selectable(name.c_str())) loadScenarioInto(state, name);
    }
    ImGui::EndCombo();
  }
  ImGui::InputTextWithHint("##path", "scenario file path (.toml)", &state.scenarioPath);
  ImGui::SameLine();
  if (ImGui::Button("Open") && !state.scenarioPath.empty()) {
    loadScenarioInto(state, state.scenarioPath);
  }
  ImGui::SameLine();
  if (ImGui::Button("Save") && !state.scenarioPath.empty()) saveDraft(state, state.scenarioPath);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Writes the scenario as edited to the path, as TOML");
}

// Device changes apply to every session; a session keeps a depth or pass count set for it alone.
void propagateDevice(Scenario& draft, const DeviceSettings& before) {
  for (SessionPlan& session : draft.sessions) {
    const DeviceSettings own = session.device;
    session.device = draft.device;
    if (own.needle_length_mm != before.needle_length_mm) {
      session.device.needle_length_mm = own.needle_length_mm;
    }
    if (own.passes != before.passes) session.device.passes = own.passes;
  }
}

bool deviceSection(Scenario& draft) {
  DeviceSettings& d = draft.device;
  const DeviceSettings before = d;
  bool changed = false;
  DeviceType type = d.type;
  if (enumCombo("Device", type, kDeviceTypeCount)) {
    d = withDeviceType(d, type);
    changed = true;
  }
  changed |=
      realSlider("Depth (mm)", "device.needle_length_mm", d.type, d.needle_length_mm, "%.2f mm");
  helpMarker(d.type == DeviceType::Pen ? "Pen: the depth setting"
                                       : "Roller: the needle length; the depth reached depends on "
                                         "the pressure");
  changed |= intSlider("Passes", "device.passes", d.type, d.passes);
  changed |= intSlider("Needles", "device.needles", d.type, d.needles);
  changed |= enumCombo("Pressure", d.pressure, kPressureCount);
  if (d.type == DeviceType::Pen) {
    changed |=
        realSlider("Frequency (Hz)", "device.frequency_hz", d.type, d.frequency_hz, "%.0f Hz");
    changed |= realSlider("Glide (mm/s)", "device.glide_speed_mm_s", d.type, d.glide_speed_mm_s,
                          "%.1f mm/s", true);
  } else {
    changed |=
        realSlider("Drum (mm)", "device.drum_diameter_mm", d.type, d.drum_diameter_mm, "%.0f mm");
    changed |= intSlider("Rows", "device.rows", d.type, d.rows);
  }
  changed |= ImGui::Checkbox("Home-use device", &d.home_use);
  if (changed) propagateDevice(draft, before);
  return changed;
}

bool scheduleSection(Scenario& draft) {
  bool changed = false;
  const Bounds depth = boundsOf("device.needle_length_mm", draft.device.type);
  const double maxDay = draft.duration_days;
  ImGui::TextDisabled("Per session: day, depth and passes");
  if (ImGui::BeginTable("sessions", 4, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("day", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("depth", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("passes", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("x", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
    for (std::size_t i = 0; i < draft.sessions.size(); ++i) {
      SessionPlan& s = draft.sessions[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      const double zero = 0;
      changed |= ImGui::DragScalar("##day", ImGuiDataType_Double, &s.day, 0.25f, &zero, &maxDay,
                                   "day %.0f", ImGuiSliderFlags_AlwaysClamp);
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      changed |=
          ImGui::SliderScalar("##depth", ImGuiDataType_Double, &s.device.needle_length_mm,
                              &depth.min, &depth.max, "%.2f mm", ImGuiSliderFlags_AlwaysClamp);
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      changed |= ImGui::SliderInt("##passes", &s.device.passes, 1, 30, "%d x",
                                  ImGuiSliderFlags_AlwaysClamp);
      ImGui::TableNextColumn();
      const bool remove = draft.sessions.size() > 1 && ImGui::SmallButton("x");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this session");
      ImGui::PopID();
      if (remove) {
        draft.sessions.erase(draft.sessions.begin() + static_cast<std::ptrdiff_t>(i));
        changed = true;
        break;
      }
    }
    ImGui::EndTable();
  }
  if (ImGui::Button("Add session")) {
    SessionPlan next;
    next.device = draft.sessions.empty() ? draft.device : draft.sessions.back().device;
    next.day = draft.sessions.empty() ? 0 : draft.sessions.back().day + kDefaultIntervalDays;
    draft.sessions.push_back(next);
    draft.duration_days = std::max(draft.duration_days, next.day + kDefaultIntervalDays);
    changed = true;
  }
  ImGui::SameLine();
  static int evenInterval = static_cast<int>(kDefaultIntervalDays);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
  ImGui::InputInt("##interval", &evenInterval, 1, 7);
  evenInterval = std::clamp(evenInterval, 1, 365);
  ImGui::SameLine();
  if (ImGui::Button("Space evenly")) {
    for (std::size_t i = 0; i < draft.sessions.size(); ++i) {
      draft.sessions[i].day = static_cast<double>(i) * evenInterval;
    }
    draft.duration_days =
        std::max(draft.duration_days, draft.sessions.back().day + kDefaultIntervalDays);
    changed = true;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Sessions every N days from day 0");
  changed |= realSlider("Duration (days)", "scenario.duration_days", draft.device.type,
                        draft.duration_days, "%.0f days", true);
  if (changed) {
    std::stable_sort(draft.sessions.begin(), draft.sessions.end(),
                     [](const SessionPlan& a, const SessionPlan& b) { return a.day < b.day; });
  }
  return changed;
}

bool patientSection(Scenario& draft) {
  Patient& p = draft.patient;
  bool changed = false;
  changed |= enumCombo("Site", p.site, kSiteCount);
  changed |= ImGui::SliderInt("Fitzpatrick type", &p.fitzpatrick, 1, 6, "%d",
                              ImGuiSliderFlags_AlwaysClamp);
  changed |= realSlider("Age (years)", "patient.age", draft.device.type, p.age_years, "%.0f years");
  if (enumCombo("Indication", p.indication, kIndicationCount)) {
    p.scars.count_per_cm2 = defaultScarCount(p.indication);
    changed = true;
  }
  changed |= realSlider("Scars (per cm\xC2\xB2)", "patient.scars.count_per_cm2", draft.device.type,
                        p.scars.count_per_cm2, "%.1f /cm\xC2\xB2");
  changed |= realSlider("Scar depth (mm)", "patient.scars.mean_depth_mm", draft.device.type,
                        p.scars.mean_depth_mm, "%.2f mm", true);
  if (p.scars.count_per_cm2 > 0 && ImGui::TreeNode("Scar types")) {
    bool mixChanged = false;
    mixChanged |= ImGui::SliderScalar("Rolling", ImGuiDataType_Double, &p.scars.mix.rolling, &kZero,
                                      &kOne, "%.2f", ImGuiSliderFlags_AlwaysClamp);
    mixChanged |= ImGui::SliderScalar("Boxcar", ImGuiDataType_Double, &p.scars.mix.boxcar, &kZero,
                                      &kOne, "%.2f", ImGuiSliderFlags_AlwaysClamp);
    mixChanged |= ImGui::SliderScalar("Ice-pick", ImGuiDataType_Double, &p.scars.mix.icepick,
                                      &kZero, &kOne, "%.2f", ImGuiSliderFlags_AlwaysClamp);
    const double sum = p.scars.mix.rolling + p.scars.mix.boxcar + p.scars.mix.icepick;
    if (std::abs(sum - 1.0) > kScarMixTolerance) {
      ImGui::TextColored(kWarningText, "The mix adds up to %.2f, not 1", sum);
      ImGui::SameLine();
      if (ImGui::SmallButton("Scale to 1") && sum > 0) {
        p.scars.mix.rolling /= sum;
        p.scars.mix.boxcar /= sum;
        p.scars.mix.icepick /= sum;
        mixChanged = true;
      }
    }
    changed |= mixChanged;
    ImGui::TreePop();
  }
  if (ImGui::TreeNode("Conditions")) {
    for (int i = 0; i < kConditionCount; ++i) {
      const auto condition = static_cast<Condition>(i);
      const auto at = std::find(p.conditions.begin(), p.conditions.end(), condition);
      bool has = at != p.conditions.end();
      const std::string name(toString(condition));
      if (ImGui::Checkbox(name.c_str(), &has)) {
        if (has) {
          p.conditions.push_back(condition);
        } else {
          p.conditions.erase(at);
        }
        changed = true;
      }
    }
    ImGui::TreePop();
  }
  return changed;
}

bool modelSection(Scenario& draft) {
  bool changed = false;
  int seed = static_cast<int>(std::min<std::uint64_t>(draft.seed, 2'000'000'000));
  if (ImGui::InputInt("Seed", &seed)) {
    draft.seed = static_cast<std::uint64_t>(std::max(0, seed));
    changed = true;
  }
  changed |= realSlider("Patch (mm)", "model.patch_size_mm", draft.device.type,
                        draft.model.patch_size_mm, "%.1f mm");
  changed |= realSlider("Grid across (\xC2\xB5m)", "model.lateral_resolution_um", draft.device.type,
                        draft.model.lateral_resolution_um, "%.0f \xC2\xB5m", true);
  changed |= realSlider("Grid depth (\xC2\xB5m)", "model.depth_resolution_um", draft.device.type,
                        draft.model.depth_resolution_um, "%.0f \xC2\xB5m", true);
  return changed;
}

// In a box of their own, as tall as they need up to `maxHeight`, then scrolling: many advisories
// must not push the Simulate button out of the footer.
void advisories(const Scenario& draft, float maxHeight) {
  const std::vector<Advisory> list = findingsFor(draft);
  if (list.empty()) return;
  ImGui::Separator();
  std::vector<std::string> lines;
  const ImGuiStyle& style = ImGui::GetStyle();
  // TextWrapped wraps at the box's edge, less the scrollbar it may need.
  const float wrap = ImGui::GetContentRegionAvail().x - style.ScrollbarSize;
  float height = 0;
  for (const Advisory& a : list) {
    lines.push_back(std::string(toString(a.level)) + ": " + a.message);
    height += ImGui::CalcTextSize(lines.back().c_str(), nullptr, false, wrap).y;
  }
  height += style.ItemSpacing.y * static_cast<float>(list.size() - 1);
  ImGui::BeginChild("##advisories", ImVec2(0, std::min(height, maxHeight)));
  for (std::size_t i = 0; i < list.size(); ++i) {
    const AdvisoryLevel level = list[i].level;
    const ImVec4 colour = level == AdvisoryLevel::Error     ? kErrorText
                          : level == AdvisoryLevel::Warning ? kWarningText
                                                            : kNoteText;
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(lines[i].c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
}

// Simulate, Revert, the run's progress with Cancel, why the draft cannot run, the advisories:
// what answers an edit, so it stays in view below the scrolling settings.
void actionBar(ViewerState& state, float maxAdvisoryHeight) {
  ScenarioSlot& slot = state.slot();
  // A preview left unrefined (its full run cancelled) offers the full run, unless edited.
  const bool canRefine = !slot.draftChanged && state.showingPreview() && !state.refining();
  if (canRefine) {
    if (ImGui::Button("Refine")) refinePreview(state);
  } else {
    const bool canRun = slot.draftChanged || !slot.result;
    if (!canRun) ImGui::BeginDisabled();
    if (ImGui::Button(slot.draftChanged ? "Simulate changes" : "Simulate")) applyDraft(state);
    if (!canRun) ImGui::EndDisabled();
  }
  if (slot.draftChanged) {
    ImGui::SameLine();
    if (ImGui::Button("Revert")) {
      slot.draft = slot.scenario;
      slot.draftChanged = false;
      slot.draftError.clear();
    }
    ImGui::SameLine();
    ImGui::TextColored(kWarningText, "edited");
  }
  drawRunProgress(state);
  if (!slot.draftError.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorText);
    ImGui::TextWrapped("%s", slot.draftError.c_str());
    ImGui::PopStyleColor();
  }
  advisories(slot.draft, maxAdvisoryHeight);
}

// Everything the trainer edits: the scenario's source, device, schedule, patient and model.
void drawSettings(ViewerState& state) {
  scenarioChooser(state);
  ScenarioSlot& slot = state.slot();
  Scenario& draft = slot.draft;
  if (!draft.description.empty()) ImGui::TextWrapped("%s", draft.description.c_str());
  ImGui::Separator();

  bool changed = false;
  ImGui::PushItemWidth(-ImGui::GetFontSize() * 7.5f);
  if (ImGui::CollapsingHeader("Device", ImGuiTreeNodeFlags_DefaultOpen)) {
    changed |= deviceSection(draft);
  }
  if (ImGui::CollapsingHeader("Schedule", ImGuiTreeNodeFlags_DefaultOpen)) {
    changed |= scheduleSection(draft);
  }
  if (ImGui::CollapsingHeader("Patient", ImGuiTreeNodeFlags_DefaultOpen)) {
    changed |= patientSection(draft);
  }
  if (ImGui::CollapsingHeader("Model")) changed |= modelSection(draft);
  ImGui::PopItemWidth();
  if (changed) {
    slot.draftChanged = true;
    slot.draftError.clear();
  }
}

}  // namespace

void drawRunProgress(ViewerState& state) {
  if (!state.busy()) return;
  const std::string status = state.worker.status();
  const char* stage = "";
  switch (state.runningKind) {
    case RunKind::Preview:
      stage = "preview: ";
      break;
    case RunKind::Full:
      stage = "refining: ";
      break;
    case RunKind::Comparison:
      stage = "for comparison: ";
      break;
  }
  const std::string label = stage + (status.empty() ? std::string("starting") : status);
  ImGui::ProgressBar(static_cast<float>(state.worker.progress()),
                     ImVec2(-ImGui::GetFontSize() * 5, 0), label.c_str());
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) cancelRun(state);
}

void drawScenarioPanel(ViewerState& state) {
  // The action bar's height as drawn last frame (ImGui's storage outlives the frame; the panels
  // keep no state of their own): the settings scroll in what is left above it. The first frame
  // guesses one row.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID footerId = ImGui::GetID("##action-bar-height");
  const float panelHeight = ImGui::GetContentRegionAvail().y;
  const float footer = storage->GetFloat(footerId, ImGui::GetFrameHeightWithSpacing());
  if (ImGui::BeginChild("##settings", ImVec2(0, -footer))) drawSettings(state);
  ImGui::EndChild();

  const float top = ImGui::GetCursorPosY();
  ImGui::Separator();
  actionBar(state, panelHeight * 0.3f);
  storage->SetFloat(footerId, ImGui::GetCursorPosY() - top);
}

}  // namespace dermasim::viewer
