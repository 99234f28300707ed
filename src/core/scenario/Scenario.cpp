#include "core/scenario/Scenario.hpp"

#include <array>
#include <utility>

namespace dermasim {
namespace {

template <typename E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

constexpr NameTable<DeviceType, 2> kDeviceTypes{
    {{DeviceType::Pen, "pen"}, {DeviceType::Roller, "roller"}}};
constexpr NameTable<Pressure, 3> kPressures{
    {{Pressure::Light, "light"}, {Pressure::Medium, "medium"}, {Pressure::Firm, "firm"}}};
constexpr NameTable<Site, 13> kSites{{{Site::Forehead, "forehead"},
                                      {Site::Periorbital, "periorbital"},
                                      {Site::Nose, "nose"},
                                      {Site::Cheek, "cheek"},
                                      {Site::Chin, "chin"},
                                      {Site::UpperLip, "upper_lip"},
                                      {Site::Neck, "neck"},
                                      {Site::Decollete, "decollete"},
                                      {Site::Hand, "hand"},
                                      {Site::Scalp, "scalp"},
                                      {Site::Abdomen, "abdomen"},
                                      {Site::Thigh, "thigh"},
                                      {Site::Back, "back"}}};
constexpr NameTable<Indication, 8> kIndications{{{Indication::AcneScars, "acne_scars"},
                                                 {Indication::FineLines, "fine_lines"},
                                                 {Indication::StretchMarks, "stretch_marks"},
                                                 {Indication::SurgicalScar, "surgical_scar"},
                                                 {Indication::Pigmentation, "pigmentation"},
                                                 {Indication::EnlargedPores, "enlarged_pores"},
                                                 {Indication::Rejuvenation, "rejuvenation"},
                                                 {Indication::HairLoss, "hair_loss"}}};
constexpr NameTable<Condition, 12> kConditions{
    {{Condition::Pregnancy, "pregnancy"},
     {Condition::Isotretinoin, "isotretinoin"},
     {Condition::ActiveAcne, "active_acne"},
     {Condition::SkinInfection, "skin_infection"},
     {Condition::OpenWound, "open_wound"},
     {Condition::Eczema, "eczema"},
     {Condition::Psoriasis, "psoriasis"},
     {Condition::Rosacea, "rosacea"},
     {Condition::BloodThinners, "blood_thinners"},
     {Condition::BleedingDisorder, "bleeding_disorder"},
     {Condition::RecentLaserOrPeel, "recent_laser_or_peel"},
     {Condition::KeloidHistory, "keloid_history"}}};
constexpr NameTable<Serum, 3> kSerums{{{Serum::None, "none"},
                                       {Serum::HyaluronicAcid, "hyaluronic_acid"},
                                       {Serum::VitaminC, "vitamin_c"}}};

template <typename E, std::size_t N>
std::string_view nameOf(const NameTable<E, N>& table, E v) {
  for (const auto& [e, name] : table)
    if (e == v) return name;
  return "?";
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const NameTable<E, N>& table, std::string_view s) {
  for (const auto& [e, name] : table)
    if (name == s) return e;
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string joined(const NameTable<E, N>& table) {
  std::string out;
  for (const auto& [e, name] : table) {
    if (!out.empty()) out += " | ";
    out += name;
  }
  return out;
}

}  // namespace

std::string_view toString(DeviceType v) { return nameOf(kDeviceTypes, v); }
std::string_view toString(Pressure v) { return nameOf(kPressures, v); }
std::string_view toString(Site v) { return nameOf(kSites, v); }
std::string_view toString(Indication v) { return nameOf(kIndications, v); }
std::string_view toString(Condition v) { return nameOf(kConditions, v); }
std::string_view toString(Serum v) { return nameOf(kSerums, v); }
std::optional<DeviceType> parseDeviceType(std::string_view s) { return valueOf(kDeviceTypes, s); }
std::optional<Pressure> parsePressure(std::string_view s) { return valueOf(kPressures, s); }
std::optional<Site> parseSite(std::string_view s) { return valueOf(kSites, s); }
std::optional<Indication> parseIndication(std::string_view s) { return valueOf(kIndications, s); }
std::optional<Condition> parseCondition(std::string_view s) { return valueOf(kConditions, s); }
std::optional<Serum> parseSerum(std::string_view s) { return valueOf(kSerums, s); }
std::string allDeviceTypes() { return joined(kDeviceTypes); }
std::string allPressures() { return joined(kPressures); }
std::string allSites() { return joined(kSites); }
std::string allIndications() { return joined(kIndications); }
std::string allConditions() { return joined(kConditions); }
std::string allSerums() { return joined(kSerums); }

}  // namespace dermasim
