#include "render/RenderOptions.hpp"

#include <array>
#include <utility>

#include "core/numerics/NumberText.hpp"

namespace dermasim::render {

namespace {

constexpr std::array<std::pair<View, std::string_view>, 4> kViews{{
    {View::Surface, "surface"},
    {View::Section, "section"},
    {View::Split, "split"},
    {View::BeforeAfter, "before-after"},
}};

constexpr std::array<std::pair<SectionOverlay, std::string_view>, 7> kOverlays{{
    {SectionOverlay::Collagen, "collagen"},
    {SectionOverlay::Collagen1, "collagen1"},
    {SectionOverlay::Collagen3, "collagen3"},
    {SectionOverlay::Elastin, "elastin"},
    {SectionOverlay::Fibroblasts, "fibroblasts"},
    {SectionOverlay::Injury, "injury"},
    {SectionOverlay::Layers, "layers"},
}};

template <typename Table, typename Value>
std::string_view nameIn(const Table& table, Value value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "?";
}

template <typename Value, typename Table>
std::optional<Value> valueIn(const Table& table, std::string_view name) {
  for (const auto& [v, n] : table) {
    if (n == name) return v;
  }
  return std::nullopt;
}

template <typename Table>
std::string namesIn(const Table& table) {
  std::string names;
  for (const auto& entry : table) {
    if (!names.empty()) names += " | ";
    names += entry.second;
  }
  return names;
}

}  // namespace

std::string_view toString(View view) { return nameIn(kViews, view); }
std::string_view toString(SectionOverlay overlay) { return nameIn(kOverlays, overlay); }
std::optional<View> parseView(std::string_view name) { return valueIn<View>(kViews, name); }
std::optional<SectionOverlay> parseSectionOverlay(std::string_view name) {
  return valueIn<SectionOverlay>(kOverlays, name);
}
std::string allViews() { return namesIn(kViews); }
std::string allSectionOverlays() { return namesIn(kOverlays); }

}  // namespace dermasim::render

namespace dermasim::render {

// Hours matter in the days after every session, so two decimals.
std::string formatDay(double day) { return roundedNumber(day, 2); }

}  // namespace dermasim::render
